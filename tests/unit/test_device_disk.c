/* SPDX-License-Identifier: MIT */
/*
 * The visible flash (device/disk.c): atomic sparse writes, listings in
 * device time, the platform's totals, and the walls: "..", the hidden
 * area, symlinks and a full flash are refused.
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
#include "models/models.h"
#include "util/util.h"

#define MODEL		"ASA5520"
#define CLOCK		"2013-03-01T12:00:00Z"
#define T_CLOCK		1362139200

struct fixture {
	struct model_db	*db;
	char		 dir[64];	/* the lab: flash in dir/fw */
	char		*flash;
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
	struct fixture		*fx = *state;
	struct device_opts	 o = {
		.db = fx->db, .model = MODEL, .serial = "JMX1234L0AB",
		.software = "9.1(7)12", .clock = CLOCK,
	};
	char			*cause = NULL;

	if (fixture_tmpdir(fx->dir, sizeof fx->dir, "disk") != 0)
		return -1;
	xasprintf(&fx->flash, "%s/fw", fx->dir);
	o.flash = fx->flash;
	o.labdir = fx->dir;
	fx->dev = device_new(&o, &cause);
	if (fx->dev == NULL)
		fail_msg("device_new: %s", cause);
	/* The factory image is tested in test_device_boot; start empty. */
	return device_disk_remove(fx->dev, "asa917-12-k8.bin");
}

static int
teardown(void **state)
{
	struct fixture	*fx = *state;

	device_free(fx->dev);
	free(fx->flash);
	fixture_rmrf(fx->dir);
	return 0;
}

static void
test_disk__write_read_list(void **state)
{
	struct fixture	*fx = *state;
	struct disk_list l;
	char		*data;
	size_t		 len;

	assert_int_equal(device_disk_write(fx->dev, NULL, "/a.txt", "hi\n",
	    3), 0);
	assert_int_equal(device_disk_mkdir(fx->dev, "log"), 0);
	assert_int_equal(device_disk_write(fx->dev, NULL, "log/b", "x", 1),
	    0);
	assert_int_equal(device_disk_read(fx->dev, NULL, "a.txt", &data,
	    &len), 0);
	assert_int_equal(len, 3);
	assert_string_equal(data, "hi\n");
	free(data);
	assert_int_equal(device_disk_list(fx->dev, "/", false, &l), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].name, "a.txt");
	assert_int_equal(l.v[0].mtime, T_CLOCK);
	assert_true(l.v[1].dir);
	assert_int_equal(l.v[1].size, 4096);
	disk_list_release(&l);
	assert_int_equal(device_disk_list(fx->dev, "", true, &l), 0);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[2].name, "log/b");
	disk_list_release(&l);
}

static void
test_disk__space_is_the_platforms(void **state)
{
	struct fixture	*fx = *state;
	uint64_t	 total, avail;
	char		*big;

	device_disk_space(fx->dev, &total, &avail);
	assert_int_equal(total, fx->dev->platform->flash_bytes);
	assert_int_equal(avail, total);
	assert_int_equal(device_disk_write(fx->dev, NULL, "one", "1", 1), 0);
	device_disk_space(fx->dev, &total, &avail);
	assert_int_equal(avail, total - 4096);
	big = xcalloc(1, (size_t)total);
	errno = 0;
	assert_int_equal(device_disk_write(fx->dev, NULL, "big", big,
	    (size_t)total), -1);
	assert_int_equal(errno, ENOSPC);
	free(big);
}

static void
test_disk__walls(void **state)
{
	struct fixture	*fx = *state;
	char		*data, *path;
	size_t		 len;

	errno = 0;
	assert_int_equal(device_disk_read(fx->dev, NULL, "../fw/.private/lock",
	    &data, &len), -1);
	assert_int_equal(errno, EACCES);
	assert_int_equal(device_disk_read(fx->dev, NULL, ".private/lock",
	    &data, &len), -1);
	assert_int_equal(errno, EACCES);
	assert_int_equal(device_disk_write(fx->dev, NULL, "/.private/x", "",
	    0), -1);
	xasprintf(&path, "%s/link", fx->flash);
	assert_int_equal(symlink("/etc/passwd", path), 0);
	free(path);
	assert_int_equal(device_disk_read(fx->dev, NULL, "link", &data, &len),
	    -1);
	assert_int_equal(errno, EACCES);
	assert_int_equal(device_disk_read(fx->dev, "10.1.1.1", "x", &data,
	    &len), -1);
	assert_int_equal(errno, EHOSTUNREACH);
	assert_int_equal(device_disk_read(fx->dev, "..", "x", &data, &len),
	    -1);
	assert_int_equal(errno, EHOSTUNREACH);
}

static void
test_disk__host_folder(void **state)
{
	struct fixture	*fx = *state;
	char		*path, *data;
	size_t		 len;

	xasprintf(&path, "%s/hosts", fx->dir);
	assert_int_equal(mkdir(path, 0755), 0);
	free(path);
	xasprintf(&path, "%s/hosts/10.1.1.10", fx->dir);
	assert_int_equal(mkdir(path, 0755), 0);
	free(path);
	assert_int_equal(device_disk_write(fx->dev, "10.1.1.10", "cfg",
	    "abc", 3), 0);
	assert_int_equal(device_disk_read(fx->dev, "10.1.1.10", "/cfg",
	    &data, &len), 0);
	assert_string_equal(data, "abc");
	free(data);
}

static void
test_disk__rename_remove_rmdir(void **state)
{
	struct fixture	*fx = *state;
	struct disk_entry e;

	assert_int_equal(device_disk_write(fx->dev, NULL, "a", "1", 1), 0);
	assert_int_equal(device_disk_write(fx->dev, NULL, "b", "2", 1), 0);
	assert_int_equal(device_disk_rename(fx->dev, "a", "b"), -1);
	assert_int_equal(errno, EEXIST);
	assert_int_equal(device_disk_rename(fx->dev, "a", "c"), 0);
	assert_int_equal(device_disk_stat(fx->dev, NULL, "c", &e), 0);
	assert_int_equal(device_disk_mkdir(fx->dev, "d"), 0);
	assert_int_equal(device_disk_rename(fx->dev, "c", "d/c"), 0);
	assert_int_equal(device_disk_rmdir(fx->dev, "d"), -1);
	assert_int_equal(errno, ENOTEMPTY);
	assert_int_equal(device_disk_remove(fx->dev, "d"), -1);
	assert_int_equal(errno, EISDIR);
	assert_int_equal(device_disk_remove(fx->dev, "d/c"), 0);
	assert_int_equal(device_disk_rmdir(fx->dev, "d"), 0);
	assert_int_equal(device_disk_remove(fx->dev, "zz"), -1);
	assert_int_equal(errno, ENOENT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_disk__write_read_list,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_disk__space_is_the_platforms, setup, teardown),
		cmocka_unit_test_setup_teardown(test_disk__walls, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_disk__host_folder, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_disk__rename_remove_rmdir, setup, teardown),
	};

	return cmocka_run_group_tests_name("device_disk", tests, group_setup,
	    group_teardown);
}
