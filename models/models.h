/* SPDX-License-Identifier: MIT */
/*
 * The model database: licensing/features.xml and the models/data files loaded
 * into the engine's plain types. This is the only library that links
 * libxml2, and no libxml2 type leaves it.
 */
#ifndef ASA_MODELS_MODELS_H
#define ASA_MODELS_MODELS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "licensing/licensing.h"

/* A list of "file:line: message" diagnostics. */
struct diag {
	char	**lines;	/* each from xasprintf, owned */
	size_t	  n;
};

void	diag_init(struct diag *);
void	diag_release(struct diag *);
/* Append "file:line: message"; line 0 prints "file: message". */
void	diag_add(struct diag *, const char *file, long line, const char *fmt,
	    ...) __attribute__((format(printf, 4, 5)));
/* Print every diagnostic, one a line. */
void	diag_print(const struct diag *, FILE *);

struct model_db;

/*
 * Load the feature catalogue (dir/features.xml) and every platform file
 * (dir/models/ *.xml) of a data directory. validate also checks each file
 * against its XML Schema (dir/schema/ *.xsd). Every problem found is added
 * to d. Returns the database, or NULL when anything was wrong.
 */
struct model_db *model_db_load(const char *dir, bool validate, struct diag *d);
/*
 * model_db_load() without schemas, parsing only the platform files that
 * declare model id (and the catalogue): what a device needs to start.
 * Checks across files (a model declared twice) are then not made; the
 * full load makes them. Without such a file, everything is loaded, so
 * that the caller can list the valid ids.
 */
struct model_db *model_db_load_model(const char *dir, const char *id,
	    struct diag *d);
void	model_db_free(struct model_db *);

/*
 * The binary cache of the data directory dir (dir/models.cache): the
 * database as loaded from the XML, written by model_cache_write() (at
 * build time). model_cache_read() returns it only when it is current:
 * same format and struct layout, every data file of dir the same size and
 * modification time as when written, and no other; else NULL, and the
 * caller parses the XML.
 */
int	model_cache_write(const struct model_db *, const char *dir,
	    struct diag *d);
struct model_db *model_cache_read(const char *dir);

/* Borrowed: valid until model_db_free(). */
const struct lic_catalog *model_db_catalog(const struct model_db *);
size_t	model_db_count(const struct model_db *);
const struct lic_platform *model_db_platform(const struct model_db *, size_t);
/* The platform with this id (case-insensitive), or NULL. */
const struct lic_platform *model_db_find(const struct model_db *,
	    const char *id);

/*
 * The default data directory: $ASAEMU_DATA if set, else the build tree's
 * (compiled in), else the installed share directory. Borrowed, static.
 */
const char *model_default_dir(void);

#endif
