/* SPDX-License-Identifier: MIT */
/*
 * asaemu: parse the command line and find the device (a lab, a name, a
 * flash). When that device is already running, attach to it; else run
 * it: for one batch in this process, or always on with a console (or
 * detached, with none). Subcommands: attach, ls, stop, auth. Exit status:
 * 0 when every command succeeded, 1 when any printed an ERROR, 2 when the
 * device could not start or be reached.
 */
#include "programs/programs.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_MODEL	 "ASA5520"
#define DEFAULT_SERIAL	 "JMX1234L0AB"
#define DEFAULT_SOFTWARE "9.1(7)12"	/* verified show version capture */

static const struct option longopts[] = {
	{ "model",	  required_argument, NULL, 'm' },
	{ "serial",	  required_argument, NULL, 's' },
	{ "software",	  required_argument, NULL, 'S' },
	{ "flash",	  required_argument, NULL, 'f' },
	{ "lab",	  required_argument, NULL, 'L' },
	{ "name",	  required_argument, NULL, 'n' },
	{ "clock",	  required_argument, NULL, 'c' },
	{ "npe",	  no_argument,	     NULL, 'N' },
	{ "batch",	  required_argument, NULL, 'b' },
	{ "stop-on-error", no_argument,	     NULL, 'e' },
	{ "detach",	  no_argument,	     NULL, 'D' },
	{ "no-daemon",	  no_argument,	     NULL, 'F' },
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
	fputs("usage: asaemu [options]               start the device, or "
	    "attach to it\n"
	    "       asaemu attach [options] [NAME] attach to the running "
	    "device\n"
	    "       asaemu ls [--lab DIR]          list the lab's running "
	    "devices\n"
	    "       asaemu stop [options] [NAME]   stop a running device\n"
	    "  --model ID          platform (default " DEFAULT_MODEL
	    "; --list-models)\n"
	    "  --serial SN         serial number (default " DEFAULT_SERIAL ")\n"
	    "  --software VERSION  running software (default "
	    DEFAULT_SOFTWARE ")\n"
	    "  --lab DIR           the lab (default $XDG_STATE_HOME/asaemu)\n"
	    "  --name NAME         the device in the lab (default: the serial "
	    "number)\n"
	    "  --flash DIR         flash directory (default LAB/NAME)\n"
	    "  --clock TIME        frozen start time, YYYY-MM-DDTHH:MM:SSZ\n"
	    "  --npe               the model's No Payload Encryption variant\n"
	    "  --batch FILE        run the commands of FILE, then exit\n"
	    "  --stop-on-error     stop at the first command that fails\n"
	    "  --detach            run the device with no console\n"
	    "  --no-daemon         with --detach: stay in the foreground\n"
	    "  --data DIR          model data directory\n"
	    "  --list-models       list the platforms and exit\n"
	    "  --check-data DIR    validate a data directory and exit\n"
	    "  --help, --version\n", f);
}

static int
parse_command(struct options *o, int argc, char **argv)
{
	static const struct {
		const char	*word;
		enum prog_cmd	 cmd;
		int		 operands;
	} cmds[] = {
		{ "attach", PROG_ATTACH, 1 },
		{ "ls", PROG_LS, 0 },
		{ "stop", PROG_STOP, 1 },
		{ "auth", PROG_AUTH, 0 },
	};

	if (optind == argc)
		return 0;
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		if (strcmp(argv[optind], cmds[i].word) != 0)
			continue;
		o->cmd = cmds[i].cmd;
		if (argc - optind - 1 > cmds[i].operands)
			return -1;
		if (argc - optind - 1 == 1)
			o->name = argv[optind + 1];
		return 0;
	}
	return -1;
}

/* A device name is one path component of the lab, and not its network. */
static bool
name_valid(const char *name)
{
	size_t	 n = strlen(name);

	if (n == 0 || n > 63 || name[0] == '.' || strcmp(name, "net") == 0)
		return false;
	return strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUV"
	    "WXYZ0123456789._-") == n;
}

static int
resolve_paths(struct options *o, const char *flash)
{
	if (o->name == NULL)
		o->name = o->dev.serial;
	if (!name_valid(o->name)) {
		fprintf(stderr, "asaemu: bad device name %s\n", o->name);
		return -1;
	}
	if ((flash != NULL && *flash == '\0') ||
	    (o->lab != NULL && *o->lab == '\0')) {
		fprintf(stderr, "asaemu: %s is empty\n", flash != NULL &&
		    *flash == '\0' ? "--flash" : "--lab");
		return -1;
	}
	if (o->lab == NULL)
		o->lab = lab_default_dir();
	if (flash != NULL)
		o->flash = xstrdup(flash);
	else
		xasprintf(&o->flash, "%s/%s", o->lab, o->name);
	xasprintf(&o->sock, "%s/.private/attach.sock", o->flash);
	o->dev.flash = o->flash;
	o->dev.labdir = o->lab;
	return 0;
}

