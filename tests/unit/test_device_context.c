/* SPDX-License-Identifier: MIT */
/*
 * Multiple context mode's data (device/context.c) without a shell: the
 * mode kept on flash, the conversion of single mode into the admin
 * context, a space's fields swapped in and out of struct device,
 * allocations with mapped names, and removal keeping the selection.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"

#include "device/device.h"
#include "models/models.h"
#include "util/util.h"

#define MODEL		"ASA5520"
#define SERIAL		"JMX1234L0AB"
#define GE1		"GigabitEthernet0/1"
#define GE2		"GigabitEthernet0/2"

struct fixture {
	struct model_db	*db;
	char		 flash[64];	/* a fresh directory per test */
	struct device	*dev;
};

static int
group_setup(void **state)
{
	static struct fixture	 fx;

	fx.db = fixture_models(MODEL);
	*state = &fx;
	return fx.db == NULL ? -1 : 0;
}

static int
group_teardown(void **state)
{
	struct fixture	*fx = *state;

	model_db_free(fx->db);
	return 0;
}

static int
setup(void **state)
{
	struct fixture	*fx = *state;
	struct device_opts o = {
		.db = fx->db, .model = MODEL, .serial = SERIAL,
		.software = "9.1(7)12", .clock = "2013-03-01T12:00:00Z",
	};
	char		*cause = NULL;

	if (fixture_tmpdir(fx->flash, sizeof fx->flash, "ctx") != 0)
		return -1;
	o.flash = fx->flash;
	fx->dev = device_new(&o, &cause);
	if (fx->dev == NULL) {
		fprintf(stderr, "device_new: %s\n", cause);
		return -1;
	}
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*fx = *state;

	device_free(fx->dev);
	fixture_rmrf(fx->flash);
	return 0;
}

/* The interface of canonical name in the selected space. */
static struct iface *
iface(struct device *dev, const char *name)
{
	size_t	 i = device_iface_find(dev, name);

	assert_true(i != (size_t)-1);
	return &dev->ext->ifs[i];
}

static void
test_device_mode__kept_on_flash(void **state)
{
	struct fixture	*fx = *state;

	assert_false(device_mode_flash(fx->dev));
	assert_int_equal(device_mode_save(fx->dev, true), 0);
	assert_true(device_mode_flash(fx->dev));
	device_contexts_reset(fx->dev);
	assert_true(fx->dev->ctxs.multi);
	assert_int_equal(device_mode_save(fx->dev, false), 0);
	assert_false(device_mode_flash(fx->dev));
}

static void
test_device_mode__convert_makes_the_admin_context(void **state)
{
	struct fixture	*fx = *state;
	struct device	*dev = fx->dev;
	size_t		 admin;

	free(dev->hostname);
	dev->hostname = xstrdup("fw1");
	device_iface_set_nameif(dev, iface(dev, GE1), "inside");
	iface(dev, GE1)->shutdown = false;
	device_mode_convert(dev);
	assert_true(dev->ctxs.multi);
	assert_int_equal(dev->ctxs.n, 1);
	assert_string_equal(dev->ctxs.admin, "admin");
	assert_string_equal(dev->ctxs.v[0].url, "disk0:/admin.cfg");
	/* The system keeps the hardware, without the nameif. */
	assert_true(dev->ctxs.sel == CTX_SYSTEM);
	assert_string_equal(iface(dev, GE1)->nameif, "");
	assert_false(iface(dev, GE1)->shutdown);
	/* Every interface is the admin context's, with its nameif. */
	admin = device_context_find(dev, "admin");
	assert_int_equal(admin, 0);
	assert_int_equal(dev->ctxs.v[0].nallocs, dev->ext->nifs);
	device_space_select(dev, admin);
	assert_string_equal(dev->hostname, "fw1");
	assert_string_equal(iface(dev, GE1)->nameif, "inside");
	assert_non_null(device_iface_by_nameif(dev, "inside"));
	device_space_select(dev, CTX_SYSTEM);
	assert_null(device_iface_by_nameif(dev, "inside"));
}

static void
test_device_space__select_swaps_the_fields(void **state)
{
	struct fixture	*fx = *state;
	struct device	*dev = fx->dev;
	size_t		 c1;

	device_mode_convert(dev);
	c1 = device_context_add(dev, "c1");
	assert_int_equal(c1, 1);
	assert_string_equal(device_system_hostname(dev), "ciscoasa");
	device_space_select(dev, c1);
	/* A new context's configuration: its name, no interfaces. */
	assert_string_equal(dev->hostname, "c1");
	assert_int_equal(dev->ext->nifs, 0);
	assert_string_equal(device_system_hostname(dev), "ciscoasa");
	dev->pager_lines = 0;
	device_space_select(dev, CTX_SYSTEM);
	assert_string_equal(dev->hostname, "ciscoasa");
	assert_int_equal(dev->pager_lines, 24);
	device_space_select(dev, c1);
	assert_int_equal(dev->pager_lines, 0);
	/* The same space again: nothing moves. */
	device_space_select(dev, c1);
	assert_string_equal(dev->hostname, "c1");
	device_space_select(dev, CTX_SYSTEM);
}

