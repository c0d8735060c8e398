/* SPDX-License-Identifier: MIT */
/*
 * The "Licensed features for this platform:" rows of show version and show
 * activation-key, in the layout of the running software version (rows,
 * labels and order come from licensing/features.xml).
 *
 * Columns (reference 2.1, 2.2, 3.4, all [V]): 8.3 and later print the
 * label padded to 34, ": ", the value padded to 15, then "perpetual" or
 * "N days"; 8.2 prints the label padded to 31 and the value padded to 10,
 * with no time column; 8.0 and 8.1 print the label padded to 29 and the
 * value unpadded, the ASA 5505's VLANs with their DMZ tail ("VLANs : 20,
 * DMZ Unrestricted", 8.0(4) [V]). A feature not yet introduced in the
 * running version (Table 5-20) has no row.
 *
 * show version on 8.3 and 8.4 reproduces Cisco's 8.4(1) ASA 5520 example
 * byte for byte (captures/genie_asa_show_version_golden_output2_output.txt,
 * reference 2.2 and 3.2): there every feature row starts with one extra
 * blank (" Maximum Physical Interfaces       : Unlimited      perpetual")
 * while the indented sub-row keeps its two blanks and its 34-column label
 * ("  Shared AnyConnect Premium Peers : 12000 ..."), that is no extra
 * blank. The blank may be an artefact of the documentation's HTML; it is
 * the only verified 8.4 printout, so it is kept (lead). show
 * activation-key and 9.x print no such blank.
 */
#include "commands/commands.h"

#include <stdio.h>
#include <string.h>

#include "commands/commands_int.h"

#define SECONDS_PER_DAY 86400u

static bool
row_applies(const struct lic_row *r, const struct lic_platform *p,
    const struct lic_running *run)
{
	const char	*fam = p->family != NULL ? p->family : "";

	if (r->only != NULL && strcmp(r->only, fam) != 0)
		return false;
	if (r->except != NULL && strcmp(r->except, fam) == 0)
		return false;
	if (r->if_feature != (size_t)-1 &&
	    run->v[r->if_feature].value < r->if_min)
		return false;
	if (r->if_nonzero && run->v[r->feature].value == 0)
		return false;
	return true;
}

/*
 * The rows print for every show version and show activation-key: they
 * are put together here, without a printf per row (half of a mixed
 * batch's instructions went to formatting them).
 */

/* v in decimal into buf (FMT_U32_MAX + 1 bytes at least); returns buf. */
static char *
u32_text(char *buf, uint32_t v)
{
	buf[fmt_u32(buf, v, 1)] = '\0';
	return buf;
}

/* Append s, then blanks up to width (printf's %-*s), if it fits. */
static bool
put_padded(char *buf, size_t *at, size_t cap, const char *s, size_t width)
{
	size_t	 n = strlen(s), pad = n < width ? width - n : 0;

	if (n + pad >= cap - *at)
		return false;
	memcpy(buf + *at, s, n);
	memset(buf + *at + n, ' ', pad);
	*at += n + pad;
	return true;
}

static const char *
value_text(const struct lic_row *r, const struct lic_feature *f,
    const struct lic_platform *p, uint32_t v, char *buf, size_t len)
{
	switch (r->show) {
	case LIC_ROW_AT_LEAST:
		return v >= r->min ? "Enabled" : "Disabled";
	case LIC_ROW_PHONE_CAP:
		if (p->phone_proxy_max != 0 && v > p->phone_proxy_max)
			v = p->phone_proxy_max;
		break;
	case LIC_ROW_VALUE:
		break;
	}
	switch (f->kind) {
	case LIC_KIND_BOOL:
		return v != 0 ? "Enabled" : "Disabled";
	case LIC_KIND_ENUM:
		return v < f->nvalues ? f->values[v].text : "?";
	case LIC_KIND_COUNT:
		break;
	}
	if (v == LIC_UNLIMITED)
		return "Unlimited";
	(void)len;
	return u32_text(buf, v);
}

static const char *
time_text(const struct lic_row *r, const struct lic_value *lv, char *buf,
    size_t len)
{
	if (r->tail_lo != NULL)
		return lv->value >= r->tail_min && r->tail_hi != NULL ?
		    r->tail_hi : r->tail_lo;
	if (!lv->timed)
		return "perpetual";
	/* Whole days left, rounded up: a fresh 62-day key shows 62. */
	u32_text(buf, (uint32_t)((lv->seconds_left + SECONDS_PER_DAY - 1) /
	    SECONDS_PER_DAY));
	(void)len;
	strcat(buf, " days");
	return buf;
}

