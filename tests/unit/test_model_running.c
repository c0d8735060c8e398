/* SPDX-License-Identifier: MIT */
/*
 * The default running license of every model and edition of the shipped
 * data, and the chapter's Table 5-18 examples on real platforms. Expected
 * values are transcribed by hand from Tables 5-1 to 5-15 of the ASA 9.1
 * licensing chapter (and footnote 1 of Table 5-1), never from the XML.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "licensing/licensing.h"
#include "models/models.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define V91		LIC_VERSION(9, 1, 7, 0)	/* the chapter: the last 9.1 */
#define HOUR		3600u

#define BASE		"base"
#define SP		"security-plus"

enum { ENC_DES = 0 };
enum { FO_NONE = 0, FO_AS = 1, FO_AA = 2 };

struct fixture {
	struct model_db			*db;
	const struct lic_catalog	*cat;
};

/* One model and edition with no keys: its columns of the table. */
struct default_case {
	const char	*model;
	const char	*edition;
	uint32_t	 conns;		/* Firewall Conns, Concurrent */
	uint32_t	 other;		/* Other VPN */
	uint32_t	 total;		/* Total VPN, after footnote 1 */
	uint32_t	 lb;		/* VPN Load Balancing: Supported */
	uint32_t	 failover;
	uint32_t	 contexts;	/* "No support": 0 */
	uint32_t	 cluster;	/* "Supported for 2 units": 2 */
	uint32_t	 vlans;
};

static const struct default_case defaults[] = {
	/* Table 5-1; Total VPN by footnote 1: 2 + 10, and 2 + 25 <= 25. */
	{ "ASA5505", BASE, 10000, 10, 12, 0, FO_NONE, 0, 0, 3 },
	{ "ASA5505", SP, 25000, 25, 25, 0, FO_AS, 0, 0, 20 },
	/* Table 5-2. */
	{ "ASA5510", BASE, 50000, 250, 250, 0, FO_NONE, 0, 0, 50 },
	{ "ASA5510", SP, 130000, 250, 250, 1, FO_AA, 2, 0, 100 },
	/* Tables 5-3 to 5-5. */
	{ "ASA5520", BASE, 280000, 750, 750, 1, FO_AA, 2, 0, 150 },
	{ "ASA5540", BASE, 400000, 5000, 5000, 1, FO_AA, 2, 0, 200 },
	{ "ASA5550", BASE, 650000, 5000, 5000, 1, FO_AA, 2, 0, 400 },
	/* Table 5-6: Clustering "Disabled", optional for 8 units. */
	{ "ASA5580-20", BASE, 2000000, 10000, 10000, 1, FO_AA, 2, 0, 1024 },
	{ "ASA5580-40", BASE, 4000000, 10000, 10000, 1, FO_AA, 2, 0, 1024 },
	/* Tables 5-7 to 5-11. */
	{ "ASA5512-X", BASE, 100000, 250, 250, 0, FO_NONE, 0, 0, 50 },
	{ "ASA5512-X", SP, 250000, 250, 250, 1, FO_AA, 2, 2, 100 },
	{ "ASA5515-X", BASE, 250000, 250, 250, 1, FO_AA, 2, 2, 100 },
	{ "ASA5525-X", BASE, 500000, 750, 750, 1, FO_AA, 2, 2, 200 },
	{ "ASA5545-X", BASE, 750000, 2500, 2500, 1, FO_AA, 2, 2, 300 },
	{ "ASA5555-X", BASE, 1000000, 5000, 5000, 1, FO_AA, 2, 2, 500 },
	/* Tables 5-12 to 5-14. */
	{ "ASA5585-X-SSP-10", BASE, 1000000, 5000, 5000, 1, FO_AA, 2, 0,
	    1024 },
	{ "ASA5585-X-SSP-10", SP, 1000000, 5000, 5000, 1, FO_AA, 2, 0,
	    1024 },
	{ "ASA5585-X-SSP-20", BASE, 2000000, 10000, 10000, 1, FO_AA, 2, 0,
	    1024 },
	{ "ASA5585-X-SSP-20", SP, 2000000, 10000, 10000, 1, FO_AA, 2, 0,
	    1024 },
	{ "ASA5585-X-SSP-40", BASE, 4000000, 10000, 10000, 1, FO_AA, 2, 0,
	    1024 },
	{ "ASA5585-X-SSP-60", BASE, 10000000, 10000, 10000, 1, FO_AA, 2, 0,
	    1024 },
	/* Table 5-15. */
	{ "ASASM", BASE, 10000000, 10000, 10000, 1, FO_AA, 2, 0, 1000 },
};

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

