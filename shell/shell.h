/* SPDX-License-Identifier: MIT */
/*
 * The shell: command entries and their grammar, the one matcher behind
 * Enter, '?' and Tab, modes and prompts, the output sink (filters, pager)
 * and the session loop (interactive with libedit, or batch). It knows
 * nothing about licensing: commands/ plugs the device in.
 */
#ifndef ASA_SHELL_SHELL_H
#define ASA_SHELL_SHELL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "util/util.h"

/* ---- Modes ---- */

enum mode {
	MODE_USER,		/* ciscoasa> */
	MODE_PRIV,		/* ciscoasa# */
	MODE_CONFIG,		/* ciscoasa(config)# */
	MODE_CONFIG_IF,		/* ciscoasa(config-if)# */
	MODE_ROMMON,		/* rommon #0> (the host part is the
				   device's: "rommon #N") */
	MODE_CONFIG_WEBVPN,	/* ciscoasa(config-webvpn)# */
	MODE_CONFIG_CTX,	/* ciscoasa(config-ctx)#: a security
				   context of the system configuration */
	MODE_CONFIG_CLUSTER,	/* ciscoasa(cfg-cluster)#: a cluster
				   group (clustering, 9.0+) */
	MODE_CONFIG_FOVER_GROUP, /* ciscoasa(config-fover-group)#: an
				   Active/Active failover group */
	MODE_COUNT
};

#define MODE_BIT(m)	(1u << (m))
#define MODES_EXEC	(MODE_BIT(MODE_PRIV) | MODE_BIT(MODE_CONFIG) |        \
			    MODE_BIT(MODE_CONFIG_IF) |                        \
			    MODE_BIT(MODE_CONFIG_WEBVPN) |                    \
			    MODE_BIT(MODE_CONFIG_CTX) |                       \
			    MODE_BIT(MODE_CONFIG_CLUSTER) |                   \
			    MODE_BIT(MODE_CONFIG_FOVER_GROUP))
#define MODES_ALL	(MODE_BIT(MODE_USER) | MODES_EXEC)

struct mode_info {
	const char	*prompt;	/* after the hostname: "# " */
	const char	*help_header;	/* "exec mode commands/options:" */
	enum mode	 parent;	/* where exit goes */
	/*
	 * A command of the parent mode typed here leaves this mode and runs
	 * there, and '?' lists the parent's commands too (an ASA sub-mode
	 * and global configuration mode).
	 */
	bool		 inherits;
};

/* Borrowed, static. */
const struct mode_info *mode_info(enum mode);

/* ---- Command entries ---- */

struct cmd_ctx;				/* defined by commands/ */
struct cmd_args;

enum cmd_status {
	CMD_OK,
	CMD_ERROR,			/* an ERROR line was printed */
	CMD_QUIT,			/* end the session */
};

typedef enum cmd_status cmd_exec_fn(struct cmd_ctx *, const struct cmd_args *);

/* Help text for one word of the syntax, keyed by the word or slot name. */
struct cmd_help {
	const char	*word;		/* literal, or slot name */
	const char	*help;
};

#define CMD_F_NO_FORM	0x1		/* "no <syntax>" is accepted too */
#define CMD_F_HIDDEN	0x2		/* not listed by '?' or Tab */
#define CMD_F_NO_ONLY	0x4		/* only the "no" form exists */

/*
 * One command. The syntax mini-language (see grammar_syntax.c):
 *   word          a literal keyword, abbreviable to a unique prefix
 *   <name:N-$lim> a range whose maximum the limit function gives at run
 *                 time (grammar_set_limits)
 *   <name:type>   a typed slot; types are rows of shell/types.c:
 *                 word, line (rest of line), uint, N-M (range), ipv4,
 *                 hex32, hhmmss, hhmm (seconds of the day), delay
 *                 (mmm or hhh:mm, in minutes), day, month, year,
 *                 checksum
 *                 ("Cryptochecksum:" and 32 hex digits)
 *   [ ... ]       an optional part (may nest)
 *   ( a | b )     alternatives; each may be a sequence
 * A literal's value is its own name in the arguments: "detail" is set
 * when the word was typed. "no" is set for the no form.
 *
 * An entry with a NULL syntax is a help table only: its help gives the
 * text of first words ("show", "no", "clear") that the command entries
 * leave undocumented. Its other members are ignored.
 */
