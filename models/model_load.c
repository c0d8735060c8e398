/* SPDX-License-Identifier: MIT */
/*
 * The model database: load a data directory (features.xml, models/ *.xml,
 * schema/ *.xsd) into plain C structs owned by one arena, then hand out
 * read-only platforms. Also where the data directory is found.
 */
#include "models/models_int.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>

struct model_db *
model_db_new(void)
{
	struct model_db	*db = xcalloc(1, sizeof *db);

	arena_init(&db->arena);
	return db;
}

void
model_db_free(struct model_db *db)
{
	if (db == NULL)
		return;
	arena_release(&db->arena);
	if (db->image_mapped != 0)
		munmap(db->image, db->image_mapped);
	else
		free(db->image);
	if (db->image == NULL)
		free(db->models);
	free(db);
}

void *
model_db_alloc(struct model_db *db, size_t n, size_t size)
{
	void	*p;

	if (n == 0)
		return NULL;
	if (size != 0 && n > SIZE_MAX / size)
		abort();
	p = arena_alloc(&db->arena, n * size);
	memset(p, 0, n * size);
	return p;
}

const char *
model_db_strdup(struct model_db *db, const char *s)
{
	return arena_strdup(&db->arena, s);
}

int
model_value_parse(const struct lic_feature *f, const char *s, uint32_t *out)
{
	unsigned long long	 v = 0;

	if (f->kind == LIC_KIND_ENUM) {
		for (size_t i = 0; i < f->nvalues; i++) {
			if (strcmp(f->values[i].id, s) == 0) {
				*out = (uint32_t)i;
				return 0;
			}
		}
		return -1;
	}
	if (f->kind == LIC_KIND_COUNT && strcmp(s, "unlimited") == 0) {
		*out = LIC_UNLIMITED;
		return 0;
	}
	if (*s == '\0' || (s[0] == '0' && s[1] != '\0'))
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (unsigned)(*s - '0');
		if (v >= LIC_UNLIMITED)
			return -1;
	}
	if (f->kind == LIC_KIND_BOOL && v > 1)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

static int
entry_cmp(const void *a, const void *b)
{
	const struct model_entry *x = a, *y = b;

	if (x->table_no != y->table_no)
		return x->table_no < y->table_no ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
model_db_finish(struct model_db *db)
{
	if (db->nmodels > 1)
		qsort(db->models, db->nmodels, sizeof *db->models, entry_cmp);
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.xml names of dir, sorted; NULL (reported) if unreadable. */
static char **
list_xml(const char *dir, size_t *n, struct diag *d)
{
	DIR		*dp;
	struct dirent	*de;
	char		**names = NULL;
	size_t		 len;

	*n = 0;
	if ((dp = opendir(dir)) == NULL) {
		diag_add(d, dir, 0, "cannot open directory");
		return NULL;
	}
	while ((de = readdir(dp)) != NULL) {
		len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len < 5 ||
		    strcmp(de->d_name + len - 4, ".xml") != 0)
			continue;
		names = xreallocarray(names, *n + 1, sizeof *names);
		names[(*n)++] = xstrdup(de->d_name);
	}
	closedir(dp);
	if (*n > 1)
		qsort(names, *n, sizeof *names, name_cmp);
	return names;
}

/*
 * Whether the file at path declares a model with this id: a plain search
 * for id="ID" (any case), no parsing. Cheap enough to run over every
 * file to parse only the one a device needs.
 */
static bool
file_declares(const char *path, const char *id)
{
	char	 buf[256 * 1024], *needle;
	FILE	*f = fopen(path, "r");
	size_t	 n;
	bool	 found;

	if (f == NULL)
		return true;	/* let the parser report it */
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	xasprintf(&needle, "id=\"%s\"", id);
	for (char *p = buf; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	for (char *p = needle; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	found = strstr(buf, needle) != NULL;
	free(needle);
	return found;
}

/* Parse every table file of dir/models, or those declaring model only. */
static void
load_tables(struct model_db *db, const char *dir, bool validate,
    const char *only, struct diag *d)
{
	char	*mdir, *xsd = NULL, *path, **names;
	size_t	 n;

	xasprintf(&mdir, "%s/models", dir);
	if (validate)
		xasprintf(&xsd, "%s/schema/models.xsd", dir);
	names = list_xml(mdir, &n, d);
	if (names != NULL || n == 0) {
		if (n == 0 && names == NULL && d->n == 0)
			diag_add(d, mdir, 0, "no platform files");
	}
	for (size_t i = 0; i < n; i++) {
		xasprintf(&path, "%s/%s", mdir, names[i]);
		if (only == NULL || file_declares(path, only))
			model_db_load_table(db, path, xsd, d);
		free(path);
		free(names[i]);
	}
	free(names);
	free(xsd);
	free(mdir);
}

static struct model_db *
load(const char *dir, bool validate, const char *only, struct diag *d)
{
	struct model_db	*db = model_db_new();
	char		*path, *xsd = NULL;
	size_t		 before = d->n;
	int		 rc;

	xasprintf(&path, "%s/features.xml", dir);
	if (validate)
		xasprintf(&xsd, "%s/schema/features.xsd", dir);
	rc = model_db_load_catalog(db, path, xsd, d);
	free(path);
	free(xsd);
	if (rc == 0)
		load_tables(db, dir, validate, only, d);
	if (d->n != before) {
		model_db_free(db);
		return NULL;
	}
	model_db_finish(db);
	return db;
}

struct model_db *
model_db_load(const char *dir, bool validate, struct diag *d)
{
	return load(dir, validate, NULL, d);
}

struct model_db *
model_db_load_model(const char *dir, const char *id, struct diag *d)
{
	struct model_db	*db = load(dir, false, id, d);

	if (db != NULL && model_db_find(db, id) == NULL) {
		model_db_free(db);
		db = load(dir, false, NULL, d);
	}
	return db;
}

const struct lic_catalog *
model_db_catalog(const struct model_db *db)
{
	return &db->catalog;
}

size_t
model_db_count(const struct model_db *db)
{
	return db->nmodels;
}

const struct lic_platform *
model_db_platform(const struct model_db *db, size_t i)
{
	return i < db->nmodels ? &db->models[i].p : NULL;
}

const struct lic_platform *
model_db_find(const struct model_db *db, const char *id)
{
	for (size_t i = 0; i < db->nmodels; i++) {
		if (strcasecmp(db->models[i].p.id, id) == 0)
			return &db->models[i].p;
	}
	return NULL;
}

const char *
model_default_dir(void)
{
	const char	*env = getenv("ASAEMU_DATA");
	struct stat	 st;

	if (env != NULL && *env != '\0')
		return env;
	if (stat(ASA_BUILD_DATA_DIR, &st) == 0 && S_ISDIR(st.st_mode))
		return ASA_BUILD_DATA_DIR;
	return ASA_INSTALL_DATA_DIR;
}
