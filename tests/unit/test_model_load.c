/* SPDX-License-Identifier: MIT */
/*
 * The model loader: the shipped data loads and validates (and how fast),
 * every malformed or hostile fixture of tests/data is refused with its
 * exact "file:line: message", and the pure look-ups over loaded data.
 */
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
#include "models/models_int.h"
#include "util/util.h"

static const char	*data_dir;	/* $ASAEMU_DATA: the build's data */
static const char	*test_dir;	/* $ASAEMU_TEST_DATA: tests/data */
static struct model_db	*shipped;

static int
group_setup(void **state)
{
	struct diag	 d;

	(void)state;
	data_dir = model_default_dir();
	test_dir = getenv("ASAEMU_TEST_DATA");
	if (test_dir == NULL)
		test_dir = "tests/data";
	diag_init(&d);
	shipped = model_db_load(data_dir, false, &d);
	diag_print(&d, stderr);
	diag_release(&d);
	return shipped == NULL ? -1 : 0;
}

static int
group_teardown(void **state)
{
	(void)state;
	model_db_free(shipped);
	return 0;
}

static double
now_us(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static void
test_model_load__shipped_data_loads(void **state)
{
	static const char *const ids[] = {
		"ASA5505", "ASA5510", "ASA5520", "ASA5540", "ASA5550",
		"ASA5580-20", "ASA5580-40", "ASA5512-X", "ASA5515-X",
		"ASA5525-X", "ASA5545-X", "ASA5555-X", "ASA5585-X-SSP-10",
		"ASA5585-X-SSP-20", "ASA5585-X-SSP-40", "ASA5585-X-SSP-60",
		"ASASM",
	};
	size_t	 n = sizeof ids / sizeof ids[0];

	(void)state;
	assert_int_equal(model_db_count(shipped), n);
	/* Chapter order: Table 5-1 first, Table 5-15 last. */
	for (size_t i = 0; i < n; i++)
		assert_string_equal(model_db_platform(shipped, i)->id, ids[i]);
	assert_null(model_db_platform(shipped, n));
	assert_non_null(model_db_find(shipped, "asa5585-x-ssp-40"));
	assert_null(model_db_find(shipped, "ASA5506-X"));
	assert_int_equal(model_db_catalog(shipped)->nfeatures, 29);
	assert_int_equal(model_db_catalog(shipped)->nlayouts, 5);
}

/*
 * Internal interfaces print fixed addresses (the 8.2(1) and 9.1(7)12 ASA
 * 5510 captures: Internal-Data0/0 0000.0001.0002, Internal-Control0/0
 * 0000.0001.0001); the others are derived from the serial number.
 */
static void
test_model_load__fixed_mac_addresses(void **state)
{
	const struct lic_platform *p = model_db_find(shipped, "ASA5510");

	(void)state;
	assert_non_null(p);
	assert_int_equal(p->nports, 7);
	assert_null(p->ports[0].address);
	assert_string_equal(p->ports[5].name, "Internal-Data0/0");
	assert_string_equal(p->ports[5].address, "0000.0001.0002");
	assert_string_equal(p->ports[6].name, "Internal-Control0/0");
	assert_string_equal(p->ports[6].address, "0000.0001.0001");
}

/* 8.x and 9.x print the ASA 5510's hardware differently (captures). */
static void
test_model_load__hardware_lines_by_version(void **state)
{
	const struct lic_platform *p = model_db_find(shipped, "ASA5510");

	(void)state;
	assert_non_null(p);
	assert_true(p->nhw_lines > 2);
	assert_string_equal(p->hw_lines[0].text, "Hardware:   ASA5510, "
	    "256 MB RAM, CPU Pentium 4 Celeron 1600 MHz");
	assert_int_equal(p->hw_lines[0].sw.first, 0);
	assert_int_equal(p->hw_lines[0].sw.last, LIC_VERSION(8, 7, 255, 255));
	assert_string_equal(p->hw_lines[1].text, "Hardware:   ASA5510, "
	    "1024 MB RAM, CPU Pentium 4 Celeron 1600 MHz,");
	assert_int_equal(p->hw_lines[1].sw.first, LIC_VERSION(9, 0, 1, 0));
	assert_int_equal(p->hw_lines[1].sw.last, LIC_VERSION_MAX);
}

static void
test_model_load__shipped_data_validates(void **state)
{
	struct model_db	*db;
	struct diag	 d;

	(void)state;
	diag_init(&d);
	db = model_db_load(data_dir, true, &d);
	diag_print(&d, stderr);
	assert_non_null(db);
	assert_int_equal(d.n, 0);
	model_db_free(db);
	diag_release(&d);
}

/* Informational: the best of several rounds (sanitizers slow it down). */
static void
test_model_load__timing(void **state)
{
	struct model_db	*db;
	struct diag	 d;
	double		 t0, t, plain = 1e12, valid;
	const int	 rounds = 20;

	(void)state;
	diag_init(&d);
	for (int i = 0; i < rounds; i++) {
		t0 = now_us();
		db = model_db_load(data_dir, false, &d);
		t = now_us() - t0;
		model_db_free(db);
		if (t < plain)
			plain = t;
	}
	t0 = now_us();
	db = model_db_load(data_dir, true, &d);
	valid = now_us() - t0;
	model_db_free(db);
	assert_int_equal(d.n, 0);
	fprintf(stderr, "model load: %.0f us (validated: %.0f us)\n", plain,
	    valid);
	diag_release(&d);
}

struct bad_case {
	const char	*file;		/* under tests/data */
	bool		 catalog;	/* a catalogue, not a table */
	bool		 validate;
	const char	*preload;	/* shipped table loaded first */
	const char	*want[4];	/* "%s" is the fixture's path */
};

static const struct bad_case bad_cases[] = {
	{ .file = "bad-attr.xml", .want = {
	    "%s:10: <limits>: attribute 'tls-default': bad number 'ten'" } },
	{ .file = "bad-missing.xml", .want = {
	    "%s:107: <port>: missing attribute 'name'" } },
	{ .file = "bad-feature.xml", .want = {
	    "%s:16: unknown feature 'warp-drive'",
	    "%s:11: edition 'base' has no cell for feature 'gtp-gprs'" } },
	{ .file = "bad-many.xml", .want = {
	    "%s:10: <limits>: attribute 'tls-default': bad number '-1'",
	    "%s:82: <cell>: attribute 'value': bad value 'lots' for "
	    "feature 'vlans'",
	    "%s:107: <port>: attribute 'irq': bad number 'eleven'" } },
	{ .file = "bad-address.xml", .want = {
	    "%s:108: <port>: attribute 'address': not a MAC address "
	    "'0000.01.0002' (hhhh.hhhh.hhhh)" } },
	{ .file = "bad-duplicate.xml", .preload = "asa5510.xml", .want = {
	    "%s:90: duplicate model 'asa5510' (also in %M/asa5510.xml)" } },
	{ .file = "bad-schema.xml", .validate = true, .want = {
	    "%s:10: Element 'limits', attribute 'colour': The attribute "
	    "'colour' is not allowed." } },
	{ .file = "bad-syntax.xml", .want = {
	    "%s:4: Opening and ending tag mismatch: limits line 3 and "
	    "table",
	    "%s:5: Premature end of data in tag table line 2" } },
	{ .file = "bad-laughs.xml", .want = {
	    "%s:2: document type declarations are not allowed" } },
	{ .file = "bad-xxe.xml", .want = {
	    "%s:3: document type declarations are not allowed" } },
	{ .file = "bad-doctype.xml", .want = {
	    "%s:4: document type declarations are not allowed" } },
	{ .file = "bad-deep.xml", .want = {
	    "%s:18: elements nested deeper than 16" } },
	{ .file = "bad-hardware.xml", .want = {
	    "%s:103: <model>: a second <hardware>" } },
	{ .file = "bad-catalog.xml", .catalog = true, .want = {
	    "%s:10: duplicate feature 'failover'",
	    "%s:13: <feature>: attribute 'kind': bad value 'switch'",
	    "%s:15: unknown feature 'encryption'" } },
};

/* Expand "%s" (the fixture) and "%M" (the shipped models dir) in want. */
static char *
expand(const char *want, const char *path)
{
	struct strbuf	 sb;
	char		*out;

	strbuf_init(&sb, 4096);
	for (const char *p = want; *p != '\0'; p++) {
		if (p[0] == '%' && p[1] == 's') {
			strbuf_puts(&sb, path);
			p++;
		} else if (p[0] == '%' && p[1] == 'M') {
			strbuf_printf(&sb, "%s/models", data_dir);
			p++;
		} else
			strbuf_add(&sb, p, 1);
	}
	out = strbuf_take(&sb);
	strbuf_release(&sb);
	return out;
}

static void
run_bad_case(const struct bad_case *bc)
{
	struct model_db	*db = model_db_new();
	struct diag	 d;
	char		*path, *cat, *pre, *want;
	const char	*xsd = NULL;
	size_t		 nwant = 0;
	int		 rc;

	diag_init(&d);
	xasprintf(&path, "%s/%s", test_dir, bc->file);
	if (bc->catalog) {
		if (bc->validate)
			xsd = "schema/features.xsd";
		rc = model_db_load_catalog(db, path, NULL, &d);
	} else {
		xasprintf(&cat, "%s/features.xml", data_dir);
		assert_int_equal(model_db_load_catalog(db, cat, NULL, &d), 0);
		free(cat);
		if (bc->preload != NULL) {
			xasprintf(&pre, "%s/models/%s", data_dir, bc->preload);
			assert_int_equal(model_db_load_table(db, pre, NULL,
			    &d), 0);
			free(pre);
		}
		if (bc->validate)
			xasprintf(&cat, "%s/schema/models.xsd", data_dir);
		else
			cat = NULL;
		rc = model_db_load_table(db, path, cat, &d);
		free(cat);
	}
	(void)xsd;
	if (rc != -1 || d.n == 0)
		fprintf(stderr, "%s: accepted\n", bc->file);
	assert_int_equal(rc, -1);
	while (nwant < 4 && bc->want[nwant] != NULL)
		nwant++;
	for (size_t i = 0; i < nwant || i < d.n; i++) {
		want = i < nwant ? expand(bc->want[i], path) : NULL;
		if (i >= d.n || want == NULL || strcmp(d.lines[i], want) != 0)
			diag_print(&d, stderr);
		assert_true(i < d.n);
		assert_non_null(want);
		assert_string_equal(d.lines[i], want);
		free(want);
	}
	free(path);
	diag_release(&d);
	model_db_free(db);
}

static void
test_model_load__bad_fixtures(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++)
		run_bad_case(&bad_cases[i]);
}

