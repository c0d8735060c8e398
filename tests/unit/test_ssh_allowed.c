/* SPDX-License-Identifier: MIT */
/*
 * Who may log in over SSH (cmd_ssh_allowed): the ssh lines decide which
 * addresses, then aaa authentication ssh console LOCAL and the local user
 * database, or before 8.4(2) the user pix with the login password. Also
 * the user password hash against a published vector.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "commands/commands_int.h"

#define IP(a, b, c, d) ((uint32_t)(a) << 24 | (b) << 16 | (c) << 8 | (d))

static struct model_db	*db;

static int
group_setup(void **state)
{
	struct diag	 d;

	(void)state;
	diag_init(&d);
	db = model_db_load_model(model_default_dir(), "ASA5520", &d);
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

/* A device of software on a fresh flash, with "ssh 10.0.0.0 255.0.0.0". */
static struct device *
boot(const char *software, char flash[64])
{
	struct device_opts	 o = {
		.db = db, .model = "ASA5520", .serial = "JMX1234L0AB",
		.software = software, .flash = flash,
		.clock = "2013-03-01T12:00:00Z",
	};
	struct ssh_acl		 e = { .ip = IP(10, 0, 0, 0),
	    .mask = IP(255, 0, 0, 0), .nameif = "inside" };
	struct device		*dev;
	char			*cause = NULL;

	snprintf(flash, 64, "/tmp/asaemu-ssh-XXXXXX");
	assert_non_null(mkdtemp(flash));
	if ((dev = device_new(&o, &cause)) == NULL)
		fail_msg("device_new: %s", cause);
	device_ssh_add(dev, &e);
	return dev;
}

static void
done(struct device *dev, const char *flash)
{
	char	 cmd[128];

	device_free(dev);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", flash);
	assert_int_equal(system(cmd), 0);
}

static void
add_user(struct device *dev, const char *name, const char *pw)
{
	struct aaa_user	 u = { .privilege = 15 };

	snprintf(u.name, sizeof u.name, "%s", name);
	cmd_user_hash(name, pw, u.hash);
	device_aaa_user_set(dev, &u);
}

static void
test_ssh_allowed__hash_vector(void **state)
{
	char	 h[17];

	(void)state;
	cmd_user_hash("4684", "hashcat", h);
	assert_string_equal(h, "YjDBNr.A0AN7DA8s");
}

static void
test_ssh_allowed__address_must_match_an_ssh_line(void **state)
{
	char		 flash[64];
	struct device	*dev = boot("9.1(7)12", flash);
	const char	*why;

	(void)state;
	dev->ext->aaa.ssh_local = true;
	add_user(dev, "admin", "secret");
	assert_true(cmd_ssh_allowed(dev, "admin", "secret", IP(10, 1, 2, 3),
	    &why));
	assert_null(why);
	assert_false(cmd_ssh_allowed(dev, "admin", "secret",
	    IP(127, 0, 0, 1), &why));
	assert_string_equal(why, "no ssh line permits the address");
	device_ssh_forget_nameif(dev, "inside");
	assert_false(cmd_ssh_allowed(dev, "admin", "secret", IP(10, 1, 2, 3),
	    &why));
	done(dev, flash);
}

static void
test_ssh_allowed__local_database_decides(void **state)
{
	char		 flash[64];
	struct device	*dev = boot("9.1(7)12", flash);
	const char	*why;

	(void)state;
	dev->ext->aaa.ssh_local = true;
	add_user(dev, "admin", "secret");
	assert_false(cmd_ssh_allowed(dev, "admin", "wrong", IP(10, 0, 0, 1),
	    &why));
	assert_string_equal(why, "wrong password");
	assert_false(cmd_ssh_allowed(dev, "bob", "secret", IP(10, 0, 0, 1),
	    &why));
	assert_false(cmd_ssh_allowed(dev, "pix", "cisco", IP(10, 0, 0, 1),
	    &why));
	assert_true(device_aaa_user_remove(dev, "admin"));
	assert_false(cmd_ssh_allowed(dev, "admin", "secret", IP(10, 0, 0, 1),
	    &why));
	done(dev, flash);
}

static void
test_ssh_allowed__without_aaa_pix_before_842(void **state)
{
	char		 flash[64];
	struct device	*dev = boot("8.2(5)", flash);
	const char	*why;

	(void)state;
	add_user(dev, "admin", "secret");
	assert_true(cmd_ssh_allowed(dev, "pix", "cisco", IP(10, 0, 0, 1),
	    &why));
	assert_false(cmd_ssh_allowed(dev, "pix", "other", IP(10, 0, 0, 1),
	    &why));
	assert_false(cmd_ssh_allowed(dev, "admin", "secret", IP(10, 0, 0, 1),
	    &why));
	done(dev, flash);
	dev = boot("9.1(7)12", flash);
	assert_false(cmd_ssh_allowed(dev, "pix", "cisco", IP(10, 0, 0, 1),
	    &why));
	assert_string_equal(why, "aaa authentication ssh console LOCAL is "
	    "not configured");
	done(dev, flash);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ssh_allowed__hash_vector),
		cmocka_unit_test(test_ssh_allowed__address_must_match_an_ssh_line),
		cmocka_unit_test(test_ssh_allowed__local_database_decides),
		cmocka_unit_test(test_ssh_allowed__without_aaa_pix_before_842),
	};

	return cmocka_run_group_tests_name("ssh_allowed", tests, group_setup,
	    group_teardown);
}
