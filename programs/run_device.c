/* SPDX-License-Identifier: MIT */
/*
 * The always-on device: one process owns the flash, the clock, the running
 * configuration and the licenses; its event loop serves the console (the
 * terminal that started it, unless --detach), every attached session and
 * the timers. Time-based keys count down while nobody types: they expire
 * at their time, their syslog messages reach the console as they happen,
 * and the time they used is kept on flash every minute, so a kill -9
 * loses at most that. A scheduled reload (reload in / at) is a timer
 * too: when device time reaches it the console sees the shutdown and the
 * boot, and every login ends.
 */
#include "programs/programs.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "device/shared.h"

/* Time used by time-based keys reaches flash at least this often. */
#define TICK_MS		(60 * 1000)

struct devrun {
	const struct options	*o;
	struct event_loop	*loop;
	struct server		*srv;
	struct cmd_grammars	*g;
	struct device		*dev;
	struct cmd_ctx		 limits;	/* the grammar's limits */
	struct event		*tick;
	struct event		*reload;	/* the scheduled reload */
	struct lab		*lab;
	int			 clock_fd;	/* the lab clock's watch */
	bool			 down;
	int			 status;	/* the console's */
};

static void	 dr_schedule(struct devrun *);
static void	 dr_reload_changed(void *);

/* What a session's commands make the device log reaches the console. */
static void
dr_notify(struct cmd_ctx *ctx, const char *text)
{
	if (!session_is_console(ctx->sess))
		server_notify(session_server(ctx->sess), text);
}

static struct cmd_ctx *
dr_open(void *arg, struct session *s)
{
	struct devrun	*dr = arg;
	struct cmd_ctx	*ctx = prog_ctx_new(dr->dev, s);

	ctx->notify = dr_notify;
	ctx->gr = dr->g;
	ctx->reload_changed = dr_reload_changed;
	ctx->reload_arg = dr;
	/* A new login starts in the system execution space. */
	cmd_space_enter(ctx, NULL);
	out_pager_set(ctx->out, dr->dev->pager_lines);
	return ctx;
}

static void
dr_close(void *arg, struct cmd_ctx *ctx)
{
	(void)arg;
	free(ctx);
}

static void
dr_gone(void *arg)
{
	struct devrun	*dr = arg;

	event_loop_break(dr->loop);
}

static void
dr_shutdown(void *arg)
{
	struct devrun	*dr = arg;

	if (dr->down)
		return;
	dr->down = true;
	server_shutdown(dr->srv, dr_gone, dr);
}

/*
 * Count the keys down to now: messages go to the console, the time used
 * to flash. Then wait for the next expiry or a minute, whichever is first.
 */
static void
dr_tick(void *arg)
{
	struct devrun	*dr = arg;
	struct cmd_ctx	 ctx;
	const char	*text;

	dr->tick = NULL;
	memset(&ctx, 0, sizeof ctx);
	ctx.dev = dr->dev;
	ctx.out = out_new_buffer();
	cmd_license_tick(&ctx);
	text = out_buffer(ctx.out);
	if (text != NULL && *text != '\0')
		server_notify(dr->srv, text);
	out_free(ctx.out);
	dr_schedule(dr);
}

static void
dr_schedule(struct devrun *dr)
{
	const struct device_license *l = &dr->dev->lic;
	int64_t		 now = (int64_t)device_now(dr->dev).tv_sec;
	uint64_t	 ms = TICK_MS;

	for (size_t i = 0; i < l->ntimed; i++) {
		uint64_t left;

		if (!l->timed[i].active)
			continue;
		left = lic_timed_remaining(&l->timed[i], now) * 1000;
		if (left < ms)
			ms = left;
	}
	event_del(dr->tick);
	dr->tick = event_timer_add(dr->loop, ms, dr_tick, dr);
}

/*
 * The scheduled reload's time: the shutdown and the boot in a session of
 * its own, their text to the console, every login ended, the console at
 * the new boot's user prompt. Early (a frozen clock, or time moved
 * back): wait again.
 */
