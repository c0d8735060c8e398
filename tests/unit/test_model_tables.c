/* SPDX-License-Identifier: MIT */
/*
 * Every cell of the seed platform tables (Tables 5-1 to 5-15 of the ASA 9.1
 * "Managing Feature Licenses" chapter) checked against the loaded model
 * data. The expected values are transcribed by hand from the chapter, never
 * from the XML, so a wrong value in the data fails here.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "licensing/licensing.h"
#include "models/models.h"

/* The chapter describes Version 9.1. */
#define V91		LIC_VERSION(9, 1, 0, 0)

#define MAX_TIERS	12

/* One optional license of a single value: "Optional licenses: 24". */
#define T(n)		{ (n), (n), 0 }
#define UNL		LIC_UNLIMITED

/* "Optional Shared licenses: Participant or Server. For the Server:" */
#define POOL_500	{ 500, 50000, 500 }	/* "500-50,000 by 500" */
#define POOL_1000	{ 50000, 545000, 1000 }	/* "50,000-545,000 by 1000" */

/* "No support". */
#define NO_SUPPORT	.nosupport = true
/* "Disabled  Optional license: Available". */
#define AVAILABLE	.tiers = { T(1) }
/* "Disabled  Optional Time-based license: Available" (Botnet). */
#define TIME_BASED	.timed = true

/* Enum values, in the catalogue's order. */
enum {
	ENC_DES = 0,		/* "Base (DES)" */
	ENC_STRONG = 1,		/* "Strong (3DES/AES)" */
};
enum {
	FO_ACTIVE_STANDBY = 1,	/* "Active/Standby (no stateful failover)" */
	FO_ACTIVE_ACTIVE = 2,	/* "Active/Standby or Active/Active" */
};
enum {
	SPEED_FAST = 0,		/* "All: Fast Ethernet" */
	SPEED_GIGABIT = 1,	/* "Ethernet 0/0 and 0/1: Gigabit Ethernet" */
};
enum {
	SHARED_PARTICIPANT = 1,
	SHARED_SERVER = 2,
};

/* One cell of a table: a feature's row in one column. */
struct cell_case {
	const char	*model;		/* NULL: every model of the table */
	const char	*edition;	/* NULL: every column of the table */
	const char	*id;		/* catalogue feature id */
	bool		 nosupport;	/* "No support": supported == false */
	uint32_t	 value;		/* default value in 9.1 */
	bool		 timed;		/* the table offers it time-based */
	uint32_t	 sessions;	/* "(N sessions)"; 0: unchecked */
	uint32_t	 phone_max;	/* phone proxy cap; 0: unchecked */
	struct lic_range tiers[MAX_TIERS]; /* listed order, ends at {0,0,0} */
};

/* One table of the chapter: the models and columns it describes. */
struct table_case {
	const char		*table;		/* "Table 5-1" */
	const char		*models[3];	/* NULL-terminated */
	const char		*editions[3];	/* NULL-terminated */
	const struct cell_case	*rows;
	size_t			 nrows;
};

struct fixture {
	struct model_db			*db;
	const struct lic_catalog	*cat;
};

static int	report(const char *where, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));

static int
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

static void
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

static int
group_setup(void **state)
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

static int
group_teardown(void **state)
{
	struct fixture	*fx = *state;

	model_db_free(fx->db);
	fx->db = NULL;
	return 0;
}

#define SP	"security-plus"

/* Table 5-1 ASA 5505 License Features. */
static const struct cell_case t5_1[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .edition = "base", .id = "firewall-conns", .value = 10000 },
	{ .edition = SP, .id = "firewall-conns", .value = 25000 },
	{ .id = "gtp-gprs", NO_SUPPORT },
	{ .id = "intercompany-media-engine", AVAILABLE },
	{ .id = "uc-proxy-sessions", .value = 2, .tiers = { T(24) } },
	{ .id = "advanced-endpoint-assessment", AVAILABLE },
	{ .id = "anyconnect-vpn-phone", AVAILABLE },
	{ .id = "anyconnect-essentials", AVAILABLE, .sessions = 25 },
	{ .id = "anyconnect-mobile", AVAILABLE },
	{ .id = "anyconnect-premium", .value = 2, TIME_BASED,
	    .tiers = { T(10), T(25) } },
	{ .edition = "base", .id = "other-vpn", .value = 10 },
	{ .edition = SP, .id = "other-vpn", .value = 25 },
	{ .id = "total-vpn", .value = 25 },		/* "up to 25" */
	{ .id = "vpn-load-balancing", NO_SUPPORT },
	{ .id = "encryption", .value = ENC_DES, .tiers = { T(ENC_STRONG) } },
	{ .edition = "base", .id = "failover", NO_SUPPORT },
	{ .edition = SP, .id = "failover", .value = FO_ACTIVE_STANDBY },
	{ .id = "security-contexts", NO_SUPPORT },
	{ .id = "cluster", NO_SUPPORT },
	{ .id = "inside-hosts", .value = 10, .tiers = { T(50), T(UNL) } },
	{ .edition = "base", .id = "vlans", .value = 3 },	/* routed */
	{ .edition = SP, .id = "vlans", .value = 20 },		/* routed */
	{ .edition = "base", .id = "vlan-trunks", NO_SUPPORT },
	{ .edition = SP, .id = "vlan-trunks", .value = 8 },
};

