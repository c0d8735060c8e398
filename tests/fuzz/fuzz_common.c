/* SPDX-License-Identifier: MIT */
#include "tests/fuzz/fuzz.h"

#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands/commands.h"
#include "device/device.h"
#include "device/lab.h"
#include "models/models.h"
#include "shell/shell.h"
#include "util/util.h"

#define TMPDIRS_MAX	8

static char	*tmpdirs[TMPDIRS_MAX];
static size_t	 ntmpdirs;

const char *
fuzz_data_dir(void)
{
	const char	*dir = getenv("ASAEMU_DATA");

	return dir != NULL ? dir : ASA_FUZZ_DATA_DIR;
}

const struct model_db *
fuzz_db(void)
{
	static struct model_db	*db;
	struct diag		 d;

	if (db != NULL)
		return db;
	diag_init(&d);
	if ((db = model_db_load(fuzz_data_dir(), false, &d)) == NULL) {
		diag_print(&d, stderr);
		abort();
	}
	diag_release(&d);
	return db;
}

char *
fuzz_strndup(const uint8_t *data, size_t size)
{
	char	*s = xmalloc(size + 1);

	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

static int
rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void
tmpdirs_remove(void)
{
	for (size_t i = 0; i < ntmpdirs; i++) {
		(void)nftw(tmpdirs[i], rm_one, 16, FTW_DEPTH | FTW_PHYS);
		free(tmpdirs[i]);
	}
	ntmpdirs = 0;
}

char *
fuzz_tmpdir(const char *tag)
{
	const char *base = getenv("TMPDIR");
	char	*dir;

	if (ntmpdirs == TMPDIRS_MAX)
		abort();
	xasprintf(&dir, "%s/asaemu-fuzz-%s-XXXXXX", base != NULL &&
	    *base != '\0' ? base : "/tmp", tag);
	if (mkdtemp(dir) == NULL)
		abort();
	if (ntmpdirs == 0)
		atexit(tmpdirs_remove);
	tmpdirs[ntmpdirs++] = xstrdup(dir);
	return dir;
}

struct device *
fuzz_device(struct lab *lab, struct event_loop *loop, const char *serial)
{
	return fuzz_device_model(lab, loop, "ASA5520", serial);
}

struct device *
fuzz_device_model(struct lab *lab, struct event_loop *loop,
    const char *model, const char *serial)
{
	struct device_opts	 o;
	struct device		*dev;
	char			*flash = fuzz_tmpdir("flash");
	char			*cause = NULL;

	memset(&o, 0, sizeof o);
	o.db = fuzz_db();
	o.model = model;
	o.serial = serial;
	o.software = "9.1(7)12";
	o.flash = flash;
	o.clock = "2013-03-01T12:00:00Z";
	o.lab = lab;
	if ((dev = device_new(&o, &cause)) == NULL) {
		fprintf(stderr, "device: %s\n", cause);
		abort();
	}
	free(flash);
	if (lab != NULL)
		device_net_start(dev, loop);
	return dev;
}

static const char *
hostname_of(struct cmd_ctx *ctx)
{
	return ctx->dev->hostname;
}

void
fuzz_configure(struct device *dev, const char *lines)
{
	static struct grammar	*g;
	struct session_opts	 so;
	struct session		*s;
	struct cmd_ctx		*ctx;
	struct strbuf		 in;
	char			*cause = NULL;
	int			 p[2], null_fd, rc;

	if (g == NULL && (g = grammar_build(cmd_table, &cause)) == NULL)
		abort();
	strbuf_init(&in, 0);
	strbuf_printf(&in, "enable\n\nconfigure terminal\n%s\nend\n", lines);
	/* The lines fit in the pipe: a few hundred bytes. */
	if (pipe(p) != 0 || file_write_all(p[1], in.buf, in.len) != 0 ||
	    (null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC)) == -1)
		abort();
	close(p[1]);
	strbuf_release(&in);
	memset(&so, 0, sizeof so);
	so.grammar = g;
	so.hostname_of = hostname_of;
	so.before = cmd_license_tick;
	so.after = cmd_network_sync;
	so.in_fd = p[0];
	so.out_fd = getenv("ASAEMU_FUZZ_SHOW") != NULL ? STDERR_FILENO :
	    null_fd;
	s = session_new(&so);
	ctx = xcalloc(1, sizeof *ctx);
	ctx->dev = dev;
	ctx->sess = s;
	ctx->out = session_out(s);
	session_set_ctx(s, ctx);
	grammar_set_limits(g, cmd_limit, ctx);
	cmd_boot(ctx);
	rc = session_run(s);
	session_free(s);
	free(ctx);
	close(p[0]);
	close(null_fd);
	if (rc != 0) {
		fprintf(stderr, "fuzz_configure: a line was refused "
		    "(ASAEMU_FUZZ_SHOW=1 shows them):\n%s\n", lines);
		abort();
	}
}

static void
loop_stop(void *arg)
{
	event_loop_break(arg);
}

void
fuzz_loop_flush(struct event_loop *loop)
{
	(void)event_timer_add(loop, 0, loop_stop, loop);
	(void)event_loop_run(loop);
}

void
fuzz_drain(const int *fds, size_t n, bool show)
{
	char	 buf[4096];
	ssize_t	 len;
	int	 fd;

	for (size_t i = 0; i < n; i++) {
		while ((fd = lab_accept(fds[i])) != -1) {
			while ((len = read(fd, buf, sizeof buf)) > 0)
				if (show)
					fwrite(buf, 1, (size_t)len, stderr);
			close(fd);
		}
	}
}