static void
dr_reload_fire(void *arg)
{
	struct devrun	*dr = arg;
	struct session_opts so;
	struct session	*s;
	struct cmd_ctx	*ctx, *cc;
	const char	*text;

	dr->reload = NULL;
	if (dr->dev->reload_at == 0)
		return;
	if (cmd_reload_left_ms(dr->dev) > 0) {
		dr_reload_changed(dr);
		return;
	}
	prog_session_opts(&so, dr->g->g[CMD_SPACE_SINGLE]);
	so.in_fd = -1;
	so.out_fd = -1;
	s = session_new(&so);
	ctx = prog_ctx_new(dr->dev, s);
	ctx->gr = dr->g;
	server_end_logins(dr->srv);
	(void)cmd_reload_due(ctx);
	text = out_buffer(ctx->out);
	if (text != NULL && *text != '\0')
		server_notify(dr->srv, text);
	session_free(s);
	free(ctx);
	if ((cc = server_console_ctx(dr->srv)) != NULL) {
		cmd_space_enter(cc, NULL);
		session_set_mode(cc->sess, dr->dev->rommon ? MODE_ROMMON :
		    MODE_USER);
	}
}

/* The hook of every session's context: arm the reload's timer. */
static void
dr_reload_changed(void *arg)
{
	struct devrun	*dr = arg;

	event_del(dr->reload);
	dr->reload = NULL;
	if (dr->dev->reload_at != 0)
		dr->reload = event_timer_add(dr->loop,
		    cmd_reload_left_ms(dr->dev), dr_reload_fire, dr);
}

/* Shared licensing reported events: their syslog lines to the console. */
static void
dr_shared(void *arg)
{
	struct devrun	*dr = arg;
	struct cmd_ctx	 ctx;
	const char	*text;

	memset(&ctx, 0, sizeof ctx);
	ctx.dev = dr->dev;
	ctx.out = out_new_buffer();
	cmd_shared_report(&ctx);
	text = out_buffer(ctx.out);
	if (text != NULL && *text != '\0')
		server_notify(dr->srv, text);
	out_free(ctx.out);
}

/* A foreground device ends with its console. */
static void
dr_console_end(void *arg, int status)
{
	struct devrun	*dr = arg;

	dr->status = status;
	dr_shutdown(dr);
}

/* Another device of the lab moved the lab's time: act on it now. */
static void
dr_clock(void *arg)
{
	struct devrun	*dr = arg;

	lab_clock_drain(dr->clock_fd);
	device_lab_clock_changed(dr->dev);
	dr_tick(dr);
	dr_reload_changed(dr);
}

static void
dr_signal(void *arg)
{
	dr_shutdown(arg);
}

/*
 * asaemu auth (sshd's PAM, scripts/serve-ssh.sh): the running
 * configuration decides (cmd_ssh_allowed); a refusal is logged with why.
 */
static bool
dr_auth(void *arg, const char *user, const char *password, const char *from)
{
	struct devrun	*dr = arg;
	struct in_addr	 in;
	const char	*why = NULL;
	uint32_t	 ip = 0;
	size_t		 sel = dr->dev->ctxs.sel;
	bool		 ok;

	if (from != NULL && inet_pton(AF_INET, from, &in) == 1)
		ip = ntohl(in.s_addr);
	/* In multiple context mode logins are the admin context's. */
	if (dr->dev->ctxs.multi)
		device_space_select(dr->dev, device_context_find(dr->dev,
		    dr->dev->ctxs.admin));
	ok = cmd_ssh_allowed(dr->dev, user, password, ip, &why);
	device_space_select(dr->dev, sel);
	if (ok)
		return true;
	fprintf(stderr, "asaemu: ssh login refused for %s from %s: %s\n",
	    user, from != NULL ? from : "?", why);
	return false;
}

static void
dr_winch(void *arg)
{
	struct devrun	*dr = arg;

	server_console_resized(dr->srv);
}

/* The startup configuration, replayed onto the console's output. */
static void
dr_boot(struct devrun *dr, int out_fd)
{
	struct session_opts	 so;
	struct session		*s;
	struct cmd_ctx		*ctx;

	prog_session_opts(&so, cmd_grammar(dr->g, cmd_space_start(dr->dev)));
	so.in_fd = -1;
	so.out_fd = out_fd;
	s = session_new(&so);
	ctx = prog_ctx_new(dr->dev, s);
	ctx->gr = dr->g;
	cmd_boot(ctx);
	session_free(s);
	free(ctx);
}

/*
 * --detach: the parent returns once the child listens (0) or has failed
 * (2, its reason already on standard error). Returns in the child only,
 * with the descriptor that says "ready".
 */
