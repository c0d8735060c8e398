/* SPDX-License-Identifier: MIT */
/*
 * The one matcher over the compiled grammar (grammar_build.c), behind
 * Enter (grammar_match), '?' (grammar_describe) and Tab
 * (grammar_complete).
 *
 * Matching keeps a small set of hypotheses (states) and feeds it word by
 * word: words are runs of non-blanks (blank: space or tab). Only nodes
 * whose modes hold the current one count. For each word, over all
 * states: a literal typed in full beats prefixes; several distinct
 * literals by prefix are ambiguous (hidden ones yield to visible ones);
 * any literal beats every slot (ASA: "sh" is "show", even where a WORD
 * may go); otherwise every slot whose type accepts the word is a new
 * state. No state left: invalid at that word. At the end of the line
 * the entry wins whose path has the lowest sum of slot ranks (types.c),
 * then the earliest in the table. An entry whose since is above the
 * session's release is not there: a node counts when some entry of the
 * mode through it exists at that release.
 */
#include "shell/shell.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shell/shell_int.h"
#include "util/util.h"

#define GRAMMAR_MAX_STATES	32	/* hypotheses kept per word */
#define GRAMMAR_STEPS		64	/* steps kept in the run, then the arena */

/* One matched word; the chain back from a state gives the arguments. */
struct step {
	const struct gnode	*node;
	const struct step	*prev;
	size_t			 off;	/* the word in the line */
	size_t			 len;
	uint32_t		 num;
};

struct mstate {
	const struct gnode	*node;
	const struct step	*path;	/* NULL at the root */
	unsigned		 score;	/* sum of slot ranks */
	bool			 rest;	/* a line slot took the rest */
};

struct mrun {
	const struct grammar	*g;
	const char		*line;
	size_t			 end;	/* match line[0..end) */
	uint32_t		 mbit;
	enum mode		 mode;
	uint32_t		 release; /* entries' since at most this */
	struct arena		*arena;
	struct mstate		*st;	/* one of buf: the current states */
	struct mstate		 buf[2][GRAMMAR_MAX_STATES];
	size_t			 n;
	size_t			 nrest;	/* of the n, those a line slot ended */
	struct step		 steps[GRAMMAR_STEPS]; /* the first ones */
	size_t			 nsteps;
	size_t			 nwords;
	enum match_status	 status; /* MATCH_OK while words match */
	size_t			 err_offset;
};

/* A '?' or Tab candidate before sorting. */
struct ditem {
	unsigned		 cls;	/* DI_SLOT, DI_LITERAL, DI_CR */
	unsigned		 rank;
	size_t			 seq;	/* order found: slots keep it */
	const char		*word;
	const char		*help;
	const struct slot_spec	*slot;	/* DI_SLOT */
};

#define DI_SLOT		0
#define DI_LITERAL	1
#define DI_CR		2

struct dlist {
	struct ditem	*v;		/* arena */
	size_t		 n;
	size_t		 cap;
};

/*
 * Order literal se against the words having tok[0..len) as a prefix,
 * ignoring case: <0 when it sorts before them all, 0 when it is one of
 * them, >0 after. Equal runs of eight bytes are skipped whole; bytes
 * are folded only where they differ (words are typed mostly in the
 * literals' case).
 */
static int
ci_prefixcmp(const struct selem *se, const char *tok, size_t len)
{
	const char	*word = se->word;
	size_t		 i = 0;
	uint64_t	 a8, b8;

	for (; se->len >= len && i + 8 <= len; i += 8) {
		memcpy(&a8, word + i, 8);
		memcpy(&b8, tok + i, 8);
		if (a8 != b8)
			break;
	}
	for (; i < len; i++) {
		int	 a = (unsigned char)word[i];
		int	 b = (unsigned char)tok[i];

		if (a == b)
			continue;
		if ((a = grammar_lc(a)) != (b = grammar_lc(b)))
			return a - b;
	}
	return 0;
}

/* ---- The matcher ---- */

/* The bytes that end a word: blanks and the NUL. */
static const bool word_stop[256] = { [0] = true, [' '] = true,
    ['\t'] = true };

