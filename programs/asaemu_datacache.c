/* SPDX-License-Identifier: MIT */
/*
 * asaemu-datacache DIR: load the data directory DIR from its XML, checked
 * against the schemas, and write its binary cache, DIR/models.cache, that
 * asaemu reads at start instead of parsing (models/model_cache.c). Run by
 * the build on the build tree's data directory. Exit status 1, with every
 * problem as file:line: message, when the data is not valid.
 */
#include <stdio.h>
#include <stdlib.h>

#include "models/models.h"

int
main(int argc, char **argv)
{
	struct diag	 d;
	struct model_db	*db;
	int		 rc = 1;

	if (argc != 2) {
		fputs("usage: asaemu-datacache DIR\n", stderr);
		return 2;
	}
	diag_init(&d);
	if ((db = model_db_load(argv[1], true, &d)) != NULL &&
	    model_cache_write(db, argv[1], &d) == 0)
		rc = 0;
	diag_print(&d, stderr);
	diag_release(&d);
	model_db_free(db);
	return rc;
}