/* Table 5-2 ASA 5510 License Features. */
static const struct cell_case t5_2[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .edition = "base", .id = "firewall-conns", .value = 50000 },
	{ .edition = SP, .id = "firewall-conns", .value = 130000 },
	{ .id = "gtp-gprs", NO_SUPPORT },
	{ .id = "intercompany-media-engine", AVAILABLE },
	{ .id = "uc-proxy-sessions", .value = 2,
	    .tiers = { T(24), T(50), T(100) } },
	{ .id = "advanced-endpoint-assessment", AVAILABLE },
	{ .id = "anyconnect-vpn-phone", AVAILABLE },
	{ .id = "anyconnect-essentials", AVAILABLE, .sessions = 250 },
	{ .id = "anyconnect-mobile", AVAILABLE },
	{ .id = "anyconnect-premium", .value = 2, TIME_BASED,
	    .tiers = { T(10), T(25), T(50), T(100), T(250) } },
	{ .id = "shared-license",
	    .tiers = { T(SHARED_PARTICIPANT), T(SHARED_SERVER) } },
	{ .id = "shared-premium-sessions", .tiers = { POOL_500, POOL_1000 } },
	{ .id = "total-vpn", .value = 250 },
	{ .id = "other-vpn", .value = 250 },
	{ .edition = "base", .id = "vpn-load-balancing", NO_SUPPORT },
	{ .edition = SP, .id = "vpn-load-balancing", .value = 1 },
	{ .id = "encryption", .value = ENC_DES, .tiers = { T(ENC_STRONG) } },
	{ .edition = "base", .id = "failover", NO_SUPPORT },
	{ .edition = SP, .id = "failover", .value = FO_ACTIVE_ACTIVE },
	{ .edition = "base", .id = "interfaces", .value = 364 },
	{ .edition = SP, .id = "interfaces", .value = 564 },
	{ .edition = "base", .id = "interface-speed", .value = SPEED_FAST },
	{ .edition = SP, .id = "interface-speed", .value = SPEED_GIGABIT },
	{ .edition = "base", .id = "security-contexts", NO_SUPPORT },
	{ .edition = SP, .id = "security-contexts", .value = 2,
	    .tiers = { T(5) } },
	{ .id = "cluster", NO_SUPPORT },
	{ .edition = "base", .id = "vlans", .value = 50 },
	{ .edition = SP, .id = "vlans", .value = 100 },
};

/* Table 5-3 ASA 5520 License Features. */
static const struct cell_case t5_3[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .id = "firewall-conns", .value = 280000 },
	{ .id = "gtp-gprs", AVAILABLE },
	{ .id = "intercompany-media-engine", AVAILABLE },
	{ .id = "uc-proxy-sessions", .value = 2,
	    .tiers = { T(24), T(50), T(100), T(250), T(500), T(750),
	    T(1000) } },
	{ .id = "advanced-endpoint-assessment", AVAILABLE },
	{ .id = "anyconnect-vpn-phone", AVAILABLE },
	{ .id = "anyconnect-essentials", AVAILABLE, .sessions = 750 },
	{ .id = "anyconnect-mobile", AVAILABLE },
	{ .id = "anyconnect-premium", .value = 2, TIME_BASED,
	    .tiers = { T(10), T(25), T(50), T(100), T(250), T(500),
	    T(750) } },
	{ .id = "shared-license",
	    .tiers = { T(SHARED_PARTICIPANT), T(SHARED_SERVER) } },
	{ .id = "shared-premium-sessions", .tiers = { POOL_500, POOL_1000 } },
	{ .id = "total-vpn", .value = 750 },
	{ .id = "other-vpn", .value = 750 },
	{ .id = "vpn-load-balancing", .value = 1 },
	{ .id = "encryption", .value = ENC_DES, .tiers = { T(ENC_STRONG) } },
	{ .id = "failover", .value = FO_ACTIVE_ACTIVE },
	{ .id = "interfaces", .value = 764 },
	{ .id = "security-contexts", .value = 2,
	    .tiers = { T(5), T(10), T(20) } },
	{ .id = "cluster", NO_SUPPORT },
	{ .id = "vlans", .value = 150 },
};

