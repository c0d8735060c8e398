/* SPDX-License-Identifier: MIT */
/*
 * Private to the shell library and its unit tests: internals shared
 * between the shell's own files. Each section belongs to the files it
 * names; other code uses shell.h.
 */
#ifndef ASA_SHELL_SHELL_INT_H
#define ASA_SHELL_SHELL_INT_H

#include <regex.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "shell/shell.h"
#include "util/util.h"

/* ---- Output sink internals (output.c, filter.c, pager.c) ---- */

#define OUT_MORE_PROMPT	"<--- More --->"

enum out_filter_kind {
	OUT_FILTER_NONE,
	OUT_FILTER_INCLUDE,		/* include, grep */
	OUT_FILTER_EXCLUDE,		/* exclude, grep -v */
	OUT_FILTER_BEGIN,
};

struct out_filter {
	enum out_filter_kind	 kind;
	bool			 begun;	/* begin: a line matched */
	regex_t			 re;	/* unless OUT_FILTER_NONE */
};

struct out_pager {
	unsigned	 lines;		/* page length; 0: off */
	unsigned	 shown;		/* lines since the prompt */
	unsigned	 step;		/* lines after Enter; 0: page */
	bool		 quit;		/* 'q' or EOF: drop the rest */
	int		(*getkey)(void *); /* NULL: stdin */
	void		*arg;
};

/* Buffer sink: text is all that was shown; fd sink: not yet written. */
struct out {
	int			 fd;	/* -1 for a buffer sink */
	bool			 tty;	/* CRLF and the pager */
	bool			 crlf;	/* tty: write "\r\n", not "\n" (the
					   terminal does not add the "\r") */
	bool			 failed; /* write(2) failed: drop */
	bool			 bol;	/* next byte starts a line */
	bool			 hold;	/* out_command_end does not write */
	bool			 fixed;	/* crlf is known: never ask */
	struct strbuf		 text;
	struct strbuf		 line;	/* filtered: partial line */
	struct out_filter	 filter;
	struct out_pager	 pager;
	struct strbuf		*tap;	/* out_tap: a copy, or NULL */
};

/*
 * A buffer sink that behaves as a tty (CRLF, pager with its prompt in
 * the text), for driving the pager with scripted keys in tests.
 */
struct out *out_new_buffer_tty(void);

/* Append to the sink as shown: no filter, pager or CRLF. */
void	 out_raw(struct out *, const char *, size_t);
/*
 * An interactive session's sink: the end of a command does not write, the
 * session calls out_flush() when it is about to wait, so a typed line's
 * echo, its output and the next prompt reach the terminal in one write(2).
 */
void	 out_hold(struct out *);
/*
 * The terminal's output modes are kept for the sink's life (libedit sets
 * OPOST and ONLCR whenever it switches); onlcr: it turns "\n" into
 * "\r\n". The sink stops asking tcgetattr.
 */
void	 out_term_fixed(struct out *, bool onlcr);

/*
 * '?' after '|': the filter keywords that complete spec's word, or what
 * follows a keyword (LINE, grep's -v). Items in arena a; MATCH_INVALID
 * with err_offset in spec when nothing fits.
 */
void	 out_filter_describe(const char *spec, struct arena *a,
	    struct describe *d);

void	 out_filter_init(struct out_filter *);
void	 out_filter_release(struct out_filter *);
/* True when the line (no newline, NUL-terminated) is to be shown. */
bool	 out_filter_line(struct out_filter *, const char *line);

void	 out_pager_init(struct out_pager *);
/* Forget the line count and quit flag (end of a command). */
void	 out_pager_reset(struct out_pager *);
/*
 * Called before the first byte of each line: prompts and reads a key
 * when the page is full. False when the line is to be dropped (quit).
 */
bool	 out_pager_admit(struct out *);

/* ---- Slot types of the grammar (types.c, used by grammar_*.c) ---- */

struct slot_spec;

/*
 * Accept the token tok[0..len) for slot s; on success *num is its value
 * for GT_F_NUMERIC types (left alone for others).
 */
typedef bool grammar_type_match_fn(const struct slot_spec *s,
	    const char *tok, size_t len, uint32_t *num);