static size_t
feature(const struct fixture *fx, const char *id)
{
	size_t	f = lic_catalog_find(fx->cat, id);

	if (f == (size_t)-1)
		fail_msg("no feature %s in the catalogue", id);
	return f;
}

/* Run the default license of model/edition at version v into r. */
static const struct lic_platform *
run_default(const struct fixture *fx, const char *model, const char *edition,
    uint32_t v, struct lic_running *r)
{
	const struct lic_platform *p = model_db_find(fx->db, model);
	struct lic_keyinfo	 perm;
	struct lic_inputs	 in;
	size_t			 e;

	if (p == NULL)
		fail_msg("no model %s", model);
	if ((e = lic_platform_edition(p, edition)) == (size_t)-1)
		fail_msg("%s: no edition %s", model, edition);
	memset(&perm, 0, sizeof perm);
	perm.type = LIC_KEY_PERMANENT;
	perm.edition = e;
	in = (struct lic_inputs){
		.cat = fx->cat,
		.p = p,
		.version = v,
		.perm = e == 0 ? NULL : &perm,
	};
	lic_running_compute(&in, r);
	assert_int_equal(r->edition, e);
	return p;
}

static int
check(const char *where, const char *id, uint32_t got, uint32_t want)
{
	if (got == want)
		return 0;
	print_error("MISMATCH %s: %s = %u, want %u\n", where, id, got, want);
	return 1;
}

static int
check_default(const struct fixture *fx, const struct default_case *c)
{
	struct lic_running	 r;
	char			 w[80];
	int			 bad = 0;
	const struct {
		const char	*id;
		uint32_t	 want;
	} rows[] = {
		{ "firewall-conns", c->conns },
		{ "botnet-traffic-filter", 0 },
		{ "gtp-gprs", 0 },
		{ "intercompany-media-engine", 0 },
		{ "uc-proxy-sessions", 2 },
		{ "advanced-endpoint-assessment", 0 },
		{ "anyconnect-vpn-phone", 0 },
		{ "anyconnect-essentials", 0 },
		{ "anyconnect-mobile", 0 },
		{ "anyconnect-premium", 2 },
		{ "other-vpn", c->other },
		{ "total-vpn", c->total },
		{ "vpn-load-balancing", c->lb },
		{ "encryption", ENC_DES },
		{ "failover", c->failover },
		{ "security-contexts", c->contexts },
		{ "cluster", c->cluster },
		{ "vlans", c->vlans },
	};

	snprintf(w, sizeof w, "%s %s", c->model, c->edition);
	run_default(fx, c->model, c->edition, V91, &r);
	for (size_t i = 0; i < NELEM(rows); i++) {
		size_t	f = feature(fx, rows[i].id);

		bad += check(w, rows[i].id, r.v[f].value, rows[i].want);
		if (r.v[f].timed || r.v[f].seconds_left != 0)
			bad += check(w, "perpetual", 0, 1);
	}
	bad += check(w, "essentials_active", r.essentials_active, 0);
	return bad;
}

/* Every model and edition of the data, each against its table column. */
static void
test_model_running__defaults_every_model(void **state)
{
	const struct fixture	*fx = *state;
	int			 bad = 0;

	for (size_t i = 0; i < NELEM(defaults); i++)
		bad += check_default(fx, &defaults[i]);
	for (size_t i = 0; i < model_db_count(fx->db); i++) {
		const struct lic_platform *p = model_db_platform(fx->db, i);

		for (size_t e = 0; e < p->neditions; e++) {
			bool	found = false;

			for (size_t j = 0; j < NELEM(defaults); j++)
				found |= strcmp(defaults[j].model, p->id) ==
				    0 && strcmp(defaults[j].edition,
				    p->editions[e].id) == 0;
			if (!found)
				bad += check(p->id, p->editions[e].id, 0, 1);
		}
	}
	if (bad != 0)
		fail_msg("%d mismatches with the chapter's tables", bad);
}

