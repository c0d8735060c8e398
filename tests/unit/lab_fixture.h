/* SPDX-License-Identifier: MIT */
/*
 * Shared by the lab tests (test_lab.c, test_lab_clock.c): a fresh lab in
 * a mkdtemp folder under /tmp per test, removed with everything in it.
 */
#ifndef ASA_TESTS_UNIT_LAB_FIXTURE_H
#define ASA_TESTS_UNIT_LAB_FIXTURE_H

struct lab_fixture {
	char		*dir;		/* owned: the mkdtemp folder */
	struct lab	*lab;		/* opened on dir */
};

/* cmocka setup and teardown: *state is a struct lab_fixture. */
int	 lab_fixture_setup(void **state);
int	 lab_fixture_teardown(void **state);
/* Write text to the file path (created or truncated); asserts success. */
void	 lab_fixture_write(const char *path, const char *text);

#endif