struct cmd_entry {
	const char		*syntax;
	const struct cmd_help	*help;	/* NULL-terminated */
	uint32_t		 modes;	/* MODE_BIT()s where it is valid */
	uint32_t		 flags;	/* CMD_F_* */
	cmd_exec_fn		*exec;
	/*
	 * The first release that has the command: a plain number the
	 * matcher compares with the session's release (session_set_release;
	 * commands/ gives both as LIC_VERSION values). Where the session's
	 * release is lower the entry does not exist, for Enter, '?' and Tab
	 * alike ("Invalid input" at its first word of its own). 0: every
	 * release.
	 */
	uint32_t		 since;
};

/* Parsed, named arguments of one command; owned by the line's arena. */
struct cmd_arg {
	const char	*name;		/* literal word or slot name */
	const char	*value;		/* the typed text (full literal) */
	uint32_t	 num;		/* value of a numeric slot: the number,
					   an IPv4 address in host order,
					   hh:mm:ss in seconds, month 1-12 */
	bool		 numeric;	/* num is set */
};

struct cmd_args {
	const struct cmd_arg	*v;
	size_t			 n;
};

bool	 cmd_arg_has(const struct cmd_args *, const char *name);
/*
 * The value of a slot, or NULL when absent. Where a keyword and a slot
 * share a name, the str and u32 getters see the later one (the slot).
 */
const char *cmd_arg_str(const struct cmd_args *, const char *name);
/* A numeric slot's num (range-checked by the matcher), or dflt. */
uint32_t cmd_arg_u32(const struct cmd_args *, const char *name,
	    uint32_t dflt);

/* ---- Grammar and the matcher ---- */

struct grammar;

/*
 * Compile a NULL-terminated table of entries into the command graph.
 * Duplicate syntax, conflicting help for the same graph node, unknown
 * slot types and malformed syntax are fatal: NULL with *cause set
 * (caller frees), naming the entries.
 */
struct grammar *grammar_build(const struct cmd_entry *const *table,
	    char **cause);
void	 grammar_free(struct grammar *);

/*
 * A grammar's image: its graph written at build time as C source of
 * constant data (asaemu-grammargen), so that a program starts with the
 * graph compiled instead of building it, its root's index included. An
 * image is used through grammar_from_image(&<name>), <name> being what
 * the written source defines.
 */
struct grammar_image;

/*
 * Write g, built from table, to f as C source defining
 * "const struct grammar_image <name>". The source refers to
 * the entries as &<table_name>[i] (table_name must name table in the
 * including program) and to the slot types as shell_int.h's
 * grammar_types; the caller writes the #include lines first. 0, or -1
 * when f fails or an entry is not in table.
 */
int	 grammar_image_write(FILE *f, const struct grammar *g,
	    const struct cmd_entry *const *table, const char *table_name,
	    const char *name);
/* A grammar over an image (which must outlive it). */
struct grammar *grammar_from_image(const struct grammar_image *);
/*
 * Whether a and b are the same graph: the same nodes, words, types,
 * help, modes and releases, children in the same order, and the same
 * entries ending at each node. 0, or -1 with *cause saying where they
 * differ first (the caller frees it).
 */
int	 grammar_equal(const struct grammar *a, const struct grammar *b,
	    char **cause);

/*
 * A range written "<name:N-$limit>" ends at a maximum known only at run
 * time (the platform's, the license's): fn(arg, "limit") gives it, for
 * matching and for '?'. Without fn, or when it returns 0, such a range
 * has no upper bound.
 */
typedef uint32_t grammar_limit_fn(void *arg, const char *limit);
void	 grammar_set_limits(struct grammar *, grammar_limit_fn *fn,
	    void *arg);

enum match_status {
	MATCH_OK,
	MATCH_EMPTY,			/* nothing but blanks */
	MATCH_INCOMPLETE,
	MATCH_AMBIGUOUS,
	MATCH_INVALID,
};

struct match_result {
	enum match_status	 status;
	size_t			 err_offset; /* byte offset of the bad word */
	const struct cmd_entry	*entry;	     /* MATCH_OK */
	struct cmd_args		 args;	     /* MATCH_OK, arena-owned */
};

/* Match a whole line (no filters, no '?') in mode m. */
void	 grammar_match(const struct grammar *, enum mode m, const char *line,
	    struct arena *, struct match_result *);

/* A release above every entry's since: the whole table. */
#define GRAMMAR_RELEASE_ANY	UINT32_MAX

