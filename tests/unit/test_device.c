/* SPDX-License-Identifier: MIT */
/*
 * The device without a shell: the key store's round trip through flash,
 * the clock offset kept over a restart, the flash lock, and a time-based
 * key's expiry reported by the tick as an event instead of printed.
 */
#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "device/device.h"
#include "models/models.h"
#include "util/util.h"

#define MODEL		"ASA5520"
#define SERIAL		"JMX1234L0AB"
#define HOUR		3600
#define DAY		(24 * HOUR)
#define T2030		1893456000	/* 2030-01-01T00:00:00Z */

struct fixture {
	struct model_db	*db;
	char		 flash[64];	/* a fresh directory per test */
};

static int
group_setup(void **state)
{
	static struct fixture	 fx;
	struct diag		 d;

	diag_init(&d);
	fx.db = model_db_load_model(model_default_dir(), MODEL, &d);
	if (fx.db == NULL) {
		print_error("cannot load %s from %s\n", MODEL,
		    model_default_dir());
		diag_print(&d, stderr);
	}
	diag_release(&d);
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

	snprintf(fx->flash, sizeof fx->flash, "/tmp/asaemu-test-XXXXXX");
	return mkdtemp(fx->flash) == NULL ? -1 : 0;
}

static int
remove_one(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static int
teardown(void **state)
{
	struct fixture	*fx = *state;

	return nftw(fx->flash, remove_one, 8, FTW_DEPTH | FTW_PHYS);
}

/* A device on the fixture's flash; clock NULL: host time plus offset. */
static struct device *
boot(const struct fixture *fx, const char *clock)
{
	struct device_opts	 o = {
		.db = fx->db, .model = MODEL, .serial = SERIAL,
		.software = "9.1(7)12", .flash = fx->flash, .clock = clock,
	};
	struct device		*dev;
	char			*cause = NULL;

	dev = device_new(&o, &cause);
	if (dev == NULL)
		fail_msg("device_new: %s", cause);
	return dev;
}

/* Mint a time-based AnyConnect Premium key of hours for this device. */
static void
mint(const struct device *dev, uint32_t hours, struct lic_key *key,
    struct lic_keyinfo *info)
{
	const struct lic_catalog *cat = model_db_catalog(dev->db);

	memset(info, 0, sizeof *info);
	info->type = LIC_KEY_TIMEBASED;
	info->grants[0].feature = lic_catalog_find(cat, "anyconnect-premium");
	info->grants[0].value = 750;
	info->ngrants = 1;
	info->duration = hours * HOUR;
	assert_int_equal(lic_key_encode(cat, dev->platform, SERIAL, info, key),
	    LIC_OK);
	assert_int_equal(device_license_decode(dev, key, info), LIC_OK);
}

static void
test_device_keystore__timed_key_survives_a_reload(void **state)
{
	struct device		*dev = boot(*state, "2024-01-01T00:00:00Z");
	struct device_events	 evs;
	struct lic_key		 key;
	struct lic_keyinfo	 info;
	uint64_t		 left = 0;

	mint(dev, 62 * 24, &key, &info);
	assert_int_equal(device_license_timed(dev, DEVICE_TIMED_INSTALL,
	    &key, &info, &left), DEVICE_TIMED_OK);
	assert_int_equal(left, 62 * DAY);
	assert_int_equal(device_license_value(dev, "anyconnect-premium"),
	    750);
	device_free(dev);

	dev = boot(*state, "2024-01-01T00:00:00Z");
	assert_int_equal(dev->lic.ntimed, 0);
	device_events_init(&evs);
	device_license_boot(dev, &evs);
	assert_int_equal(evs.n, 0);
	assert_int_equal(dev->lic.ntimed, 1);
	assert_true(dev->lic.timed[0].active);
	assert_memory_equal(&dev->lic.timed[0].key, &key, sizeof key);
	assert_int_equal(device_license_value(dev, "anyconnect-premium"),
	    750);
	device_events_release(&evs);
	device_free(dev);
}

static void
test_device_timer__expiry_is_an_event(void **state)
{
	struct device		*dev = boot(*state, "2024-01-01T00:00:00Z");
	struct device_events	 evs;
	struct lic_key		 key;
	struct lic_keyinfo	 info;
	uint64_t		 left = 0;

	mint(dev, 1, &key, &info);
	assert_int_equal(device_license_timed(dev, DEVICE_TIMED_INSTALL,
	    &key, &info, &left), DEVICE_TIMED_OK);
	device_advance_time(dev, 2 * HOUR);
	device_events_init(&evs);
	device_license_tick(dev, &evs);
	assert_true(evs.n >= 1);
	assert_int_equal(evs.v[0].kind, DEVICE_EV_KEY_EXPIRED);
	assert_memory_equal(&evs.v[0].key, &key, sizeof key);
	assert_int_equal(evs.v[0].nexp, 1);
	assert_int_equal(evs.v[0].exp[0].successor, LIC_NO_KEY);
	for (size_t i = 0; i < evs.n; i++)
		assert_int_not_equal(evs.v[i].kind, DEVICE_EV_STORE_FAILED);
	assert_int_not_equal(device_license_value(dev, "anyconnect-premium"),
	    750);
	device_events_release(&evs);
	assert_int_equal(evs.n, 0);
	device_free(dev);
}

static void
test_device_clock__offset_survives_a_restart(void **state)
{
	struct device	*dev = boot(*state, NULL);
	int64_t		 now;

	device_set_time(dev, T2030);
	device_free(dev);
	dev = boot(*state, NULL);
	now = (int64_t)device_now(dev).tv_sec;
	assert_true(now >= T2030 && now < T2030 + 60);
	device_free(dev);
}

static void
test_device_flash__second_device_is_refused(void **state)
{
	const struct fixture	*fx = *state;
	struct device		*dev = boot(fx, NULL);
	struct device_opts	 o = {
		.db = fx->db, .model = MODEL, .serial = SERIAL,
		.software = "9.1(7)12", .flash = fx->flash,
	};
	char			*cause = NULL;

	assert_null(device_new(&o, &cause));
	assert_non_null(cause);
	assert_non_null(strstr(cause, "is in use by another asaemu process"));
	free(cause);

	/* Removing what is in the private folder does not unlock it. */
	{
		char	 cmd[300];

		snprintf(cmd, sizeof cmd, "rm -f %s/.private/*", fx->flash);
		assert_int_equal(system(cmd), 0);
	}
	cause = NULL;
	assert_null(device_new(&o, &cause));
	assert_non_null(cause);
	free(cause);
	device_free(dev);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_device_keystore__timed_key_survives_a_reload, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_device_timer__expiry_is_an_event, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_device_clock__offset_survives_a_restart, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_device_flash__second_device_is_refused, setup,
		    teardown),
	};

	return cmocka_run_group_tests_name("device", tests, group_setup,
	    group_teardown);
}
