/* SPDX-License-Identifier: MIT */
/*
 * A whole batch session: the input is what a script pipes into asaemu,
 * run against an ASA 5520 on a frozen clock whose flash is emptied
 * before every input (so that inputs stay independent), output to
 * /dev/null. Everything a user can type, and the flash it leaves.
 */
#include "tests/fuzz/fuzz.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands/commands.h"
#include "device/device.h"
#include "shell/shell.h"
#include "util/util.h"

static char	 flash[64];

static const char *
hostname_of(struct cmd_ctx *ctx)
{
	return ctx->dev->hostname;
}

/* Empty flash/.private (one level: the device makes no folders). */
static void
flash_empty(void)
{
	char		 path[128];
	struct dirent	*de;
	DIR		*dp;
	int		 fd;

	snprintf(path, sizeof path, "%s/.private", flash);
	if ((dp = opendir(path)) == NULL)
		return;
	fd = dirfd(dp);
	while ((de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			(void)unlinkat(fd, de->d_name, 0);
	}
	closedir(dp);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct grammar	*g;
	static int		 null_fd = -1;
	struct device_opts	 o;
	struct session_opts	 so;
	struct device		*dev;
	struct session		*s;
	struct cmd_ctx		*ctx;
	char			*cause = NULL;
	int			 in, p[2];

	if (size > 8192)
		return 0;
	if (g == NULL) {
		snprintf(flash, sizeof flash, "/tmp/asaemu-fuzz-batch-XXXXXX");
		if (mkdtemp(flash) == NULL ||
		    (g = grammar_build(cmd_table, &cause)) == NULL ||
		    (null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC)) == -1)
			abort();
		/* ASAEMU_FUZZ_SHOW=1: the sessions' output on stderr. */
		if (getenv("ASAEMU_FUZZ_SHOW") != NULL)
			null_fd = STDERR_FILENO;
	}
	flash_empty();
	memset(&o, 0, sizeof o);
	o.db = fuzz_db();
	o.model = "ASA5520";
	o.serial = "JMX1234L0AB";
	o.software = "9.1(7)12";
	o.flash = flash;
	o.clock = "2013-03-01T12:00:00Z";
	if ((dev = device_new(&o, &cause)) == NULL) {
		fprintf(stderr, "device: %s\n", cause);
		abort();
	}
	/* A pipe holds the whole input (at most 8 KiB), then its end. */
	if (pipe(p) != 0 || file_write_all(p[1], data, size) != 0)
		abort();
	close(p[1]);
	in = p[0];
	memset(&so, 0, sizeof so);
	so.grammar = g;
	so.hostname_of = hostname_of;
	so.before = cmd_license_tick;
	so.after = cmd_network_sync;
	so.in_fd = in;
	so.out_fd = null_fd;
	s = session_new(&so);
	ctx = xcalloc(1, sizeof *ctx);
	ctx->dev = dev;
	ctx->sess = s;
	ctx->out = session_out(s);
	session_set_ctx(s, ctx);
	grammar_set_limits(g, cmd_limit, ctx);
	cmd_boot(ctx);
	out_pager_set(ctx->out, dev->pager_lines);
	(void)session_run(s);
	session_free(s);
	free(ctx);
	close(in);
	device_free(dev);
	return 0;
}