void
license_block(struct out *out, const struct device *dev,
    const struct lic_running *run, bool lead)
{
	license_block_titled(out, dev, run, lead,
	    "Licensed features for this platform:");
}

/*
 * The rows of a context's "Licensed features for this user context:"
 * block: those of the 9.8(3) capture (captures/ntc_cisco_asa_show_
 * version2.raw [V]), which leaves out what belongs to the platform
 * (interfaces, VLANs, hosts, contexts, the session totals, shared
 * licensing, TLS proxy). Rows that capture cannot show (the UC proxy,
 * Botnet Traffic Filter, Intercompany Media Engine, IPS Module, 10GE I/O)
 * are left out too [M].
 */
static bool
user_context_row(const struct lic_feature *f)
{
	static const char *const kept[] = {
		"failover", "encryption", "gtp-gprs", "anyconnect-premium",
		"other-vpn", "anyconnect-mobile", "anyconnect-vpn-phone",
		"advanced-endpoint-assessment", "cluster", NULL
	};

	for (size_t i = 0; kept[i] != NULL; i++)
		if (strcmp(f->id, kept[i]) == 0)
			return true;
	return false;
}

static void	 block_rows(struct out *, const struct device *,
		    const struct lic_running *, bool, const char *, bool);

void
license_block_titled(struct out *out, const struct device *dev,
    const struct lic_running *run, bool lead, const char *title)
{
	block_rows(out, dev, run, lead, title, false);
}

void
license_block_user(struct out *out, const struct device *dev)
{
	block_rows(out, dev, &dev->lic.run, false,
	    "Licensed features for this user context:", true);
}

static void
block_rows(struct out *out, const struct device *dev,
    const struct lic_running *run, bool lead, const char *title, bool user)
{
	const struct lic_catalog *cat = model_db_catalog(dev->db);
	const struct lic_layout	 *lay = lic_catalog_layout(cat, dev->version);
	bool			  old = dev->version < LIC_VERSION(8, 3, 0, 0);
	bool			  pre82 = dev->version < LIC_VERSION(8, 2, 0, 0);
	char			  vbuf[16], tbuf[16], line[256];
	size_t			  at;

	out_printf(out, "%s\n", title);
	for (size_t i = 0; lay != NULL && i < lay->nrows; i++) {
		const struct lic_row	 *r = &lay->rows[i];
		const struct lic_feature *f = &cat->features[r->feature];
		const struct lic_value	 *lv = &run->v[r->feature];
		const char		 *label = r->label;
		int			  width;

		if (label == NULL)
			label = lic_feature_label(f, dev->version);
		if (label == NULL || !row_applies(r, dev->platform, run) ||
		    (user && !user_context_row(f)))
			continue;
		/* "VPN and Unified Communications licenses will not be
		 * listed" (No Payload Encryption Models). */
		if ((dev->npe && f->npe_hidden) || f->introduced > dev->version)
			continue;
		width = (pre82 ? 29 : old ? 31 : 34) - (int)r->indent;
		at = 0;
		/* 8.0 and 8.1 rows (unpadded values, a tail) go by printf. */
		if (!pre82 && put_padded(line, &at, sizeof line, lead &&
		    r->indent == 0 ? " " : "", 0) &&
		    put_padded(line, &at, sizeof line, "", r->indent) &&
		    put_padded(line, &at, sizeof line, label,
		    width > 0 ? (size_t)width : 0) &&
		    put_padded(line, &at, sizeof line, ": ", 0) &&
		    (old ? put_padded(line, &at, sizeof line, value_text(r, f,
		    dev->platform, lv->value, vbuf, sizeof vbuf),
		    r->nopad ? 0 : 10) :
		    put_padded(line, &at, sizeof line, value_text(r, f,
		    dev->platform, lv->value, vbuf, sizeof vbuf), 15) &&
		    put_padded(line, &at, sizeof line, time_text(r, lv, tbuf,
		    sizeof tbuf), 0)) &&
		    put_padded(line, &at, sizeof line, "\n", 0)) {
			out_write(out, line, at);
			continue;
		}
		/* A row longer than line, or before 8.2: printf. */
		out_printf(out, "%s%*s%-*s: ", lead && r->indent == 0 ? " " :
		    "", (int)r->indent, "", width, label);
		if (pre82)
			out_printf(out, "%s%s%s\n", value_text(r, f,
			    dev->platform, lv->value, vbuf, sizeof vbuf),
			    r->tail_lo != NULL ? ", " : "", r->tail_lo != NULL ?
			    time_text(r, lv, tbuf, sizeof tbuf) : "");
		else if (old)
			out_printf(out, "%-*s\n", r->nopad ? 0 : 10,
			    value_text(r, f, dev->platform, lv->value, vbuf,
			    sizeof vbuf));
		else
			out_printf(out, "%-15s%s\n", value_text(r, f,
			    dev->platform, lv->value, vbuf, sizeof vbuf),
			    time_text(r, lv, tbuf, sizeof tbuf));
	}
}

