/* SPDX-License-Identifier: MIT */
/*
 * Load one platform table (a file of models/data): its limits, editions and
 * cells, the values that changed by version, then each model it serves,
 * with the model's own cells, hardware lines and ports for show version.
 */
#include "models/models_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* What a table holds before it is copied into each of its models. */
struct table {
	const char		*file;
	const char		*id;	   /* "Table 5-3" */
	unsigned		 table_no;
	struct lic_platform	 tp;	   /* limits, dhcp, footnotes */
	struct lic_edition	*editions;
	size_t			 neditions;
	struct lic_change	*changes;
	size_t			 nchanges;
};

static const char *const change_kinds[] = { "value", "max", NULL };

static size_t
count_named(const struct xml_node *n, const char *name)
{
	size_t	 k = 0;

	for (n = xml_node_first(n); n != NULL; n = xml_node_next(n))
		k += xml_node_is(n, name);
	return k;
}

/* A value attribute of feature f (number, "unlimited" or value id). */
static int
prop_value(const struct xml_node *n, const char *name, enum xml_req req,
    const struct lic_feature *f, uint32_t *out)
{
	const char	*s;
	int		 rc;

	if ((rc = xml_prop_str(n, name, req, &s)) != 1)
		return rc;
	if (model_value_parse(f, s, out) != 0) {
		xml_error(n, "<%s>: attribute '%s': bad value '%s' for "
		    "feature '%s'", xml_node_name(n), name, s, f->id);
		return -1;
	}
	return 1;
}

static void
cell_tier(const struct xml_node *n, const struct lic_feature *f,
    struct lic_range *r)
{
	if (prop_value(n, "value", XML_OPTIONAL, f, &r->min) == 1) {
		r->max = r->min;
		return;
	}
	if (prop_value(n, "min", XML_REQUIRED, f, &r->min) != 1 ||
	    prop_value(n, "max", XML_REQUIRED, f, &r->max) != 1 ||
	    xml_prop_u32(n, "step", XML_REQUIRED, &r->step) != 1)
		return;
	if (r->min > r->max || r->step == 0 ||
	    (r->max - r->min) % r->step != 0)
		xml_error(n, "<tier>: bad range %u-%u step %u", r->min,
		    r->max, r->step);
}

/* tiers="10 25 50": single-value tiers, blank-separated. */
static size_t
tier_list(const struct xml_node *n, const struct lic_feature *f,
    const char *list, struct lic_range *tiers)
{
	char		 tok[32];
	size_t		 k = 0, len;

	while (*list != '\0') {
		while (*list == ' ')
			list++;
		len = strcspn(list, " ");
		if (len == 0)
			break;
		if (len >= sizeof tok ||
		    (memcpy(tok, list, len), tok[len] = '\0',
		    model_value_parse(f, tok, &tiers[k].min) != 0)) {
			xml_error(n, "<cell>: attribute 'tiers': bad value "
			    "'%.*s' for feature '%s'", (int)len, list, f->id);
		} else {
			tiers[k].max = tiers[k].min;
			k++;
		}
		list += len;
	}
	return k;
}

static size_t
count_words(const char *s)
{
	size_t	 k = 0;

	for (; *s != '\0'; s++) {
		if (*s != ' ' && (s[1] == ' ' || s[1] == '\0'))
			k++;
	}
	return k;
}

/* One <cell>: into *c, for catalogue feature f. */
static void
cell_parse(struct model_db *db, const struct xml_node *n,
    const struct lic_feature *f, struct lic_cell *c)
{
	const struct xml_node	*t;
	struct lic_range	*tiers;
	const char		*s, *list = "";

	memset(c, 0, sizeof *c);
	c->supported = true;
	xml_prop_bool(n, "supported", XML_OPTIONAL, &c->supported);
	prop_value(n, "value", c->supported ? XML_REQUIRED : XML_OPTIONAL, f,
	    &c->value);
	xml_prop_bool(n, "time-based", XML_OPTIONAL, &c->time_based);
	if (xml_prop_str(n, "note", XML_OPTIONAL, &s) == 1)
		c->note = model_db_strdup(db, s);
	xml_prop_str(n, "tiers", XML_OPTIONAL, &list);
	tiers = model_db_alloc(db, count_words(list) + count_named(n, "tier"),
	    sizeof *tiers);
	c->ntiers = tier_list(n, f, list, tiers);
	for (t = xml_node_first(n); t != NULL; t = xml_node_next(t)) {
		if (!xml_node_is(t, "tier")) {
			xml_error(t, "unexpected element <%s>",
			    xml_node_name(t));
			continue;
		}
		cell_tier(t, f, &tiers[c->ntiers++]);
	}
	c->tiers = tiers;
}