/*
 * grammar_match, grammar_describe and grammar_complete for a session at
 * release: entries whose since is above it are left out (the plain
 * functions use GRAMMAR_RELEASE_ANY).
 */
void	 grammar_match_at(const struct grammar *, enum mode m,
	    uint32_t release, const char *line, struct arena *,
	    struct match_result *);

/* One candidate listed by '?'. */
struct describe_item {
	const char	*word;		/* "detail", "<1-65535>", "WORD", "<cr>" */
	const char	*help;
};

struct describe {
	enum match_status	 status; /* MATCH_OK when items were found;
					    else _INVALID or _AMBIGUOUS */
	size_t			 err_offset; /* as grammar_match's */
	struct describe_item	*items;	 /* arena-owned, sorted as ASA does */
	size_t			 n;
};

/*
 * The candidates for '?' typed after line: when line ends in a blank, the
 * words that may follow; otherwise the words that complete its last word.
 */
void	 grammar_describe(const struct grammar *, enum mode m,
	    const char *line, struct arena *, struct describe *);
void	 grammar_describe_at(const struct grammar *, enum mode m,
	    uint32_t release, const char *line, struct arena *,
	    struct describe *);

/*
 * Tab: the literal completions of line's last word (arena-owned,
 * NULL-terminated, sorted). A unique one is what Tab inserts.
 */
const char **grammar_complete(const struct grammar *, enum mode m,
	    const char *line, struct arena *);
const char **grammar_complete_at(const struct grammar *, enum mode m,
	    uint32_t release, const char *line, struct arena *);

/* ---- Output sink ---- */

/*
 * Handlers always write "\n": a tty sink's lines reach the terminal's
 * client as "\r\n" (the sink writes "\n" where the terminal's OPOST and
 * ONLCR add the "\r", else "\r\n"), a pipe, file or buffer sink keeps
 * "\n". Output passes, in order, through the filter (whole lines), the
 * pager (tty only) and the sink. An fd sink buffers: it writes (one
 * write(2) when it can) at out_command_end(), before each pager prompt,
 * when 64 KiB are pending, at out_free() and at out_flush(). Code that
 * prints text and then reads input (a question and its answer) calls
 * out_flush() before the read.
 */
struct out;

/*
 * A sink writing to fd (not closed by out_free); tty: lines end in "\r\n"
 * as the client sees them, and the pager.
 */
struct out *out_new_fd(int fd, bool tty);
/* A sink that collects text in memory (tests, batch capture). */
struct out *out_new_buffer(void);
/* Flushes what is pending (a partial filtered line is dropped). */
void	 out_free(struct out *);

/*
 * Write what an fd sink holds now (EINTR and partial writes retried; on
 * a write error the sink drops all later output). No-op for a buffer
 * sink. The filter's partial line stays pending.
 */
void	 out_flush(struct out *);

void	 out_write(struct out *, const char *, size_t);
/* Writes the string as is: no newline is added (fputs, not puts). */
void	 out_puts(struct out *, const char *);
/*
 * printf's %-*s and %*u without printf, whose set-up is a thousand
 * instructions a call: for the lines a busy command prints by the dozen.
 */
void	 out_pad(struct out *, const char *s, size_t width);
void	 out_u32(struct out *, uint32_t v, size_t width);
void	 out_printf(struct out *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 out_vprintf(struct out *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));

/*
 * The collected text of a buffer sink (after filtering), borrowed until
 * the next write; NULL for an fd sink.
 */
const char *out_buffer(const struct out *);
void	 out_buffer_reset(struct out *);

/*
 * Copy into sb (not owned; NULL stops) the text that passes the filter
 * from now on, with "\n" line ends: what a command showed (the startup
 * configuration's lines at boot, for show startup-config errors).
 */
void	 out_tap(struct out *, struct strbuf *sb);

/* *caret when the error message is printed without a '^' line. */
#define OUT_NO_CARET	((size_t)-1)

/*
 * Output filter, split off the line before matching: spec is the text
 * after '|': "include REGEX", "exclude REGEX", "begin REGEX",
 * "grep [-v] REGEX", keywords abbreviable to a unique prefix (any case).
 * REGEX is POSIX extended, the rest of spec after the keyword's blanks,
 * inner and trailing blanks included. Replaces any filter; on error the
 * old one stays. 0 on success; -1 with *cause, the ERROR line to print
 * without its newline (caller frees):
 *   unknown keyword   "ERROR: % Invalid input detected at '^' marker."
 *   missing keyword
 *   or regex          "ERROR: % Incomplete command"
 *   bad regex, or one
 *   over the bounds   "ERROR: Invalid regular expression"
 * (the bounds: 100 characters, counts to 255, 8 nested groups, no
 * back-references, a small expanded size; see filter.c).
 */
