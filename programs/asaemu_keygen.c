/* SPDX-License-Identifier: MIT */
/*
 * asaemu-keygen: the emulator's licensing portal. Mints permanent,
 * time-based and evaluation activation keys for a serial number and a
 * platform, and decodes keys (licensing/KEYS.md):
 *	asaemu-keygen --serial SN --model ID [--feature ID[=VALUE]]...
 *	    [--time-based DURATION] [--purchase N]
 *	asaemu-keygen --decode --serial SN --model ID KEY...
 *	asaemu-keygen image --software VERSION [--model ID] [...]
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sys/random.h>

#include "licensing/licensing.h"
#include "models/models.h"
#include "programs/keygen_int.h"
#include "util/util.h"

#ifndef ASA_VERSION
#define ASA_VERSION "0.0.0"
#endif

#define KEYGEN_USAGE_EXIT 2

static const char keygen_usage[] =
    "usage: asaemu-keygen --serial SN --model ID [--feature ID[=VALUE]]...\n"
    "                     [--time-based DURATION] [--purchase N] "
    "[--data DIR]\n"
    "       asaemu-keygen --decode --serial SN --model ID [--data DIR] "
    "KEY...\n"
    "       asaemu-keygen image --software VERSION [--model ID | --smp] "
    "[--asdm]\n"
    "                     [--output FILE|DIR] [--data DIR]\n";

static const char keygen_help[] =
    "Mint or decode asaemu activation keys (licensing/KEYS.md).\n"
    "\n"
    "  -s, --serial SN          the device serial number (show version)\n"
    "  -m, --model ID           the platform id, e.g. ASA5520\n"
    "  -f, --feature ID[=VALUE] grant a feature; VALUE is a number,\n"
    "                           unlimited, enabled, disabled or an enum id\n"
    "                           (3des-aes, active-active, server); a switch\n"
    "                           alone means enabled; security-plus selects\n"
    "                           the Security Plus edition\n"
    "  -t, --time-based DURATION\n"
    "                           a time-based key (one --feature) or an\n"
    "                           evaluation key (several); DURATION is a\n"
    "                           number and h, d or w (62d, 52w)\n"
    "  -p, --purchase N         the purchase number, 0 to 65535 (default:\n"
    "                           a random one): each purchase of a license\n"
    "                           is its own key, and identical time-based\n"
    "                           licenses of two purchases stack\n"
    "  -d, --decode             print what each KEY (five words) holds\n"
    "  -D, --data DIR           the data directory (default: $ASAEMU_DATA,\n"
    "                           the build tree, then the installed data)\n"
    "  -h, --help               print this help\n"
    "  -V, --version            print the version\n"
    "\n"
    "Features not named keep the edition's default. Exit status: 0, 1 on\n"
    "an error or an invalid key, 2 on a usage error.\n";

static const struct option keygen_options[] = {
	{ "serial",	required_argument,	NULL,	's' },
	{ "model",	required_argument,	NULL,	'm' },
	{ "feature",	required_argument,	NULL,	'f' },
	{ "time-based",	required_argument,	NULL,	't' },
	{ "purchase",	required_argument,	NULL,	'p' },
	{ "decode",	no_argument,		NULL,	'd' },
	{ "data",	required_argument,	NULL,	'D' },
	{ "help",	no_argument,		NULL,	'h' },
	{ "version",	no_argument,		NULL,	'V' },
	{ NULL,		0,			NULL,	0 },
};

struct keygen {
	const char		 *serial;
	const char		 *model;
	const char		 *data;	    /* NULL: model_default_dir() */
	const char		 *duration; /* NULL: a permanent key */
	const char		 *purchase; /* NULL: a random number */
	bool			  decode;
	const char		**features; /* "id[=value]", from argv */
	size_t			  nfeatures;
	const struct lic_catalog *cat;	    /* owned by the model db */
	const struct lic_platform *p;
};

