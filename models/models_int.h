/* SPDX-License-Identifier: MIT */
/*
 * Inside the model loader: the libxml2 facade of xml.c (opaque nodes,
 * typed attribute getters that report "file:line: message") and the
 * per-file entry points the loader and its tests use.
 */
#ifndef ASA_MODELS_MODELS_INT_H
#define ASA_MODELS_MODELS_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "models/models.h"
#include "util/util.h"

#define XML_MAX_FILE	(1024u * 1024u)	/* bytes; larger files are refused */
#define XML_MAX_DEPTH	16u		/* element nesting allowed */

enum xml_req {
	XML_OPTIONAL,
	XML_REQUIRED,
};

struct xml_doc;
struct xml_node;

/*
 * Read and parse path with DTDs, entities and the network refused, size
 * and depth bounded. Problems go to d. NULL on any problem.
 */
struct xml_doc	*xml_doc_read(const char *path, struct diag *d);
void		 xml_doc_free(struct xml_doc *);
/* Validate against the XML Schema at xsd; 0 or -1 (problems in d). */
int		 xml_doc_validate(struct xml_doc *, const char *xsd);
const struct xml_node *xml_doc_root(const struct xml_doc *);

/* Element children and siblings only; NULL at the end. */
const struct xml_node *xml_node_first(const struct xml_node *);
const struct xml_node *xml_node_next(const struct xml_node *);
const char	*xml_node_name(const struct xml_node *);
bool		 xml_node_is(const struct xml_node *, const char *name);
long		 xml_node_line(const struct xml_node *);
/* Add "file:line: <message>" for node n. */
void		 xml_error(const struct xml_node *n, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
/* The node's text content; the caller frees it. */
char		*xml_node_text(const struct xml_node *);

/*
 * Typed attribute getters: 1 when set, 0 when absent (an error too if
 * XML_REQUIRED), -1 when malformed; errors are reported.
 * xml_prop_str's result is valid while the document is.
 */
int	xml_prop_str(const struct xml_node *, const char *name, enum xml_req,
	    const char **out);
int	xml_prop_u32(const struct xml_node *, const char *name, enum xml_req,
	    uint32_t *out);
int	xml_prop_bool(const struct xml_node *, const char *name, enum xml_req,
	    bool *out);
int	xml_prop_version(const struct xml_node *, const char *name,
	    enum xml_req, uint32_t *out);
/* One of names (NULL-terminated); *out is its index. */
int	xml_prop_enum(const struct xml_node *, const char *name, enum xml_req,
	    const char *const *names, unsigned *out);

/* A loaded platform and where it came from. */
struct model_entry {
	struct lic_platform	 p;
	const char		*file;	   /* its table file (for duplicates) */
	unsigned		 table_no; /* N of "Table 5-N": chapter order */
	size_t			 seq;	   /* load order: stable sorting */
};

struct model_db {
	struct arena		 arena;	   /* every string and array below */
	char			*image;	   /* owned: or all of them, read from
					      the cache (model_cache.c) */
	size_t			 image_mapped; /* bytes of image when it
					      is a mapping, else 0 */
	struct lic_catalog	 catalog;
	bool			 has_catalog;
	struct model_entry	*models;   /* xreallocarray, owned; in the
					      image when there is one */
	size_t			 nmodels;
};

/* Zeroed storage and string copies owned by the db. */
void	*model_db_alloc(struct model_db *, size_t n, size_t size);
const char *model_db_strdup(struct model_db *, const char *);
/*
 * Parse a cell or tier value of feature f: a number, "unlimited" for a
 * count, 0/1 for a switch, a value id for an enum. 0 or -1.
 */
int	model_value_parse(const struct lic_feature *f, const char *s,
	    uint32_t *out);
/* Catalogue index of the feature named by n's attribute, or report. */
int	model_feature_ref(const struct model_db *, const struct xml_node *n,
	    const char *attr, enum xml_req, size_t *out);

/* The loader in steps, for tests that feed one file at a time. */
struct model_db	*model_db_new(void);
/* Load a feature catalogue; xsd NULL skips validation. 0 or -1. */
int	model_db_load_catalog(struct model_db *, const char *path,
	    const char *xsd, struct diag *);
/* Load one table file (after the catalogue). 0 or -1. */
int	model_db_load_table(struct model_db *, const char *path,
	    const char *xsd, struct diag *);
/* Order the platforms as the chapter does. */
void	model_db_finish(struct model_db *);

#endif