static void
test_model_load__too_big(void **state)
{
	char		 path[] = "/tmp/asaemu-big-XXXXXX";
	struct diag	 d;
	struct xml_doc	*xd;
	struct stat	 st;
	char		*want;
	FILE		*f;
	int		 fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	fputs("<?xml version=\"1.0\"?>\n<table>\n", f);
	for (unsigned i = 0; i < XML_MAX_FILE / 32; i++)
		fputs("<!-- padding padding padding -->\n", f);
	fputs("</table>\n", f);
	fclose(f);
	assert_int_equal(stat(path, &st), 0);
	diag_init(&d);
	xd = xml_doc_read(path, &d);
	assert_null(xd);
	assert_int_equal(d.n, 1);
	xasprintf(&want, "%s: file too large (%lld bytes, limit 1048576)",
	    path, (long long)st.st_size);
	assert_string_equal(d.lines[0], want);
	free(want);
	unlink(path);
	diag_release(&d);
}

static void
test_model_load__missing_dir(void **state)
{
	struct diag	 d;

	(void)state;
	diag_init(&d);
	assert_null(model_db_load("/nonexistent/asaemu", false, &d));
	assert_int_equal(d.n, 1);
	assert_string_equal(d.lines[0],
	    "/nonexistent/asaemu/features.xml: No such file or directory");
	diag_release(&d);
}

