/* SPDX-License-Identifier: MIT */
/*
 * Which commands exist where. Single mode has the whole table; in
 * multiple context mode the system execution space and a context each
 * have their own command set, as the command reference's "Security
 * Context: System / Context" columns give them: a command missing from
 * a space is "Invalid input" there, for Enter, '?' and Tab alike (one
 * grammar per space, built when a session first enters the space:
 * single mode never builds the other two). Shared licensing is
 * "supported only in single context mode" (chapter); activation-key is
 * the system's ("apply the activation key in the system execution
 * space"); interfaces are allocated in the system and addressed in the
 * contexts.
 */
#include "commands/commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands/commands_int.h"

/* Commands of single mode and no multiple-mode space. */
static const struct cmd_entry *const single_only[] = {
	&cmd_license_server_address_entry,
	&cmd_no_license_server_address_entry,
	&cmd_license_server_backup_entry,
	&cmd_license_server_backup_address_entry,
	&cmd_license_server_backup_enable_entry,
	&cmd_license_server_enable_entry,
	&cmd_license_server_port_entry,
	&cmd_no_license_server_port_entry,
	&cmd_license_server_refresh_entry,
	&cmd_no_license_server_refresh_entry,
	&cmd_license_server_secret_entry,
	&cmd_no_license_server_secret_entry,
	&cmd_show_shared_license_entry,
	&cmd_show_running_config_ls_entry,
	NULL
};

/* Commands of multiple context mode only (both spaces or the system's). */
static const struct cmd_entry *const multi_only[] = {
	&cmd_changeto_entry,
	&cmd_clear_configure_context_entry,
	&cmd_context_entry,
	&cmd_admin_context_entry,
	&cmd_allocate_interface_entry,
	&cmd_config_url_entry,
	&cmd_ctx_description_entry,
	&cmd_join_failover_group_entry,
	&cmd_show_context_entry,
	&cmd_write_memory_all_entry,
	NULL
};

/* Not in a context: the system execution space's (or single mode's). */
static const struct cmd_entry *const system_only[] = {
	&cmd_activation_key_entry,
	/* [M] chapter: "In multiple context mode, view the activation key
	 * in the System execution space". */
	&cmd_show_activation_key_entry,
	&cmd_activation_key_timed_entry,
	&cmd_mode_entry,
	&cmd_clear_configure_context_entry,
	&cmd_context_entry,
	&cmd_admin_context_entry,
	&cmd_allocate_interface_entry,
	&cmd_config_url_entry,
	&cmd_ctx_description_entry,
	&cmd_join_failover_group_entry,
	&cmd_show_context_entry,
	&cmd_write_memory_all_entry,
	&cmd_boot_system_entry,
	&cmd_asdm_image_entry,
	&cmd_no_asdm_image_entry,
	&cmd_show_bootvar_entry,
	&cmd_reload_entry,
	&cmd_reload_cancel_entry,
	&cmd_show_reload_entry,
	&cmd_clock_set_entry,
	&cmd_tls_proxy_maximum_sessions_entry,
	&cmd_no_tls_proxy_maximum_sessions_entry,
	&cmd_vlan_entry,
	&cmd_no_vlan_entry,
	&cmd_failover_group_entry,
	&cmd_fover_unit_entry,
	&cmd_fover_preempt_entry,
	&cmd_failover_active_group_entry,
	NULL
};

/* Not in the system execution space: a context's (or single mode's). */
static const struct cmd_entry *const context_only[] = {
	&cmd_nameif_entry,
	&cmd_no_nameif_entry,
	&cmd_security_level_entry,
	&cmd_no_security_level_entry,
	&cmd_ip_address_entry,
	&cmd_no_ip_address_entry,
	&cmd_aaa_authentication_ssh_entry,
	&cmd_ssh_entry,
	&cmd_ssh_timeout_entry,
	&cmd_no_ssh_timeout_entry,
	&cmd_show_running_config_ssh_entry,
	&cmd_ping_tcp_entry,
	NULL
};

static bool
listed(const struct cmd_entry *const *list, const struct cmd_entry *e)
{
	for (; *list != NULL; list++)
		if (*list == e)
			return true;
	return false;
}