/* Key lines end in a blank up to 9.1 ([V] 8.2 and 8.4 captures). */
void
license_key_line(struct out *out, const char *label, const struct lic_key *k)
{
	static const struct lic_key zero;
	char			 words[64];

	out_printf(out, "%s: %s \n", label,
	    lic_key_format(k != NULL ? k : &zero, words, sizeof words));
}

const char *
license_sentence(const struct device *dev)
{
	return dev->platform->editions[dev->lic.run.edition].sentence;
}

static bool
same_key(const struct device_license *l)
{
	return l->has_flash == l->has_running && (!l->has_flash ||
	    memcmp(&l->flash_key, &l->running_key, sizeof l->flash_key) == 0);
}

void
license_flash_line(struct out *out, const struct device *dev)
{
	bool	 same = same_key(&dev->lic);

	out_puts(out, msg(dev->version < LIC_VERSION(8, 3, 0, 0) ?
	    (same ? MSG_FLASH_SAME_82 : MSG_FLASH_DIFFERENT_82) :
	    (same ? MSG_FLASH_SAME : MSG_FLASH_DIFFERENT)));
}

/*
 * The grants of one time-based key, with that key's days left; before 8.3
 * in the 8.2 row layout, which has no time column (reference 2.1 [V]; that
 * its time-based stanzas follow it is our inference).
 */
static void
timed_rows(struct out *out, const struct device *dev,
    const struct lic_timed *t, int lw, int vw)
{
	const struct lic_catalog *cat = model_db_catalog(dev->db);
	uint64_t		  left = lic_timed_remaining(t,
	    device_now(dev).tv_sec);
	char			  vbuf[16];
	const struct lic_row	  row = { .show = LIC_ROW_VALUE };

	for (size_t i = 0; i < t->info.ngrants; i++) {
		const struct lic_grant	 *g = &t->info.grants[i];
		const struct lic_feature *f = &cat->features[g->feature];
		const char		 *label;

		if (dev->npe && f->npe_hidden)
			continue;
		label = lic_feature_label(f, dev->version);
		if (label == NULL)
			label = f->name;
		if (dev->version < LIC_VERSION(8, 3, 0, 0)) {
			out_printf(out, "%-31s: %-10s\n", label, value_text(&row,
			    f, dev->platform, g->value, vbuf, sizeof vbuf));
			continue;
		}
		out_printf(out, "%-*s: %-*s%llu days\n", lw, label, vw,
		    value_text(&row, f, dev->platform, g->value, vbuf,
		    sizeof vbuf), (unsigned long long)((left +
		    SECONDS_PER_DAY - 1) / SECONDS_PER_DAY));
	}
}

bool
license_timed_listed(const struct device_license *l, bool active)
{
	for (size_t i = 0; i < l->ntimed; i++) {
		if (l->timed[i].active == active &&
		    l->timed[i].used < l->timed[i].info.duration)
			return true;
	}
	return false;
}

/*
 * "Running Permanent Activation Key:" ("Running Activation Key:" before
 * 8.3, reference 2.1), then one "Running Timebased Activation Key:" line
 * per active key, in the order they were installed.
 */
void
license_running_keys(struct out *out, const struct device *dev)
{
	const struct device_license	*l = &dev->lic;

	license_key_line(out, dev->version < LIC_VERSION(8, 3, 0, 0) ?
	    "Running Activation Key" : "Running Permanent Activation Key",
	    l->has_running ? &l->running_key : NULL);
	for (size_t i = 0; i < l->ntimed; i++) {
		if (l->timed[i].active)
			license_key_line(out, "Running Timebased Activation Key",
			    &l->timed[i].key);
	}
}

void
license_timed_stanzas(struct out *out, const struct device *dev, bool active,
    bool narrow)
{
	const struct device_license	*l = &dev->lic;
	char			 words[64];
	bool			 any = false;

	for (size_t i = 0; i < l->ntimed; i++) {
		const struct lic_timed *t = &l->timed[i];

		/* Used-up keys stay in the store, unlisted (timed.c). */
		if (t->active != active || t->used >= t->info.duration)
			continue;
		if (!any)
			out_puts(out, active ? "Active Timebased Activation "
			    "Key:\n" : "Inactive Timebased Activation Key:\n");
		any = true;
		out_printf(out, "%s\n", lic_key_format(&t->key, words,
		    sizeof words));
		timed_rows(out, dev, t, narrow ? 29 : 34, narrow ? 11 : 15);
	}
}