/* A time-based key granting one feature, active, with used seconds. */
static void
timed_key(struct lic_timed *t, size_t f, uint32_t value, uint32_t hours,
    uint64_t used)
{
	memset(t, 0, sizeof *t);
	t->info.type = LIC_KEY_TIMEBASED;
	t->info.duration = hours * HOUR;
	t->info.grants[0].feature = f;
	t->info.grants[0].value = value;
	t->info.ngrants = 1;
	t->active = true;
	t->used = used;
}

/* One chapter example on a real platform. */
struct example {
	const char	*name;
	const char	*model;
	const char	*feature;
	uint32_t	 perm;		/* the permanent key's value */
	uint32_t	 timed;		/* the time-based key's value */
	uint32_t	 want;
	bool		 want_timed;
};

static const struct example examples[] = {
	{ "AnyConnect Premium: \"if the permanent license is 1000 sessions, "
	    "and the time-based license is 2500 sessions, then 2500 sessions "
	    "are enabled\"", "ASA5540", "anyconnect-premium", 1000, 2500,
	    2500, true },
	{ "AnyConnect Premium: a smaller time-based license: \"the permanent "
	    "license is used\"", "ASA5540", "anyconnect-premium", 2500, 1000,
	    2500, false },
	{ "UC: \"The time-based license sessions are added to the permanent "
	    "sessions\" (ASA 5580: 2000 + 1000)", "ASA5580-20",
	    "uc-proxy-sessions", 2000, 1000, 3000, true },
	{ "UC: \"up to the platform limit\" (ASA 5520: 1000)", "ASA5520",
	    "uc-proxy-sessions", 1000, 500, 1000, false },
	{ "Security Contexts: \"if the permanent license is 10 contexts, and "
	    "the time-based license is 20 contexts, then 30 contexts\" (ASA "
	    "5580)", "ASA5580-40", "security-contexts", 10, 20, 30, true },
	{ "Security Contexts: \"up to the platform limit\" (ASA 5520: 20)",
	    "ASA5520", "security-contexts", 10, 20, 20, true },
	{ "Botnet Traffic Filter: \"the time-based license is used\"",
	    "ASA5505", "botnet-traffic-filter", 0, 1, 1, true },
};

static void
test_model_running__table_5_18_examples(void **state)
{
	const struct fixture	*fx = *state;

	for (size_t i = 0; i < NELEM(examples); i++) {
		const struct example	*x = &examples[i];
		const struct lic_platform *p = model_db_find(fx->db, x->model);
		size_t			 f = feature(fx, x->feature);
		struct lic_keyinfo	 perm;
		struct lic_timed	 t;
		struct lic_inputs	 in;
		struct lic_running	 r;

		print_message("%s\n", x->name);
		assert_non_null(p);
		memset(&perm, 0, sizeof perm);
		perm.type = LIC_KEY_PERMANENT;
		if (x->perm != 0) {
			perm.grants[0].feature = f;
			perm.grants[0].value = x->perm;
			perm.ngrants = 1;
		}
		timed_key(&t, f, x->timed, 24, 0);
		in = (struct lic_inputs){ .cat = fx->cat, .p = p,
		    .version = V91, .perm = &perm, .timed = &t, .ntimed = 1 };
		lic_running_compute(&in, &r);
		assert_int_equal(r.v[f].value, x->want);
		assert_int_equal(r.v[f].timed, x->want_timed);
		assert_int_equal(r.v[f].seconds_left,
		    x->want_timed ? 24 * HOUR : 0);
	}
}

