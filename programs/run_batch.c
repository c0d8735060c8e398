/* SPDX-License-Identifier: MIT */
/*
 * The device for one run: boot from the startup configuration, run the
 * input (a batch file or a pipe), exit.
 * No event loop and no socket: this is the fast path, milliseconds from
 * exec to exit. Also what every session of a device starts from.
 */
#include "programs/programs.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The prompt's host part: the hostname, or "rommon #N" at ROMMON. */
static const char *
device_hostname(struct cmd_ctx *ctx)
{
	return cmd_prompt_host(ctx);
}

void
prog_session_opts(struct session_opts *so, const struct grammar *g)
{
	memset(so, 0, sizeof *so);
	so->grammar = g;
	so->hostname_of = device_hostname;
	so->before = cmd_before;
	so->allow = cmd_cluster_allow;
	so->after = cmd_network_sync;
	so->after_line = cmd_rommon_line;
}

struct cmd_ctx *
prog_ctx_new(struct device *dev, struct session *s)
{
	struct cmd_ctx	*ctx = xcalloc(1, sizeof *ctx);

	ctx->dev = dev;
	ctx->sess = s;
	ctx->out = session_out(s);
	session_set_ctx(s, ctx);
	return ctx;
}

struct device *
prog_device_new(const struct options *o, const struct model_db *db,
    struct lab *lab)
{
	struct device_opts	 opts = o->dev;
	struct device		*dev;
	char			*cause = NULL;
	uint32_t		 v;

	opts.lab = lab;
	if (lic_version_parse(opts.software, &v) == 0)
		opts.asdm = cmd_asdm_release(v);
	if ((dev = device_new(&opts, &cause)) != NULL)
		return dev;
	fprintf(stderr, "asaemu: %s\n", cause);
	if (model_db_find(db, o->dev.model) == NULL) {
		fputs("valid models:\n", stderr);
		prog_list_models(db, stderr);
	}
	free(cause);
	return NULL;
}

struct cmd_grammars *
prog_grammar(const struct device *dev)
{
	struct cmd_grammars *g = cmd_grammars_new();
	char		*cause = NULL;

	/*
	 * Single mode's graph is compiled in; the others are built when a
	 * session first enters their space.
	 */
	cmd_grammars_use_image(g, CMD_SPACE_SINGLE, &prog_grammar_image);
	if (cmd_grammars_build(g, cmd_space_start(dev), &cause) == NULL) {
		fprintf(stderr, "asaemu: command table: %s\n", cause);
		free(cause);
		cmd_grammars_free(g);
		return NULL;
	}
	return g;
}

int
run_batch(const struct options *o, struct model_db *db)
{
	struct session_opts	 so;
	struct cmd_ctx		*ctx;
	struct device		*dev;
	struct cmd_grammars	*g = NULL;
	struct session		*s;
	int			 in_fd = STDIN_FILENO, status = 2;

	if ((dev = prog_device_new(o, db, NULL)) == NULL)
		return 2;
	if ((g = prog_grammar(dev)) == NULL)
		goto out;
	if (o->batch != NULL &&
	    (in_fd = open(o->batch, O_RDONLY | O_CLOEXEC)) == -1) {
		fprintf(stderr, "asaemu: %s: cannot open\n", o->batch);
		goto out;
	}
	prog_session_opts(&so, cmd_grammar(g, cmd_space_start(dev)));
	so.in_fd = in_fd;
	so.out_fd = STDOUT_FILENO;
	/* A terminal on both sides is an always-on device's console. */
	so.interactive = false;
	so.stop_on_error = o->stop_on_error;
	s = session_new(&so);
	ctx = prog_ctx_new(dev, s);
	ctx->gr = g;
	cmd_grammars_set_limits(g, cmd_limit, ctx);
	cmd_boot(ctx);
	out_pager_set(ctx->out, dev->pager_lines);
	status = session_run(s);
	session_free(s);
	free(ctx);
	if (in_fd != STDIN_FILENO)
		close(in_fd);
out:
	cmd_grammars_free(g);
	device_free(dev);
	return status;
}