/* The edition index named by n's "edition", (size_t)-1 when absent. */
static int
edition_ref(const struct table *t, const struct xml_node *n, size_t *out)
{
	const char	*id;
	int		 rc;

	*out = (size_t)-1;
	if ((rc = xml_prop_str(n, "edition", XML_OPTIONAL, &id)) != 1)
		return rc;
	for (size_t i = 0; i < t->neditions; i++) {
		if (strcmp(t->editions[i].id, id) == 0) {
			*out = i;
			return 1;
		}
	}
	xml_error(n, "unknown edition '%s'", id);
	return -1;
}

static void
table_edition(struct model_db *db, struct table *t, const struct xml_node *en)
{
	const struct lic_catalog *cat = &db->catalog;
	struct lic_edition	*e = &t->editions[t->neditions];
	struct lic_cell		*cells;
	const struct xml_node	*n;
	bool			*seen;
	const char		*s = "";
	size_t			 f;

	xml_prop_str(en, "id", XML_REQUIRED, &s);
	e->id = model_db_strdup(db, s);
	for (size_t i = 0; i < t->neditions; i++) {
		if (strcmp(t->editions[i].id, e->id) == 0)
			xml_error(en, "duplicate edition '%s'", e->id);
	}
	if (t->neditions == 0 && strcmp(e->id, "base") != 0)
		xml_error(en, "the first edition must be 'base'");
	if (xml_prop_str(en, "sentence", XML_REQUIRED, &s) == 1)
		e->sentence = model_db_strdup(db, s);
	cells = model_db_alloc(db, cat->nfeatures, sizeof *cells);
	seen = xcalloc(cat->nfeatures + 1, sizeof *seen);
	for (n = xml_node_first(en); n != NULL; n = xml_node_next(n)) {
		if (!xml_node_is(n, "cell")) {
			xml_error(n, "unexpected element <%s>",
			    xml_node_name(n));
			continue;
		}
		if (model_feature_ref(db, n, "feature", XML_REQUIRED, &f) != 1)
			continue;
		if (seen[f])
			xml_error(n, "duplicate cell for feature '%s'",
			    cat->features[f].id);
		seen[f] = true;
		cell_parse(db, n, &cat->features[f], &cells[f]);
	}
	for (f = 0; f < cat->nfeatures; f++) {
		if (!seen[f])
			xml_error(en, "edition '%s' has no cell for feature "
			    "'%s'", e->id, cat->features[f].id);
	}
	free(seen);
	e->cells = cells;
	t->neditions++;
}

static void
change_parse(struct model_db *db, const struct table *t,
    const struct xml_node *n, struct lic_change *c)
{
	uint32_t	 before;
	unsigned	 kind = 0;

	memset(c, 0, sizeof *c);
	if (model_feature_ref(db, n, "feature", XML_REQUIRED, &c->feature) != 1)
		return;
	if (xml_prop_version(n, "before", XML_REQUIRED, &before) == 1) {
		if (before == 0)
			xml_error(n, "<change>: 'before' cannot be 0.0");
		c->until = before - 1;
	}
	prop_value(n, "value", XML_REQUIRED, &db->catalog.features[c->feature],
	    &c->value);
	edition_ref(t, n, &c->edition);
	xml_prop_enum(n, "kind", XML_OPTIONAL, change_kinds, &kind);
	c->kind = (enum lic_change_kind)kind;
}

static void
table_limits(struct table *t, const struct xml_node *n)
{
	struct lic_platform	*p = &t->tp;
	const char		*s;

	xml_prop_u32(n, "tls-default", XML_REQUIRED, &p->tls_default);
	xml_prop_u32(n, "tls-max", XML_REQUIRED, &p->tls_max);
	xml_prop_u32(n, "tls-ime-extra", XML_REQUIRED, &p->tls_ime_extra);
	p->phone_proxy_max = LIC_UNLIMITED;
	if (xml_prop_str(n, "phone-proxy-max", XML_OPTIONAL, &s) == 1 &&
	    strcmp(s, "unlimited") != 0)
		xml_prop_u32(n, "phone-proxy-max", XML_OPTIONAL,
		    &p->phone_proxy_max);
	xml_prop_u32(n, "vpn-total", XML_REQUIRED, &p->vpn_total);
	xml_prop_bool(n, "vpn-total-sum", XML_OPTIONAL, &p->vpn_total_sum);
	xml_prop_u32(n, "essentials-sessions", XML_REQUIRED,
	    &p->essentials_sessions);
	if (p->tls_default > p->tls_max)
		xml_error(n, "<limits>: tls-default above tls-max");
}