/* Table 5-4 ASA 5540 License Features. */
static const struct cell_case t5_4[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .id = "firewall-conns", .value = 400000 },
	{ .id = "gtp-gprs", AVAILABLE },
	{ .id = "intercompany-media-engine", AVAILABLE },
	{ .id = "uc-proxy-sessions", .value = 2,
	    .tiers = { T(24), T(50), T(100), T(250), T(500), T(750),
	    T(1000), T(2000) } },
	{ .id = "advanced-endpoint-assessment", AVAILABLE },
	{ .id = "anyconnect-vpn-phone", AVAILABLE },
	{ .id = "anyconnect-essentials", AVAILABLE, .sessions = 2500 },
	{ .id = "anyconnect-mobile", AVAILABLE },
	{ .id = "anyconnect-premium", .value = 2, TIME_BASED,
	    .tiers = { T(10), T(25), T(50), T(100), T(250), T(500),
	    T(750), T(1000), T(2500) } },
	{ .id = "shared-license",
	    .tiers = { T(SHARED_PARTICIPANT), T(SHARED_SERVER) } },
	{ .id = "shared-premium-sessions", .tiers = { POOL_500, POOL_1000 } },
	{ .id = "total-vpn", .value = 5000 },
	{ .id = "other-vpn", .value = 5000 },
	{ .id = "vpn-load-balancing", .value = 1 },
	{ .id = "encryption", .value = ENC_DES, .tiers = { T(ENC_STRONG) } },
	{ .id = "failover", .value = FO_ACTIVE_ACTIVE },
	{ .id = "interfaces", .value = 964 },
	{ .id = "security-contexts", .value = 2,
	    .tiers = { T(5), T(10), T(20), T(50) } },
	{ .id = "cluster", NO_SUPPORT },
	{ .id = "vlans", .value = 200 },
};

/* Table 5-5 ASA 5550 License Features. */
static const struct cell_case t5_5[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .id = "firewall-conns", .value = 650000 },
	{ .id = "gtp-gprs", AVAILABLE },
	{ .id = "intercompany-media-engine", AVAILABLE },
	{ .id = "uc-proxy-sessions", .value = 2,
	    .tiers = { T(24), T(50), T(100), T(250), T(500), T(750),
	    T(1000), T(2000), T(3000) } },
	{ .id = "advanced-endpoint-assessment", AVAILABLE },
	{ .id = "anyconnect-vpn-phone", AVAILABLE },
	{ .id = "anyconnect-essentials", AVAILABLE, .sessions = 5000 },
	{ .id = "anyconnect-mobile", AVAILABLE },
	{ .id = "anyconnect-premium", .value = 2, TIME_BASED,
	    .tiers = { T(10), T(25), T(50), T(100), T(250), T(500),
	    T(750), T(1000), T(2500), T(5000) } },
	{ .id = "shared-license",
	    .tiers = { T(SHARED_PARTICIPANT), T(SHARED_SERVER) } },
	{ .id = "shared-premium-sessions", .tiers = { POOL_500, POOL_1000 } },
	{ .id = "total-vpn", .value = 5000 },
	{ .id = "other-vpn", .value = 5000 },
	{ .id = "vpn-load-balancing", .value = 1 },
	{ .id = "encryption", .value = ENC_DES, .tiers = { T(ENC_STRONG) } },
	{ .id = "failover", .value = FO_ACTIVE_ACTIVE },
	{ .id = "interfaces", .value = 1764 },
	{ .id = "security-contexts", .value = 2,
	    .tiers = { T(5), T(10), T(20), T(50), T(100) } },
	{ .id = "cluster", NO_SUPPORT },
	{ .id = "vlans", .value = 400 },
};

/*
 * Table 5-6 ASA 5580 License Features (5580-20 and 5580-40). Footnote 1:
 * "With the 10,000-session UC license ... the maximum number of Phone
 * Proxy sessions is 5000."
 */
static const struct cell_case t5_6[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .model = "ASA5580-20", .id = "firewall-conns", .value = 2000000 },
	{ .model = "ASA5580-40", .id = "firewall-conns", .value = 4000000 },
	{ .id = "gtp-gprs", AVAILABLE },
	{ .id = "intercompany-media-engine", AVAILABLE },
	{ .id = "uc-proxy-sessions", .value = 2, .phone_max = 5000,
	    .tiers = { T(24), T(50), T(100), T(250), T(500), T(750),
	    T(1000), T(2000), T(3000), T(5000), T(10000) } },
	{ .id = "advanced-endpoint-assessment", AVAILABLE },
	{ .id = "anyconnect-vpn-phone", AVAILABLE },
	{ .id = "anyconnect-essentials", AVAILABLE, .sessions = 10000 },
	{ .id = "anyconnect-mobile", AVAILABLE },
	{ .id = "anyconnect-premium", .value = 2, TIME_BASED,
	    .tiers = { T(10), T(25), T(50), T(100), T(250), T(500),
	    T(750), T(1000), T(2500), T(5000), T(10000) } },
	{ .id = "shared-license",
	    .tiers = { T(SHARED_PARTICIPANT), T(SHARED_SERVER) } },
	{ .id = "shared-premium-sessions", .tiers = { POOL_500, POOL_1000 } },
	{ .id = "total-vpn", .value = 10000 },
	{ .id = "other-vpn", .value = 10000 },
	{ .id = "vpn-load-balancing", .value = 1 },
	{ .id = "encryption", .value = ENC_DES, .tiers = { T(ENC_STRONG) } },
	{ .id = "failover", .value = FO_ACTIVE_ACTIVE },
	{ .id = "interfaces", .value = 4612 },
	{ .id = "security-contexts", .value = 2,
	    .tiers = { T(5), T(10), T(20), T(50), T(100), T(250) } },
	{ .id = "cluster", .tiers = { T(8) } },	/* "Available for 8 units" */
	{ .id = "vlans", .value = 1024 },
};