static int
daemonize(void)
{
	int	 p[2];
	char	 c;
	pid_t	 pid;

	if (pipe(p) != 0 || (pid = fork()) == -1) {
		perror("asaemu: fork");
		exit(2);
	}
	if (pid > 0) {
		close(p[1]);
		exit(read(p[0], &c, 1) == 1 ? 0 : 2);
	}
	close(p[0]);
	setsid();
	return p[1];
}

/* Standard streams of a detached device: nothing in, a log on flash. */
static void
detach_streams(const struct options *o)
{
	char	*log;
	int	 fd;

	xasprintf(&log, "%s/.private/log", o->flash);
	if ((fd = open("/dev/null", O_RDWR)) != -1) {
		dup2(fd, STDIN_FILENO);
		dup2(fd, STDOUT_FILENO);
		close(fd);
	}
	if ((fd = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC,
	    0600)) != -1) {
		dup2(fd, STDERR_FILENO);
		close(fd);
	}
	free(log);
}

static int
dr_start(struct devrun *dr)
{
	static const int sigs[] = { SIGTERM, SIGINT, SIGHUP, SIGWINCH };
	struct session_opts	 so;
	struct server_hooks	 hooks = {
		.open = dr_open, .close = dr_close,
		.console_end = dr_console_end, .stop = dr_shutdown,
		.auth = dr_auth, .arg = dr,
	};
	char			*cause = NULL;

	signal(SIGPIPE, SIG_IGN);
	event_signals_block(sigs, sizeof sigs / sizeof sigs[0]);
	dr->loop = event_loop_new();
	for (size_t i = 0; i < 3; i++)
		event_signal_add(dr->loop, sigs[i], dr_signal, dr);
	event_signal_add(dr->loop, SIGWINCH, dr_winch, dr);
	prog_session_opts(&so, cmd_grammar(dr->g, cmd_space_start(dr->dev)));
	dr->srv = server_new(dr->loop, dr->o->sock, &so, &hooks, &cause);
	if (dr->srv == NULL) {
		fprintf(stderr, "asaemu: %s\n", cause);
		free(cause);
		return -1;
	}
	return 0;
}

int
run_device(const struct options *o, struct model_db *db)
{
	struct devrun	 dr;
	char		*cause = NULL;
	int		 ready = -1, null, status = 2;
	bool		 console = !o->detach;

	memset(&dr, 0, sizeof dr);
	dr.o = o;
	dr.clock_fd = -1;
	if (o->detach && !o->no_daemon)
		ready = daemonize();
	if ((dr.lab = lab_open(o->lab, &cause)) == NULL) {
		fprintf(stderr, "asaemu: %s\n", cause);
		free(cause);
		return 2;
	}
	if ((dr.dev = prog_device_new(o, db, dr.lab)) == NULL)
		goto out;
	if ((dr.g = prog_grammar(dr.dev)) == NULL || dr_start(&dr) != 0)
		goto out;
	dr.limits.dev = dr.dev;
	device_shared_hook(dr.dev, dr_shared, &dr);
	run_failover_attach(dr.dev, dr.g, dr.srv, console);
	run_cluster_attach(dr.dev, dr.g, dr.srv, console);
	device_net_start(dr.dev, dr.loop);
	if ((dr.clock_fd = lab_clock_watch(dr.lab)) != -1)
		event_fd_add(dr.loop, dr.clock_fd, POLLIN, dr_clock, &dr);
	cmd_grammars_set_limits(dr.g, cmd_limit, &dr.limits);
	if (console)
		dr_boot(&dr, STDOUT_FILENO);
	else if ((null = open("/dev/null", O_WRONLY | O_CLOEXEC)) != -1) {
		dr_boot(&dr, null);
		close(null);
	}
	if (ready != -1) {
		detach_streams(o);
		(void)write(ready, "1", 1);
		close(ready);
	}
	if (console)
		server_console(dr.srv, STDIN_FILENO, STDOUT_FILENO,
		    isatty(STDIN_FILENO) && isatty(STDOUT_FILENO));
	dr_schedule(&dr);
	event_loop_run(dr.loop);
	status = dr.status;
out:
	server_free(dr.srv);
	/* The device's timers, endpoints and links are events of the loop. */
	device_free(dr.dev);
	event_loop_free(dr.loop);
	cmd_grammars_free(dr.g);
	if (dr.clock_fd != -1)
		close(dr.clock_fd);
	lab_free(dr.lab);
	return status;
}