static void
test_model_load__default_dir(void **state)
{
	char	*old = getenv("ASAEMU_DATA") ? xstrdup(getenv("ASAEMU_DATA")) :
		    NULL;

	(void)state;
	setenv("ASAEMU_DATA", "/some/where", 1);
	assert_string_equal(model_default_dir(), "/some/where");
	if (old != NULL) {
		setenv("ASAEMU_DATA", old, 1);
		free(old);
	} else
		unsetenv("ASAEMU_DATA");
}

static void
test_lic_version__parse_format(void **state)
{
	static const struct {
		const char	*in;
		uint32_t	 v;
		const char	*out;	/* NULL: parse fails */
	} cases[] = {
		{ "8.4(1)", LIC_VERSION(8, 4, 1, 0), "8.4(1)" },
		{ "9.1(7)12", LIC_VERSION(9, 1, 7, 12), "9.1(7)12" },
		{ "9.1", LIC_VERSION(9, 1, 0, 0), "9.1(0)" },
		{ "8.2(5)59", LIC_VERSION(8, 2, 5, 59), "8.2(5)59" },
		{ "", 0, NULL }, { "8", 0, NULL }, { "8.4(", 0, NULL },
		{ "8.4(1", 0, NULL }, { "8.4(1)x", 0, NULL },
		{ "256.1(1)", 0, NULL }, { "8.4(1)256", 0, NULL },
		{ "8..4", 0, NULL }, { " 8.4(1)", 0, NULL },
	};
	char		 buf[32];
	uint32_t	 v;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (cases[i].out == NULL) {
			assert_int_equal(lic_version_parse(cases[i].in, &v),
			    -1);
			continue;
		}
		assert_int_equal(lic_version_parse(cases[i].in, &v), 0);
		assert_int_equal(v, cases[i].v);
		assert_string_equal(lic_version_format(v, buf, sizeof buf),
		    cases[i].out);
	}
	assert_true(LIC_VERSION(8, 3, 2, 0) < LIC_VERSION(8, 4, 1, 0));
	assert_true(LIC_VERSION(9, 1, 7, 12) > LIC_VERSION(9, 1, 7, 0));
}

