/* SPDX-License-Identifier: MIT */
/*
 * Load licensing/features.xml into a struct lic_catalog: the features
 * (ids, codes, labels by version, combination rules, exclusions) and the
 * display layouts of "Licensed features for this platform:".
 */
#include "models/models_int.h"

#include <stdlib.h>
#include <string.h>

static const char *const kind_names[] = { "bool", "count", "enum", NULL };
static const char *const time_names[] = { "max", "add", "only", "none", NULL };
static const char *const unit_names[] = { "add", "max", "none", NULL };
static const char *const show_names[] = {
	"value", "at-least", "phone-cap", NULL
};

static const char *const reload_names[] = {
	"change", "downgrade", NULL
};

static size_t
count_children(const struct xml_node *n, const char *name)
{
	size_t	 k = 0;

	for (n = xml_node_first(n); n != NULL; n = xml_node_next(n)) {
		if (name == NULL || xml_node_is(n, name))
			k++;
	}
	return k;
}

int
model_feature_ref(const struct model_db *db, const struct xml_node *n,
    const char *attr, enum xml_req req, size_t *out)
{
	const struct lic_catalog *c = &db->catalog;
	const char		*id;
	int			 rc;

	if ((rc = xml_prop_str(n, attr, req, &id)) != 1)
		return rc;
	for (size_t i = 0; i < c->nfeatures; i++) {
		if (strcmp(c->features[i].id, id) == 0) {
			*out = i;
			return 1;
		}
	}
	xml_error(n, "unknown feature '%s'", id);
	return -1;
}

/* <label since=...>text</label>, ascending by since. */
static void
feature_label(struct model_db *db, const struct xml_node *n,
    struct lic_feature *f, struct lic_label *labels)
{
	struct lic_label	*l = &labels[f->nlabels];
	char			*text;

	l->since = 0;
	xml_prop_version(n, "since", XML_OPTIONAL, &l->since);
	text = xml_node_text(n);
	l->text = model_db_strdup(db, text);
	free(text);
	if (f->nlabels > 0 && labels[f->nlabels - 1].since >= l->since)
		xml_error(n, "labels of '%s' not in ascending order", f->id);
	f->nlabels++;
}

static void
feature_value(struct model_db *db, const struct xml_node *n,
    struct lic_feature *f, struct lic_enum_value *values)
{
	struct lic_enum_value	*v = &values[f->nvalues];
	const char		*s;

	v->id = v->text = "";
	if (xml_prop_str(n, "id", XML_REQUIRED, &s) == 1)
		v->id = model_db_strdup(db, s);
	if (xml_prop_str(n, "text", XML_REQUIRED, &s) == 1)
		v->text = model_db_strdup(db, s);
	for (size_t i = 0; i < f->nvalues; i++) {
		if (strcmp(values[i].id, v->id) == 0)
			xml_error(n, "duplicate value '%s'", v->id);
	}
	f->nvalues++;
}

static void
feature_children(struct model_db *db, const struct xml_node *fn,
    struct lic_feature *f)
{
	const struct xml_node	*n;
	struct lic_label	*labels;
	struct lic_enum_value	*values;
	char			*text;

	labels = model_db_alloc(db, count_children(fn, "label"),
	    sizeof *labels);
	values = model_db_alloc(db, count_children(fn, "value"),
	    sizeof *values);
	for (n = xml_node_first(fn); n != NULL; n = xml_node_next(n)) {
		if (xml_node_is(n, "name")) {
			text = xml_node_text(n);
			f->name = model_db_strdup(db, text);
			free(text);
		} else if (xml_node_is(n, "label"))
			feature_label(db, n, f, labels);
		else if (xml_node_is(n, "value"))
			feature_value(db, n, f, values);
		else if (!xml_node_is(n, "excludes") &&
		    !xml_node_is(n, "requires"))
			xml_error(n, "unexpected element <%s>",
			    xml_node_name(n));
	}
	f->labels = labels;
	f->values = values;
	if (f->name == NULL)
		xml_error(fn, "feature '%s' has no <name>", f->id);
	if (f->kind == LIC_KIND_ENUM && f->nvalues < 2)
		xml_error(fn, "enum feature '%s' needs two values or more",
		    f->id);
	if (f->kind != LIC_KIND_ENUM && f->nvalues != 0)
		xml_error(fn, "feature '%s' is not an enum", f->id);
}

