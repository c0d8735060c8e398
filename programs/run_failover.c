/* SPDX-License-Identifier: MIT */
/*
 * An always-on device's failover link, wired to the commands: the
 * configuration it replicates (config_render), the configuration a
 * standby unit receives (cmd_failover_apply, replayed through a session
 * of its own, as the startup configuration is), and the console lines of
 * its events (cmd_failover_event), which a detached device, having no
 * console, writes to its log.
 */
#include "programs/programs.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "device/failover.h"

struct fo_run {
	struct device		*dev;
	struct cmd_grammars	*g;
	struct server		*srv;
	bool			 console;
	enum mode		 exec_mode;	/* failover exec's session,
						   from one command to the
						   next */
};

static struct fo_run	run_fo;

/* The system's (or single mode's) configuration, whatever space a
   session left selected. */
static char *
fr_render(void *arg)
{
	struct fo_run	*fr = arg;
	size_t		 sel = fr->dev->ctxs.sel;
	char		*text;

	device_space_select(fr->dev, CTX_SYSTEM);
	text = config_render(fr->dev, false);
	device_space_select(fr->dev, sel);
	return text;
}

void
run_replay(struct device *dev, struct cmd_grammars *g,
    void (*apply)(struct cmd_ctx *, const char *), const char *config)
{
	struct session_opts	 so;
	struct session		*s;
	struct cmd_ctx		*ctx;
	int			 null = open("/dev/null", O_WRONLY | O_CLOEXEC);

	if (null == -1)
		return;
	/* Multiple context mode: the system execution space's commands. */
	prog_session_opts(&so, cmd_grammar(g, cmd_space_start(dev)));
	so.in_fd = -1;
	so.out_fd = null;
	s = session_new(&so);
	ctx = prog_ctx_new(dev, s);
	/* A context's lines (config-url loads it) need its command set. */
	ctx->gr = g;
	apply(ctx, config);
	session_free(s);
	free(ctx);
	close(null);
}

static void
fr_apply(void *arg, const char *config)
{
	struct fo_run		*fr = arg;

	run_replay(fr->dev, fr->g, cmd_failover_apply, config);
}

/* Context name's running configuration, whatever space is selected. */
static char *
fr_render_context(void *arg, const char *name)
{
	struct fo_run	*fr = arg;
	struct device	*dev = fr->dev;
	size_t		 sel = dev->ctxs.sel;
	char		*text;

	device_space_select(dev, device_context_find(dev, name));
	text = config_render(dev, false);
	device_space_select(dev, sel);
	return text;
}

/* run_replay's apply for one context: the name it is for. */
static const char	*apply_name;

static void
apply_one(struct cmd_ctx *ctx, const char *config)
{
	cmd_failover_apply_context(ctx, apply_name, config);
}

static void
fr_apply_context(void *arg, const char *name, const char *config)
{
	struct fo_run	*fr = arg;

	apply_name = name;
	run_replay(fr->dev, fr->g, apply_one, config);
	apply_name = NULL;
}

/*
 * failover exec from the mate: one command in a session of its own (in
 * the system execution space in multiple context mode), whose mode
 * lasts from one command to the next (failover exec mate configure
 * terminal, then a configuration command).
 */
static char *
fr_exec(void *arg, const char *space, const char *line)
{
	struct fo_run		*fr = arg;
	struct session_opts	 so;
	struct session		*s;
	struct cmd_ctx		*ctx;
	FILE			*f = tmpfile();
	char			*text;
	long			 len;
	size_t			 sel = fr->dev->ctxs.sel;

	if (f == NULL)
		return xstrdup("");
	prog_session_opts(&so, cmd_grammar(fr->g, cmd_space_start(fr->dev)));
	so.in_fd = -1;
	so.out_fd = fileno(f);
	s = session_new(&so);
	ctx = prog_ctx_new(fr->dev, s);
	ctx->gr = fr->g;
	/* A command replicated from a context (write memory there) runs
	   in the same context here; failover exec, in multiple context
	   mode, in the system execution space with its commands. */
	if (space != NULL && device_context_find(fr->dev, space) !=
	    CTX_SYSTEM)
		cmd_space_enter(ctx, space);
	else if (fr->dev->ctxs.multi)
		cmd_space_enter(ctx, NULL);
	session_set_mode(s, fr->exec_mode);
	session_exec(s, line);
	device_space_select(fr->dev, sel);
	fr->exec_mode = session_mode(s);
	session_free(s);
	free(ctx);
	len = ftell(f);
	text = xcalloc(1, len > 0 ? (size_t)len + 1 : 1);
	rewind(f);
	if (len > 0 && fread(text, 1, (size_t)len, f) != (size_t)len)
		text[0] = '\0';
	fclose(f);
	return text;
}

void
run_console(struct server *srv, bool console, struct device *dev,
    void (*word)(struct cmd_ctx *, const void *), const void *ev)
{
	struct cmd_ctx	 ctx;
	const char	*text;

	memset(&ctx, 0, sizeof ctx);
	ctx.dev = dev;
	ctx.out = out_new_buffer();
	word(&ctx, ev);
	text = out_buffer(ctx.out);
	if (text != NULL && *text != '\0') {
		server_notify(srv, text);
		if (!console)
			fputs(text, stderr);
	}
	out_free(ctx.out);
}

static void
fo_word(struct cmd_ctx *ctx, const void *ev)
{
	cmd_failover_event(ctx, ev);
}

static void
fr_event(void *arg, const struct fo_event *ev)
{
	struct fo_run	*fr = arg;

	run_console(fr->srv, fr->console, fr->dev, fo_word, ev);
}

void
run_failover_attach(struct device *dev, struct cmd_grammars *g,
    struct server *srv, bool console)
{
	struct fo_hooks	 h = {
		.arg = &run_fo, .render = fr_render, .apply = fr_apply,
		.event = fr_event, .exec = fr_exec,
		.render_context = fr_render_context,
		.apply_context = fr_apply_context,
	};

	run_fo = (struct fo_run){ .dev = dev, .g = g, .srv = srv,
	    .console = console, .exec_mode = MODE_PRIV };
	device_failover_hooks(dev, &h);
}