static void
keygen_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
keygen_error(const char *fmt, ...)
{
	va_list	ap;

	fputs("asaemu-keygen: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* A value as the generator reads and prints it; buf holds 32 bytes. */
static const char *
keygen_value_text(const struct lic_feature *feat, uint32_t v, char *buf,
    size_t len)
{
	switch (feat->kind) {
	case LIC_KIND_BOOL:
		return v ? "enabled" : "disabled";
	case LIC_KIND_ENUM:
		if (v < feat->nvalues)
			return feat->values[v].id;
		break;
	case LIC_KIND_COUNT:
		if (v == LIC_UNLIMITED)
			return "unlimited";
		break;
	}
	snprintf(buf, len, "%u", (unsigned)v);
	return buf;
}

static int
keygen_parse_u32(const char *s, uint32_t *v)
{
	char			*end;
	unsigned long long	 n;

	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	n = strtoull(s, &end, 10);
	if (errno != 0 || *end != '\0' || n >= UINT32_MAX)
		return -1;
	*v = (uint32_t)n;
	return 0;
}

/* VALUE for feature feat (NULL: a switch alone). */
static int
keygen_parse_value(const struct lic_feature *feat, const char *s, uint32_t *v)
{
	if (s == NULL) {
		*v = 1;
		return feat->kind == LIC_KIND_BOOL ? 0 : -1;
	}
	switch (feat->kind) {
	case LIC_KIND_BOOL:
		if (strcasecmp(s, "enabled") == 0 || strcmp(s, "1") == 0)
			*v = 1;
		else if (strcasecmp(s, "disabled") == 0 || strcmp(s, "0") == 0)
			*v = 0;
		else
			return -1;
		return 0;
	case LIC_KIND_ENUM:
		for (size_t i = 0; i < feat->nvalues; i++) {
			if (strcasecmp(s, feat->values[i].id) == 0) {
				*v = (uint32_t)i;
				return 0;
			}
		}
		return -1;
	case LIC_KIND_COUNT:
		if (strcasecmp(s, "unlimited") == 0) {
			*v = LIC_UNLIMITED;
			return 0;
		}
		return keygen_parse_u32(s, v);
	}
	return -1;
}

static int
keygen_u32_cmp(const void *a, const void *b)
{
	uint32_t	x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * "allowed: 2, 10, 25" for feature f, ascending; a run of four or more
 * counts in equal steps prints as "500-50000 step 500".
 */
static void
keygen_print_allowed(const struct keygen *kg, enum lic_key_type t, size_t e,
    size_t f)
{
	const struct lic_feature	*feat = &kg->cat->features[f];
	uint32_t			*v = NULL;
	size_t				 n = 0, i = 0, j;
	char				 a[32], b[32];

	lic_key_values(kg->cat, kg->p, t, e, f, &v, &n);
	if (n > 0)
		qsort(v, n, sizeof *v, keygen_u32_cmp);
	fputs("; allowed: ", stderr);
	if (n == 0)
		fputs("none", stderr);
	while (i < n) {
		for (j = i + 1; feat->kind == LIC_KIND_COUNT && j < n &&
		    v[j] != LIC_UNLIMITED && v[j] - v[j - 1] == v[i + 1] - v[i];
		    j++)
			;
		fputs(i > 0 ? ", " : "", stderr);
		if (j - i >= 4) {
			fprintf(stderr, "%s-%s step %u",
			    keygen_value_text(feat, v[i], a, sizeof a),
			    keygen_value_text(feat, v[j - 1], b, sizeof b),
			    (unsigned)(v[i + 1] - v[i]));
			i = j;
		} else
			fputs(keygen_value_text(feat, v[i++], a, sizeof a),
			    stderr);
	}
	fputc('\n', stderr);
	free(v);
}

/* "62d", "52w", "12h" (a bare number is days) into seconds. */
static int
keygen_parse_duration(const char *s, uint32_t *secs)
{
	char			*end;
	unsigned long long	 n, unit = 24;

	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	n = strtoull(s, &end, 10);
	if (errno != 0 || n == 0 || n > LIC_KEY_MAX_HOURS)
		return -1;
	if (strcmp(end, "h") == 0)
		unit = 1;
	else if (strcmp(end, "w") == 0)
		unit = 24 * 7;
	else if (strcmp(end, "d") != 0 && *end != '\0')
		return -1;
	if (n * unit > LIC_KEY_MAX_HOURS)
		return -1;
	*secs = (uint32_t)(n * unit * 3600);
	return 0;
}

/* One --feature into a grant; security-plus picks the edition instead. */
static int
keygen_feature(const struct keygen *kg, const char *arg,
    struct lic_keyinfo *ki, size_t *edition)
{
	const char	*eq = strchr(arg, '=');
	char		*id = xstrndup(arg, eq ? (size_t)(eq - arg) : strlen(arg));
	size_t		 f = lic_catalog_find(kg->cat, id);
	uint32_t	 v;
	int		 rc = -1;

	if (f == (size_t)-1)
		keygen_error("unknown feature %s", id);
	else if (keygen_parse_value(&kg->cat->features[f], eq ? eq + 1 : NULL,
	    &v) != 0)
		keygen_error(eq ? "bad value for %s: %s" : "%s needs a value",
		    id, eq ? eq + 1 : "");
	else if (kg->duration == NULL && strcmp(id, "security-plus") == 0) {
		*edition = v ? lic_platform_edition(kg->p, "security-plus") : 0;
		rc = 0;
	} else if (ki->ngrants == LIC_KEY_MAX_GRANTS)
		keygen_error("too many features");
	else {
		ki->grants[ki->ngrants].feature = f;
		ki->grants[ki->ngrants++].value = v;
		rc = 0;
	}
	free(id);
	return rc;
}

/* Name the first grant the platform does not sell, with what it does. */
static void
keygen_explain(const struct keygen *kg, const struct lic_keyinfo *ki)
{
	const char	*how = ki->type == LIC_KEY_PERMANENT ? "" :
	    " time-based";

	for (size_t i = 0; i < ki->ngrants; i++) {
		const struct lic_grant	*g = &ki->grants[i];
		const struct lic_feature *feat = &kg->cat->features[g->feature];
		uint32_t		*v;
		size_t			 n, j;
		char			 buf[32];

		lic_key_values(kg->cat, kg->p, ki->type, ki->edition,
		    g->feature, &v, &n);
		for (j = 0; j < n && v[j] != g->value; j++)
			;
		free(v);
		if (j < n)
			continue;
		fprintf(stderr, "asaemu-keygen: %s=%s is not sold%s for %s",
		    feat->id, keygen_value_text(feat, g->value, buf,
		    sizeof buf), how, kg->p->id);
		keygen_print_allowed(kg, ki->type, ki->edition, g->feature);
		return;
	}
	keygen_error("cannot mint this key: %s", lic_strerror(LIC_E_TIER));
}

/*
 * --purchase N, or a random number: the portal mints a new key for every
 * purchase (KEYS.md, format 2).
 */
static int
keygen_purchase(const struct keygen *kg, uint32_t *n)
{
	uint16_t	 r;
	char		*end;
	unsigned long	 v;

	if (kg->purchase == NULL) {
		if (getrandom(&r, sizeof r, 0) != (ssize_t)sizeof r) {
			keygen_error("no random purchase number: %s",
			    strerror(errno));
			return -1;
		}
		*n = r;
		return 0;
	}
	errno = 0;
	v = strtoul(kg->purchase, &end, 10);
	if (!isdigit((unsigned char)*kg->purchase) || *end != '\0' ||
	    errno != 0 || v > LIC_KEY_MAX_PURCHASE) {
		keygen_error("bad purchase number %s (0 to %u)", kg->purchase,
		    (unsigned)LIC_KEY_MAX_PURCHASE);
		return -1;
	}
	*n = (uint32_t)v;
	return 0;
}

static int
keygen_mint(struct keygen *kg)
{
	struct lic_keyinfo	ki;
	struct lic_key		key;
	enum lic_err		err;
	size_t			edition = 0;
	char			buf[64];

	memset(&ki, 0, sizeof ki);
	for (size_t i = 0; i < kg->nfeatures; i++) {
		if (keygen_feature(kg, kg->features[i], &ki, &edition) != 0)
			return 1;
	}
	if (edition == (size_t)-1) {
		keygen_error("security-plus=enabled is not sold for %s; "
		    "allowed: disabled", kg->p->id);
		return 1;
	}
	ki.edition = edition;
	if (keygen_purchase(kg, &ki.purchase) != 0)
		return 1;
	if (kg->duration != NULL) {
		if (keygen_parse_duration(kg->duration, &ki.duration) != 0) {
			keygen_error("bad duration %s (1h to %uh)",
			    kg->duration, (unsigned)LIC_KEY_MAX_HOURS);
			return 1;
		}
		ki.type = ki.ngrants == 1 ? LIC_KEY_TIMEBASED :
		    LIC_KEY_EVALUATION;
	}
	err = lic_key_encode(kg->cat, kg->p, kg->serial, &ki, &key);
	if (err == LIC_E_TIER)
		keygen_explain(kg, &ki);
	else if (err == LIC_E_FEATURE)
		keygen_error("a feature is named twice");
	else if (err != LIC_OK)
		keygen_error("cannot mint this key: %s", lic_strerror(err));
	if (err != LIC_OK)
		return 1;
	puts(lic_key_format(&key, buf, sizeof buf));
	return 0;
}

static void
keygen_print_info(const struct keygen *kg, const struct lic_keyinfo *ki)
{
	static const char *const types[] = {
		[LIC_KEY_PERMANENT] = "permanent",
		[LIC_KEY_TIMEBASED] = "time-based",
		[LIC_KEY_EVALUATION] = "evaluation",
	};
	const struct lic_cell	*cells = kg->p->editions[ki->edition].cells;
	uint32_t		 hours = ki->duration / 3600;
	char			 buf[32];

	printf("type: %s\n", types[ki->type]);
	if (ki->format >= 2)
		printf("purchase: %u\n", (unsigned)ki->purchase);
	if (ki->type == LIC_KEY_PERMANENT)
		printf("edition: %s\n", kg->p->editions[ki->edition].id);
	else if (hours % 24 == 0)
		printf("duration: %ud\n", (unsigned)(hours / 24));
	else
		printf("duration: %uh\n", (unsigned)hours);
	for (size_t i = 0; i < ki->ngrants; i++) {
		const struct lic_grant	 *g = &ki->grants[i];
		const struct lic_feature *feat = &kg->cat->features[g->feature];

		if (ki->type == LIC_KEY_PERMANENT &&
		    g->value == cells[g->feature].value)
			continue;
		printf("%s: %s\n", feat->id,
		    keygen_value_text(feat, g->value, buf, sizeof buf));
	}
}

/* Every group of five words in argv is one key. */
static int
keygen_decode(struct keygen *kg, int argc, char **argv)
{
	struct strbuf	sb;
	char		*words, *w, *save = NULL, *key[5];
	size_t		 nw = 0, nkeys = 0;
	int		 rc = 0;

	strbuf_init(&sb, STRBUF_DEFAULT_CAP);
	for (int i = 0; i < argc; i++)
		strbuf_printf(&sb, "%s ", argv[i]);
	words = strbuf_take(&sb);
	strbuf_release(&sb);
	for (w = strtok_r(words, " \t\n", &save); w != NULL;
	    w = strtok_r(NULL, " \t\n", &save)) {
		struct lic_key		k;
		struct lic_keyinfo	ki;
		enum lic_err		err;
		char			text[64], buf[64];

		key[nw++] = w;
		if (nw < 5)
			continue;
		nw = 0;
		snprintf(text, sizeof text, "%s %s %s %s %s", key[0], key[1],
		    key[2], key[3], key[4]);
		if (nkeys++ > 0)
			putchar('\n');
		if ((err = lic_key_parse(text, &k)) == LIC_OK)
			err = lic_key_decode(kg->cat, kg->p, kg->serial, &k,
			    &ki);
		if (err != LIC_OK) {
			keygen_error("%s: not valid for %s on %s: %s", text,
			    kg->serial, kg->p->id, lic_strerror(err));
			rc = 1;
			continue;
		}
		printf("key: %s\n", lic_key_format(&k, buf, sizeof buf));
		keygen_print_info(kg, &ki);
	}
	free(words);
	if (nw != 0 || nkeys == 0) {
		keygen_error("a key is five words");
		rc = 1;
	}
	return rc;
}

static int
keygen_run(struct keygen *kg, int argc, char **argv)
{
	struct diag	 d;
	struct model_db	*db;
	int		 rc = 1;

	diag_init(&d);
	/* The default data from its binary cache when current. */
	if (kg->data != NULL || (db = model_cache_read(model_default_dir())) ==
	    NULL)
		db = model_db_load(kg->data ? kg->data : model_default_dir(),
		    false, &d);
	if (db == NULL) {
		diag_print(&d, stderr);
		diag_release(&d);
		return 1;
	}
	kg->cat = model_db_catalog(db);
	kg->p = model_db_find(db, kg->model);
	if (kg->p == NULL)
		keygen_error("unknown model %s", kg->model);
	else if (kg->decode)
		rc = keygen_decode(kg, argc, argv);
	else
		rc = keygen_mint(kg);
	model_db_free(db);
	diag_release(&d);
	return rc;
}

static int
keygen_usage_error(const char *msg)
{
	if (msg != NULL)
		keygen_error("%s", msg);
	fputs(keygen_usage, stderr);
	return KEYGEN_USAGE_EXIT;
}

int
main(int argc, char **argv)
{
	struct keygen	kg;
	int		c, rc;

	if (argc > 1 && strcmp(argv[1], "image") == 0)
		return keygen_image(argc - 1, argv + 1);
	memset(&kg, 0, sizeof kg);
	kg.features = xcalloc((size_t)argc + 1, sizeof *kg.features);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":s:m:f:t:p:dD:hV", keygen_options,
	    NULL)) != -1) {
		switch (c) {
		case 's':
			kg.serial = optarg;
			break;
		case 'm':
			kg.model = optarg;
			break;
		case 'f':
			kg.features[kg.nfeatures++] = optarg;
			break;
		case 't':
			kg.duration = optarg;
			break;
		case 'p':
			kg.purchase = optarg;
			break;
		case 'd':
			kg.decode = true;
			break;
		case 'D':
			kg.data = optarg;
			break;
		case 'h':
			fputs(keygen_usage, stdout);
			fputs(keygen_help, stdout);
			free(kg.features);
			return 0;
		case 'V':
			puts("asaemu-keygen " ASA_VERSION);
			free(kg.features);
			return 0;
		case ':':
			keygen_error("%s needs a value", argv[optind - 1]);
			free(kg.features);
			return keygen_usage_error(NULL);
		default:
			keygen_error("unknown option %s", argv[optind - 1]);
			free(kg.features);
			return keygen_usage_error(NULL);
		}
	}
	if (kg.serial == NULL || kg.model == NULL)
		rc = keygen_usage_error("--serial and --model are required");
	else if (kg.decode && (kg.nfeatures > 0 || kg.duration != NULL ||
	    kg.purchase != NULL))
		rc = keygen_usage_error("--decode takes keys, not features");
	else if (!kg.decode && optind < argc)
		rc = keygen_usage_error("keys are for --decode");
	else if (kg.duration != NULL && kg.nfeatures == 0)
		rc = keygen_usage_error("--time-based needs a --feature");
	else
		rc = keygen_run(&kg, argc - optind, argv + optind);
	free(kg.features);
	return rc;
}
