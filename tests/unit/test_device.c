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

#include "fixture.h"

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

	return fixture_tmpdir(fx->flash, sizeof fx->flash, "test");
}

static int
teardown(void **state)
{
	struct fixture	*fx = *state;

	fixture_rmrf(fx->flash);
	return 0;
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

/* Mint a permanent key granting feature id = value (and 3DES/AES). */
static void
mint_permanent(const struct device *dev, const char *id, uint32_t value,
    struct lic_key *key, struct lic_keyinfo *info)
{
	const struct lic_catalog *cat = model_db_catalog(dev->db);

	memset(info, 0, sizeof *info);
	info->type = LIC_KEY_PERMANENT;
	info->grants[0].feature = lic_catalog_find(cat, "encryption");
	info->grants[0].value = 1;
	info->ngrants = 1;
	if (id != NULL) {
		info->grants[1].feature = lic_catalog_find(cat, id);
		info->grants[1].value = value;
		info->ngrants = 2;
	}
	assert_int_equal(lic_key_encode(cat, dev->platform, SERIAL, info, key),
	    LIC_OK);
	assert_int_equal(device_license_decode(dev, key, info), LIC_OK);
}

/* Boot dev again on release v (as a reload into it would). */
static void
boot_into(struct device *dev, uint32_t v, struct device_events *evs)
{
	dev->version = v;
	device_events_init(evs);
	device_license_boot(dev, evs);
}

static void
test_device_keystore__store_without_releases_loads(void **state)
{
	struct fixture		*fx = *state;
	struct device		*dev = boot(fx, "2024-01-01T00:00:00Z");
	struct device_events	 evs;
	struct lic_key		 key;
	struct lic_keyinfo	 info;
	char			 words[64], text[256], mac[LIC_STORE_MAC_HEX];
	int			 n;

	/*
	 * A store as asaemu wrote it before releases were kept: no
	 * "entered=" after the key (authenticated, as every store is).
	 */
	mint_permanent(dev, NULL, 0, &key, &info);
	n = snprintf(text, sizeof text, "asaemu-keys 2\nserial %s\n"
	    "permanent %s\n", SERIAL, lic_key_format(&key, words,
	    sizeof words));
	lic_store_mac(SERIAL, dev->platform, text, (size_t)n, mac);
	snprintf(text + n, sizeof text - (size_t)n, "mac %s\n", mac);
	assert_int_equal(device_flash_write(dev, "activation-keys", text,
	    strlen(text)), 0);
	boot_into(dev, LIC_VERSION(9, 1, 7, 12), &evs);
	assert_int_equal(evs.n, 0);
	assert_false(dev->lic.invalid);
	assert_true(dev->lic.has_running);
	assert_int_equal(dev->lic.flash_entered, 0);
	device_events_release(&evs);
	device_free(dev);
}

static void
test_device_keystore__downgrade_to_81_uses_the_earlier_key(void **state)
{
	struct device		*dev = boot(*state, "2024-01-01T00:00:00Z");
	struct device_events	 evs;
	struct lic_key		 old, new;
	struct lic_keyinfo	 oinfo, ninfo;
	char			*text;

	/* Entered under 8.1(2), replaced under 8.4(7) by a key with 8.2+. */
	dev->version = LIC_VERSION(8, 1, 2, 0);
	mint_permanent(dev, "security-contexts", 5, &old, &oinfo);
	assert_int_equal(device_license_set_permanent(dev, &old, &oinfo,
	    true), 0);
	dev->version = LIC_VERSION(8, 4, 7, 0);
	mint_permanent(dev, "anyconnect-essentials", 1, &new, &ninfo);
	assert_int_equal(device_license_set_permanent(dev, &new, &ninfo,
	    true), 0);
	text = device_flash_read(dev, "activation-keys", NULL);
	assert_non_null(strstr(text, " entered=8.4(7)\nearlier "));
	assert_non_null(strstr(text, " entered=8.1(2)\n"));
	free(text);

	/* 8.2: the key is compatible, nothing said. */
	boot_into(dev, LIC_VERSION(8, 2, 5, 0), &evs);
	assert_int_equal(evs.n, 0);
	assert_memory_equal(&dev->lic.running_key, &new, sizeof new);
	device_events_release(&evs);

	/* 8.1: the key entered in the earlier version runs, and says so. */
	boot_into(dev, LIC_VERSION(8, 1, 2, 0), &evs);
	assert_int_equal(evs.n, 1);
	assert_int_equal(evs.v[0].kind, DEVICE_EV_KEY_INCOMPATIBLE);
	assert_true(evs.v[0].earlier);
	assert_memory_equal(&dev->lic.running_key, &old, sizeof old);
	assert_memory_equal(&dev->lic.flash_key, &new, sizeof new);
	assert_int_equal(device_license_value(dev, "security-contexts"), 5);
	device_events_release(&evs);

	/* Upgrading keeps every key: 9.1 runs the new one again. */
	boot_into(dev, LIC_VERSION(9, 1, 7, 12), &evs);
	assert_int_equal(evs.n, 0);
	assert_memory_equal(&dev->lic.running_key, &new, sizeof new);
	assert_true(dev->lic.has_earlier);
	device_events_release(&evs);
	device_free(dev);
}

static void
test_device_keystore__downgrade_to_81_without_earlier_key_is_base(
    void **state)
{
	struct device		*dev = boot(*state, "2024-01-01T00:00:00Z");
	struct device_events	 evs;
	struct lic_key		 key;
	struct lic_keyinfo	 info;

	mint_permanent(dev, "anyconnect-essentials", 1, &key, &info);
	assert_int_equal(device_license_set_permanent(dev, &key, &info,
	    true), 0);
	boot_into(dev, LIC_VERSION(8, 0, 4, 0), &evs);
	assert_int_equal(evs.n, 1);
	assert_int_equal(evs.v[0].kind, DEVICE_EV_KEY_INCOMPATIBLE);
	assert_false(evs.v[0].earlier);
	assert_false(dev->lic.has_running);
	device_events_release(&evs);

	/* A key with licenses from before 8.2 only stays compatible. */
	mint_permanent(dev, "security-contexts", 5, &key, &info);
	assert_int_equal(device_license_set_permanent(dev, &key, &info,
	    true), 0);
	boot_into(dev, LIC_VERSION(8, 0, 4, 0), &evs);
	assert_int_equal(evs.n, 0);
	assert_true(dev->lic.has_running);
	device_events_release(&evs);
	device_free(dev);
}

static void
test_device_keystore__permanent_key_ends_timed_key_before_83(void **state)
{
	struct device		*dev = boot(*state, "2024-01-01T00:00:00Z");
	struct lic_key		 key, perm;
	struct lic_keyinfo	 info, pinfo;
	uint64_t		 left = 0;

	mint(dev, 62 * 24, &key, &info);
	assert_int_equal(device_license_timed(dev, DEVICE_TIMED_INSTALL,
	    &key, &info, &left), DEVICE_TIMED_OK);
	mint_permanent(dev, NULL, 0, &perm, &pinfo);
	/* 8.3 on: they combine, the time-based key stays active. */
	assert_int_equal(device_license_set_permanent(dev, &perm, &pinfo,
	    true), 0);
	assert_true(dev->lic.timed[0].active);
	/* 8.2: "Reenter the permanent key to disable the time-based key". */
	dev->version = LIC_VERSION(8, 2, 5, 0);
	assert_int_equal(device_license_set_permanent(dev, &perm, &pinfo,
	    true), 0);
	assert_false(dev->lic.timed[0].active);
	device_free(dev);
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

/* clock set moves device time, not the time since boot. */
static void
test_device_clock__uptime_ignores_clock_set(void **state)
{
	struct device	*dev = boot(*state, "2024-01-01T00:00:00Z");

	device_advance_time(dev, 2 * HOUR);
	assert_int_equal(device_uptime(dev), 2 * HOUR);
	device_set_time(dev, T2030);
	assert_int_equal(device_uptime(dev), 2 * HOUR);
	device_set_time(dev, T2030 - 10 * 365 * 24 * HOUR);
	assert_int_equal(device_uptime(dev), 2 * HOUR);
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
		    test_device_keystore__store_without_releases_loads, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_device_keystore__downgrade_to_81_uses_the_earlier_key,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_device_keystore__downgrade_to_81_without_earlier_key_is_base,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_device_keystore__permanent_key_ends_timed_key_before_83,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_device_clock__offset_survives_a_restart, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_device_clock__uptime_ignores_clock_set, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_device_flash__second_device_is_refused, setup,
		    teardown),
	};

	return cmocka_run_group_tests_name("device", tests, group_setup,
	    group_teardown);
}