static uint32_t
value_at(const char *model, const char *edition, const char *feature,
    const char *version)
{
	const struct lic_platform *p = model_db_find(shipped, model);
	size_t		 f, e;
	uint32_t	 v;

	assert_non_null(p);
	f = lic_catalog_find(model_db_catalog(shipped), feature);
	e = lic_platform_edition(p, edition);
	assert_true(f != (size_t)-1 && e != (size_t)-1);
	assert_int_equal(lic_version_parse(version, &v), 0);
	return lic_platform_value(p, e, f, v);
}

static uint32_t
max_at(const char *model, const char *feature, const char *version)
{
	const struct lic_platform *p = model_db_find(shipped, model);
	size_t		 f;
	uint32_t	 v;

	f = lic_catalog_find(model_db_catalog(shipped), feature);
	assert_int_equal(lic_version_parse(version, &v), 0);
	return lic_platform_max(p, 0, f, v);
}

static void
test_lic_platform__value_changes(void **state)
{
	(void)state;
	/* Table 5-20, 8.4(1): connections and VLANs of the 5580/5585-X. */
	assert_int_equal(value_at("ASA5580-20", "base", "firewall-conns",
	    "8.3(2)"), 1000000);
	assert_int_equal(value_at("ASA5580-20", "base", "firewall-conns",
	    "8.4(1)"), 2000000);
	assert_int_equal(value_at("ASA5580-40", "base", "firewall-conns",
	    "8.2(5)"), 2000000);
	assert_int_equal(value_at("ASA5580-40", "base", "firewall-conns",
	    "9.1(2)"), 4000000);
	assert_int_equal(value_at("ASA5585-X-SSP-60", "base",
	    "firewall-conns", "8.2(5)"), 2000000);
	assert_int_equal(value_at("ASA5585-X-SSP-60", "base",
	    "firewall-conns", "9.0(1)"), 10000000);
	assert_int_equal(value_at("ASA5585-X-SSP-10", "base", "vlans",
	    "8.2(4)"), 250);
	assert_int_equal(value_at("ASA5585-X-SSP-10", "base", "vlans",
	    "8.4(1)"), 1024);
	/* 8.2(4): the SSP-10's 10 GE I/O license, Security Plus only. */
	assert_int_equal(value_at("ASA5585-X-SSP-10", "security-plus",
	    "ten-ge-io", "8.2(3)"), 0);
	assert_int_equal(value_at("ASA5585-X-SSP-10", "security-plus",
	    "ten-ge-io", "8.2(4)"), 1);
	assert_int_equal(value_at("ASA5520", "base", "vlans", "8.2(1)"), 150);
	/* Maximum contexts 50 before 8.4(1). */
	assert_int_equal(max_at("ASA5550", "security-contexts", "8.3(2)"), 50);
	assert_int_equal(max_at("ASA5550", "security-contexts", "8.4(1)"),
	    100);
	assert_int_equal(max_at("ASA5580-20", "security-contexts", "9.1(1)"),
	    250);
	assert_int_equal(max_at("ASA5580-20", "anyconnect-premium", "8.2(1)"),
	    5000);
	/* ASASM: no VPN or UC before 9.0(1). */
	assert_int_equal(max_at("ASASM", "uc-proxy-sessions", "8.5(1)"), 0);
	assert_int_equal(max_at("ASASM", "uc-proxy-sessions", "9.0(1)"),
	    10000);
	assert_int_equal(value_at("ASASM", "base", "anyconnect-premium",
	    "8.5(1)"), 0);
}

