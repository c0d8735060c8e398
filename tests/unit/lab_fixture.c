/* SPDX-License-Identifier: MIT */
/*
 * The lab tests' fixture: a lab in a fresh mkdtemp folder, and the
 * recursive removal that cleans it up.
 */
#include "lab_fixture.h"

#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"

#include "device/lab.h"
#include "util/util.h"

void
lab_fixture_write(const char *path, const char *text)
{
	FILE	*f = fopen(path, "w");

	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

int
lab_fixture_setup(void **state)
{
	struct lab_fixture	*fx = xcalloc(1, sizeof *fx);
	char			*cause = NULL;

	fx->dir = xstrdup("/tmp/asaemu-lab-XXXXXX");
	if (mkdtemp(fx->dir) == NULL) {
		free(fx->dir);
		free(fx);
		return -1;
	}
	fx->lab = lab_open(fx->dir, &cause);
	if (fx->lab == NULL) {
		free(cause);
		fixture_rmrf(fx->dir);
		free(fx->dir);
		free(fx);
		return -1;
	}
	*state = fx;
	return 0;
}

int
lab_fixture_teardown(void **state)
{
	struct lab_fixture	*fx = *state;

	lab_free(fx->lab);
	fixture_rmrf(fx->dir);
	free(fx->dir);
	free(fx);
	return 0;
}