static int
parse_options(int argc, char **argv, struct options *o)
{
	const char	*flash = NULL;
	int		 c;

	memset(o, 0, sizeof *o);
	o->dev.model = DEFAULT_MODEL;
	o->dev.serial = DEFAULT_SERIAL;
	o->dev.software = DEFAULT_SOFTWARE;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'm': o->dev.model = optarg; break;
		case 's': o->dev.serial = optarg; break;
		case 'S': o->dev.software = optarg; break;
		case 'f': flash = optarg; break;
		case 'L': free(o->lab); o->lab = xstrdup(optarg); break;
		case 'n': o->name = optarg; break;
		case 'c': o->dev.clock = optarg; break;
		case 'N': o->dev.npe = true; break;
		case 'b': o->batch = optarg; break;
		case 'e': o->stop_on_error = true; break;
		case 'D': o->detach = true; break;
		case 'F': o->no_daemon = true; break;
		case 'd': o->data = optarg; break;
		case 'l': o->list = true; break;
		case 'C': o->check = optarg; break;
		case 'h': usage(stdout); exit(0);
		case 'V': puts("asaemu 0.1.0"); exit(0);
		default: usage(stderr); return -1;
		}
	}
	if (parse_command(o, argc, argv) != 0) {
		usage(stderr);
		return -1;
	}
	return resolve_paths(o, flash);
}

static void
options_release(struct options *o)
{
	free(o->lab);
	free(o->flash);
	free(o->sock);
}

/*
 * Load the data directory: all of it, checked against the schemas, for
 * --check-data (check); all of it for --list-models (model NULL); else
 * what the device's model needs. The default directory comes from its
 * binary cache when that is current (cached); --data DIR is parsed.
 */
static struct model_db *
load_data(const char *dir, const char *model, bool check, bool cached)
{
	struct diag	 d;
	struct model_db	*db;

	if (cached && !check && (db = model_cache_read(dir)) != NULL)
		return db;
	diag_init(&d);
	if (check || model == NULL)
		db = model_db_load(dir, check, &d);
	else
		db = model_db_load_model(dir, model, &d);
	diag_print(&d, stderr);
	diag_release(&d);
	return db;
}

void
prog_list_models(const struct model_db *db, FILE *f)
{
	for (size_t i = 0; i < model_db_count(db); i++) {
		const struct lic_platform *p = model_db_platform(db, i);

		fprintf(f, "%-18s %s\n", p->id, p->name);
	}
}

/*
 * The device itself: attach when it is already running; else run it
 * here, for one batch (input that is not a terminal) or always on.
 */
static int
run_here(const struct options *o, struct model_db *db)
{
	bool	 batch = o->batch != NULL || !isatty(STDIN_FILENO) ||
		    !isatty(STDOUT_FILENO);
	int	 status;

	if (!o->detach && (status = run_attach(o)) >= 0)
		return status;
	if (batch && !o->detach)
		return run_batch(o, db);
	return run_device(o, db);
}

static int
dispatch(struct options *o)
{
	struct model_db	*db;
	const char	*dir = o->data ? o->data : model_default_dir();
	int		 status;

	/*
	 * Every clock of the emulator is UTC (gmtime_r, timegm), yet libc
	 * reads the host's zone (/etc/localtime, six system calls) at the
	 * first conversion unless TZ names one it can parse without a file.
	 */
	(void)setenv("TZ", "UTC0", 1);
	switch (o->cmd) {
	case PROG_ATTACH:
		if ((status = run_attach(o)) < 0) {
			fprintf(stderr, "asaemu: no device running at %s\n",
			    o->flash);
			return 2;
		}
		return status;
	case PROG_LS:
		return run_ls(o);
	case PROG_STOP:
		return run_stop(o);
	case PROG_AUTH:
		return run_auth(o);
	case PROG_RUN:
		break;
	}
	if (o->check != NULL) {
		db = load_data(o->check, NULL, true, false);
		model_db_free(db);
		return db != NULL ? 0 : 1;
	}
	db = load_data(dir, o->list ? NULL : o->dev.model, false,
	    o->data == NULL);
	if (db == NULL)
		return 2;
	if (o->list) {
		prog_list_models(db, stdout);
		status = 0;
	} else {
		o->dev.db = db;
		status = run_here(o, db);
	}
	model_db_free(db);
	return status;
}

int
main(int argc, char **argv)
{
	struct options	 o;
	int		 status;

	if (parse_options(argc, argv, &o) != 0) {
		options_release(&o);
		return 2;
	}
	status = dispatch(&o);
	options_release(&o);
	return status;
}