int	 out_filter_set(struct out *, const char *spec, char **cause);
/*
 * out_filter_set(), also giving in *caret (when not NULL) the byte
 * offset in spec of the word the '^' line goes under (unknown keyword),
 * or OUT_NO_CARET when the message is printed alone.
 */
int	 out_filter_set_at(struct out *, const char *spec, size_t *caret,
	    char **cause);
/*
 * End of one command: flush a pending partial line (filtered as a line),
 * drop the filter, reset the pager's line count and quit flag, and write
 * (unless an interactive session holds the sink until it waits).
 */
void	 out_command_end(struct out *);

/*
 * Lines per page (0: no paging). Only a tty sink pages: after every
 * lines - 1 lines it prints "<--- More --->" (only when more output
 * follows) and reads a key: Space a page, Enter (CR or LF) a line,
 * 'q'/'Q' or EOF quits the command's output, any other key is Space.
 */
void	 out_pager_set(struct out *, unsigned lines);
unsigned out_pager_get(const struct out *);
/*
 * Where the pager reads a key: getkey returns the byte, or -1 on EOF.
 * Without one, a key is read from standard input (raw for that read
 * when it is a terminal).
 */
void	 out_pager_keys(struct out *, int (*getkey)(void *), void *arg);
/*
 * True once the user quit the pager with 'q' or EOF (until
 * out_command_end): further output of the command is dropped, and a
 * long-running handler may stop early.
 */
bool	 out_quit(const struct out *);

/* ---- Session ---- */

struct session;

struct session_opts {
	const struct grammar	*grammar;
	struct cmd_ctx		*ctx;	    /* passed to every handler */
	int			 in_fd;
	int			 out_fd;
	bool			 interactive; /* libedit on a terminal */
	bool			 stop_on_error;
	/* The device's hostname for the prompt; NULL: "ciscoasa". */
	const char		*(*hostname_of)(struct cmd_ctx *);
	const char		*term;	    /* TERM for libedit; NULL: ours */
	void			(*after)(struct cmd_ctx *); /* after each
					   command's handler; NULL: none */
	void			(*after_line)(struct cmd_ctx *); /* after
					   each line typed, whatever it did
					   (an error, '?', nothing); NULL:
					   none */
	enum cmd_status		(*before)(struct cmd_ctx *); /* run before
					   each command's handler (device
					   time catching up; CMD_ERROR: it
					   printed an ERROR); NULL: none */
	/* Whether the command may run in the session's mode at all
	   (CMD_ERROR: it printed why, and the handler does not run);
	   NULL: every command may. */
	enum cmd_status		(*allow)(struct cmd_ctx *,
				    const struct cmd_entry *, enum mode);
};

struct session *session_new(const struct session_opts *);
/*
 * The grammar the session's next lines match (a device's command set
 * differs by where the session is: changeto system / context).
 */
void	 session_set_grammar(struct session *, const struct grammar *);
/*
 * The release the session's lines are matched at (entries' since);
 * GRAMMAR_RELEASE_ANY until set. commands/ sets the device's running
 * release at boot and when a session enters a space.
 */
void	 session_set_release(struct session *, uint32_t release);
uint32_t session_release(const struct session *);
/* Give a session made without one its command context. */
void	 session_set_ctx(struct session *, struct cmd_ctx *);
void	 session_free(struct session *);

/*
 * Run the session until quit or end of input. Returns the exit status:
 * 0 when every command succeeded, 1 when any printed an ERROR.
 */
int	 session_run(struct session *);
/* Run one line as if typed (startup-config replay); its status. */
enum cmd_status session_exec(struct session *, const char *line);

struct out *session_out(struct session *);
struct arena *session_arena(struct session *);
enum mode session_mode(const struct session *);
void	 session_set_mode(struct session *, enum mode);
/*
 * terminal width: where the line being typed wraps (libedit's width,
 * kept over window changes); 0: the window's. Output is not wrapped.
 */