#define GT_F_NUMERIC	0x1		/* match gives a meaningful *num */
#define GT_F_LINE	0x2		/* takes the rest of the line */
#define GT_F_RANGE	0x4		/* written as "N-M", not by name */

/*
 * When several slots accept one token, the lowest rank wins: a number,
 * an address or a time before any word, any word before a whole line.
 * '?' lists slot placeholders in rank order too ("<0-7>" before "WORD").
 */
#define GT_RANK_EXACT	0
#define GT_RANK_WORD	1
#define GT_RANK_LINE	2

struct grammar_type {
	const char		*name;		/* as written after ':' */
	grammar_type_match_fn	*match;
	const char		*placeholder;	/* NULL: "<min-max>" */
	const char		*help;		/* when the entry gives none */
	uint32_t		 min;		/* bounds of numeric rows */
	uint32_t		 max;
	unsigned		 rank;		/* GT_RANK_* */
	unsigned		 flags;		/* GT_F_* */
};

/* The rows (types.c); a grammar image names its slots' types by row. */
extern const struct grammar_type grammar_types[];

/* A slot's type as one syntax string wrote it. */
struct slot_spec {
	const struct grammar_type *type;
	uint32_t		 min;		/* inclusive bounds, numeric */
	uint32_t		 max;
	const char		*placeholder;	/* static, or in the arena */
	const char		*limit;		/* "N-$limit": max asked of the
						   grammar's limit function at
						   run time; NULL: max */
};

/*
 * Resolve the type text spec[0..len) ("word", "1-65535", ...) into *s,
 * formatting a range's placeholder in arena a (which must outlive s).
 * 0, or -1 when no row matches.
 */
int	 grammar_type_parse(struct arena *a, const char *spec, size_t len,
	    struct slot_spec *s);

/* ---- The grammar graph (grammar_syntax.c, _build.c, _match.c) ---- */

enum selem_kind {
	SE_LITERAL,
	SE_SLOT,
};

/* One item of an expanded syntax; in the grammar's arena. */
struct selem {
	enum selem_kind	 kind;
	const char	*word;		/* the literal, or the slot's name */
	size_t		 len;		/* strlen(word) */
	struct slot_spec slot;		/* SE_SLOT */
};

/* One expansion of a syntax string; build-time, in the scratch arena. */
struct path {
	const struct selem	**v;
	size_t			 n;
	struct path		*next;
};

/* The expansions of (part of) a syntax string. */
struct pset {
	struct path	*head;
	size_t		 n;
};

/*
 * An entry that may end at a node. e points into a table that outlives
 * the grammar (grammar_build's copy, or cmd_table for an image), so that
 * an image written at build time is constant data.
 */
struct gend {
	const struct cmd_entry *const *e;
	size_t			 idx;	/* position in the table: ties */
	const struct gend	*next;
};

/* The entry of an end. */
static inline const struct cmd_entry *
gend_entry(const struct gend *ge)
{
	return *ge->e;
}

struct gnode {
	const struct selem	*se;	/* NULL for the root */
	const char		*help;	/* static: an entry's or a type's */
	const struct cmd_entry	*help_from; /* who gave help, for conflicts */
	uint32_t		 modes;	/* entries through here */
	uint32_t		 vis_modes; /* the non-hidden ones */
	uint32_t		 since[MODE_COUNT]; /* per mode, the lowest
					   since of the entries through
					   here; UINT32_MAX: none */
	const struct gnode *const *lit; /* literal children, sorted */
	size_t			 nlit;
	const struct gnode *const *slot; /* slot children, by rank */
	size_t			 nslot;
	const struct gend	*ends;	/* entries that may end here */
	struct gnode		*first;	/* children while building */
	struct gnode		*sibling;
	const struct cmd_entry	*touched_by; /* building: the last entry */
};

struct grammar {
	struct arena	 arena;		/* all nodes, elements and names */
	const struct gnode *root;	/* in arena, or an image's */
	grammar_limit_fn *limit;	/* run-time range maxima, or NULL */
	void		*limit_arg;
	uint32_t	 root_first[257]; /* the root's literals whose first
					   byte folds to c: [c] to [c + 1] */
};