/* Table 5-7 ASA 5512-X License Features. */
static const struct cell_case t5_7[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .edition = "base", .id = "firewall-conns", .value = 100000 },
	{ .edition = SP, .id = "firewall-conns", .value = 250000 },
	{ .edition = "base", .id = "gtp-gprs", NO_SUPPORT },
	{ .edition = SP, .id = "gtp-gprs", AVAILABLE },
	{ .id = "intercompany-media-engine", AVAILABLE },
	{ .id = "uc-proxy-sessions", .value = 2,
	    .tiers = { T(24), T(50), T(100), T(250), T(500) } },
	{ .id = "advanced-endpoint-assessment", AVAILABLE },
	{ .id = "anyconnect-vpn-phone", AVAILABLE },
	{ .id = "anyconnect-essentials", AVAILABLE, .sessions = 250 },
	{ .id = "anyconnect-mobile", AVAILABLE },
	{ .id = "anyconnect-premium", .value = 2, TIME_BASED,
	    .tiers = { T(10), T(25), T(50), T(100), T(250) } },
	{ .id = "shared-license",
	    .tiers = { T(SHARED_PARTICIPANT), T(SHARED_SERVER) } },
	{ .id = "shared-premium-sessions", .tiers = { POOL_500, POOL_1000 } },
	{ .id = "total-vpn", .value = 250 },
	{ .id = "other-vpn", .value = 250 },
	{ .edition = "base", .id = "vpn-load-balancing", NO_SUPPORT },
	{ .edition = SP, .id = "vpn-load-balancing", .value = 1 },
	{ .id = "encryption", .value = ENC_DES, .tiers = { T(ENC_STRONG) } },
	{ .edition = "base", .id = "failover", NO_SUPPORT },
	{ .edition = SP, .id = "failover", .value = FO_ACTIVE_ACTIVE },
	{ .edition = "base", .id = "interfaces", .value = 716 },
	{ .edition = SP, .id = "interfaces", .value = 916 },
	{ .edition = "base", .id = "security-contexts", NO_SUPPORT },
	{ .edition = SP, .id = "security-contexts", .value = 2,
	    .tiers = { T(5) } },
	{ .edition = "base", .id = "cluster", NO_SUPPORT },
	{ .edition = SP, .id = "cluster", .value = 2 },	/* "for 2 units" */
	{ .id = "ips-module", AVAILABLE },
	{ .edition = "base", .id = "vlans", .value = 50 },
	{ .edition = SP, .id = "vlans", .value = 100 },
};

/* Table 5-8 ASA 5515-X License Features. */
static const struct cell_case t5_8[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .id = "firewall-conns", .value = 250000 },
	{ .id = "gtp-gprs", AVAILABLE },
	{ .id = "intercompany-media-engine", AVAILABLE },
	{ .id = "uc-proxy-sessions", .value = 2,
	    .tiers = { T(24), T(50), T(100), T(250), T(500) } },
	{ .id = "advanced-endpoint-assessment", AVAILABLE },
	{ .id = "anyconnect-vpn-phone", AVAILABLE },
	{ .id = "anyconnect-essentials", AVAILABLE, .sessions = 250 },
	{ .id = "anyconnect-mobile", AVAILABLE },
	{ .id = "anyconnect-premium", .value = 2, TIME_BASED,
	    .tiers = { T(10), T(25), T(50), T(100), T(250) } },
	{ .id = "shared-license",
	    .tiers = { T(SHARED_PARTICIPANT), T(SHARED_SERVER) } },
	{ .id = "shared-premium-sessions", .tiers = { POOL_500, POOL_1000 } },
	{ .id = "total-vpn", .value = 250 },
	{ .id = "other-vpn", .value = 250 },
	{ .id = "vpn-load-balancing", .value = 1 },
	{ .id = "encryption", .value = ENC_DES, .tiers = { T(ENC_STRONG) } },
	{ .id = "failover", .value = FO_ACTIVE_ACTIVE },
	{ .id = "interfaces", .value = 916 },
	{ .id = "security-contexts", .value = 2, .tiers = { T(5) } },
	{ .id = "cluster", .value = 2 },	/* "Supported for 2 units" */
	{ .id = "ips-module", AVAILABLE },
	{ .id = "vlans", .value = 100 },
};