static bool
in_space(enum cmd_space sp, const struct cmd_entry *e)
{
	switch (sp) {
	case CMD_SPACE_SINGLE:
		return !listed(multi_only, e);
	case CMD_SPACE_SYSTEM:
		return !listed(single_only, e) && !listed(context_only, e);
	case CMD_SPACE_CONTEXT:
		return !listed(single_only, e) && !listed(system_only, e);
	case CMD_SPACE_COUNT:
		break;
	}
	return false;
}

struct cmd_grammars *
cmd_grammars_new(void)
{
	return xcalloc(1, sizeof(struct cmd_grammars));
}

struct grammar *
cmd_grammars_build(struct cmd_grammars *gs, enum cmd_space sp,
    char **cause)
{
	size_t		 n = 0, k = 0;
	const struct cmd_entry **t;

	if (gs->g[sp] != NULL)
		return gs->g[sp];
	while (cmd_table[n] != NULL)
		n++;
	t = xcalloc(n + 1, sizeof *t);
	for (size_t i = 0; i < n; i++)
		if (cmd_table[i]->syntax == NULL || in_space(sp, cmd_table[i]))
			t[k++] = cmd_table[i];
	t[k] = NULL;
	if ((gs->g[sp] = grammar_build(t, cause)) != NULL)
		grammar_set_limits(gs->g[sp], gs->limit, gs->limit_arg);
	free(t);
	return gs->g[sp];
}

const struct grammar *
cmd_grammar(struct cmd_grammars *gs, enum cmd_space sp)
{
	char	*cause = NULL;

	if (cmd_grammars_build(gs, sp, &cause) == NULL) {
		/* test_cmd_table builds every space: a broken build. */
		fprintf(stderr, "asaemu: command table: %s\n", cause);
		abort();
	}
	return gs->g[sp];
}

void
cmd_grammars_use_image(struct cmd_grammars *gs, enum cmd_space sp,
    const struct grammar_image *im)
{
	if (gs->g[sp] != NULL)
		return;
	gs->g[sp] = grammar_from_image(im);
	grammar_set_limits(gs->g[sp], gs->limit, gs->limit_arg);
}

void
cmd_grammars_free(struct cmd_grammars *gs)
{
	if (gs == NULL)
		return;
	for (int sp = 0; sp < CMD_SPACE_COUNT; sp++)
		grammar_free(gs->g[sp]);
	free(gs);
}

void
cmd_grammars_set_limits(struct cmd_grammars *gs, grammar_limit_fn *fn,
    void *arg)
{
	gs->limit = fn;
	gs->limit_arg = arg;
	for (int sp = 0; sp < CMD_SPACE_COUNT; sp++)
		if (gs->g[sp] != NULL)
			grammar_set_limits(gs->g[sp], fn, arg);
}

enum cmd_space
cmd_space_start(const struct device *dev)
{
	return dev->ctxs.multi ? CMD_SPACE_SYSTEM : CMD_SPACE_SINGLE;
}

bool
cmd_in_context(const struct cmd_ctx *ctx)
{
	return ctx->dev->ctxs.multi && ctx->space[0] != '\0';
}

void
cmd_space_enter(struct cmd_ctx *ctx, const char *name)
{
	struct device	*dev = ctx->dev;
	enum cmd_space	 sp = CMD_SPACE_SINGLE;

	snprintf(ctx->space, sizeof ctx->space, "%s", name ? name : "");
	if (dev->ctxs.multi)
		sp = name != NULL ? CMD_SPACE_CONTEXT : CMD_SPACE_SYSTEM;
	device_space_select(dev, name != NULL ?
	    device_context_find(dev, name) : CTX_SYSTEM);
	if (ctx->gr != NULL)
		session_set_grammar(ctx->sess, cmd_grammar(ctx->gr, sp));
	/* The running release's commands (entries' since). */
	session_set_release(ctx->sess, dev->version);
}

enum cmd_status
cmd_before(struct cmd_ctx *ctx)
{
	struct device	*dev = ctx->dev;
	size_t		 i = CTX_SYSTEM;

	if (dev->ctxs.multi && ctx->space[0] != '\0' &&
	    (i = device_context_find(dev, ctx->space)) == CTX_SYSTEM)
		/* Its context was removed: back to the system [I]. */
		cmd_space_enter(ctx, NULL);
	device_space_select(dev, i);
	return cmd_license_tick(ctx);
}