static void
test_lic_platform__runs(void **state)
{
	const struct lic_platform *p = model_db_find(shipped,
	    "ASA5585-X-SSP-20");
	uint32_t	 v;

	(void)state;
	lic_version_parse("8.2(3)", &v);
	assert_true(lic_platform_runs(p, v));
	lic_version_parse("8.2(2)", &v);
	assert_false(lic_platform_runs(p, v));
	lic_version_parse("8.3(1)", &v);
	assert_false(lic_platform_runs(p, v));
	lic_version_parse("8.4(2)", &v);
	assert_true(lic_platform_runs(p, v));
	/* 8.0 up to the 5580's 8.1 train; the 5580 from 8.1(1). */
	p = model_db_find(shipped, "ASA5510");
	lic_version_parse("8.0(2)", &v);
	assert_true(lic_platform_runs(p, v));
	lic_version_parse("8.1(2)", &v);
	assert_false(lic_platform_runs(p, v));
	p = model_db_find(shipped, "ASA5580-20");
	assert_true(lic_platform_runs(p, v));
	lic_version_parse("8.0(4)", &v);
	assert_false(lic_platform_runs(p, v));
	p = model_db_find(shipped, "ASA5512-X");
	lic_version_parse("8.4(2)", &v);
	assert_false(lic_platform_runs(p, v));
	lic_version_parse("8.6(1)", &v);
	assert_true(lic_platform_runs(p, v));
}

