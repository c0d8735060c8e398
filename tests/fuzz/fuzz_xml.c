/* SPDX-License-Identifier: MIT */
/*
 * The XML loader: the input is a platform table, or a feature catalogue
 * when it has no "<table" (so that the shipped files are the seeds as
 * they are); inputs of odd size are validated against the shipped
 * schema first. Nothing but diagnostics may come of it: no crash, no
 * leak, no hang.
 */
#include "tests/fuzz/fuzz.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "models/models_int.h"
#include "util/util.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char	 path[64];
	struct model_db	*db;
	struct diag	 d;
	char		*cat, *xsd = NULL;
	bool		 catalog, validate;
	int		 fd;

	if (size > 256 * 1024)
		return 0;
	if (path[0] == '\0')
		snprintf(path, sizeof path, "/tmp/asaemu-fuzz-xml-%d.xml",
		    (int)getpid());
	catalog = true;
	for (size_t i = 0; i + 6 <= size && catalog; i++)
		catalog = memcmp(data + i, "<table", 6) != 0;
	validate = size % 2 == 1;
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd == -1 || file_write_all(fd, data, size) != 0)
		abort();
	close(fd);
	db = model_db_new();
	diag_init(&d);
	if (validate)
		xasprintf(&xsd, "%s/schema/%s", fuzz_data_dir(),
		    catalog ? "features.xsd" : "models.xsd");
	if (catalog)
		(void)model_db_load_catalog(db, path, xsd, &d);
	else {
		xasprintf(&cat, "%s/features.xml", fuzz_data_dir());
		if (model_db_load_catalog(db, cat, NULL, &d) != 0)
			abort();
		free(cat);
		(void)model_db_load_table(db, path, xsd, &d);
	}
	free(xsd);
	diag_release(&d);
	model_db_free(db);
	unlink(path);
	return 0;
}
