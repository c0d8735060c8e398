/* SPDX-License-Identifier: MIT */
/*
 * The libxml2 facade (klish/libvirt style): the only file that includes
 * <libxml/...>. Documents are read hardened (no network, no DTD, no
 * entities, bounded size and depth) and every problem, libxml2's own
 * included, is reported as "file:line: message".
 */
#include "models/models_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include "util/util.h"

struct xml_doc {
	xmlDocPtr	 doc;
	char		*file;		/* as given, owned */
	struct diag	*d;
};

#define NODE(n)		((xmlNodePtr)(uintptr_t)(n))
#define XNODE(n)	((const struct xml_node *)(n))

static xmlParserInputPtr
xml_no_entities(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

static void
xml_init(void)
{
	static int	 done;

	if (done)
		return;
	xmlInitParser();
	/* Nothing outside the file itself is ever loaded. */
	xmlSetExternalEntityLoader(xml_no_entities);
	done = 1;
}

static void
xml_report(void *arg, xmlErrorPtr e)
{
	struct xml_doc	*xd = arg;
	size_t		 n;

	if (e == NULL || e->message == NULL)
		return;
	n = strlen(e->message);
	while (n > 0 && (e->message[n - 1] == '\n' || e->message[n - 1] == ' '))
		n--;
	diag_add(xd->d, xd->file, e->line, "%.*s", (int)n, e->message);
}

/* Read the whole file, refusing anything over XML_MAX_FILE. */
static char *
xml_slurp(const char *path, struct diag *d, size_t *len)
{
	FILE		*f;
	struct stat	 st;
	char		*buf;
	size_t		 n;

	int		 fd;

	/* A FIFO or a device is refused before any read could block. */
	if ((fd = file_open_regular(AT_FDCWD, path, false)) == -1) {
		diag_add(d, path, 0, "%s", errno == EINVAL ?
		    "not a regular file" : strerror(errno));
		return NULL;
	}
	if ((f = fdopen(fd, "rb")) == NULL)
		abort();	/* only out of memory */
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		diag_add(d, path, 0, "not a regular file");
		fclose(f);
		return NULL;
	}
	if (st.st_size == 0) {
		diag_add(d, path, 0, "empty file");
		fclose(f);
		return NULL;
	}
	if ((unsigned long long)st.st_size > XML_MAX_FILE) {
		diag_add(d, path, 0, "file too large (%lld bytes, limit %u)",
		    (long long)st.st_size, XML_MAX_FILE);
		fclose(f);
		return NULL;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	n = fread(buf, 1, (size_t)st.st_size, f);
	fclose(f);
	if (n != (size_t)st.st_size) {
		diag_add(d, path, 0, "short read");
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/*
 * Refuse a document type declaration before libxml2 sees it: it is the
 * only way in for entity expansion (billion laughs) and external
 * entities (XXE). Only the prolog can hold one.
 */
static int
xml_check_prolog(const char *path, const char *buf, size_t len,
    struct diag *d)
{
	const char	*p = buf, *end = buf + len, *q;
	long		 line = 1;

	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end) {
		if (*p == '\n')
			line++;
		if (*p != '<') {
			p++;
			continue;
		}
		if (strncmp(p, "<?", 2) == 0)
			q = strstr(p, "?>");
		else if (strncmp(p, "<!--", 4) == 0)
			q = strstr(p + 4, "-->");
		else if (strncmp(p, "<!", 2) == 0) {
			diag_add(d, path, line,
			    "document type declarations are not allowed");
			return -1;
		} else
			return 0;
		if (q == NULL)
			return 0;	/* libxml2 reports it */
		for (; p < q; p++) {
			if (*p == '\n')
				line++;
		}
	}
	return 0;
}

static int
xml_check_depth(struct xml_doc *xd, xmlNodePtr n, unsigned depth)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (depth > XML_MAX_DEPTH) {
			diag_add(xd->d, xd->file, xmlGetLineNo(n),
			    "elements nested deeper than %u", XML_MAX_DEPTH);
			return -1;
		}
		if (xml_check_depth(xd, n->children, depth + 1) != 0)
			return -1;
	}
	return 0;
}

