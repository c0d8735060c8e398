/* SPDX-License-Identifier: MIT */
/*
 * Which permanent-key changes need a reload, over the shipped data: one
 * row per rule of Table 5-19 (9.1 chapter) and Table 3-18 (8.4 guide).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "licensing/licensing.h"
#include "models/models.h"

struct change {
	const char	*feature;	/* NULL ends the list */
	uint32_t	 value;
};

struct reload_case {
	const char	*name;		/* the rule, quoted */
	const char	*model;
	uint32_t	 version;
	const char	*old_edition;
	struct change	 old[3];
	const char	*new_edition;
	struct change	 new[3];
	bool		 reload;
};

#define V91	LIC_VERSION(9, 1, 7, 12)
#define V84	LIC_VERSION(8, 4, 1, 0)

static const struct reload_case cases[] = {
	{ "9.x: downgrading the Encryption license", "ASA5520", V91,
	    "base", { { "encryption", 1 } }, "base", { { NULL, 0 } }, true },
	{ "9.x: upgrading the Encryption license applies at once", "ASA5520",
	    V91, "base", { { NULL, 0 } }, "base", { { "encryption", 1 } },
	    false },
	{ "9.x: downgrading contexts is not in Table 5-19", "ASA5520", V91,
	    "base", { { "security-contexts", 10 } }, "base",
	    { { "security-contexts", 2 } }, false },
	{ "9.x: Base to Security Plus on the 5505 applies at once", "ASA5505",
	    V91, "base", { { NULL, 0 } }, "security-plus", { { NULL, 0 } },
	    false },
	{ "8.x: changing between Base and Security Plus (5505)", "ASA5505",
	    V84, "base", { { NULL, 0 } }, "security-plus", { { NULL, 0 } },
	    true },
	{ "8.x: changing between Base and Security Plus (5510)", "ASA5510",
	    V84, "base", { { NULL, 0 } }, "security-plus", { { NULL, 0 } },
	    true },
	{ "8.x: the edition rule is for the 5505 and 5510 only",
	    "ASA5512-X", V84, "base", { { NULL, 0 } }, "security-plus",
	    { { NULL, 0 } }, false },
	{ "8.x: changing the Encryption license (upgrade too)", "ASA5520",
	    V84, "base", { { NULL, 0 } }, "base", { { "encryption", 1 } },
	    true },
	{ "8.x: downgrading any permanent license (10 to 2 contexts)",
	    "ASA5520", V84, "base", { { "security-contexts", 10 } }, "base",
	    { { "security-contexts", 2 } }, true },
	{ "8.x: an upgrade of another license applies at once", "ASA5520",
	    V84, "base", { { "anyconnect-premium", 10 } }, "base",
	    { { "anyconnect-premium", 250 }, { "gtp-gprs", 1 } }, false },
};

static void
running_of(const struct model_db *db, const struct lic_platform *p,
    uint32_t v, const char *edition, const struct change *ch,
    struct lic_running *run)
{
	const struct lic_catalog *cat = model_db_catalog(db);
	struct lic_keyinfo	  ki;
	struct lic_inputs	  in;

	memset(&ki, 0, sizeof ki);
	ki.type = LIC_KEY_PERMANENT;
	ki.edition = lic_platform_edition(p, edition);
	assert_true(ki.edition != (size_t)-1);
	for (size_t f = 0; f < cat->nfeatures; f++) {
		ki.grants[ki.ngrants].feature = f;
		ki.grants[ki.ngrants++].value = p->editions[ki.edition]
		    .cells[f].value;
	}
	for (; ch->feature != NULL; ch++) {
		size_t f = lic_catalog_find(cat, ch->feature);

		assert_true(f != (size_t)-1);
		ki.grants[f].value = ch->value;
	}
	memset(&in, 0, sizeof in);
	in.cat = cat;
	in.p = p;
	in.version = v;
	in.perm = &ki;
	lic_running_compute(&in, run);
}

static void
test_model_reload__table_5_19_and_3_18(void **state)
{
	struct model_db	*db;
	struct diag	 d;

	(void)state;
	diag_init(&d);
	db = model_db_load(model_default_dir(), false, &d);
	assert_non_null(db);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct reload_case  *c = &cases[i];
		const struct lic_platform *p = model_db_find(db, c->model);
		struct lic_running	   old, new;
		bool			   got;

		assert_non_null(p);
		running_of(db, p, c->version, c->old_edition, c->old, &old);
		running_of(db, p, c->version, c->new_edition, c->new, &new);
		got = lic_reload_needed(model_db_catalog(db), p, c->version,
		    &old, &new);
		if (got != c->reload)
			fail_msg("%s: reload %s, want %s", c->name,
			    got ? "needed" : "not needed",
			    c->reload ? "needed" : "not needed");
	}
	model_db_free(db);
	diag_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_model_reload__table_5_19_and_3_18),
	};

	return cmocka_run_group_tests_name("model_reload", tests, NULL, NULL);
}