/*
 * The next word of line[*off..end). line ends in a NUL, and a blank or
 * the NUL is at end (grammar_match_at: the line's end, mrun_before: the
 * blank before the word being typed), so that the scans need not count.
 */
static bool
next_word(const char *line, size_t end, size_t *off, size_t *len)
{
	size_t	 i = *off;

	while (grammar_is_blank(line[i]))
		i++;
	if (i >= end)
		return false;
	*off = i;
	while (!word_stop[(unsigned char)line[i]])
		i++;
	if (i > end)
		i = end;
	*len = i - *off;
	return true;
}

/* Whether node n is there in the run's mode and release. */
static bool
node_on(const struct mrun *r, const struct gnode *n)
{
	return (n->modes & r->mbit) && n->since[r->mode] <= r->release;
}

/* Whether entry e is there in the run's mode and release. */
static bool
entry_on(const struct mrun *r, const struct cmd_entry *e)
{
	return (e->modes & r->mbit) && e->since <= r->release;
}

/* Listed by '?' and Tab: hidden children show only under hidden ones. */
static bool
child_listed(const struct mrun *r, const struct gnode *parent,
    const struct gnode *c)
{
	uint32_t	 m;

	m = (parent->vis_modes & r->mbit) ? c->vis_modes : c->modes;
	return (m & r->mbit) != 0 && node_on(r, c);
}

static bool
ends_listed(const struct mrun *r, const struct gnode *n)
{
	const struct gend	*ge;

	for (ge = n->ends; ge != NULL; ge = ge->next) {
		if (entry_on(r, gend_entry(ge)) &&
		    (!(gend_entry(ge)->flags & CMD_F_HIDDEN) ||
		    !(n->vis_modes & r->mbit)))
			return true;
	}
	return false;
}

void
grammar_index_root(struct grammar *g)
{
	const struct gnode	*n = g->root;
	size_t			 i = 0;

	for (unsigned c = 0; c <= 256; c++) {
		while (i < n->nlit &&
		    (unsigned)grammar_lc((unsigned char)n->lit[i]->se->word[0]) < c)
			i++;
		g->root_first[c] = (uint32_t)i;
	}
}

/*
 * The first literal child of n that may have tok[0..len) as a prefix
 * (len > 0). The literals are sorted ignoring case, so that at the root
 * those of tok's first byte are all there is to search.
 */