/* Pass 1: one <feature>'s own attributes and children. */
static void
catalog_feature(struct model_db *db, const struct xml_node *n,
    struct lic_feature *features, size_t k)
{
	struct lic_feature	*f = &features[k];
	const char		*id = "";
	unsigned		 e = 0;

	xml_prop_str(n, "id", XML_REQUIRED, &id);
	f->id = model_db_strdup(db, id);
	if (xml_prop_u32(n, "code", XML_REQUIRED, &e) == 1 &&
	    (e == 0 || e > 255))
		xml_error(n, "<feature>: code %u out of range 1-255", e);
	f->code = e;
	if (xml_prop_enum(n, "kind", XML_REQUIRED, kind_names, &e) == 1)
		f->kind = (enum lic_kind)e;
	if (xml_prop_enum(n, "time", XML_REQUIRED, time_names, &e) == 1)
		f->time_rule = (enum lic_time_rule)e;
	if (xml_prop_enum(n, "units", XML_REQUIRED, unit_names, &e) == 1)
		f->unit_rule = (enum lic_unit_rule)e;
	xml_prop_version(n, "introduced", XML_OPTIONAL, &f->introduced);
	xml_prop_bool(n, "npe-hidden", XML_OPTIONAL, &f->npe_hidden);
	for (size_t i = 0; i < k; i++) {
		if (strcmp(features[i].id, f->id) == 0)
			xml_error(n, "duplicate feature '%s'", f->id);
		else if (features[i].code == f->code)
			xml_error(n, "feature '%s' reuses code %u of '%s'",
			    f->id, f->code, features[i].id);
	}
	feature_children(db, n, f);
}

/* Pass 2: <excludes>/<requires>, which may name later features. */
static void
catalog_refs(struct model_db *db, const struct xml_node *fn,
    struct lic_feature *f)
{
	const struct xml_node	*n;
	size_t			*ex, *rq, idx;

	ex = model_db_alloc(db, count_children(fn, "excludes"), sizeof *ex);
	rq = model_db_alloc(db, count_children(fn, "requires"), sizeof *rq);
	for (n = xml_node_first(fn); n != NULL; n = xml_node_next(n)) {
		if (xml_node_is(n, "excludes")) {
			if (model_feature_ref(db, n, "feature", XML_REQUIRED,
			    &idx) == 1)
				ex[f->nexcludes++] = idx;
		} else if (xml_node_is(n, "requires")) {
			if (model_feature_ref(db, n, "feature", XML_REQUIRED,
			    &idx) == 1)
				rq[f->nrequires++] = idx;
		}
	}
	f->excludes = ex;
	f->requires = rq;
}

static void
layout_row(struct model_db *db, const struct xml_node *n, struct lic_row *r)
{
	const char	*s;
	unsigned	 e;

	r->if_feature = (size_t)-1;
	model_feature_ref(db, n, "feature", XML_REQUIRED, &r->feature);
	if (xml_prop_str(n, "label", XML_OPTIONAL, &s) == 1)
		r->label = model_db_strdup(db, s);
	xml_prop_u32(n, "indent", XML_OPTIONAL, &r->indent);
	if (xml_prop_enum(n, "show", XML_OPTIONAL, show_names, &e) == 1)
		r->show = (enum lic_row_show)e;
	xml_prop_u32(n, "min", XML_OPTIONAL, &r->min);
	xml_prop_bool(n, "if-nonzero", XML_OPTIONAL, &r->if_nonzero);
	xml_prop_bool(n, "nopad", XML_OPTIONAL, &r->nopad);
	if (xml_prop_str(n, "only", XML_OPTIONAL, &s) == 1)
		r->only = model_db_strdup(db, s);
	if (xml_prop_str(n, "except", XML_OPTIONAL, &s) == 1)
		r->except = model_db_strdup(db, s);
	r->models_only = r->only != NULL;
	model_feature_ref(db, n, "if-feature", XML_OPTIONAL, &r->if_feature);
	xml_prop_u32(n, "if-min", XML_OPTIONAL, &r->if_min);
	if (xml_prop_str(n, "tail-lo", XML_OPTIONAL, &s) == 1)
		r->tail_lo = model_db_strdup(db, s);
	if (xml_prop_str(n, "tail-hi", XML_OPTIONAL, &s) == 1)
		r->tail_hi = model_db_strdup(db, s);
	xml_prop_u32(n, "tail-min", XML_OPTIONAL, &r->tail_min);
}

