/* SPDX-License-Identifier: MIT */
/*
 * The binary cache of the model data (models/model_cache.c): what it
 * reads back equals what the XML loads, and it is refused when a data
 * file changed, a platform file was added, or the file is not its own.
 */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "licensing/licensing.h"
#include "models/models.h"
#include "util/util.h"

struct fixture {
	char		 dir[64];	/* a copy of the build's data */
	struct model_db	*xml;		/* loaded from it */
};

static void
run(const char *cmd)
{
	assert_int_equal(system(cmd), 0);
}

static int
setup(void **state)
{
	struct fixture	*fx = xcalloc(1, sizeof *fx);
	struct diag	 d;
	char		*cmd;

	snprintf(fx->dir, sizeof fx->dir, "/tmp/asaemu-cache-XXXXXX");
	if (mkdtemp(fx->dir) == NULL)
		return -1;
	xasprintf(&cmd, "cp -R '%s'/features.xml '%s'/models '%s'/schema "
	    "'%s'/", model_default_dir(), model_default_dir(),
	    model_default_dir(), fx->dir);
	run(cmd);
	free(cmd);
	diag_init(&d);
	fx->xml = model_db_load(fx->dir, false, &d);
	assert_int_equal(model_cache_write(fx->xml, fx->dir, &d), 0);
	diag_print(&d, stderr);
	diag_release(&d);
	*state = fx;
	return fx->xml == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	struct fixture	*fx = *state;
	char		*cmd;

	xasprintf(&cmd, "rm -rf '%s'", fx->dir);
	run(cmd);
	free(cmd);
	model_db_free(fx->xml);
	free(fx);
	return 0;
}

static void
same_str(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		assert_true(a == b);
	else
		assert_string_equal(a, b);
}

static void
same_catalog(const struct lic_catalog *a, const struct lic_catalog *b)
{
	assert_int_equal(a->nfeatures, b->nfeatures);
	for (size_t i = 0; i < a->nfeatures; i++) {
		const struct lic_feature *x = &a->features[i];
		const struct lic_feature *y = &b->features[i];

		same_str(x->id, y->id);
		same_str(x->name, y->name);
		assert_int_equal(x->nvalues, y->nvalues);
		for (size_t j = 0; j < x->nvalues; j++) {
			same_str(x->values[j].id, y->values[j].id);
			same_str(x->values[j].text, y->values[j].text);
		}
		assert_int_equal(x->nlabels, y->nlabels);
		for (size_t j = 0; j < x->nlabels; j++)
			same_str(x->labels[j].text, y->labels[j].text);
		assert_int_equal(x->nexcludes, y->nexcludes);
		for (size_t j = 0; j < x->nexcludes; j++)
			assert_int_equal(x->excludes[j], y->excludes[j]);
		assert_int_equal(x->nrequires, y->nrequires);
		for (size_t j = 0; j < x->nrequires; j++)
			assert_int_equal(x->requires[j], y->requires[j]);
	}
	assert_int_equal(a->nlayouts, b->nlayouts);
	for (size_t i = 0; i < a->nlayouts; i++) {
		assert_int_equal(a->layouts[i].nrows, b->layouts[i].nrows);
		for (size_t j = 0; j < a->layouts[i].nrows; j++) {
			const struct lic_row *x = &a->layouts[i].rows[j];
			const struct lic_row *y = &b->layouts[i].rows[j];

			same_str(x->label, y->label);
			same_str(x->only, y->only);
			same_str(x->except, y->except);
			same_str(x->tail_lo, y->tail_lo);
			same_str(x->tail_hi, y->tail_hi);
			assert_int_equal(x->feature, y->feature);
		}
	}
	assert_int_equal(a->nreloads, b->nreloads);
	for (size_t i = 0; i < a->nreloads; i++)
		same_str(a->reloads[i].models, b->reloads[i].models);
}