/* Table 5-9 ASA 5525-X License Features. */
static const struct cell_case t5_9[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .id = "firewall-conns", .value = 500000 },
	{ .id = "gtp-gprs", AVAILABLE },
	{ .id = "intercompany-media-engine", AVAILABLE },
	{ .id = "uc-proxy-sessions", .value = 2,
	    .tiers = { T(24), T(50), T(100), T(250), T(500), T(750),
	    T(1000) } },
	{ .id = "advanced-endpoint-assessment", AVAILABLE },
	{ .id = "anyconnect-vpn-phone", AVAILABLE },
	{ .id = "anyconnect-essentials", AVAILABLE, .sessions = 750 },
	{ .id = "anyconnect-mobile", AVAILABLE },
	{ .id = "anyconnect-premium", .value = 2, TIME_BASED,
	    .tiers = { T(10), T(25), T(50), T(100), T(250), T(500),
	    T(750) } },
	{ .id = "shared-license",
	    .tiers = { T(SHARED_PARTICIPANT), T(SHARED_SERVER) } },
	{ .id = "shared-premium-sessions", .tiers = { POOL_500, POOL_1000 } },
	{ .id = "total-vpn", .value = 750 },
	{ .id = "other-vpn", .value = 750 },
	{ .id = "vpn-load-balancing", .value = 1 },
	{ .id = "encryption", .value = ENC_DES, .tiers = { T(ENC_STRONG) } },
	{ .id = "failover", .value = FO_ACTIVE_ACTIVE },
	{ .id = "interfaces", .value = 1316 },
	{ .id = "security-contexts", .value = 2,
	    .tiers = { T(5), T(10), T(20) } },
	{ .id = "cluster", .value = 2 },	/* "Supported for 2 units" */
	{ .id = "ips-module", AVAILABLE },
	{ .id = "vlans", .value = 200 },
};

/* Table 5-10 ASA 5545-X License Features. */
static const struct cell_case t5_10[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .id = "firewall-conns", .value = 750000 },
	{ .id = "gtp-gprs", AVAILABLE },
	{ .id = "intercompany-media-engine", AVAILABLE },
	{ .id = "uc-proxy-sessions", .value = 2,
	    .tiers = { T(24), T(50), T(100), T(250), T(500), T(750),
	    T(1000), T(2000) } },
	{ .id = "advanced-endpoint-assessment", AVAILABLE },
	{ .id = "anyconnect-vpn-phone", AVAILABLE },
	{ .id = "anyconnect-essentials", AVAILABLE, .sessions = 2500 },
	{ .id = "anyconnect-mobile", AVAILABLE },
	{ .id = "anyconnect-premium", .value = 2, TIME_BASED,
	    .tiers = { T(10), T(25), T(50), T(100), T(250), T(500),
	    T(750), T(1000), T(2500) } },
	{ .id = "shared-license",
	    .tiers = { T(SHARED_PARTICIPANT), T(SHARED_SERVER) } },
	{ .id = "shared-premium-sessions", .tiers = { POOL_500, POOL_1000 } },
	{ .id = "total-vpn", .value = 2500 },
	{ .id = "other-vpn", .value = 2500 },
	{ .id = "vpn-load-balancing", .value = 1 },
	{ .id = "encryption", .value = ENC_DES, .tiers = { T(ENC_STRONG) } },
	{ .id = "failover", .value = FO_ACTIVE_ACTIVE },
	{ .id = "interfaces", .value = 1716 },
	{ .id = "security-contexts", .value = 2,
	    .tiers = { T(5), T(10), T(20), T(50) } },
	{ .id = "cluster", .value = 2 },	/* "Supported for 2 units" */
	{ .id = "ips-module", AVAILABLE },
	{ .id = "vlans", .value = 300 },
};

/* Table 5-11 ASA 5555-X License Features. */
static const struct cell_case t5_11[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .id = "firewall-conns", .value = 1000000 },
	{ .id = "gtp-gprs", AVAILABLE },
	{ .id = "intercompany-media-engine", AVAILABLE },
	{ .id = "uc-proxy-sessions", .value = 2,
	    .tiers = { T(24), T(50), T(100), T(250), T(500), T(750),
	    T(1000), T(2000), T(3000) } },
	{ .id = "advanced-endpoint-assessment", AVAILABLE },
	{ .id = "anyconnect-vpn-phone", AVAILABLE },
	{ .id = "anyconnect-essentials", AVAILABLE, .sessions = 5000 },
	{ .id = "anyconnect-mobile", AVAILABLE },
	{ .id = "anyconnect-premium", .value = 2, TIME_BASED,
	    .tiers = { T(10), T(25), T(50), T(100), T(250), T(500),
	    T(750), T(1000), T(2500), T(5000) } },
	{ .id = "shared-license",
	    .tiers = { T(SHARED_PARTICIPANT), T(SHARED_SERVER) } },
	{ .id = "shared-premium-sessions", .tiers = { POOL_500, POOL_1000 } },
	{ .id = "total-vpn", .value = 5000 },
	{ .id = "other-vpn", .value = 5000 },
	{ .id = "vpn-load-balancing", .value = 1 },
	{ .id = "encryption", .value = ENC_DES, .tiers = { T(ENC_STRONG) } },
	{ .id = "failover", .value = FO_ACTIVE_ACTIVE },
	{ .id = "interfaces", .value = 2516 },
	{ .id = "security-contexts", .value = 2,
	    .tiers = { T(5), T(10), T(20), T(50), T(100) } },
	{ .id = "cluster", .value = 2 },	/* "Supported for 2 units" */
	{ .id = "ips-module", AVAILABLE },
	{ .id = "vlans", .value = 500 },
};

/*
 * Table 5-12 ASA 5585-X with SSP-10 License Features: one "Base and
 * Security Plus" column; the editions differ in 10 GE I/O only. The
 * shared server lists only "500-50,000 in increments of 500".
 */
