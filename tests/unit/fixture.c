/* SPDX-License-Identifier: MIT */
/*
 * Test fixtures shared by the device and lab tests (fixture.h).
 */
#include "fixture.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>

#include "models/models.h"

struct model_db *
fixture_models(const char *model)
{
	struct diag	 d;
	struct model_db	*db;

	diag_init(&d);
	if (model != NULL)
		db = model_db_load_model(model_default_dir(), model, &d);
	else
		db = model_db_load(model_default_dir(), false, &d);
	if (db == NULL)
		fprintf(stderr, "cannot load the data from %s\n",
		    model_default_dir());
	diag_print(&d, stderr);
	diag_release(&d);
	return db;
}

int
fixture_tmpdir(char *buf, size_t len, const char *tag)
{
	snprintf(buf, len, "/tmp/asaemu-%s-XXXXXX", tag);
	return mkdtemp(buf) != NULL ? 0 : -1;
}

static int
rm_one(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
	(void)sb;
	(void)type;
	(void)ftw;
	remove(path);
	return 0;
}

void
fixture_rmrf(const char *path)
{
	nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}