static void
test_device_context__allocate_with_mapped_names(void **state)
{
	struct fixture	*fx = *state;
	struct device	*dev = fx->dev;
	size_t		 c1;

	device_mode_convert(dev);
	c1 = device_context_add(dev, "c1");
	assert_int_equal(device_context_allocate(dev, c1, GE1, "outside",
	    false), 0);
	assert_int_equal(device_context_allocate(dev, c1, GE2, "", false), 0);
	/* A mapped name once per context, whatever the case. */
	assert_int_equal(device_context_allocate(dev, c1, GE2, "OUTSIDE",
	    false), -1);
	assert_int_equal(dev->ctxs.v[c1].nallocs, 2);
	device_space_select(dev, c1);
	assert_int_equal(dev->ext->nifs, 2);
	assert_true(device_iface_find(dev, "outside") != (size_t)-1);
	assert_true(device_iface_find(dev, GE2) != (size_t)-1);
	assert_true(device_iface_find(dev, GE1) == (size_t)-1);
	device_iface_set_nameif(dev, iface(dev, "outside"), "out");
	device_space_select(dev, CTX_SYSTEM);
	/* Mapped again: renamed in place, its configuration kept. */
	assert_int_equal(device_context_allocate(dev, c1, GE1, "wan", true),
	    0);
	assert_int_equal(dev->ctxs.v[c1].nallocs, 2);
	assert_true(dev->ctxs.v[c1].allocs[0].visible);
	device_space_select(dev, c1);
	assert_string_equal(iface(dev, "wan")->nameif, "out");
	device_space_select(dev, CTX_SYSTEM);
	assert_true(device_context_unallocate(dev, c1, GE1));
	assert_false(device_context_unallocate(dev, c1, GE1));
	device_space_select(dev, c1);
	assert_int_equal(dev->ext->nifs, 1);
	assert_null(device_iface_by_nameif(dev, "out"));
	device_space_select(dev, CTX_SYSTEM);
}

static void
test_device_context__remove_keeps_the_selection(void **state)
{
	struct fixture	*fx = *state;
	struct device	*dev = fx->dev;
	size_t		 c1, c2;

	device_mode_convert(dev);
	c1 = device_context_add(dev, "c1");
	c2 = device_context_add(dev, "c2");
	assert_int_equal(device_context_find(dev, "c2"), c2);
	assert_true(device_context_find(dev, "C2") == CTX_SYSTEM);
	device_space_select(dev, c2);
	device_context_remove(dev, c1);
	/* c2 moved down one and is still the one selected. */
	assert_int_equal(dev->ctxs.n, 2);
	assert_int_equal(dev->ctxs.sel, 1);
	assert_string_equal(dev->hostname, "c2");
	device_context_remove(dev, dev->ctxs.sel);
	assert_true(dev->ctxs.sel == CTX_SYSTEM);
	assert_string_equal(dev->hostname, "ciscoasa");
	assert_int_equal(dev->ctxs.n, 1);
}

static void
test_device_context__clear_keeps_the_allocations(void **state)
{
	struct fixture	*fx = *state;
	struct device	*dev = fx->dev;
	size_t		 c1;

	device_mode_convert(dev);
	c1 = device_context_add(dev, "c1");
	assert_int_equal(device_context_allocate(dev, c1, GE1, "outside",
	    false), 0);
	device_space_select(dev, c1);
	free(dev->hostname);
	dev->hostname = xstrdup("web");
	device_iface_set_nameif(dev, iface(dev, "outside"), "out");
	device_space_select(dev, CTX_SYSTEM);
	device_context_clear(dev, c1);
	device_space_select(dev, c1);
	assert_string_equal(dev->hostname, "c1");
	assert_string_equal(iface(dev, "outside")->nameif, "");
	device_space_select(dev, CTX_SYSTEM);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_device_mode__kept_on_flash, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_device_mode__convert_makes_the_admin_context, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_device_space__select_swaps_the_fields, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_device_context__allocate_with_mapped_names, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_device_context__remove_keeps_the_selection, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_device_context__clear_keeps_the_allocations, setup,
		    teardown),
	};

	return cmocka_run_group_tests_name("device_context", tests,
	    group_setup, group_teardown);
}