static const struct cell_case t5_12[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .id = "firewall-conns", .value = 1000000 },
	{ .id = "gtp-gprs", AVAILABLE },
	{ .id = "intercompany-media-engine", AVAILABLE },
	{ .id = "uc-proxy-sessions", .value = 2,
	    .tiers = { T(24), T(50), T(100), T(250), T(500), T(750),
	    T(1000), T(2000), T(3000) } },
	{ .id = "advanced-endpoint-assessment", AVAILABLE },
	{ .id = "anyconnect-vpn-phone", AVAILABLE },
	{ .id = "anyconnect-essentials", AVAILABLE, .sessions = 5000 },
	{ .id = "anyconnect-mobile", AVAILABLE },
	{ .id = "anyconnect-premium", .value = 2, TIME_BASED,
	    .tiers = { T(10), T(25), T(50), T(100), T(250), T(500),
	    T(750), T(1000), T(2500), T(5000) } },
	{ .id = "shared-license",
	    .tiers = { T(SHARED_PARTICIPANT), T(SHARED_SERVER) } },
	{ .id = "shared-premium-sessions", .tiers = { POOL_500 } },
	{ .id = "total-vpn", .value = 5000 },
	{ .id = "other-vpn", .value = 5000 },
	{ .id = "vpn-load-balancing", .value = 1 },
	{ .edition = "base", .id = "ten-ge-io", .value = 0 },
	{ .edition = SP, .id = "ten-ge-io", .value = 1 },
	{ .id = "encryption", .value = ENC_DES, .tiers = { T(ENC_STRONG) } },
	{ .id = "failover", .value = FO_ACTIVE_ACTIVE },
	{ .id = "interfaces", .value = 4612 },
	{ .id = "security-contexts", .value = 2,
	    .tiers = { T(5), T(10), T(20), T(50), T(100) } },
	{ .id = "cluster", .tiers = { T(8) } },	/* "Available for 8 units" */
	{ .id = "vlans", .value = 1024 },
};

/*
 * Table 5-13 ASA 5585-X with SSP-20 License Features: one "Base and
 * Security Plus" column; the editions differ in 10 GE I/O only.
 * Footnote 1: 10,000 UC sessions, but at most 5000 Phone Proxy sessions.
 */
static const struct cell_case t5_13[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .id = "firewall-conns", .value = 2000000 },
	{ .id = "gtp-gprs", AVAILABLE },
	{ .id = "intercompany-media-engine", AVAILABLE },
	{ .id = "uc-proxy-sessions", .value = 2, .phone_max = 5000,
	    .tiers = { T(24), T(50), T(100), T(250), T(500), T(750),
	    T(1000), T(2000), T(3000), T(5000), T(10000) } },
	{ .id = "advanced-endpoint-assessment", AVAILABLE },
	{ .id = "anyconnect-vpn-phone", AVAILABLE },
	{ .id = "anyconnect-essentials", AVAILABLE, .sessions = 10000 },
	{ .id = "anyconnect-mobile", AVAILABLE },
	{ .id = "anyconnect-premium", .value = 2, TIME_BASED,
	    .tiers = { T(10), T(25), T(50), T(100), T(250), T(500),
	    T(750), T(1000), T(2500), T(5000), T(10000) } },
	{ .id = "shared-license",
	    .tiers = { T(SHARED_PARTICIPANT), T(SHARED_SERVER) } },
	{ .id = "shared-premium-sessions", .tiers = { POOL_500, POOL_1000 } },
	{ .id = "total-vpn", .value = 10000 },
	{ .id = "other-vpn", .value = 10000 },
	{ .id = "vpn-load-balancing", .value = 1 },
	{ .edition = "base", .id = "ten-ge-io", .value = 0 },
	{ .edition = SP, .id = "ten-ge-io", .value = 1 },
	{ .id = "encryption", .value = ENC_DES, .tiers = { T(ENC_STRONG) } },
	{ .id = "failover", .value = FO_ACTIVE_ACTIVE },
	{ .id = "interfaces", .value = 4612 },
	{ .id = "security-contexts", .value = 2,
	    .tiers = { T(5), T(10), T(20), T(50), T(100), T(250) } },
	{ .id = "cluster", .tiers = { T(8) } },	/* "Available for 8 units" */
	{ .id = "vlans", .value = 1024 },
};

/*
 * Table 5-14 ASA 5585-X with SSP-40 and -60 License Features. Footnote 1:
 * 10,000 UC sessions, but at most 5000 Phone Proxy sessions.
 */