static void
test_lic_cell__allows(void **state)
{
	const struct lic_catalog *c = model_db_catalog(shipped);
	const struct lic_platform *p = model_db_find(shipped, "ASA5520");
	const struct lic_cell *prem, *pool, *gtp;

	(void)state;
	prem = &p->editions[0].cells[lic_catalog_find(c,
	    "anyconnect-premium")];
	pool = &p->editions[0].cells[lic_catalog_find(c,
	    "shared-premium-sessions")];
	gtp = &p->editions[0].cells[lic_catalog_find(c, "gtp-gprs")];
	assert_true(lic_cell_allows(prem, 2));
	assert_true(lic_cell_allows(prem, 750));
	assert_false(lic_cell_allows(prem, 751));
	assert_false(lic_cell_allows(prem, 1000));
	assert_true(lic_cell_allows(pool, 0));
	assert_true(lic_cell_allows(pool, 500));
	assert_true(lic_cell_allows(pool, 12000));
	assert_false(lic_cell_allows(pool, 12250));
	assert_true(lic_cell_allows(pool, 51000));
	assert_false(lic_cell_allows(pool, 50500));
	assert_true(lic_cell_allows(pool, 545000));
	assert_false(lic_cell_allows(pool, 546000));
	assert_true(lic_cell_allows(gtp, 0));
	assert_true(lic_cell_allows(gtp, 1));
	assert_false(lic_cell_allows(gtp, 2));
}

static void
test_lic_catalog__labels_and_layouts(void **state)
{
	const struct lic_catalog *c = model_db_catalog(shipped);
	const struct lic_feature *prem;
	const struct lic_layout *l;
	uint32_t	 v;

	(void)state;
	assert_int_equal(lic_catalog_find(c, "no-such-feature"), (size_t)-1);
	prem = &c->features[lic_catalog_find(c, "anyconnect-premium")];
	lic_version_parse("8.3(2)", &v);
	assert_string_equal(lic_feature_label(prem, v), "SSL VPN Peers");
	lic_version_parse("8.4(1)", &v);
	assert_string_equal(lic_feature_label(prem, v),
	    "AnyConnect Premium Peers");
	lic_version_parse("8.0(1)", &v);
	assert_null(lic_catalog_layout(c, v));
	lic_version_parse("8.0(4)", &v);
	l = lic_catalog_layout(c, v);
	assert_non_null(l);
	assert_string_equal(l->rows[l->nrows - 1].label, "UC Proxy Sessions");
	lic_version_parse("8.1(2)", &v);
	l = lic_catalog_layout(c, v);
	assert_non_null(l);
	assert_string_equal(c->features[l->rows[l->nrows - 1].feature].id,
	    "advanced-endpoint-assessment");
	lic_version_parse("8.2(5)", &v);
	l = lic_catalog_layout(c, v);
	assert_non_null(l);
	assert_string_equal(c->features[l->rows[0].feature].id,
	    "physical-interfaces");
	lic_version_parse("9.1(2)", &v);
	l = lic_catalog_layout(c, v);
	assert_string_equal(l->rows[7].label, "Encryption-DES");
	assert_string_equal(c->features[l->rows[l->nrows - 1].feature].id,
	    "cluster");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_model_load__shipped_data_loads),
		cmocka_unit_test(test_model_load__fixed_mac_addresses),
		cmocka_unit_test(test_model_load__hardware_lines_by_version),
		cmocka_unit_test(test_model_load__shipped_data_validates),
		cmocka_unit_test(test_model_load__timing),
		cmocka_unit_test(test_model_load__bad_fixtures),
		cmocka_unit_test(test_model_load__too_big),
		cmocka_unit_test(test_model_load__missing_dir),
		cmocka_unit_test(test_model_load__default_dir),
		cmocka_unit_test(test_lic_version__parse_format),
		cmocka_unit_test(test_lic_platform__value_changes),
		cmocka_unit_test(test_lic_platform__runs),
		cmocka_unit_test(test_lic_cell__allows),
		cmocka_unit_test(test_lic_catalog__labels_and_layouts),
	};

	return cmocka_run_group_tests_name("model_load", tests, group_setup,
	    group_teardown);
}