static void
catalog_layout(struct model_db *db, const struct xml_node *ln,
    struct lic_layout *layouts, size_t k)
{
	struct lic_layout	*l = &layouts[k];
	struct lic_row		*rows;
	const struct xml_node	*n;

	xml_prop_version(ln, "since", XML_REQUIRED, &l->since);
	if (k > 0 && layouts[k - 1].since >= l->since)
		xml_error(ln, "layouts not in ascending order");
	rows = model_db_alloc(db, count_children(ln, NULL), sizeof *rows);
	for (n = xml_node_first(ln); n != NULL; n = xml_node_next(n)) {
		if (!xml_node_is(n, "row")) {
			xml_error(n, "unexpected element <%s>",
			    xml_node_name(n));
			continue;
		}
		layout_row(db, n, &rows[l->nrows++]);
	}
	l->rows = rows;
}

/* <reload since= before= feature= when= models=>: versions [since, before). */
static void
catalog_reload(struct model_db *db, const struct xml_node *n,
    struct lic_reload_rule *r)
{
	const char	*s;
	uint32_t	 before;
	unsigned	 e;

	r->last = LIC_VERSION_MAX;
	r->feature = (size_t)-1;
	xml_prop_version(n, "since", XML_OPTIONAL, &r->first);
	if (xml_prop_version(n, "before", XML_OPTIONAL, &before) == 1) {
		if (before <= r->first)
			xml_error(n, "<reload>: 'before' must follow 'since'");
		r->last = before - 1;
	}
	model_feature_ref(db, n, "feature", XML_OPTIONAL, &r->feature);
	if (xml_prop_enum(n, "when", XML_REQUIRED, reload_names, &e) == 1)
		r->when = (enum lic_reload_when)e;
	if (xml_prop_str(n, "models", XML_OPTIONAL, &s) == 1)
		r->models = model_db_strdup(db, s);
}

static int
catalog_parse(struct model_db *db, const struct xml_node *root)
{
	struct lic_catalog	*c = &db->catalog;
	struct lic_feature	*features;
	struct lic_layout	*layouts;
	struct lic_reload_rule	*reloads;
	const struct xml_node	*n;
	size_t			 k = 0;

	if (!xml_node_is(root, "catalog")) {
		xml_error(root, "expected <catalog>, found <%s>",
		    xml_node_name(root));
		return -1;
	}
	features = model_db_alloc(db, count_children(root, "feature"),
	    sizeof *features);
	layouts = model_db_alloc(db, count_children(root, "layout"),
	    sizeof *layouts);
	reloads = model_db_alloc(db, count_children(root, "reload"),
	    sizeof *reloads);
	c->features = features;
	for (n = xml_node_first(root); n != NULL; n = xml_node_next(n)) {
		if (xml_node_is(n, "feature"))
			catalog_feature(db, n, features, c->nfeatures++);
		else if (!xml_node_is(n, "layout") &&
		    !xml_node_is(n, "reload"))
			xml_error(n, "unexpected element <%s>",
			    xml_node_name(n));
	}
	for (n = xml_node_first(root); n != NULL; n = xml_node_next(n)) {
		if (xml_node_is(n, "feature"))
			catalog_refs(db, n, &features[k++]);
		else if (xml_node_is(n, "layout"))
			catalog_layout(db, n, layouts, c->nlayouts++);
		else if (xml_node_is(n, "reload"))
			catalog_reload(db, n, &reloads[c->nreloads++]);
	}
	c->layouts = layouts;
	c->reloads = reloads;
	if (c->nfeatures == 0)
		xml_error(root, "no features");
	return 0;
}

int
model_db_load_catalog(struct model_db *db, const char *path, const char *xsd,
    struct diag *d)
{
	struct xml_doc	*xd;
	size_t		 before = d->n;

	if ((xd = xml_doc_read(path, d)) == NULL)
		return -1;
	if (xsd == NULL || xml_doc_validate(xd, xsd) == 0)
		catalog_parse(db, xml_doc_root(xd));
	xml_doc_free(xd);
	if (d->n != before) {
		memset(&db->catalog, 0, sizeof db->catalog);
		return -1;
	}
	db->has_catalog = true;
	return 0;
}