static const struct cell_case t5_14[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .model = "ASA5585-X-SSP-40", .id = "firewall-conns",
	    .value = 4000000 },
	{ .model = "ASA5585-X-SSP-60", .id = "firewall-conns",
	    .value = 10000000 },
	{ .id = "gtp-gprs", AVAILABLE },
	{ .id = "intercompany-media-engine", AVAILABLE },
	{ .id = "uc-proxy-sessions", .value = 2, .phone_max = 5000,
	    .tiers = { T(24), T(50), T(100), T(250), T(500), T(750),
	    T(1000), T(2000), T(3000), T(5000), T(10000) } },
	{ .id = "advanced-endpoint-assessment", AVAILABLE },
	{ .id = "anyconnect-vpn-phone", AVAILABLE },
	{ .id = "anyconnect-essentials", AVAILABLE, .sessions = 10000 },
	{ .id = "anyconnect-mobile", AVAILABLE },
	{ .id = "anyconnect-premium", .value = 2, TIME_BASED,
	    .tiers = { T(10), T(25), T(50), T(100), T(250), T(500),
	    T(750), T(1000), T(2500), T(5000), T(10000) } },
	{ .id = "shared-license",
	    .tiers = { T(SHARED_PARTICIPANT), T(SHARED_SERVER) } },
	{ .id = "shared-premium-sessions", .tiers = { POOL_500, POOL_1000 } },
	{ .id = "total-vpn", .value = 10000 },
	{ .id = "other-vpn", .value = 10000 },
	{ .id = "vpn-load-balancing", .value = 1 },
	{ .id = "ten-ge-io", .value = 1 },	/* "Enabled; ... 10 GE" */
	{ .id = "encryption", .value = ENC_DES, .tiers = { T(ENC_STRONG) } },
	{ .id = "failover", .value = FO_ACTIVE_ACTIVE },
	{ .id = "interfaces", .value = 4612 },
	{ .id = "security-contexts", .value = 2,
	    .tiers = { T(5), T(10), T(20), T(50), T(100), T(250) } },
	{ .id = "cluster", .tiers = { T(8) } },	/* "Available for 8 units" */
	{ .id = "vlans", .value = 1024 },
};

/*
 * Table 5-15 ASASM License Features. Footnote 1: 10,000 UC sessions, but
 * at most 5000 Phone Proxy sessions.
 */
static const struct cell_case t5_15[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .id = "firewall-conns", .value = 10000000 },
	{ .id = "gtp-gprs", AVAILABLE },
	{ .id = "intercompany-media-engine", AVAILABLE },
	{ .id = "uc-proxy-sessions", .value = 2, .phone_max = 5000,
	    .tiers = { T(24), T(50), T(100), T(250), T(500), T(750),
	    T(1000), T(2000), T(3000), T(5000), T(10000) } },
	{ .id = "advanced-endpoint-assessment", AVAILABLE },
	{ .id = "anyconnect-vpn-phone", AVAILABLE },
	{ .id = "anyconnect-essentials", AVAILABLE, .sessions = 10000 },
	{ .id = "anyconnect-mobile", AVAILABLE },
	{ .id = "anyconnect-premium", .value = 2, TIME_BASED,
	    .tiers = { T(10), T(25), T(50), T(100), T(250), T(500),
	    T(750), T(1000), T(2500), T(5000), T(10000) } },
	{ .id = "shared-license",
	    .tiers = { T(SHARED_PARTICIPANT), T(SHARED_SERVER) } },
	{ .id = "shared-premium-sessions", .tiers = { POOL_500, POOL_1000 } },
	{ .id = "total-vpn", .value = 10000 },
	{ .id = "other-vpn", .value = 10000 },
	{ .id = "vpn-load-balancing", .value = 1 },
	{ .id = "encryption", .value = ENC_DES, .tiers = { T(ENC_STRONG) } },
	{ .id = "failover", .value = FO_ACTIVE_ACTIVE },
	{ .id = "security-contexts", .value = 2,
	    .tiers = { T(5), T(10), T(20), T(50), T(100), T(250) } },
	{ .id = "cluster", NO_SUPPORT },
	{ .id = "vlans", .value = 1000 },
};

#define TABLE(name, rows_)						\
	.table = (name), .rows = (rows_),				\
	.nrows = sizeof(rows_) / sizeof((rows_)[0])

static const struct table_case table_5_1 = { TABLE("Table 5-1", t5_1),
	.models = { "ASA5505" }, .editions = { "base", SP } };
static const struct table_case table_5_2 = { TABLE("Table 5-2", t5_2),
	.models = { "ASA5510" }, .editions = { "base", SP } };
static const struct table_case table_5_3 = { TABLE("Table 5-3", t5_3),
	.models = { "ASA5520" }, .editions = { "base" } };
static const struct table_case table_5_4 = { TABLE("Table 5-4", t5_4),
	.models = { "ASA5540" }, .editions = { "base" } };
static const struct table_case table_5_5 = { TABLE("Table 5-5", t5_5),
	.models = { "ASA5550" }, .editions = { "base" } };
static const struct table_case table_5_6 = { TABLE("Table 5-6", t5_6),
	.models = { "ASA5580-20", "ASA5580-40" }, .editions = { "base" } };
static const struct table_case table_5_7 = { TABLE("Table 5-7", t5_7),
	.models = { "ASA5512-X" }, .editions = { "base", SP } };
static const struct table_case table_5_8 = { TABLE("Table 5-8", t5_8),
	.models = { "ASA5515-X" }, .editions = { "base" } };
static const struct table_case table_5_9 = { TABLE("Table 5-9", t5_9),
	.models = { "ASA5525-X" }, .editions = { "base" } };
static const struct table_case table_5_10 = { TABLE("Table 5-10", t5_10),
	.models = { "ASA5545-X" }, .editions = { "base" } };