struct xml_doc *
xml_doc_read(const char *path, struct diag *d)
{
	struct xml_doc	*xd;
	char		*buf;
	size_t		 len;
	size_t		 before = d->n;
	int		 opts = XML_PARSE_NONET | XML_PARSE_NOBLANKS;

	xml_init();
	if ((buf = xml_slurp(path, d, &len)) == NULL)
		return NULL;
	if (xml_check_prolog(path, buf, len, d) != 0) {
		free(buf);
		return NULL;
	}
	xd = xcalloc(1, sizeof *xd);
	xd->file = xstrdup(path);
	xd->d = d;
	xmlSetStructuredErrorFunc(xd, xml_report);
	xd->doc = xmlReadMemory(buf, (int)len, path, NULL, opts);
	xmlSetStructuredErrorFunc(NULL, NULL);
	free(buf);
	if (xd->doc != NULL && (xd->doc->intSubset != NULL ||
	    xd->doc->extSubset != NULL)) {
		diag_add(d, path, 0,
		    "document type declarations are not allowed");
	}
	if (xd->doc != NULL && xmlDocGetRootElement(xd->doc) != NULL)
		xml_check_depth(xd, xmlDocGetRootElement(xd->doc), 1);
	if (xd->doc == NULL || d->n != before) {
		if (d->n == before)
			diag_add(d, path, 0, "cannot parse");
		xml_doc_free(xd);
		return NULL;
	}
	xd->doc->_private = xd;
	return xd;
}

void
xml_doc_free(struct xml_doc *xd)
{
	if (xd == NULL)
		return;
	if (xd->doc != NULL)
		xmlFreeDoc(xd->doc);
	free(xd->file);
	free(xd);
}

int
xml_doc_validate(struct xml_doc *xd, const char *xsd)
{
	struct xml_doc		*sd;
	xmlSchemaParserCtxtPtr	 pc;
	xmlSchemaPtr		 schema = NULL;
	xmlSchemaValidCtxtPtr	 vc;
	int			 rc = -1;

	if ((sd = xml_doc_read(xsd, xd->d)) == NULL)
		return -1;
	pc = xmlSchemaNewDocParserCtxt(sd->doc);
	if (pc != NULL) {
		xmlSchemaSetParserStructuredErrors(pc, xml_report, sd);
		schema = xmlSchemaParse(pc);
		xmlSchemaFreeParserCtxt(pc);
	}
	if (schema == NULL) {
		diag_add(xd->d, xsd, 0, "cannot compile the schema");
		goto out;
	}
	if ((vc = xmlSchemaNewValidCtxt(schema)) != NULL) {
		xmlSchemaSetValidStructuredErrors(vc, xml_report, xd);
		if (xmlSchemaValidateDoc(vc, xd->doc) == 0)
			rc = 0;
		xmlSchemaFreeValidCtxt(vc);
	}
	xmlSchemaFree(schema);
out:
	xml_doc_free(sd);
	return rc;
}

const struct xml_node *
xml_doc_root(const struct xml_doc *xd)
{
	return XNODE(xmlDocGetRootElement(xd->doc));
}

static const struct xml_node *
xml_element(xmlNodePtr n)
{
	while (n != NULL && n->type != XML_ELEMENT_NODE)
		n = n->next;
	return XNODE(n);
}

const struct xml_node *
xml_node_first(const struct xml_node *n)
{
	return xml_element(NODE(n)->children);
}

const struct xml_node *
xml_node_next(const struct xml_node *n)
{
	return xml_element(NODE(n)->next);
}

const char *
xml_node_name(const struct xml_node *n)
{
	return (const char *)NODE(n)->name;
}

