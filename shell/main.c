/* SPDX-License-Identifier: MIT */
/*
 * asaemu: parse the command line, load the model data, create the device,
 * replay its startup configuration and run the session. Exit status: 0
 * when every command succeeded, 1 when any printed an ERROR, 2 when the
 * device could not start.
 */
#include <fcntl.h>
#include <getopt.h>
#include <openssl/crypto.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands/commands.h"
#include "device/device.h"
#include "models/models.h"
#include "shell/shell.h"

#define DEFAULT_MODEL	 "ASA5520"
#define DEFAULT_SERIAL	 "JMX1234L0AB"
#define DEFAULT_SOFTWARE "9.1(7)12"	/* verified show version capture */

struct options {
	struct device_opts	 dev;
	const char		*data;
	const char		*batch;
	const char		*check;
	bool			 list;
	bool			 stop_on_error;
};

static const struct option longopts[] = {
	{ "model",	  required_argument, NULL, 'm' },
	{ "serial",	  required_argument, NULL, 's' },
	{ "software",	  required_argument, NULL, 'S' },
	{ "flash",	  required_argument, NULL, 'f' },
	{ "clock",	  required_argument, NULL, 'c' },
	{ "batch",	  required_argument, NULL, 'b' },
	{ "stop-on-error", no_argument,	     NULL, 'e' },
	{ "data",	  required_argument, NULL, 'd' },
	{ "list-models",  no_argument,	     NULL, 'l' },
	{ "check-data",	  required_argument, NULL, 'C' },
	{ "help",	  no_argument,	     NULL, 'h' },
	{ "version",	  no_argument,	     NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static void
usage(FILE *f)
{
	fputs("usage: asaemu [options]\n"
	    "  --model ID          platform (default " DEFAULT_MODEL
	    "; --list-models)\n"
	    "  --serial SN         serial number (default " DEFAULT_SERIAL ")\n"
	    "  --software VERSION  running software (default "
	    DEFAULT_SOFTWARE ")\n"
	    "  --flash DIR         flash directory (default "
	    "$XDG_STATE_HOME/asaemu/SERIAL)\n"
	    "  --clock TIME        frozen start time, YYYY-MM-DDTHH:MM:SSZ\n"
	    "  --batch FILE        run the commands of FILE, then exit\n"
	    "  --stop-on-error     stop at the first command that fails\n"
	    "  --data DIR          model data directory\n"
	    "  --list-models       list the platforms and exit\n"
	    "  --check-data DIR    validate a data directory and exit\n"
	    "  --help, --version\n", f);
}

static int
parse_options(int argc, char **argv, struct options *o)
{
	int	 c;

	memset(o, 0, sizeof *o);
	o->dev.model = DEFAULT_MODEL;
	o->dev.serial = DEFAULT_SERIAL;
	o->dev.software = DEFAULT_SOFTWARE;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'm': o->dev.model = optarg; break;
		case 's': o->dev.serial = optarg; break;
		case 'S': o->dev.software = optarg; break;
		case 'f': o->dev.flash = optarg; break;
		case 'c': o->dev.clock = optarg; break;
		case 'b': o->batch = optarg; break;
		case 'e': o->stop_on_error = true; break;
		case 'd': o->data = optarg; break;
		case 'l': o->list = true; break;
		case 'C': o->check = optarg; break;
		case 'h': usage(stdout); exit(0);
		case 'V': puts("asaemu 0.1.0"); exit(0);
		default: usage(stderr); return -1;
		}
	}
	if (optind != argc) {
		usage(stderr);
		return -1;
	}
	return 0;
}

/*
 * Load the data directory: all of it, checked against the schemas, for
 * --check-data (check); all of it for --list-models (model NULL); else
 * what the device's model needs.
 */
static struct model_db *
load_data(const char *dir, const char *model, bool check)
{
	struct diag	 d;
	struct model_db	*db;

	diag_init(&d);
	if (check || model == NULL)
		db = model_db_load(dir, check, &d);
	else
		db = model_db_load_model(dir, model, &d);
	diag_print(&d, stderr);
	diag_release(&d);
	return db;
}

static void
list_models(const struct model_db *db, FILE *f)
{
	for (size_t i = 0; i < model_db_count(db); i++) {
		const struct lic_platform *p = model_db_platform(db, i);

		fprintf(f, "%-18s %s\n", p->id, p->name);
	}
}

static int
run(const struct options *o, struct model_db *db)
{
	struct session_opts	 so;
	struct cmd_ctx		 ctx;
	struct grammar		*g;
	struct session		*s;
	char			*cause = NULL;
	int			 in_fd = STDIN_FILENO, status;

	memset(&ctx, 0, sizeof ctx);
	if ((ctx.dev = device_new(&o->dev, &cause)) == NULL) {
		fprintf(stderr, "asaemu: %s\n", cause);
		if (model_db_find(db, o->dev.model) == NULL) {
			fputs("valid models:\n", stderr);
			list_models(db, stderr);
		}
		free(cause);
		return 2;
	}
	if ((g = grammar_build(cmd_table, &cause)) == NULL) {
		fprintf(stderr, "asaemu: command table: %s\n", cause);
		free(cause);
		device_free(ctx.dev);
		return 2;
	}
	grammar_set_limits(g, cmd_limit, &ctx);
	if (o->batch != NULL &&
	    (in_fd = open(o->batch, O_RDONLY | O_CLOEXEC)) == -1) {
		fprintf(stderr, "asaemu: %s: cannot open\n", o->batch);
		grammar_free(g);
		device_free(ctx.dev);
		return 2;
	}
	memset(&so, 0, sizeof so);
	so.grammar = g;
	so.ctx = &ctx;
	so.in_fd = in_fd;
	so.out_fd = STDOUT_FILENO;
	so.interactive = o->batch == NULL && isatty(in_fd) &&
	    isatty(STDOUT_FILENO);
	so.stop_on_error = o->stop_on_error;
	so.hostname = ctx.dev->hostname;
	so.before = cmd_license_tick;
	s = session_new(&so);
	ctx.sess = s;
	ctx.out = session_out(s);
	cmd_boot(&ctx);
	out_pager_set(ctx.out, ctx.dev->pager_lines);
	status = session_run(s);
	session_free(s);
	grammar_free(g);
	device_free(ctx.dev);
	return status;
}

int
main(int argc, char **argv)
{
	struct options	 o;
	struct model_db	*db;
	int		 status;

	if (parse_options(argc, argv, &o) != 0)
		return 2;
	/* Hashing needs no OpenSSL configuration file: skip reading one. */
	OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG, NULL);
	if (o.check != NULL) {
		db = load_data(o.check, NULL, true);
		model_db_free(db);
		return db != NULL ? 0 : 1;
	}
	if (o.list)
		db = load_data(o.data ? o.data : model_default_dir(), NULL,
		    false);
	else
		db = load_data(o.data ? o.data : model_default_dir(),
		    o.dev.model, false);
	if (db == NULL)
		return 2;
	if (o.list) {
		list_models(db, stdout);
		model_db_free(db);
		return 0;
	}
	o.dev.db = db;
	status = run(&o, db);
	model_db_free(db);
	return status;
}