static const struct table_case table_5_11 = { TABLE("Table 5-11", t5_11),
	.models = { "ASA5555-X" }, .editions = { "base" } };
static const struct table_case table_5_12 = { TABLE("Table 5-12", t5_12),
	.models = { "ASA5585-X-SSP-10" }, .editions = { "base", SP } };
static const struct table_case table_5_13 = { TABLE("Table 5-13", t5_13),
	.models = { "ASA5585-X-SSP-20" }, .editions = { "base", SP } };
static const struct table_case table_5_14 = { TABLE("Table 5-14", t5_14),
	.models = { "ASA5585-X-SSP-40", "ASA5585-X-SSP-60" },
	.editions = { "base" } };
static const struct table_case table_5_15 = { TABLE("Table 5-15", t5_15),
	.models = { "ASASM" }, .editions = { "base" } };

/*
 * Table 5-1 footnote 3: "For a 10-user license, the max. DHCP clients is
 * 32. For 50 users, the max. is 128. For unlimited users, the max. is 250".
 */
static const struct lic_dhcp dhcp_5505[] = {
	{ 10, 32 }, { 50, 128 }, { UNL, 250 },
};

static void
test_tables__5_1_asa5505_footnotes(void **state)
{
	const struct fixture		*fx = *state;
	const struct lic_platform	*p;
	const char			*w = "Table 5-1 ASA5505 footnotes";
	size_t				 n;
	int				 bad = 0;

	n = sizeof(dhcp_5505) / sizeof(dhcp_5505[0]);
	p = model_db_find(fx->db, "ASA5505");
	if (p == NULL)
		fail_msg("no model ASA5505");
	/* Footnote 1: with Premium, Premium + Other VPN, not over 25. */
	if (!p->vpn_total_sum)
		bad += report(w, "vpn_total_sum: want true, found false");
	if (p->ndhcp != n)
		bad += report(w, "dhcp: want %zu entries, found %zu", n,
		    p->ndhcp);
	for (size_t i = 0; i < n && i < p->ndhcp; i++)
		if (p->dhcp[i].hosts != dhcp_5505[i].hosts ||
		    p->dhcp[i].clients != dhcp_5505[i].clients)
			bad += report(w, "dhcp[%zu]: want {%u,%u}, found "
			    "{%u,%u}", i, dhcp_5505[i].hosts,
			    dhcp_5505[i].clients, p->dhcp[i].hosts,
			    p->dhcp[i].clients);
	if (bad != 0)
		fail_msg("%s: %d mismatches with the chapter", w, bad);
}

/* One cmocka test per table. */
#define TABLE_TEST(fn, tc)						\
	static void fn(void **state) { run_table(state, &(tc)); }

TABLE_TEST(test_tables__5_1_asa5505, table_5_1)
TABLE_TEST(test_tables__5_2_asa5510, table_5_2)
TABLE_TEST(test_tables__5_3_asa5520, table_5_3)
TABLE_TEST(test_tables__5_4_asa5540, table_5_4)
TABLE_TEST(test_tables__5_5_asa5550, table_5_5)
TABLE_TEST(test_tables__5_6_asa5580, table_5_6)
TABLE_TEST(test_tables__5_7_asa5512x, table_5_7)
TABLE_TEST(test_tables__5_8_asa5515x, table_5_8)
TABLE_TEST(test_tables__5_9_asa5525x, table_5_9)
TABLE_TEST(test_tables__5_10_asa5545x, table_5_10)
TABLE_TEST(test_tables__5_11_asa5555x, table_5_11)
TABLE_TEST(test_tables__5_12_asa5585x_ssp10, table_5_12)
TABLE_TEST(test_tables__5_13_asa5585x_ssp20, table_5_13)
TABLE_TEST(test_tables__5_14_asa5585x_ssp40_60, table_5_14)
TABLE_TEST(test_tables__5_15_asasm, table_5_15)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tables__5_1_asa5505),
		cmocka_unit_test(test_tables__5_1_asa5505_footnotes),
		cmocka_unit_test(test_tables__5_2_asa5510),
		cmocka_unit_test(test_tables__5_3_asa5520),
		cmocka_unit_test(test_tables__5_4_asa5540),
		cmocka_unit_test(test_tables__5_5_asa5550),
		cmocka_unit_test(test_tables__5_6_asa5580),
		cmocka_unit_test(test_tables__5_7_asa5512x),
		cmocka_unit_test(test_tables__5_8_asa5515x),
		cmocka_unit_test(test_tables__5_9_asa5525x),
		cmocka_unit_test(test_tables__5_10_asa5545x),
		cmocka_unit_test(test_tables__5_11_asa5555x),
		cmocka_unit_test(test_tables__5_12_asa5585x_ssp10),
		cmocka_unit_test(test_tables__5_13_asa5585x_ssp20),
		cmocka_unit_test(test_tables__5_14_asa5585x_ssp40_60),
		cmocka_unit_test(test_tables__5_15_asasm),
	};

	return cmocka_run_group_tests_name("model_tables", tests, group_setup,
	    group_teardown);
}
