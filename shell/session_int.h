/* SPDX-License-Identifier: MIT */
/*
 * Private to the session: the session object, shared between the line
 * runner (session.c), batch input (batch.c) and libedit (lineedit.c).
 */
#ifndef ASA_SHELL_SESSION_INT_H
#define ASA_SHELL_SESSION_INT_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "shell/shell.h"

#define SESSION_LINE_MAX (64u * 1024)	/* longer input lines are refused */
#define SESSION_MSG_TOO_LONG \
	"ERROR: Input line longer than %u bytes was ignored\n"

struct lineedit;

#define SESSION_PROMPT_MAX	128	/* bytes of a prompt, NUL included */

struct session {
	struct session_opts	 opts;
	struct out		*out;
	struct arena		 arena;	   /* freed after every line */
	enum mode		 mode;
	uint32_t		 release;  /* matched at; entries' since */
	char			 prompt[SESSION_PROMPT_MAX]; /* session_prompt's */
	unsigned		 width;
	bool			 failed;   /* some command printed an ERROR */
	bool			 quit;
	bool			 replay;   /* running the startup config */
	FILE			*in;	   /* batch input */
	char			*pending;  /* batch: a line a question gave
					      back, run next (owned) */
	struct lineedit		*le;	   /* interactive input */

	/* A session of a running device (server.c). */
	struct server		*server;   /* NULL: the only session */
	unsigned		 sid;
	bool			 console;
	bool			 hangup;   /* the client went: input ends */
	bool			 resized;  /* the window changed */
	struct strbuf		 notices;  /* messages for the next prompt */
	char			 ibuf[512]; /* input read ahead of the keys */
	size_t			 ilen, ipos; /* ibuf holds [ipos, ilen) */
};

/* The prompt for the current mode and hostname; valid until next call. */
const char *session_prompt(struct session *);
/* Print the '?' listing for text (what precedes the '?'). */
void	 session_describe(struct session *, const char *text);
/* Run one complete input line (already echoed by whoever read it). */
void	 session_line(struct session *, const char *line);

/*
 * Read from the session's input, waiting in the device's event loop (a
 * fiber) or in poll(2): bytes, 0 at the end of input (or a hang-up), -1.
 * Window changes and messages are served while it waits.
 */
ssize_t	 session_read(struct session *, void *, size_t);
void	 session_unread(struct session *);
/* server.c's side of a session: who serves it, its SID, console. */
void	 session_serve_as(struct session *, struct server *, unsigned sid,
	    bool console);
void	 session_hangup(struct session *);
void	 session_resized(struct session *);
/* Queue an asynchronous message for the session's next prompt. */
void	 session_notice(struct session *, const char *text);
/* Run one command with no echo (ssh host CMD): 0, or 1 on ERROR. */
int	 session_run_command(struct session *, const char *line);

/* batch.c: read one line (CR, LF or CRLF); see batch.c for results. */
enum batch_read {
	BATCH_LINE,
	BATCH_EOF,
	BATCH_TOO_LONG,
};
enum batch_read batch_read_line(FILE *, struct strbuf *);
/* The offset of the first NUL or invalid UTF-8 byte, or -1. */
long	 batch_bad_byte(const char *, size_t);
int	 batch_run(struct session *);
const char *batch_ask(struct session *, const char *prompt, bool secret);

/* lineedit.c: the interactive terminal. */
struct lineedit *lineedit_new(struct session *);
void	 lineedit_free(struct lineedit *);
int	 lineedit_run(struct session *);
const char *lineedit_ask(struct session *, const char *prompt, bool secret);
int	 lineedit_getkey(void *);
/* terminal width changed: libedit's width follows (0: the window's). */
void	 lineedit_set_width(struct session *);
/* Re-read the window size; show queued messages when at the prompt. */
void	 lineedit_serve(struct session *);

#endif
