/* SPDX-License-Identifier: MIT */
/*
 * An always-on device's cluster control link, wired to the commands as
 * the failover link is (run_failover.c): the configuration the master
 * replicates (config_render), the configuration a slave receives
 * (cmd_cluster_apply, replayed through a session of its own), and the
 * console lines of its events (cmd_cluster_event).
 */
#include "programs/programs.h"

#include <string.h>

#include "device/cluster.h"

struct cl_run {
	struct device		*dev;
	struct cmd_grammars	*g;
	struct server		*srv;
	bool			 console;
};

static struct cl_run	run_cl;

static char *
cr_render(void *arg)
{
	struct cl_run	*cr = arg;

	return config_render(cr->dev, false);
}

static void
cr_apply(void *arg, const char *config)
{
	struct cl_run	*cr = arg;

	run_replay(cr->dev, cr->g, cmd_cluster_apply, config);
}

static void
cl_word(struct cmd_ctx *ctx, const void *ev)
{
	cmd_cluster_event(ctx, ev);
}

static void
cr_event(void *arg, const struct cl_event *ev)
{
	struct cl_run	*cr = arg;

	run_console(cr->srv, cr->console, cr->dev, cl_word, ev);
}

void
run_cluster_attach(struct device *dev, struct cmd_grammars *g,
    struct server *srv, bool console)
{
	struct cl_hooks	 h = {
		.arg = &run_cl, .render = cr_render, .apply = cr_apply,
		.event = cr_event,
	};

	run_cl = (struct cl_run){ .dev = dev, .g = g, .srv = srv,
	    .console = console };
	device_cluster_hooks(dev, &h);
}