static void
table_dhcp(struct table *t, const struct xml_node *n, struct lic_dhcp *dh)
{
	struct lic_dhcp	*e = &dh[t->tp.ndhcp];
	const char	*s;

	if (xml_prop_str(n, "hosts", XML_REQUIRED, &s) == 1) {
		if (strcmp(s, "unlimited") == 0)
			e->hosts = LIC_UNLIMITED;
		else
			xml_prop_u32(n, "hosts", XML_REQUIRED, &e->hosts);
	}
	xml_prop_u32(n, "clients", XML_REQUIRED, &e->clients);
	if (t->tp.ndhcp > 0 && dh[t->tp.ndhcp - 1].hosts >= e->hosts)
		xml_error(n, "<dhcp>: hosts not in ascending order");
	t->tp.ndhcp++;
}

/* Everything but the models, in document order. */
static void
table_body(struct model_db *db, struct table *t, const struct xml_node *root)
{
	const struct xml_node	*n;
	struct lic_dhcp		*dh;
	const char		**notes;
	char			*text;
	bool			 limits = false;

	dh = model_db_alloc(db, count_named(root, "dhcp"), sizeof *dh);
	notes = model_db_alloc(db, count_named(root, "footnote"),
	    sizeof *notes);
	t->editions = model_db_alloc(db, count_named(root, "edition"),
	    sizeof *t->editions);
	t->changes = model_db_alloc(db, count_named(root, "change"),
	    sizeof *t->changes);
	for (n = xml_node_first(root); n != NULL; n = xml_node_next(n)) {
		if (xml_node_is(n, "limits")) {
			table_limits(t, n);
			limits = true;
		} else if (xml_node_is(n, "dhcp"))
			table_dhcp(t, n, dh);
		else if (xml_node_is(n, "footnote")) {
			text = xml_node_text(n);
			notes[t->tp.nfootnotes++] = model_db_strdup(db, text);
			free(text);
		} else if (xml_node_is(n, "edition"))
			table_edition(db, t, n);
		else if (xml_node_is(n, "change"))
			change_parse(db, t, n, &t->changes[t->nchanges++]);
		else if (!xml_node_is(n, "model"))
			xml_error(n, "unexpected element <%s>",
			    xml_node_name(n));
	}
	t->tp.dhcp = dh;
	t->tp.footnotes = notes;
	if (!limits)
		xml_error(root, "<table>: no <limits>");
	if (t->neditions == 0)
		xml_error(root, "<table>: no <edition>");
}

static unsigned
table_number(const char *id)
{
	const char	*p = strrchr(id, '-');

	return p != NULL ? (unsigned)strtoul(p + 1, NULL, 10) : 0;
}

static struct model_entry *
model_add(struct model_db *db)
{
	struct model_entry	*m;

	db->models = xreallocarray(db->models, db->nmodels + 1,
	    sizeof *db->models);
	m = &db->models[db->nmodels];
	memset(m, 0, sizeof *m);
	m->seq = db->nmodels++;
	return m;
}

/* Each model gets its own copy of the cells, for its overrides. */
static struct lic_edition *
model_editions(struct model_db *db, const struct table *t,
    struct lic_cell **cellv)
{
	struct lic_edition	*e;
	size_t			 nf = db->catalog.nfeatures;

	e = model_db_alloc(db, t->neditions, sizeof *e);
	for (size_t i = 0; i < t->neditions; i++) {
		e[i] = t->editions[i];
		cellv[i] = model_db_alloc(db, nf, sizeof *cellv[i]);
		if (nf > 0 && t->editions[i].cells != NULL)
			memcpy(cellv[i], t->editions[i].cells,
			    nf * sizeof *cellv[i]);
		e[i].cells = cellv[i];
	}
	return e;
}

static void
model_cell(struct model_db *db, const struct table *t,
    struct lic_cell *const *cellv, const struct xml_node *n)
{
	struct lic_cell	 c;
	size_t		 f, e;

	if (model_feature_ref(db, n, "feature", XML_REQUIRED, &f) != 1 ||
	    edition_ref(t, n, &e) == -1)
		return;
	cell_parse(db, n, &db->catalog.features[f], &c);
	for (size_t i = 0; i < t->neditions; i++) {
		if (e == (size_t)-1 || e == i)
			cellv[i][f] = c;
	}
}

