/* SPDX-License-Identifier: MIT */
#include "tests/fuzz/fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/models.h"
#include "util/util.h"

const char *
fuzz_data_dir(void)
{
	const char	*dir = getenv("ASAEMU_DATA");

	return dir != NULL ? dir : ASA_FUZZ_DATA_DIR;
}

const struct model_db *
fuzz_db(void)
{
	static struct model_db	*db;
	struct diag		 d;

	if (db != NULL)
		return db;
	diag_init(&d);
	if ((db = model_db_load(fuzz_data_dir(), false, &d)) == NULL) {
		diag_print(&d, stderr);
		abort();
	}
	diag_release(&d);
	return db;
}

char *
fuzz_strndup(const uint8_t *data, size_t size)
{
	char	*s = xmalloc(size + 1);

	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}
