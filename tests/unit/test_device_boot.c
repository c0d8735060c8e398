/* SPDX-License-Identifier: MIT */
/*
 * Images and boot (device/image.c, device/boot.c): a new flash gets its
 * factory image, the boot list is tried in order, a damaged or foreign
 * image does not load, none left is ROMMON, and a release the platform
 * does not run is refused with what it runs.
 */
#include <errno.h>
#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "fixture.h"

#include "device/device.h"
#include "device/boot.h"
#include "models/models.h"
#include "util/util.h"

struct fixture {
	struct model_db	*db;
	char		 dir[64];
};

static int
group_setup(void **state)
{
	static struct fixture	 fx;

	fx.db = fixture_models(NULL);
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

	return fixture_tmpdir(fx->dir, sizeof fx->dir, "boot");
}

static int
teardown(void **state)
{
	struct fixture	*fx = *state;

	fixture_rmrf(fx->dir);
	return 0;
}

static struct device *
boot(const struct fixture *fx, const char *model, const char *sw,
    char **cause)
{
	struct device_opts o = {
		.db = fx->db, .model = model, .serial = "JMX1234L0AB",
		.software = sw, .flash = fx->dir, .clock =
		    "2013-03-01T12:00:00Z", .asdm = "6.4(7)",
	};

	return device_new(&o, cause);
}

static void
test_boot__factory_image(void **state)
{
	char		*cause = NULL;
	struct device	*dev = boot(*state, "ASA5520", "8.4(7)", &cause);
	struct image_info info;

	assert_non_null(dev);
	assert_string_equal(dev->image, "disk0:/asa847-k8.bin");
	assert_false(dev->rommon);
	assert_int_equal(device_image_probe(dev, "asa847-k8.bin", &info),
	    BOOT_OK);
	assert_int_equal(info.version, LIC_VERSION(8, 4, 7, 0));
	assert_int_equal(device_image_probe(dev, "asdm-647.bin", &info),
	    BOOT_NOT_IMAGE);
	device_free(dev);
	/* The flash decides on the next start, not --software. */
	dev = boot(*state, "ASA5520", "9.1(7)12", &cause);
	assert_non_null(dev);
	assert_int_equal(dev->version, LIC_VERSION(8, 4, 7, 0));
	device_free(dev);
}

static void
test_boot__smp_names(void **state)
{
	char		*cause = NULL;
	struct device	*dev = boot(*state, "ASA5515-X", "9.1(7)12", &cause);

	assert_non_null(dev);
	assert_string_equal(dev->image, "disk0:/asa917-12-smp-k8.bin");
	device_free(dev);
}

static void
test_boot__damaged_is_rommon(void **state)
{
	struct fixture	*fx = *state;
	char		*cause = NULL, *path;
	struct device	*dev = boot(fx, "ASA5520", "8.4(7)", &cause);
	struct boot_plan plan;
	FILE		*f;

	assert_non_null(dev);
	xasprintf(&path, "%s/asa847-k8.bin", fx->dir);
	f = fopen(path, "r+");
	assert_non_null(f);
	fseek(f, 100000, SEEK_SET);
	fputc('x', f);
	fclose(f);
	free(path);
	device_boot_plan(dev, &plan);
	assert_int_equal(plan.ntries, 1);
	assert_int_equal(plan.tries[0].result, BOOT_DAMAGED);
	assert_int_equal(plan.chosen, -1);
	device_reboot(dev, &plan);
	assert_true(dev->rommon);
	device_free(dev);
}

static void
test_boot__release_refused(void **state)
{
	char		*cause = NULL;

	assert_null(boot(*state, "ASA5585-X-SSP-10", "8.3(1)", &cause));
	assert_string_equal(cause, "ASA 5585-X with SSP-10 does not run "
	    "software 8.3(1); it runs 8.2(3) to 9.1(7)32, not 8.3(x) nor "
	    "8.5(x) to 8.7(x)");
	free(cause);
	cause = NULL;
	assert_null(boot(*state, "ASA5512-X", "8.4(7)", &cause));
	assert_non_null(strstr(cause, "it runs 8.6(1) to"));
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_boot__factory_image,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_boot__smp_names, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_boot__damaged_is_rommon,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_boot__release_refused,
		    setup, teardown),
	};

	return cmocka_run_group_tests_name("device_boot", tests, group_setup,
	    group_teardown);
}
