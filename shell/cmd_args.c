/* SPDX-License-Identifier: MIT */
/*
 * Named arguments of a matched command, as handlers read them:
 * cmd_arg_has(args, "detail"), cmd_arg_str(args, "key"),
 * cmd_arg_u32(args, "port", 0). The matcher fills them (grammar_match.c).
 */
#include "shell/shell.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/*
 * The last argument by that name: in "ssh port <port:1-65535>" the slot
 * comes after the keyword it shares its name with.
 */
static const struct cmd_arg *
cmd_arg_find(const struct cmd_args *args, const char *name)
{
	/* The first byte spares most strcmp calls: handlers ask often. */
	for (size_t i = args->n; i > 0; i--) {
		if (args->v[i - 1].name[0] == name[0] &&
		    strcmp(args->v[i - 1].name, name) == 0)
			return &args->v[i - 1];
	}
	return NULL;
}

bool
cmd_arg_has(const struct cmd_args *args, const char *name)
{
	return cmd_arg_find(args, name) != NULL;
}

const char *
cmd_arg_str(const struct cmd_args *args, const char *name)
{
	const struct cmd_arg	*a = cmd_arg_find(args, name);

	return a != NULL ? a->value : NULL;
}

uint32_t
cmd_arg_u32(const struct cmd_args *args, const char *name, uint32_t dflt)
{
	const struct cmd_arg	*a = cmd_arg_find(args, name);

	return a != NULL && a->numeric ? a->num : dflt;
}