static void
model_hardware(struct model_db *db, struct lic_platform *p,
    const struct xml_node *hn)
{
	const struct xml_node	*n;
	struct lic_hw_line	*lines, *l;
	char			*text;

	/* Each block's array holds its own lines: one block per model. */
	if (p->hw_lines != NULL) {
		xml_error(hn, "<model>: a second <hardware>");
		return;
	}
	lines = model_db_alloc(db, count_named(hn, "line"), sizeof *lines);
	for (n = xml_node_first(hn); n != NULL; n = xml_node_next(n)) {
		if (!xml_node_is(n, "line")) {
			xml_error(n, "unexpected element <%s>",
			    xml_node_name(n));
			continue;
		}
		l = &lines[p->nhw_lines++];
		text = xml_node_text(n);
		l->text = model_db_strdup(db, text);
		free(text);
		l->sw.first = 0;
		l->sw.last = LIC_VERSION_MAX;
		xml_prop_version(n, "sw-first", XML_OPTIONAL, &l->sw.first);
		xml_prop_version(n, "sw-last", XML_OPTIONAL, &l->sw.last);
		if (l->sw.first > l->sw.last)
			xml_error(n, "<line>: sw-first after sw-last");
	}
	p->hw_lines = lines;
}

/* "hhhh.hhhh.hhhh", lower-case hex, as show version prints it. */
static bool
mac_valid(const char *s)
{
	for (size_t i = 0; i < 14; i++) {
		if (i % 5 == 4 ? s[i] != '.' : !((s[i] >= '0' && s[i] <= '9') ||
		    (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	}
	return s[14] == '\0';
}

static void
model_port(struct model_db *db, struct lic_port *port,
    const struct xml_node *n)
{
	const char	*s = "";

	port->has_mac = true;
	xml_prop_u32(n, "index", XML_REQUIRED, &port->index);
	xml_prop_str(n, "name", XML_REQUIRED, &s);
	port->name = model_db_strdup(db, s);
	xml_prop_bool(n, "internal", XML_OPTIONAL, &port->internal);
	xml_prop_u32(n, "irq", XML_REQUIRED, &port->irq);
	xml_prop_bool(n, "mac", XML_OPTIONAL, &port->has_mac);
	if (xml_prop_str(n, "address", XML_OPTIONAL, &s) != 1)
		return;
	if (!mac_valid(s))
		xml_error(n, "<port>: attribute 'address': not a MAC address "
		    "'%s' (hhhh.hhhh.hhhh)", s);
	else
		port->address = model_db_strdup(db, s);
}

static void
model_inventory(struct model_db *db, struct lic_platform *p,
    const struct xml_node *in)
{
	static const char *const attrs[] = {
		"name", "descr", "pid", "vid"
	};
	const struct xml_node	*n;
	struct lic_inv_item	*items, *it;
	const char		*s;

	items = model_db_alloc(db, count_named(in, "item"), sizeof *items);
	for (n = xml_node_first(in); n != NULL; n = xml_node_next(n)) {
		if (!xml_node_is(n, "item")) {
			xml_error(n, "unexpected element <%s>",
			    xml_node_name(n));
			continue;
		}
		it = &items[p->ninventory++];
		const char **dst[] = { &it->name, &it->descr, &it->pid,
		    &it->vid };
		for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++) {
			*dst[i] = "";
			if (xml_prop_str(n, attrs[i], XML_REQUIRED, &s) == 1)
				*dst[i] = model_db_strdup(db, s);
		}
		it->sn = NULL;
		if (xml_prop_str(n, "sn", XML_OPTIONAL, &s) == 1)
			it->sn = model_db_strdup(db, s);
	}
	p->inventory = items;
}

static void
model_gap(struct lic_vrange *g, const struct xml_node *n)
{
	xml_prop_version(n, "first", XML_REQUIRED, &g->first);
	xml_prop_version(n, "last", XML_REQUIRED, &g->last);
	if (g->first > g->last)
		xml_error(n, "<sw-gap>: first after last");
}

/* Identity attributes; a second model of the same id is refused. */
static void
model_identity(struct model_db *db, struct lic_platform *p,
    const struct xml_node *n)
{
	static const char *const attrs[] = {
		"id", "name", "hw-name", "family"
	};
	const char	**dst[] = { &p->id, &p->name, &p->hw_name, &p->family };
	const char	*s;
	uint32_t	 kb;

	for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++) {
		*dst[i] = "";
		if (xml_prop_str(n, attrs[i], XML_REQUIRED, &s) == 1)
			*dst[i] = model_db_strdup(db, s);
	}
	/* Absent: a 256 MB Compact Flash (the classic 5500's). */
	kb = 249440;
	(void)xml_prop_u32(n, "flash-kb", XML_OPTIONAL, &kb);
	p->flash_bytes = (uint64_t)kb * 1024;
	xml_prop_version(n, "sw-first", XML_REQUIRED, &p->sw_first);
	xml_prop_version(n, "sw-last", XML_REQUIRED, &p->sw_last);
	if (p->sw_first > p->sw_last)
		xml_error(n, "<model>: sw-first after sw-last");
	for (size_t i = 0; i + 1 < db->nmodels; i++) {
		if (strcasecmp(db->models[i].p.id, p->id) == 0)
			xml_error(n, "duplicate model '%s' (also in %s)",
			    p->id, db->models[i].file);
	}
}

static void
model_parse(struct model_db *db, const struct table *t,
    const struct xml_node *mn)
{
	struct model_entry	*m = model_add(db);
	struct lic_platform	*p = &m->p;
	struct lic_cell		**cellv;	/* each edition's own cells */
	struct lic_change	*changes;
	struct lic_vrange	*gaps;
	struct lic_port		*ports;
	const struct xml_node	*n;

	*p = t->tp;
	m->file = t->file;
	m->table_no = t->table_no;
	p->table = t->id;
	model_identity(db, p, mn);
	cellv = model_db_alloc(db, t->neditions, sizeof *cellv);
	p->editions = model_editions(db, t, cellv);
	p->neditions = t->neditions;
	changes = model_db_alloc(db, t->nchanges + count_named(mn, "change"),
	    sizeof *changes);
	for (size_t i = 0; i < t->nchanges; i++)
		changes[p->nchanges++] = t->changes[i];
	gaps = model_db_alloc(db, count_named(mn, "sw-gap"), sizeof *gaps);
	ports = model_db_alloc(db, count_named(mn, "port"), sizeof *ports);
	for (n = xml_node_first(mn); n != NULL; n = xml_node_next(n)) {
		if (xml_node_is(n, "sw-gap"))
			model_gap(&gaps[p->nsw_gaps++], n);
		else if (xml_node_is(n, "cell"))
			model_cell(db, t, cellv, n);
		else if (xml_node_is(n, "change"))
			change_parse(db, t, n, &changes[p->nchanges++]);
		else if (xml_node_is(n, "hardware"))
			model_hardware(db, p, n);
		else if (xml_node_is(n, "port"))
			model_port(db, &ports[p->nports++], n);
		else if (xml_node_is(n, "inventory"))
			model_inventory(db, p, n);
		else
			xml_error(n, "unexpected element <%s>",
			    xml_node_name(n));
	}
	p->changes = changes;
	p->sw_gaps = gaps;
	p->ports = ports;
}

static void
table_parse(struct model_db *db, struct table *t, const struct xml_node *root)
{
	const struct xml_node	*n;
	const char		*s;
	size_t			 nmodels = 0;

	if (!xml_node_is(root, "table")) {
		xml_error(root, "expected <table>, found <%s>",
		    xml_node_name(root));
		return;
	}
	t->id = "";
	if (xml_prop_str(root, "id", XML_REQUIRED, &s) == 1)
		t->id = model_db_strdup(db, s);
	xml_prop_str(root, "name", XML_REQUIRED, &s);
	t->table_no = table_number(t->id);
	table_body(db, t, root);
	for (n = xml_node_first(root); n != NULL; n = xml_node_next(n)) {
		if (xml_node_is(n, "model")) {
			model_parse(db, t, n);
			nmodels++;
		}
	}
	if (nmodels == 0)
		xml_error(root, "<table>: no <model>");
}

int
model_db_load_table(struct model_db *db, const char *path, const char *xsd,
    struct diag *d)
{
	struct xml_doc	*xd;
	struct table	 t;
	size_t		 before = d->n, nmodels = db->nmodels;

	if (!db->has_catalog) {
		diag_add(d, path, 0, "no feature catalogue loaded");
		return -1;
	}
	if ((xd = xml_doc_read(path, d)) == NULL)
		return -1;
	memset(&t, 0, sizeof t);
	t.file = model_db_strdup(db, path);
	if (xsd == NULL || xml_doc_validate(xd, xsd) == 0)
		table_parse(db, &t, xml_doc_root(xd));
	xml_doc_free(xd);
	if (d->n != before) {
		db->nmodels = nmodels;	/* drop this file's models */
		return -1;
	}
	return 0;
}