void	 session_set_width(struct session *, unsigned);
/* The terminal width set, or 80 (show terminal). */
unsigned session_width(const struct session *);

/* The '?' listing for text, as if '?' followed it (the help command). */
void	 session_help(struct session *, const char *text);

/*
 * Ask a question on the session's input: prints prompt, reads one line
 * (without echo when secret). Returns the answer (arena-owned) or NULL on
 * end of input.
 */
const char *session_ask(struct session *, const char *prompt, bool secret);

/* ---- Attach: sessions of a running device over its UNIX socket ---- */

/* How asaemu attach hands a terminal (or a pipe) to the device. */
struct attach_opts {
	const char	*path;		/* the device's attach socket */
	int		 in_fd;		/* handed over as the session's input */
	const char	*exec;		/* run this one command (ssh host CMD) */
	bool		 stop_on_error;	/* batch input */
	bool		 ssh;		/* a login through sshd */
};

/*
 * Attach to the device at o->path and wait for the session's end: its
 * exit status; 2 when the device went away; -1 with errno when nothing
 * answers at o->path (ECONNREFUSED: no device running there).
 */
int	 attach_run(const struct attach_opts *o);
/*
 * Ask the device at path whether user may log in from address from with
 * password: 0 yes, 1 no, -1 with errno when no device answers.
 */
int	 attach_auth(const char *path, const char *user, const char *password,
	    const char *from);
/* Ask the device at path to stop and wait until it has: 0, or -1. */
int	 attach_stop(const char *path);
/* Whether a device answers at path. */
bool	 attach_running(const char *path);

struct event_loop;
struct server;

/* One session as who and show ssh sessions list it. */
struct server_info {
	unsigned	 id;		/* SID: "ssh disconnect N" */
	bool		 console;
	bool		 ssh;		/* a login through sshd */
	bool		 self;		/* the session asking */
	char		 from[64];	/* client address, "" when local */
	char		 user[32];
};

/* What the program provides: each session's command context. */
struct server_hooks {
	/*
	 * Make the context of a new session (it is created with the
	 * template's options); its handlers get it. NULL refuses.
	 */
	struct cmd_ctx	*(*open)(void *arg, struct session *);
	void		 (*close)(void *arg, struct cmd_ctx *);
	/* The console session ended with status (a foreground device
	   goes down with it). */
	void		 (*console_end)(void *arg, int status);
	/* asaemu stop arrived. */
	void		 (*stop)(void *arg);
	/* A login (attach_auth): true when user may log in. */
	bool		 (*auth)(void *arg, const char *user,
			    const char *password, const char *from);
	void		 *arg;
};

/*
 * Listen at path (a stale socket there is replaced) and serve sessions
 * on loop, each made from tmpl (grammar, hostname, before). NULL with
 * *cause (caller frees).
 */
struct server *server_new(struct event_loop *, const char *path,
	    const struct session_opts *tmpl, const struct server_hooks *,
	    char **cause);
/* The console: the device's own terminal (or pipe) as a session. */
void	 server_console(struct server *, int in_fd, int out_fd, bool tty);
/* The console's window changed (SIGWINCH). */
void	 server_console_resized(struct server *);
/*
 * End every session (they see a hang-up) and stop listening; done()
 * runs in the loop once the last one has gone.
 */
void	 server_shutdown(struct server *, void (*done)(void *), void *arg);
void	 server_free(struct server *);
/* The sessions in SID order (the console first); caller frees. */
struct server_info *server_list(const struct server *,
	    const struct session *self, size_t *n);
/*
 * A reload: every session but the console ends (the one asking too,
 * once its command is done), as an ASA's SSH sessions do.
 */
void	 server_end_logins(struct server *);
/* End session id: 0, or -1 when there is none. */
int	 server_disconnect(struct server *, unsigned id);
/*
 * Asynchronous messages (syslog lines, each ending in a newline) for the
 * console: shown at once when it waits at the prompt, the line being
 * typed redrawn below it; else queued until the next prompt.
 */
void	 server_notify(struct server *, const char *text);
/* The server of a session made by server_new, or NULL. */
struct server *session_server(const struct session *);
/*
 * The console session's command context (made by hooks.open), or NULL
 * when there is no console: a device event (a scheduled reload) puts it
 * back at the prompt of the new boot.
 */
struct cmd_ctx *server_console_ctx(const struct server *);
/* Whether the session is the device's console. */
bool	 session_is_console(const struct session *);

#endif
