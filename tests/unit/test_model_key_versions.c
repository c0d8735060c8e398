/* SPDX-License-Identifier: MIT */
/*
 * Which releases can read a key (lic_key_readable) on the shipped data:
 * time-based keys from 8.0(4) and 8.1(2) (Table 5-20, "Time-based
 * Licenses 8.0(4)/8.1(2)"), and no granted feature newer than the
 * release (Table 5-20's dates; the Upgrade and Downgrade Guidelines).
 * The dates are the chapter's, written here by hand, not read from the
 * XML.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "licensing/licensing.h"
#include "models/models.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define V(a, b, c)	LIC_VERSION(a, b, c, 0)

struct key_case {
	const char		*model;
	enum lic_key_type	 type;
	const char		*feature;	/* the one grant */
	uint32_t		 value;
	uint32_t		 version;
	bool			 readable;
};

static const struct key_case cases[] = {
	/* Time-based keys: 8.0(4) on the 8.0 train, 8.1(2) on 8.1. */
	{ "ASA5520", LIC_KEY_TIMEBASED, "anyconnect-premium", 25, V(8, 0, 3),
	  false },
	{ "ASA5520", LIC_KEY_TIMEBASED, "anyconnect-premium", 25, V(8, 0, 4),
	  true },
	{ "ASA5520", LIC_KEY_TIMEBASED, "anyconnect-premium", 25, V(8, 1, 1),
	  false },
	{ "ASA5520", LIC_KEY_TIMEBASED, "anyconnect-premium", 25, V(8, 1, 2),
	  true },
	{ "ASA5520", LIC_KEY_TIMEBASED, "anyconnect-premium", 25, V(8, 2, 1),
	  true },
	/* A permanent key of the same feature is read by every release. */
	{ "ASA5520", LIC_KEY_PERMANENT, "anyconnect-premium", 25, V(8, 0, 2),
	  true },
	/* Botnet Traffic Filter, 8.2(1): not on 8.1(2), though timed keys
	   are. */
	{ "ASA5520", LIC_KEY_TIMEBASED, "botnet-traffic-filter", 1, V(8, 1, 2),
	  false },
	{ "ASA5520", LIC_KEY_TIMEBASED, "botnet-traffic-filter", 1, V(8, 2, 1),
	  true },
	/* Shared licensing, 8.2(1). */
	{ "ASA5520", LIC_KEY_PERMANENT, "shared-premium-sessions", 1000,
	  V(8, 1, 2), false },
	{ "ASA5520", LIC_KEY_PERMANENT, "shared-premium-sessions", 1000,
	  V(8, 2, 1), true },
	/* Intercompany Media Engine, 8.3(1). */
	{ "ASA5520", LIC_KEY_PERMANENT, "intercompany-media-engine", 1,
	  V(8, 2, 5), false },
	{ "ASA5520", LIC_KEY_PERMANENT, "intercompany-media-engine", 1,
	  V(8, 3, 1), true },
	/* Clustering, 9.0(1), on the ASA 5585-X. */
	{ "ASA5585-X-SSP-10", LIC_KEY_PERMANENT, "cluster", 8, V(8, 4, 7),
	  false },
	{ "ASA5585-X-SSP-10", LIC_KEY_PERMANENT, "cluster", 8, V(9, 0, 1),
	  true },
};

static struct model_db	*db;

static int
group_setup(void **state)
{
	struct diag	 d;

	(void)state;
	diag_init(&d);
	db = model_db_load(model_default_dir(), false, &d);
	if (db == NULL)
		diag_print(&d, stderr);
	diag_release(&d);
	return db == NULL ? -1 : 0;
}

static int
group_teardown(void **state)
{
	(void)state;
	model_db_free(db);
	return 0;
}

static void
test_readable(void **state)
{
	const struct lic_catalog *cat = model_db_catalog(db);

	(void)state;
	for (size_t i = 0; i < NELEM(cases); i++) {
		const struct key_case	 *c = &cases[i];
		const struct lic_platform *p = model_db_find(db, c->model);
		struct lic_keyinfo	  info = { .type = c->type };
		size_t			  f = lic_catalog_find(cat, c->feature);

		assert_non_null(p);
		assert_true(f != (size_t)-1);
		info.grants[0] = (struct lic_grant){ f, c->value };
		info.ngrants = 1;
		if (lic_key_readable(cat, p, &info, c->version) != c->readable)
			fail_msg("case %zu: %s %s at %08x: want %s", i,
			    c->model, c->feature, c->version,
			    c->readable ? "readable" : "unreadable");
	}
}

/* A key granting nothing above the edition's defaults: every release. */
static void
test_defaults_only(void **state)
{
	const struct lic_catalog *cat = model_db_catalog(db);
	const struct lic_platform *p = model_db_find(db, "ASA5520");
	struct lic_keyinfo	  info = { .type = LIC_KEY_PERMANENT };

	(void)state;
	assert_true(lic_key_readable(cat, p, &info, V(8, 0, 2)));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_readable),
		cmocka_unit_test(test_defaults_only),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
