/* SPDX-License-Identifier: MIT */
/*
 * The asaemu program's parts: its options, the in-process batch run (a
 * device that lives for one run), the always-on device (event loop,
 * console, attached sessions) and the lab subcommands.
 */
#ifndef ASA_PROGRAMS_PROGRAMS_H
#define ASA_PROGRAMS_PROGRAMS_H

#include <stdbool.h>
#include <stdio.h>

#include "commands/commands.h"
#include "device/device.h"
#include "models/models.h"
#include "shell/shell.h"

enum prog_cmd {
	PROG_RUN,		/* start the device, or attach to it */
	PROG_ATTACH,		/* asaemu attach */
	PROG_LS,		/* asaemu ls */
	PROG_STOP,		/* asaemu stop [NAME] */
	PROG_AUTH,		/* asaemu auth (sshd's PAM) */
};

struct options {
	enum prog_cmd		 cmd;
	struct device_opts	 dev;
	const char		*data;
	const char		*batch;
	const char		*check;
	char			*lab;	   /* owned */
	const char		*name;	   /* in the lab; default: serial */
	char			*flash;	   /* owned; default: LAB/NAME */
	char			*sock;	   /* owned: the attach socket */
	bool			 list;
	bool			 stop_on_error;
	bool			 detach;   /* no console */
	bool			 no_daemon; /* --detach in the foreground */
};

/* The device for one batch run (or one terminal without a lab). */
int	 run_batch(const struct options *, struct model_db *);
/* The always-on device: its console (unless detached) and sessions. */
int	 run_device(const struct options *, struct model_db *);
/* Attach to the running device: its status, or -1 when none runs. */
int	 run_attach(const struct options *);
/* asaemu ls, stop, auth. */
int	 run_ls(const struct options *);
int	 run_stop(const struct options *);
int	 run_auth(const struct options *);

/* What every session of a device starts from (prompt, tick, grammar). */
void	 prog_session_opts(struct session_opts *, const struct grammar *);
/* A session's command context on dev (caller frees it). */
struct cmd_ctx *prog_ctx_new(struct device *, struct session *);
/* "ID  name" of every platform of db, one a line. */
void	 prog_list_models(const struct model_db *, FILE *);
/* The device of o (in lab, or on its own), or NULL after printing why. */
struct device *prog_device_new(const struct options *,
	    const struct model_db *, struct lab *);
/* Wire dev's failover link to the commands, srv's console (or the log
 * when there is no console) and sessions of g's single-mode grammar
 * (run_failover.c). */
void	 run_failover_attach(struct device *, struct cmd_grammars *g,
	    struct server *srv, bool console);
/* The cluster control link's hooks (run_cluster.c), as failover's. */
void	 run_cluster_attach(struct device *, struct cmd_grammars *g,
	    struct server *srv, bool console);
/*
 * Replay a configuration received from another unit through apply, in
 * a session of its own whose output goes nowhere (run_failover.c).
 */
void	 run_replay(struct device *, struct cmd_grammars *g,
	    void (*apply)(struct cmd_ctx *, const char *), const char *config);
/*
 * An event's console lines, worded by word into a buffer: to the
 * device's sessions, and to stderr when the device has no console.
 */
void	 run_console(struct server *, bool console, struct device *,
	    void (*word)(struct cmd_ctx *, const void *), const void *ev);
/*
 * The command grammars with the one of dev's start space built, or NULL
 * after printing why.
 */
struct cmd_grammars *prog_grammar(const struct device *);
/*
 * The single-mode grammar's image, generated at build time from
 * cmd_table by asaemu-grammargen (the build's grammar_image.c).
 */
extern const struct grammar_image prog_grammar_image;

#endif
