/* SPDX-License-Identifier: MIT */
/*
 * Replay inputs through a fuzz target without libFuzzer: each argument
 * is a file, or a folder whose files (one level) are inputs. Used by the
 * default suite (any compiler) to run the seed corpora and every crash
 * found so far, under the sanitizers of the build.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tests/fuzz/fuzz.h"
#include "util/util.h"

static int
run_file(const char *path)
{
	struct strbuf	 sb;
	char		 buf[4096];
	size_t		 n;
	FILE		*f;

	if ((f = fopen(path, "rb")) == NULL) {
		perror(path);
		return -1;
	}
	strbuf_init(&sb, 0);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	LLVMFuzzerTestOneInput((const uint8_t *)sb.buf, sb.len);
	strbuf_release(&sb);
	return 0;
}

static int
run_path(const char *path, size_t *count)
{
	struct stat	 st;
	struct dirent	*de;
	DIR		*dp;
	char		*child;
	int		 rc = 0;

	if (stat(path, &st) != 0) {
		perror(path);
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		(*count)++;
		return run_file(path);
	}
	if ((dp = opendir(path)) == NULL) {
		perror(path);
		return -1;
	}
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		xasprintf(&child, "%s/%s", path, de->d_name);
		if (stat(child, &st) == 0 && S_ISREG(st.st_mode)) {
			(*count)++;
			if (run_file(child) != 0)
				rc = -1;
		}
		free(child);
	}
	closedir(dp);
	return rc;
}

int
main(int argc, char **argv)
{
	size_t	 count = 0;
	int	 rc = 0;

	for (int i = 1; i < argc; i++) {
		if (run_path(argv[i], &count) != 0)
			rc = 1;
	}
	fprintf(stderr, "%s: %zu inputs\n", argv[0], count);
	return rc;
}