bool
xml_node_is(const struct xml_node *n, const char *name)
{
	return strcmp((const char *)NODE(n)->name, name) == 0;
}

long
xml_node_line(const struct xml_node *n)
{
	return xmlGetLineNo(NODE(n));
}

void
xml_error(const struct xml_node *n, const char *fmt, ...)
{
	struct xml_doc	*xd = NODE(n)->doc->_private;
	va_list		 ap;
	char		*msg;

	va_start(ap, fmt);
	xvasprintf(&msg, fmt, ap);
	va_end(ap);
	diag_add(xd->d, xd->file, xml_node_line(n), "%s", msg);
	free(msg);
}

char *
xml_node_text(const struct xml_node *n)
{
	xmlChar	*s = xmlNodeGetContent(NODE(n));
	char	*out = xstrdup(s != NULL ? (const char *)s : "");

	xmlFree(s);
	return out;
}

int
xml_prop_str(const struct xml_node *n, const char *name, enum xml_req req,
    const char **out)
{
	xmlAttrPtr	 a = xmlHasProp(NODE(n), (const xmlChar *)name);
	xmlNodePtr	 t;

	if (a == NULL) {
		if (req == XML_REQUIRED) {
			xml_error(n, "<%s>: missing attribute '%s'",
			    xml_node_name(n), name);
		}
		return 0;
	}
	t = a->children;
	if (t == NULL) {
		*out = "";
		return 1;
	}
	if (t->type != XML_TEXT_NODE || t->next != NULL) {
		xml_error(n, "<%s>: attribute '%s': entity references are "
		    "not allowed", xml_node_name(n), name);
		return -1;
	}
	*out = (const char *)t->content;
	return 1;
}

/* Decimal 0..4294967295 with no sign, blank or leading zero. */
static int
parse_u32(const char *s, uint32_t *out)
{
	uint64_t	 v = 0;

	if (*s == '\0' || (s[0] == '0' && s[1] != '\0'))
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (uint64_t)(*s - '0');
		if (v > UINT32_MAX)
			return -1;
	}
	*out = (uint32_t)v;
	return 0;
}

int
xml_prop_u32(const struct xml_node *n, const char *name, enum xml_req req,
    uint32_t *out)
{
	const char	*s;
	int		 rc;

	if ((rc = xml_prop_str(n, name, req, &s)) != 1)
		return rc;
	if (parse_u32(s, out) != 0) {
		xml_error(n, "<%s>: attribute '%s': bad number '%s'",
		    xml_node_name(n), name, s);
		return -1;
	}
	return 1;
}

int
xml_prop_bool(const struct xml_node *n, const char *name, enum xml_req req,
    bool *out)
{
	static const char *const names[] = { "false", "true", "0", "1", NULL };
	unsigned	 i;
	int		 rc;

	if ((rc = xml_prop_enum(n, name, req, names, &i)) != 1)
		return rc;
	*out = (i % 2) == 1;
	return 1;
}

int
xml_prop_version(const struct xml_node *n, const char *name,
    enum xml_req req, uint32_t *out)
{
	const char	*s;
	int		 rc;

	if ((rc = xml_prop_str(n, name, req, &s)) != 1)
		return rc;
	if (lic_version_parse(s, out) != 0) {
		xml_error(n, "<%s>: attribute '%s': bad version '%s'",
		    xml_node_name(n), name, s);
		return -1;
	}
	return 1;
}

int
xml_prop_enum(const struct xml_node *n, const char *name, enum xml_req req,
    const char *const *names, unsigned *out)
{
	const char	*s;
	int		 rc;

	if ((rc = xml_prop_str(n, name, req, &s)) != 1)
		return rc;
	for (unsigned i = 0; names[i] != NULL; i++) {
		if (strcmp(s, names[i]) == 0) {
			*out = i;
			return 1;
		}
	}
	xml_error(n, "<%s>: attribute '%s': bad value '%s'", xml_node_name(n),
	    name, s);
	return -1;
}