/*
 * Index the root's literals by their first byte (grammar_build; an image
 * holds its index): every line searches them.
 */
void	 grammar_index_root(struct grammar *);

/* What grammar_image_write defines: the root and its index, as built. */
struct grammar_image {
	const struct gnode *root;
	uint32_t	 root_first[257];
};

/*
 * ASCII lower case: the grammar folds A-Z only, whatever the locale.
 * Inline: the build and the matcher call it for every character.
 */
static inline int
grammar_lc(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* A blank separates words: space or tab. */
static inline bool
grammar_is_blank(char c)
{
	return c == ' ' || c == '\t';
}
/* strcmp, ignoring ASCII case. */
int	 grammar_ci_cmp(const char *a, const char *b);

/*
 * Expand one syntax string into *out, every path of it: elements in
 * arena keep (the grammar's), paths in arena scratch. 0, or -1 with
 * *cause set (the caller frees it) when the syntax is malformed or names
 * an unknown type.
 */
int	 grammar_syntax_parse(struct arena *keep, struct arena *scratch,
	    const char *syntax, struct pset *out, char **cause);
/*
 * Whether path p of syntax may be inserted: not empty, a line slot only
 * last. 0, or -1 with *cause set (the caller frees it).
 */
int	 grammar_path_check(const char *syntax, const struct path *p,
	    char **cause);

/* ---- The attach protocol (attach.c, attach_client.c, server.c) ---- */

#define ATTACH_SOCKET	"attach.sock"	/* in the flash's private folder */
#define ATTACH_VERSION	1
#define ATTACH_MSG_MAX	4096		/* payload bytes of one message */

enum attach_type {
	ATTACH_HELLO = 1,	/* client: struct attach_hello, then the
				   command to run; fds: input, output */
	ATTACH_RESIZE,		/* client: the window changed */
	ATTACH_EXITING,		/* client: hung up, end the session */
	ATTACH_STOP,		/* client: stop the device */
	ATTACH_AUTH,		/* client: struct attach_auth; answered
				   by EXIT, 0 when the login may go on */
	ATTACH_EXIT,		/* device: uint32_t exit status */
	ATTACH_REFUSED,		/* device: why, as text */
};

#define ATTACH_F_TTY		0x1	/* input and output: one terminal */
#define ATTACH_F_STOP_ON_ERROR	0x2
#define ATTACH_F_EXEC		0x4	/* one command follows the hello */
#define ATTACH_F_SSH		0x8	/* a login through sshd */

struct attach_hdr {
	uint32_t	 type;		/* enum attach_type */
	uint32_t	 len;		/* payload bytes */
};

struct attach_hello {
	uint32_t	 version;	/* ATTACH_VERSION */
	uint32_t	 flags;		/* ATTACH_F_* */
	char		 term[32];	/* TERM */
	char		 from[64];	/* client address (SSH_CONNECTION) */
	char		 user[32];
};

struct attach_auth {
	char		 user[64];
	char		 from[64];	/* client address */
	char		 password[128];
};

/* One received message; its fds are the receiver's to close. */
struct attach_msg {
	uint32_t	 type;
	uint32_t	 len;
	char		 data[ATTACH_MSG_MAX + 1]; /* NUL-terminated */
	int		 fds[2];
	size_t		 nfds;
};

/* Send one message with up to two descriptors. 0, or -1 with errno. */
int	 attach_send(int fd, uint32_t type, const void *data, size_t len,
	    const int *fds, size_t nfds);
/* Receive one message: 1, 0 at end of file, -1 with errno. */
int	 attach_recv(int fd, struct attach_msg *);
/* Close the descriptors a message still holds. */
void	 attach_msg_release(struct attach_msg *);
/* Connect to a device's socket: the fd, or -1 (ECONNREFUSED: none). */
int	 attach_connect(const char *path);

/*
 * Terminals whose modes a fatal signal gives back (term_guard.c): fd's
 * saved modes, until term_guard_remove(fd). SIGTERM, SIGINT and SIGHUP
 * are the event loop's, which ends cleanly.
 */
struct termios;
void	 term_guard_add(int fd, const struct termios *saved);
void	 term_guard_remove(int fd);

#endif
