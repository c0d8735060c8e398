/* SPDX-License-Identifier: MIT */
/*
 * Diagnostics of the model loader: a list of "file:line: message" lines,
 * all collected before the load fails.
 */
#include "models/models.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/util.h"

void
diag_init(struct diag *d)
{
	d->lines = NULL;
	d->n = 0;
}

void
diag_release(struct diag *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->lines[i]);
	free(d->lines);
	diag_init(d);
}

void
diag_add(struct diag *d, const char *file, long line, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg, *out;

	va_start(ap, fmt);
	xvasprintf(&msg, fmt, ap);
	va_end(ap);
	if (line > 0)
		xasprintf(&out, "%s:%ld: %s", file, line, msg);
	else
		xasprintf(&out, "%s: %s", file, msg);
	free(msg);
	d->lines = xreallocarray(d->lines, d->n + 1, sizeof *d->lines);
	d->lines[d->n++] = out;
}

void
diag_print(const struct diag *d, FILE *f)
{
	for (size_t i = 0; i < d->n; i++)
		fprintf(f, "%s\n", d->lines[i]);
}