static size_t
lit_lower_bound(const struct grammar *g, const struct gnode *n,
    const char *tok, size_t len)
{
	size_t	 lo = 0, hi = n->nlit, mid;
	int	 c;

	if (n == g->root) {
		c = grammar_lc((unsigned char)tok[0]);
		lo = g->root_first[c];
		hi = g->root_first[c + 1];
	}

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (ci_prefixcmp(n->lit[mid]->se, tok, len) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The run-time maximum of a "N-$limit" range; UINT32_MAX when unknown. */
static uint32_t
slot_max(const struct grammar *g, const struct slot_spec *sp)
{
	uint32_t	 max;

	if (sp->limit == NULL)
		return sp->max;
	if (g->limit == NULL || (max = g->limit(g->limit_arg, sp->limit)) == 0)
		return UINT32_MAX;
	return max;
}

/* Whether slot sp takes tok[0..len), with its run-time bounds. */
static bool
slot_accepts(const struct grammar *g, const struct slot_spec *sp,
    const char *tok, size_t len, uint32_t *num)
{
	struct slot_spec	 now;

	if (sp->limit == NULL)
		return sp->type->match(sp, tok, len, num);
	now = *sp;
	now.max = slot_max(g, sp);
	return sp->type->match(&now, tok, len, num);
}

static void
mrun_start(struct mrun *r, const struct grammar *g, enum mode m,
    uint32_t release, const char *line, size_t end, struct arena *a)
{
	r->g = g;
	r->line = line;
	r->end = end;
	r->mbit = MODE_BIT(m);
	r->mode = m;
	r->release = release;
	r->arena = a;
	r->st = r->buf[0];
	r->nsteps = 0;
	r->st[0].node = g->root;
	r->st[0].path = NULL;
	r->st[0].score = 0;
	r->st[0].rest = false;
	r->n = 1;
	r->nrest = 0;
	r->nwords = 0;
	r->status = MATCH_OK;
	r->err_offset = 0;
}

static void
mrun_push(struct mrun *r, struct mstate *next, size_t *nn,
    const struct mstate *from, const struct gnode *node, size_t off,
    size_t len, uint32_t num)
{
	struct step	*sp;
	struct mstate	*to;

	if (*nn == GRAMMAR_MAX_STATES)
		return;
	if (r->nsteps < GRAMMAR_STEPS)
		sp = &r->steps[r->nsteps++];
	else
		sp = arena_alloc(r->arena, sizeof *sp);
	sp->node = node;
	sp->prev = from->path;
	sp->off = off;
	sp->len = len;
	sp->num = num;
	to = &next[(*nn)++];
	to->node = node;
	to->path = sp;
	to->score = from->score;
	to->rest = false;
	if (node->se->kind == SE_SLOT) {
		to->score += node->se->slot.type->rank;
		to->rest = (node->se->slot.type->flags & GT_F_LINE) != 0;
	}
}

/* How many of the states v[0..n) a line slot ended. */
static size_t
count_rest(const struct mstate *v, size_t n)
{
	size_t	 k = 0;

	for (size_t s = 0; s < n; s++)
		k += v[s].rest;
	return k;
}

struct cand {
	size_t			 from;	/* index of the state */
	const struct gnode	*node;
};

/* Drop hidden prefix candidates when a listed one exists. */
static void
cands_prefer_listed(const struct mrun *r, struct cand *c, size_t *nc)
{
	size_t	 i, k = 0;

	for (i = 0; i < *nc; i++) {
		if (child_listed(r, r->st[c[i].from].node, c[i].node))
			c[k++] = c[i];
	}
	if (k != 0)
		*nc = k;
}

/* Literal candidates for tok; -1 when the prefix is ambiguous. */
static int
mrun_literals(const struct mrun *r, const char *tok, size_t len,
    struct cand *c, size_t *nc)
{
	const struct gnode	*n, *ch;
	bool			 exact = false, is_exact;

	for (size_t s = 0; s < r->n; s++) {
		if (r->st[s].rest)
			continue;
		n = r->st[s].node;
		for (size_t i = lit_lower_bound(r->g, n, tok, len); i < n->nlit &&
		    ci_prefixcmp(n->lit[i]->se, tok, len) == 0; i++) {
			ch = n->lit[i];
			if (!node_on(r, ch))
				continue;
			is_exact = ch->se->len == len;
			if (is_exact && !exact) {
				exact = true;
				*nc = 0;
			}
			if ((exact && !is_exact) || *nc == GRAMMAR_MAX_STATES)
				continue;
			c[(*nc)++] = (struct cand){ .from = s, .node = ch };
		}
	}
	if (exact || *nc < 2)
		return 0;
	cands_prefer_listed(r, c, nc);
	for (size_t i = 1; i < *nc; i++) {
		if (grammar_ci_cmp(c[i].node->se->word, c[0].node->se->word) != 0)
			return -1;
	}
	return 0;
}

static void
mrun_slots(struct mrun *r, size_t off, size_t len, struct mstate *next,
    size_t *nn)
{
	const struct gnode	*n, *ch;
	const struct slot_spec	*sp;
	uint32_t		 num;

	for (size_t s = 0; s < r->n; s++) {
		if (r->st[s].rest)
			continue;
		n = r->st[s].node;
		for (size_t i = 0; i < n->nslot; i++) {
			ch = n->slot[i];
			sp = &ch->se->slot;
			num = 0;
			if (!node_on(r, ch))
				continue;
			if (sp->type->flags & GT_F_LINE) {
				mrun_push(r, next, nn, &r->st[s], ch, off,
				    r->end - off, 0);
			} else if (slot_accepts(r->g, sp, r->line + off, len,
			    &num))
				mrun_push(r, next, nn, &r->st[s], ch, off, len,
				    num);
		}
	}
}

static int
mrun_fail(struct mrun *r, enum match_status status, size_t off)
{
	r->status = status;
	r->err_offset = off;
	return -1;
}

static int
mrun_word(struct mrun *r, size_t off, size_t len)
{
	struct mstate	*next = r->st == r->buf[0] ? r->buf[1] : r->buf[0];
	struct cand	 c[GRAMMAR_MAX_STATES];
	size_t		 nn = 0, nc = 0;

	for (size_t s = 0; s < r->n && r->nrest != 0; s++) {
		if (r->st[s].rest)
			next[nn++] = r->st[s];
	}
	if (mrun_literals(r, r->line + off, len, c, &nc) != 0)
		return mrun_fail(r, MATCH_AMBIGUOUS, off);
	for (size_t i = 0; i < nc; i++) {
		mrun_push(r, next, &nn, &r->st[c[i].from], c[i].node, off,
		    len, 0);
	}
	if (nc == 0)
		mrun_slots(r, off, len, next, &nn);
	if (nn == 0)
		return mrun_fail(r, MATCH_INVALID, off);
	r->st = next;
	r->n = nn;
	r->nrest = count_rest(next, nn);
	return 0;
}

/* Feed every word of line[0..end); r->status tells how it went. */
static void
mrun_words(struct mrun *r)
{
	size_t	 off = 0, len;

	while (next_word(r->line, r->end, &off, &len)) {
		r->nwords++;
		if (mrun_word(r, off, len) != 0)
			return;
		off += len;
		if (r->nrest == r->n)
			return;		/* line slots took it all */
	}
}

static const struct mstate *
mrun_best(const struct mrun *r, const struct cmd_entry **entry)
{
	const struct mstate	*best = NULL;
	const struct gend	*ge, *bge = NULL;

	for (size_t s = 0; s < r->n; s++) {
		for (ge = r->st[s].node->ends; ge != NULL; ge = ge->next) {
			if (!entry_on(r, gend_entry(ge)))
				continue;
			if (best == NULL || r->st[s].score < best->score ||
			    (r->st[s].score == best->score &&
			    ge->idx < bge->idx)) {
				best = &r->st[s];
				bge = ge;
			}
		}
	}
	*entry = bge != NULL ? gend_entry(bge) : NULL;
	return best;
}

static void
args_build(const struct mrun *r, const struct mstate *st,
    struct cmd_args *args)
{
	const struct step	*sp;
	const struct selem	*se;
	struct cmd_arg		*v, *a;
	size_t			 n = 0;

	for (sp = st->path; sp != NULL; sp = sp->prev)
		n++;
	v = arena_alloc(r->arena, n * sizeof *v);
	a = v + n;
	for (sp = st->path; sp != NULL; sp = sp->prev) {
		a--;
		se = sp->node->se;
		a->name = se->word;
		a->num = sp->num;
		if (se->kind == SE_LITERAL) {
			a->value = se->word;
			a->numeric = false;
		} else {
			a->value = arena_strndup(r->arena, r->line + sp->off,
			    sp->len);
			a->numeric = (se->slot.type->flags & GT_F_NUMERIC) != 0;
		}
	}
	args->v = v;
	args->n = n;
}

void
grammar_match(const struct grammar *g, enum mode m, const char *line,
    struct arena *a, struct match_result *res)
{
	grammar_match_at(g, m, GRAMMAR_RELEASE_ANY, line, a, res);
}

void
grammar_match_at(const struct grammar *g, enum mode m, uint32_t release,
    const char *line, struct arena *a, struct match_result *res)
{
	struct mrun		 r;
	const struct mstate	*best;
	size_t			 len = strlen(line);

	res->entry = NULL;
	res->args.v = NULL;
	res->args.n = 0;
	res->err_offset = 0;
	mrun_start(&r, g, m, release, line, len, a);
	mrun_words(&r);
	res->status = r.status;
	res->err_offset = r.err_offset;
	if (r.status != MATCH_OK)
		return;
	if (r.nwords == 0) {
		res->status = MATCH_EMPTY;
		return;
	}
	if ((best = mrun_best(&r, &res->entry)) == NULL) {
		res->status = MATCH_INCOMPLETE;
		res->err_offset = len;
		return;
	}
	args_build(&r, best, &res->args);
}

/* ---- '?' and Tab ---- */

static void
dlist_init(const struct mrun *r, struct dlist *dl)
{
	dl->n = 0;
	dl->cap = 0;
	for (size_t s = 0; s < r->n; s++)
		dl->cap += r->st[s].node->nlit + r->st[s].node->nslot + 1;
	dl->v = arena_alloc(r->arena, dl->cap * sizeof *dl->v);
}

static void
dlist_add(struct dlist *dl, unsigned cls, const struct gnode *n)
{
	struct ditem	*di;

	if (dl->n == dl->cap)
		return;
	di = &dl->v[dl->n];
	di->cls = cls;
	di->seq = dl->n++;
	di->rank = 0;
	di->word = "<cr>";
	di->help = "";
	di->slot = NULL;
	if (n == NULL)
		return;
	di->help = n->help;
	if (cls == DI_SLOT) {
		di->rank = n->se->slot.type->rank;
		di->word = n->se->slot.placeholder;
		di->slot = &n->se->slot;
	} else
		di->word = n->se->word;
}

/* After a blank: every word that may come next, and <cr>. */
static void
collect_next(const struct mrun *r, struct dlist *dl, bool literals_only)
{
	const struct gnode	*n;
	size_t			 i;

	for (size_t s = 0; s < r->n; s++) {
		n = r->st[s].node;
		if (r->st[s].rest) {
			if (!literals_only)
				dlist_add(dl, DI_CR, NULL);
			continue;
		}
		for (i = 0; i < n->nslot && !literals_only; i++) {
			if (child_listed(r, n, n->slot[i]))
				dlist_add(dl, DI_SLOT, n->slot[i]);
		}
		for (i = 0; i < n->nlit; i++) {
			if (child_listed(r, n, n->lit[i]))
				dlist_add(dl, DI_LITERAL, n->lit[i]);
		}
		if (!literals_only && ends_listed(r, n))
			dlist_add(dl, DI_CR, NULL);
	}
}

/*
 * Inside a word: the literals it abbreviates; for '?' when there are
 * none, the slots that would take it (and <cr> after a line slot).
 */
static void
collect_partial(const struct mrun *r, const char *tok, size_t len,
    struct dlist *dl, bool literals_only)
{
	const struct gnode	*n, *ch;
	const struct slot_spec	*sp;
	uint32_t		 num;
	size_t			 s, i;

	for (s = 0; s < r->n; s++) {
		n = r->st[s].node;
		for (i = lit_lower_bound(r->g, n, tok, len); !r->st[s].rest &&
		    i < n->nlit && ci_prefixcmp(n->lit[i]->se, tok,
		    len) == 0; i++) {
			if (child_listed(r, n, n->lit[i]))
				dlist_add(dl, DI_LITERAL, n->lit[i]);
		}
	}
	for (s = 0; s < r->n && dl->n == 0 && !literals_only; s++) {
		n = r->st[s].node;
		if (r->st[s].rest)
			dlist_add(dl, DI_CR, NULL);
		for (i = 0; i < n->nslot && !r->st[s].rest; i++) {
			ch = n->slot[i];
			sp = &ch->se->slot;
			if (child_listed(r, n, ch) &&
			    ((sp->type->flags & GT_F_LINE) ||
			    slot_accepts(r->g, sp, tok, len, &num)))
				dlist_add(dl, DI_SLOT, ch);
		}
	}
}

static int
ditem_cmp(const void *va, const void *vb)
{
	const struct ditem	*a = va, *b = vb;
	int			 c;

	if (a->cls != b->cls)
		return a->cls < b->cls ? -1 : 1;
	if (a->cls == DI_LITERAL && (c = grammar_ci_cmp(a->word, b->word)) != 0)
		return c;
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Whether the kept items dl->v[0..k) already hold it. */
static bool
dlist_seen(const struct dlist *dl, size_t k, const struct ditem *it,
    bool by_word)
{
	const struct ditem	*p;

	for (size_t j = k; j > 0; j--) {
		p = &dl->v[j - 1];
		if (p->cls != it->cls || (it->cls == DI_LITERAL &&
		    grammar_ci_cmp(p->word, it->word) != 0))
			break;
		if (strcmp(p->word, it->word) == 0 &&
		    (by_word || strcmp(p->help, it->help) == 0))
			return true;
	}
	return false;
}

/*
 * Sort as ASA prints: slots by rank, literals by name, <cr>; unique. One
 * node's children come in that order already (a '?' after "show " spent
 * a fifth of its time in qsort): a pass tells.
 */
static void
dlist_finish(struct dlist *dl, bool by_word)
{
	size_t	 k = 0, i = 1;

	while (i < dl->n && ditem_cmp(&dl->v[i - 1], &dl->v[i]) <= 0)
		i++;
	if (i < dl->n)
		qsort(dl->v, dl->n, sizeof *dl->v, ditem_cmp);
	for (i = 0; i < dl->n; i++) {
		if (!dlist_seen(dl, k, &dl->v[i], by_word))
			dl->v[k++] = dl->v[i];
	}
	dl->n = k;
}

/*
 * Run the words before the one being typed: *tokoff, *toklen give that
 * partial word (toklen 0 after a blank). False when they do not match.
 */
static bool
mrun_before(struct mrun *r, const struct grammar *g, enum mode m,
    uint32_t release, const char *line, struct arena *a, size_t *tokoff,
    size_t *toklen)
{
	size_t	 len = strlen(line), start = len;

	while (start > 0 && !grammar_is_blank(line[start - 1]))
		start--;
	*tokoff = start;
	*toklen = len - start;
	mrun_start(r, g, m, release, line, start, a);
	mrun_words(r);
	return r->status == MATCH_OK;
}

void
grammar_describe(const struct grammar *g, enum mode m, const char *line,
    struct arena *a, struct describe *d)
{
	grammar_describe_at(g, m, GRAMMAR_RELEASE_ANY, line, a, d);
}

void
grammar_describe_at(const struct grammar *g, enum mode m, uint32_t release,
    const char *line, struct arena *a, struct describe *d)
{
	struct mrun	 r;
	struct dlist	 dl;
	size_t		 off, len;

	d->items = NULL;
	d->n = 0;
	d->err_offset = 0;
	if (!mrun_before(&r, g, m, release, line, a, &off, &len)) {
		d->status = r.status;
		d->err_offset = r.err_offset;
		return;
	}
	dlist_init(&r, &dl);
	if (len == 0)
		collect_next(&r, &dl, false);
	else
		collect_partial(&r, line + off, len, &dl, false);
	dlist_finish(&dl, false);
	d->status = dl.n != 0 ? MATCH_OK : MATCH_INVALID;
	d->err_offset = dl.n != 0 ? 0 : off;
	d->items = arena_alloc(a, (dl.n + 1) * sizeof *d->items);
	for (size_t i = 0; i < dl.n; i++) {
		d->items[i].word = dl.v[i].word;
		d->items[i].help = dl.v[i].help;
		if (dl.v[i].slot != NULL && dl.v[i].slot->limit != NULL)
			d->items[i].word = arena_printf(a, "<%lu-%lu>",
			    (unsigned long)dl.v[i].slot->min,
			    (unsigned long)slot_max(g, dl.v[i].slot));
	}
	d->n = dl.n;
}

const char **
grammar_complete(const struct grammar *g, enum mode m, const char *line,
    struct arena *a)
{
	return grammar_complete_at(g, m, GRAMMAR_RELEASE_ANY, line, a);
}

const char **
grammar_complete_at(const struct grammar *g, enum mode m, uint32_t release,
    const char *line, struct arena *a)
{
	struct mrun	 r;
	struct dlist	 dl;
	const char	**v;
	size_t		 off, len;

	dl.n = 0;
	if (mrun_before(&r, g, m, release, line, a, &off, &len)) {
		dlist_init(&r, &dl);
		if (len == 0)
			collect_next(&r, &dl, true);
		else
			collect_partial(&r, line + off, len, &dl, true);
		dlist_finish(&dl, true);
	}
	v = arena_alloc(a, (dl.n + 1) * sizeof *v);
	for (size_t i = 0; i < dl.n; i++)
		v[i] = dl.v[i].word;
	v[dl.n] = NULL;
	return v;
}
