/* SPDX-License-Identifier: MIT */
/*
 * The checker of the hand-transcribed platform tables: each cell against
 * the loaded model data, every mismatch reported before the test fails.
 */
#include "model_tables.h"

int
report(const char *where, const char *fmt, ...)
{
	char	 msg[512];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	print_error("MISMATCH %s: %s\n", where, msg);
	return 1;
}

static size_t
tiers_count(const struct lic_range *t)
{
	size_t	n = 0;

	while (n < MAX_TIERS && (t[n].min != 0 || t[n].max != 0))
		n++;
	return n;
}

static char *
tiers_format(char *buf, size_t len, const struct lic_range *t, size_t n)
{
	size_t	off = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n && off < len; i++) {
		if (t[i].max == UNL)
			off += snprintf(buf + off, len - off,
			    "%s{%u,unlimited,%u}", i ? " " : "", t[i].min,
			    t[i].step);
		else
			off += snprintf(buf + off, len - off, "%s{%u,%u,%u}",
			    i ? " " : "", t[i].min, t[i].max, t[i].step);
	}
	if (n == 0)
		snprintf(buf, len, "none");
	return buf;
}

static bool
tiers_equal(const struct lic_range *a, size_t na, const struct lic_range *b,
    size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (a[i].min != b[i].min || a[i].max != b[i].max ||
		    a[i].step != b[i].step)
			return false;
	return true;
}

/* Check one cell; returns the number of mismatches printed. */
static int
check_cell(const struct fixture *fx, const char *table,
    const struct lic_platform *p, size_t e, const struct cell_case *c)
{
	const struct lic_cell	*cell;
	char			 where[160], want[512], got[512];
	size_t			 f, nwant;
	uint32_t		 v;
	int			 bad = 0;

	snprintf(where, sizeof where, "%s %s/%s/%s", table, p->id,
	    p->editions[e].id, c->id);
	f = lic_catalog_find(fx->cat, c->id);
	if (f == (size_t)-1)
		return report(where, "feature not in the catalogue");
	cell = &p->editions[e].cells[f];
	if (cell->supported != !c->nosupport)
		bad += report(where, "supported: want %s, found %s",
		    c->nosupport ? "false" : "true",
		    cell->supported ? "true" : "false");
	v = lic_platform_value(p, e, f, V91);
	if (v != c->value)
		bad += report(where, "value in 9.1: want %u, found %u",
		    c->value, v);
	if (c->timed && !cell->time_based)
		bad += report(where, "time_based: want true, found false");
	nwant = tiers_count(c->tiers);
	if (!tiers_equal(c->tiers, nwant, cell->tiers, cell->ntiers))
		bad += report(where, "tiers: want %s, found %s",
		    tiers_format(want, sizeof want, c->tiers, nwant),
		    tiers_format(got, sizeof got, cell->tiers, cell->ntiers));
	if (strcmp(c->id, "total-vpn") == 0 && p->vpn_total != c->value)
		bad += report(where, "platform vpn_total: want %u, found %u",
		    c->value, p->vpn_total);
	if (c->sessions != 0 && p->essentials_sessions != c->sessions)
		bad += report(where,
		    "platform essentials_sessions: want %u, found %u",
		    c->sessions, p->essentials_sessions);
	if (c->phone_max != 0 && p->phone_proxy_max != c->phone_max)
		bad += report(where,
		    "platform phone_proxy_max: want %u, found %u",
		    c->phone_max, p->phone_proxy_max);
	return bad;
}

/* The platform's editions are exactly the table's columns, Base first. */
static int
check_editions(const struct table_case *tc, const struct lic_platform *p)
{
	char	 where[160];
	size_t	 n = 0;
	int	 bad = 0;

	snprintf(where, sizeof where, "%s %s", tc->table, p->id);
	while (tc->editions[n] != NULL)
		n++;
	if (p->neditions != n)
		bad += report(where, "editions: want %zu, found %zu", n,
		    p->neditions);
	if (p->neditions == 0 || strcmp(p->editions[0].id, "base") != 0)
		bad += report(where, "edition 0 is not \"base\"");
	if (p->table == NULL || strcmp(p->table, tc->table) != 0)
		bad += report(where, "table: want \"%s\", found \"%s\"",
		    tc->table, p->table ? p->table : "(null)");
	return bad;
}

void
run_table(void **state, const struct table_case *tc)
{
	const struct fixture		*fx = *state;
	const struct lic_platform	*p;
	const struct cell_case		*c;
	size_t				 e, cells = 0;
	int				 bad = 0;

	for (size_t m = 0; tc->models[m] != NULL; m++) {
		p = model_db_find(fx->db, tc->models[m]);
		if (p == NULL) {
			bad += report(tc->table, "no model %s", tc->models[m]);
			continue;
		}
		bad += check_editions(tc, p);
		for (size_t i = 0; tc->editions[i] != NULL; i++) {
			e = lic_platform_edition(p, tc->editions[i]);
			if (e == (size_t)-1) {
				bad += report(tc->table, "%s has no edition %s",
				    p->id, tc->editions[i]);
				continue;
			}
			for (size_t r = 0; r < tc->nrows; r++) {
				c = &tc->rows[r];
				if (c->model != NULL &&
				    strcasecmp(c->model, p->id) != 0)
					continue;
				if (c->edition != NULL &&
				    strcmp(c->edition, tc->editions[i]) != 0)
					continue;
				bad += check_cell(fx, tc->table, p, e, c);
				cells++;
			}
		}
	}
	print_message("%s: %zu cells checked, %d mismatches\n", tc->table,
	    cells, bad);
	if (bad != 0)
		fail_msg("%s: %d mismatches with the chapter", tc->table, bad);
}

int
tables_setup(void **state)
{
	static struct fixture	 fx;
	struct diag		 d;

	diag_init(&d);
	fx.db = model_db_load(model_default_dir(), false, &d);
	if (fx.db == NULL) {
		print_error("cannot load the model data from %s\n",
		    model_default_dir());
		diag_print(&d, stderr);
		diag_release(&d);
		return -1;
	}
	diag_release(&d);
	fx.cat = model_db_catalog(fx.db);
	*state = &fx;
	return 0;
}

int
tables_teardown(void **state)
{
	struct fixture	*fx = *state;

	model_db_free(fx->db);
	fx->db = NULL;
	return 0;
}