static void
same_platform(const struct lic_platform *a, const struct lic_platform *b,
    size_t nfeatures)
{
	same_str(a->id, b->id);
	same_str(a->name, b->name);
	same_str(a->hw_name, b->hw_name);
	same_str(a->table, b->table);
	same_str(a->family, b->family);
	assert_int_equal(a->neditions, b->neditions);
	for (size_t i = 0; i < a->neditions; i++) {
		same_str(a->editions[i].id, b->editions[i].id);
		same_str(a->editions[i].sentence, b->editions[i].sentence);
		for (size_t j = 0; j < nfeatures; j++) {
			const struct lic_cell *x = &a->editions[i].cells[j];
			const struct lic_cell *y = &b->editions[i].cells[j];

			assert_int_equal(x->value, y->value);
			assert_int_equal(x->ntiers, y->ntiers);
			for (size_t k = 0; k < x->ntiers; k++)
				assert_int_equal(x->tiers[k].max,
				    y->tiers[k].max);
			same_str(x->note, y->note);
		}
	}
	assert_int_equal(a->ndhcp, b->ndhcp);
	for (size_t i = 0; i < a->ndhcp; i++)
		assert_int_equal(a->dhcp[i].clients, b->dhcp[i].clients);
	assert_int_equal(a->nsw_gaps, b->nsw_gaps);
	for (size_t i = 0; i < a->nsw_gaps; i++)
		assert_int_equal(a->sw_gaps[i].first, b->sw_gaps[i].first);
	assert_int_equal(a->nchanges, b->nchanges);
	for (size_t i = 0; i < a->nchanges; i++)
		assert_int_equal(a->changes[i].value, b->changes[i].value);
	assert_int_equal(a->nhw_lines, b->nhw_lines);
	for (size_t i = 0; i < a->nhw_lines; i++) {
		same_str(a->hw_lines[i].text, b->hw_lines[i].text);
		assert_memory_equal(&a->hw_lines[i].sw, &b->hw_lines[i].sw,
		    sizeof a->hw_lines[i].sw);
	}
	assert_int_equal(a->nports, b->nports);
	for (size_t i = 0; i < a->nports; i++) {
		same_str(a->ports[i].name, b->ports[i].name);
		same_str(a->ports[i].address, b->ports[i].address);
	}
	assert_int_equal(a->nfootnotes, b->nfootnotes);
	for (size_t i = 0; i < a->nfootnotes; i++)
		same_str(a->footnotes[i], b->footnotes[i]);
	assert_int_equal(a->ninventory, b->ninventory);
	for (size_t i = 0; i < a->ninventory; i++) {
		same_str(a->inventory[i].name, b->inventory[i].name);
		same_str(a->inventory[i].descr, b->inventory[i].descr);
		same_str(a->inventory[i].pid, b->inventory[i].pid);
		same_str(a->inventory[i].vid, b->inventory[i].vid);
		same_str(a->inventory[i].sn, b->inventory[i].sn);
	}
}

static void
test_model_cache__reads_what_the_xml_loads(void **state)
{
	struct fixture	*fx = *state;
	struct model_db	*db = model_cache_read(fx->dir);

	assert_non_null(db);
	same_catalog(model_db_catalog(fx->xml), model_db_catalog(db));
	assert_int_equal(model_db_count(fx->xml), model_db_count(db));
	for (size_t i = 0; i < model_db_count(db); i++)
		same_platform(model_db_platform(fx->xml, i),
		    model_db_platform(db, i),
		    model_db_catalog(db)->nfeatures);
	assert_non_null(model_db_find(db, "asa5520"));
	model_db_free(db);
}

static void
test_model_cache__changed_file_refused(void **state)
{
	struct fixture	*fx = *state;
	struct timespec	 ts[2] = { { .tv_sec = 1000000000 },
	    { .tv_sec = 1000000000 } };
	char		*path;

	xasprintf(&path, "%s/models/asa5520.xml", fx->dir);
	assert_int_equal(utimensat(AT_FDCWD, path, ts, 0), 0);
	free(path);
	assert_null(model_cache_read(fx->dir));
}

static void
test_model_cache__added_file_refused(void **state)
{
	struct fixture	*fx = *state;
	char		*cmd;

	xasprintf(&cmd, "cp '%s'/models/asa5520.xml '%s'/models/new.xml",
	    fx->dir, fx->dir);
	run(cmd);
	free(cmd);
	assert_null(model_cache_read(fx->dir));
}

/* Each of: another format version, a truncated file, no file. */
static void
test_model_cache__foreign_file_refused(void **state)
{
	struct fixture	*fx = *state;
	char		*path, *cmd;
	FILE		*f;

	xasprintf(&path, "%s/models.cache", fx->dir);
	assert_non_null(f = fopen(path, "r+b"));
	assert_int_equal(fseek(f, 8, SEEK_SET), 0);
	assert_int_equal(fputc(0x7f, f), 0x7f);
	assert_int_equal(fclose(f), 0);
	assert_null(model_cache_read(fx->dir));
	xasprintf(&cmd, "truncate -s 100 '%s'", path);
	run(cmd);
	free(cmd);
	assert_null(model_cache_read(fx->dir));
	assert_int_equal(unlink(path), 0);
	assert_null(model_cache_read(fx->dir));
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_model_cache__reads_what_the_xml_loads, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_model_cache__changed_file_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_model_cache__added_file_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_model_cache__foreign_file_refused, setup, teardown),
	};

	return cmocka_run_group_tests_name("model_cache", tests, NULL, NULL);
}