/* Table 5-1 footnote 1 and Table 5-16 with the real ASA 5505 data. */
static void
test_model_running__asa5505_total_vpn(void **state)
{
	const struct fixture	*fx = *state;
	const struct lic_platform *p = model_db_find(fx->db, "ASA5505");
	size_t			 ess = feature(fx, "anyconnect-essentials");
	size_t			 prem = feature(fx, "anyconnect-premium");
	size_t			 total = feature(fx, "total-vpn");
	struct lic_keyinfo	 perm;
	struct lic_timed	 t;
	struct lic_inputs	 in;
	struct lic_running	 r;

	assert_non_null(p);
	memset(&perm, 0, sizeof perm);
	perm.type = LIC_KEY_PERMANENT;
	perm.grants[0].feature = ess;
	perm.grants[0].value = 1;
	perm.ngrants = 1;
	in = (struct lic_inputs){ .cat = fx->cat, .p = p, .version = V91,
	    .perm = &perm };
	/* "If you enable AnyConnect Essentials, then the total is ... 25". */
	lic_running_compute(&in, &r);
	assert_true(r.essentials_active);
	assert_int_equal(r.v[total].value, 25);
	assert_false(lic_running_usable(&r, fx->cat, prem));
	/* "no anyconnect-essentials": Premium 2 + Other VPN 10. */
	in.no_essentials = true;
	lic_running_compute(&in, &r);
	assert_false(r.essentials_active);
	assert_int_equal(r.v[total].value, 12);
	assert_true(lic_running_usable(&r, fx->cat, prem));
	/* A time-based 25-session Premium: 25 + 10, "not to exceed 25". */
	timed_key(&t, prem, 25, 24, 0);
	in.timed = &t;
	in.ntimed = 1;
	lic_running_compute(&in, &r);
	assert_int_equal(r.v[prem].value, 25);
	assert_int_equal(r.v[total].value, 25);
}

/* Table 5-20 through the data: ASASM had no VPN or UC before 9.0(1). */
static void
test_model_running__version_changes(void **state)
{
	const struct fixture	*fx = *state;
	struct lic_running	 r;

	run_default(fx, "ASASM", BASE, LIC_VERSION(8, 5, 1, 0), &r);
	assert_int_equal(r.v[feature(fx, "anyconnect-premium")].value, 0);
	assert_int_equal(r.v[feature(fx, "total-vpn")].value, 0);
	assert_int_equal(r.v[feature(fx, "uc-proxy-sessions")].value, 0);
	run_default(fx, "ASA5580-20", BASE, LIC_VERSION(8, 3, 1, 0), &r);
	assert_int_equal(r.v[feature(fx, "vlans")].value, 250);
	assert_int_equal(r.v[feature(fx, "total-vpn")].value, 5000);
	/* Clustering on the 5500-X from 9.1(4) only. */
	run_default(fx, "ASA5515-X", BASE, LIC_VERSION(9, 0, 1, 0), &r);
	assert_int_equal(r.v[feature(fx, "cluster")].value, 0);
	run_default(fx, "ASA5515-X", BASE, LIC_VERSION(9, 1, 3, 0), &r);
	assert_int_equal(r.v[feature(fx, "cluster")].value, 0);
	run_default(fx, "ASA5515-X", BASE, LIC_VERSION(9, 1, 4, 0), &r);
	assert_int_equal(r.v[feature(fx, "cluster")].value, 2);
}

/* "No Payload Encryption Models" on real data: no VPN, no UC rows. */
static void
test_model_running__no_payload_encryption(void **state)
{
	const struct fixture	*fx = *state;
	const struct lic_catalog *cat = fx->cat;
	struct lic_inputs	 in;
	struct lic_running	 r;

	for (size_t i = 0; i < model_db_count(fx->db); i++) {
		in = (struct lic_inputs){ .cat = cat,
		    .p = model_db_platform(fx->db, i), .version = V91,
		    .npe = true };
		lic_running_compute(&in, &r);
		for (size_t f = 0; f < cat->nfeatures; f++) {
			if (cat->features[f].npe_hidden)
				assert_int_equal(r.v[f].value, 0);
		}
		assert_int_equal(r.v[feature(fx, "firewall-conns")].value,
		    lic_platform_value(in.p, 0, feature(fx,
		    "firewall-conns"), V91));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_model_running__defaults_every_model),
		cmocka_unit_test(test_model_running__table_5_18_examples),
		cmocka_unit_test(test_model_running__asa5505_total_vpn),
		cmocka_unit_test(test_model_running__version_changes),
		cmocka_unit_test(test_model_running__no_payload_encryption),
	};

	return cmocka_run_group_tests_name("model_running", tests,
	    group_setup, group_teardown);
}
