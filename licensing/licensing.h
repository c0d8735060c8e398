/* SPDX-License-Identifier: MIT */
/*
 * The licensing engine's types: the feature catalogue, the platform tables,
 * software versions and feature values. Everything here is plain data; it is
 * filled by the loader in models/ and never changes after load. The engine
 * is pure: no I/O, no printing, no clock.
 */
#ifndef ASA_LICENSING_LICENSING_H
#define ASA_LICENSING_LICENSING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Software versions such as 8.4(1) or 9.1(7)12, packed so that plain
 * integer comparison orders them: major.minor(maint)interim.
 */
#define LIC_VERSION(ma, mi, mt, in)                                          \
	((uint32_t)(ma) << 24 | (uint32_t)(mi) << 16 | (uint32_t)(mt) << 8 |  \
	    (uint32_t)(in))
#define LIC_VERSION_MAX UINT32_MAX

/* Parse "8.4(1)", "9.1(7)12" or "9.1" into *v; 0 on success, -1 if bad. */
int	lic_version_parse(const char *s, uint32_t *v);
/* Format v as "8.4(1)" or "9.1(7)12" into buf; returns buf. */
char   *lic_version_format(uint32_t v, char *buf, size_t len);

/* A feature value: a count, 0/1 for a switch, or an index for an enum. */
#define LIC_UNLIMITED UINT32_MAX	/* "Unlimited" in the tables */

enum lic_kind {
	LIC_KIND_BOOL,		/* Disabled (0) or Enabled (1) */
	LIC_KIND_COUNT,		/* a number, or LIC_UNLIMITED */
	LIC_KIND_ENUM,		/* index into lic_feature.values, ordered */
};

/* Table 5-18: how a time-based value combines with the permanent one. */
enum lic_time_rule {
	LIC_TIME_MAX,		/* the higher value (or Enabled) is used */
	LIC_TIME_ADD,		/* added, up to the platform limit */
	LIC_TIME_ONLY,		/* no permanent license exists */
	LIC_TIME_NONE,		/* never sold time-based */
};

/* "How Failover or ASA Cluster Licenses Combine". */
enum lic_unit_rule {
	LIC_UNIT_ADD,		/* units' values add up to the platform limit */
	LIC_UNIT_MAX,		/* the higher value (or Enabled) is used */
	LIC_UNIT_NONE,		/* not combined: each unit uses its own */
};

/* A label that applies from a software version until the next label's. */
struct lic_label {
	uint32_t	 since;		/* first version using this text */
	const char	*text;
};

/* One symbolic value of an enum feature, in increasing order. */
struct lic_enum_value {
	const char	*id;		/* kebab-case, used by the key generator */
	const char	*text;		/* what show version prints */
};

/* One licensed feature of the catalogue (licensing/features.xml). */
struct lic_feature {
	const char		*id;	   /* stable kebab-case id */
	unsigned		 code;	   /* stable number used in keys */
	const char		*name;	   /* the chapter's name for it */
	enum lic_kind		 kind;
	const struct lic_enum_value *values; /* LIC_KIND_ENUM only */
	size_t			 nvalues;
	const struct lic_label	*labels;   /* show version labels by version */
	size_t			 nlabels;
	enum lic_time_rule	 time_rule;
	enum lic_unit_rule	 unit_rule;
	uint32_t		 introduced; /* Table 5-20 */
	bool			 npe_hidden; /* No Payload Encryption hides it */
	const size_t		*excludes; /* catalogue indices it excludes */
	size_t			 nexcludes;
	const size_t		*requires; /* needs one of these nonzero
					      (an enum: above its first
					      value, e.g. 3des-aes) */
	size_t			 nrequires;
};

/*
 * One row of the "Licensed features for this platform:" block of
 * show version / show activation-key, for a range of software versions.
 * A row prints when its platform filter (only/except against
 * lic_platform.family) and its condition (if_feature, if_nonzero) hold.
 */
enum lic_row_show {
	LIC_ROW_VALUE,		/* the feature's value as its kind prints */
	LIC_ROW_AT_LEAST,	/* Enabled when value >= row.min, else Disabled */
	LIC_ROW_PHONE_CAP,	/* the value capped at phone_proxy_max */
};

struct lic_row {
	size_t			 feature;  /* catalogue index */
	const char		*label;	   /* before the colon; NULL: the
					      feature's label for the version */
	unsigned		 indent;   /* leading spaces (sub-rows) */
	enum lic_row_show	 show;
	uint32_t		 min;	   /* LIC_ROW_AT_LEAST threshold */
	bool			 if_nonzero; /* printed only when value != 0 */
	bool			 models_only; /* only != NULL */
	const char		*only;	   /* only on this platform family */
	const char		*except;   /* never on this platform family */
	size_t			 if_feature; /* printed only when this feature */
	uint32_t		 if_min;     /* is >= if_min; (size_t)-1: always */
	bool			 nopad;	   /* value not padded (8.2's Failover
					      and Shared License rows) */
	const char		*tail_lo;  /* fixed third column (5505 VLANs) */
	const char		*tail_hi;  /* ... when value >= tail_min */
	uint32_t		 tail_min;
};

struct lic_layout {
	uint32_t		 since;	   /* first version of this layout */
	const struct lic_row	*rows;
	size_t			 nrows;
};

/*
 * A permanent-key change that needs a reload: Table 5-19 of the 9.1
 * chapter, Table 3-18 of the 8.4 guide before 9.0.
 */
enum lic_reload_when {
	LIC_RELOAD_CHANGE,	/* any change of the value */
	LIC_RELOAD_DOWNGRADE,	/* a lower value */
};

struct lic_reload_rule {
	uint32_t		 first;	   /* software versions it covers */
	uint32_t		 last;
	size_t			 feature;  /* catalogue index; (size_t)-1: all */
	enum lic_reload_when	 when;
	const char		*models;   /* blank-separated platform ids;
					      NULL: every platform */
};

struct lic_catalog {
	const struct lic_feature *features;
	size_t			 nfeatures;
	const struct lic_layout	*layouts;  /* ascending by since */
	size_t			 nlayouts;
	const struct lic_reload_rule *reloads;
	size_t			 nreloads;
};

struct lic_platform;
struct lic_running;

/*
 * Whether replacing the running license old by new (both computed from a
 * permanent key alone) needs a reload on platform p running version v.
 */
bool	lic_reload_needed(const struct lic_catalog *,
	    const struct lic_platform *p, uint32_t v,
	    const struct lic_running *old, const struct lic_running *new);

/* Catalogue index of the feature with this id, or (size_t)-1. */
size_t	lic_catalog_find(const struct lic_catalog *, const char *id);
/* The feature's label for software version v (NULL if none yet). */
const char *lic_feature_label(const struct lic_feature *, uint32_t v);
/* The display layout in force for software version v (NULL if none). */
const struct lic_layout *lic_catalog_layout(const struct lic_catalog *,
	    uint32_t v);

/* Values a license may take: min..max in steps; a single tier is min==max. */
struct lic_range {
	uint32_t	 min;
	uint32_t	 max;
	uint32_t	 step;		/* 0 when min == max */
};

/* One feature's cell in an edition of a platform table. */
struct lic_cell {
	bool			 supported; /* false: "No support" */
	uint32_t		 value;	    /* the edition's default value */
	const struct lic_range	*tiers;	    /* optional permanent licenses */
	size_t			 ntiers;
	bool			 time_based; /* offered as a time-based license */
	const char		*note;	    /* the table's text, if unusual */
};

/* A value that changed by software version (Table 5-20). */
enum lic_change_kind {
	LIC_CHANGE_VALUE,	/* the default value was .value */
	LIC_CHANGE_MAX,		/* nothing above .value was sold (0: none) */
};

struct lic_change {
	size_t		 feature;	/* catalogue index */
	uint32_t	 until;		/* last version with the old value */
	uint32_t	 value;		/* the old value */
	size_t		 edition;	/* edition index, or (size_t)-1: all */
	enum lic_change_kind kind;
};

/* Versions first..last inclusive. */
struct lic_vrange {
	uint32_t	 first;
	uint32_t	 last;
};

/* ASA 5505 footnote 3: DHCP clients allowed per Inside Hosts value. */
struct lic_dhcp {
	uint32_t	 hosts;		/* inside-hosts value (or LIC_UNLIMITED) */
	uint32_t	 clients;	/* maximum DHCP clients */
};

/* One edition of a platform: Base, Security Plus. */
struct lic_edition {
	const char		*id;	   /* "base", "security-plus" */
	const char		*sentence; /* "This platform has a Base license." */
	const struct lic_cell	*cells;	   /* one per catalogue feature */
};

/* One line of show version's hardware section. */
struct lic_hw_line {
	const char		*text;
	struct lic_vrange	 sw;	/* the versions that print it */
};

/* One interface line of show version. */
struct lic_port {
	unsigned	 index;		/* the number before the colon */
	const char	*name;		/* "GigabitEthernet0/0", "Not used" */
	bool		 internal;	/* "Int:" rather than "Ext:" */
	unsigned	 irq;
	bool		 has_mac;	/* "address is ..." printed */
	const char	*address;	/* a fixed "0000.0001.0002"; NULL:
					   derived from the serial number */
};

/* One row of show inventory. */
struct lic_inv_item {
	const char	*name;		/* "Chassis" */
	const char	*descr;
	const char	*pid;
	const char	*vid;
	const char	*sn;		/* NULL: the device's serial number */
};

/* One platform (one table of the chapter, or one model of a shared table). */
struct lic_platform {
	const char		*id;	   /* "ASA5520", "ASA5585-X-SSP-10" */
	const char		*name;	   /* "ASA 5520" */
	const char		*hw_name;  /* "ASA5520" in Hardware: */
	const char		*table;	   /* "Table 5-3" */
	const char		*family;   /* "asa5505", "asa5500-x", ...
					      (lic_row.only/except) */
	const struct lic_edition *editions; /* [0] is Base */
	size_t			 neditions;
	uint32_t		 tls_default; /* TLS proxy sessions */
	uint32_t		 tls_max;
	uint32_t		 tls_ime_extra; /* added over UC with IME */
	uint32_t		 phone_proxy_max; /* cap within UC sessions */
	uint32_t		 vpn_total;	/* total VPN sessions, all types */
	bool			 vpn_total_sum;	/* 5505 footnote 1: with Premium,
						   Premium + Other VPN, capped
						   at vpn_total */
	uint32_t		 essentials_sessions;
	const struct lic_dhcp	*dhcp;	   /* ascending hosts; none: 250 */
	size_t			 ndhcp;
	uint64_t		 flash_bytes;	/* disk0: total bytes */
	uint32_t		 sw_first;	/* software it runs */
	uint32_t		 sw_last;
	const struct lic_vrange	*sw_gaps;  /* versions it does not run */
	size_t			 nsw_gaps;
	const struct lic_change	*changes;  /* values that changed by version */
	size_t			 nchanges;
	const struct lic_hw_line *hw_lines; /* show version hardware section */
	size_t			 nhw_lines;
	const struct lic_port	*ports;
	size_t			 nports;
	const char *const	*footnotes; /* the table's footnotes, verbatim */
	size_t			 nfootnotes;
	const struct lic_inv_item *inventory; /* show inventory */
	size_t			 ninventory;
};

/* Platform edition index for id ("base", ...), or (size_t)-1. */
size_t	lic_platform_edition(const struct lic_platform *, const char *id);
/*
 * The default value of feature f in edition e of platform p when it runs
 * software version v, after the version changes of Table 5-20.
 */
uint32_t lic_platform_value(const struct lic_platform *p, size_t e, size_t f,
	    uint32_t v);
/*
 * The largest value of feature f in edition e of platform p on software
 * version v: the default, the highest tier, or an older maximum.
 */
uint32_t lic_platform_max(const struct lic_platform *p, size_t e, size_t f,
	    uint32_t v);
/* Whether platform p runs software version v. */
bool	lic_platform_runs(const struct lic_platform *p, uint32_t v);
/* Whether value is one of the cell's default or tier values. */
bool	lic_cell_allows(const struct lic_cell *, uint32_t value);

/* ---- Activation keys (lic_key.c; format in licensing/KEYS.md) ---- */

enum lic_err {
	LIC_OK = 0,
	LIC_E_FORMAT,		/* not five hex words */
	LIC_E_CHECKSUM,		/* the check does not match: typo or forgery */
	LIC_E_SERIAL,		/* minted for another serial number or model */
	LIC_E_VERSION,		/* unknown key format version */
	LIC_E_FEATURE,		/* unknown feature */
	LIC_E_TIER,		/* a value the platform does not sell */
	LIC_E_RANGE,		/* duration or count out of range */
};

/* The message for err, for logs and tests only. */
const char *lic_strerror(enum lic_err);

/* A key as typed: five 32-bit words. */
struct lic_key {
	uint32_t	 w[5];
};

enum lic_key_type {
	LIC_KEY_PERMANENT,
	LIC_KEY_TIMEBASED,	/* one feature, with a duration */
	LIC_KEY_EVALUATION,	/* several features, one duration */
};

/* One feature a key grants: catalogue index and value. */
struct lic_grant {
	size_t		 feature;
	uint32_t	 value;
};

#define LIC_KEY_MAX_GRANTS 40	/* permanent keys: catalogue size limit */
#define LIC_KEY_MAX_TIMED 15	/* features of one evaluation key */
#define LIC_KEY_MAX_HOURS 0xfffff /* longest duration, in hours */
#define LIC_KEY_FORMAT	2	/* the format lic_key_encode mints */
#define LIC_KEY_MAX_PURCHASE 0xffff /* 16 bits of purchase number */

/*
 * What a key holds, once decoded for its serial number and platform.
 * Permanent: edition, and (decoded) every catalogue feature in catalogue
 * order; to encode, any subset, the others keeping the edition's default.
 * A decoded value equal to the cell's default means "the default".
 * Time-based: one grant; evaluation: 1..LIC_KEY_MAX_TIMED, in key order.
 */
struct lic_keyinfo {
	unsigned	 format;	/* key format version (KEYS.md): 1 or
					   2; to encode, 0 means the current
					   one, 2 */
	uint32_t	 purchase;	/* format 2: the purchase number, 0 to
					   LIC_KEY_MAX_PURCHASE, which makes
					   two purchases of one license two
					   keys; format 1: always 0 */
	enum lic_key_type type;
	size_t		 edition;	/* permanent: platform edition index */
	struct lic_grant grants[LIC_KEY_MAX_GRANTS];
	size_t		 ngrants;
	uint32_t	 duration;	/* timed: seconds, whole hours, from 1 h
					   to LIC_KEY_MAX_HOURS h; else 0 */
};

/*
 * The latest release that introduced a feature permanent key info grants
 * above its edition's default (the features' "introduced", Table 5-20);
 * 0 when it grants nothing dated. "If you activate feature licenses that
 * were introduced in 8.2 or later, then the activation key is not
 * backwards compatible" with 8.1 or earlier (Upgrade and Downgrade
 * Guidelines).
 */
uint32_t lic_key_introduced(const struct lic_catalog *,
	    const struct lic_platform *p, const struct lic_keyinfo *info);

/*
 * Whether release version can read the key at all: a time-based key
 * needs 8.0(4), or 8.1(2) on the 8.1 train (Table 5-20, "Time-based
 * Licenses 8.0(4)/8.1(2)"), and no feature the key grants above its
 * edition's default may be newer than the release (a release cannot
 * decode what it does not know: "if you activate feature licenses that
 * were introduced in 8.2 or later, then the activation key is not
 * backwards compatible", Upgrade and Downgrade Guidelines).
 */
bool	 lic_key_readable(const struct lic_catalog *,
	    const struct lic_platform *p, const struct lic_keyinfo *info,
	    uint32_t version);

/*
 * Parse five words ("0x" optional, any case, 1 to 8 hex digits each,
 * separated by one or more blanks) from text. LIC_OK or LIC_E_FORMAT.
 */
enum lic_err lic_key_parse(const char *text, struct lic_key *);
/* Print "0x%08x 0x%08x ..." into buf (len: LIC_KEY_TEXT at least). */
#define LIC_KEY_TEXT	55
char	*lic_key_format(const struct lic_key *, char *buf, size_t len);

/*
 * The values a key of type t may grant for feature f on platform p, in
 * the order the key indexes them: permanent, edition e's default then its
 * tiers ascending; time-based and evaluation, ascending over every
 * edition that supports f (a switch may always be Enabled; time-based
 * needs a cell offered time-based, else the list is empty). *vals is the
 * caller's to free (untouched when vals is NULL). LIC_OK, LIC_E_FEATURE
 * (no such f) or LIC_E_RANGE (no edition e, or too many values).
 */
enum lic_err lic_key_values(const struct lic_catalog *,
	    const struct lic_platform *p, enum lic_key_type t, size_t e,
	    size_t f, uint32_t **vals, size_t *n);

/*
 * Mint a key for serial on platform p. Values are checked against p
 * (lic_key_values): LIC_E_TIER if not sold, LIC_E_FEATURE for an unknown
 * or repeated feature, LIC_E_RANGE for a bad duration, grant count,
 * edition, format or purchase number (format 1 has none), LIC_E_SERIAL
 * for an empty or over-long serial number.
 */
enum lic_err lic_key_encode(const struct lic_catalog *,
	    const struct lic_platform *p, const char *serial,
	    const struct lic_keyinfo *, struct lic_key *out);
/*
 * Check and decode a key for serial on platform p. Any one mistyped hex
 * digit gives LIC_E_CHECKSUM; a key for another serial number or platform
 * LIC_E_SERIAL (1 in 65536 of them: LIC_E_CHECKSUM). *out is set on LIC_OK
 * only.
 */
enum lic_err lic_key_decode(const struct lic_catalog *,
	    const struct lic_platform *p, const char *serial,
	    const struct lic_key *, struct lic_keyinfo *out);

/*
 * The key store's mac (lic_store.c; licensing/KEYS.md, "The key store"):
 * HMAC-SHA256 over data (len bytes) with a key derived from the serial
 * number and platform id, as 64 lower-case hex digits and a NUL in hex
 * (LIC_STORE_MAC_HEX bytes).
 */
#define LIC_STORE_MAC_HEX	65
void	 lic_store_mac(const char *serial, const struct lic_platform *p,
	    const void *data, size_t len, char *hex);

/* ---- The running license (lic_running.c; design notes at its top) ---- */

#define LIC_MAX_FEATURES 64	/* catalogue size limit */

/* One running value, and what it came from. */
struct lic_value {
	uint32_t	 value;
	uint32_t	 seconds_left;	/* of the time-based key that gives it;
					   0: perpetual */
	bool		 timed;		/* a time-based key's value is used
					   (the higher one) or raises the
					   value (added ones) */
};

/*
 * An installed time-based or evaluation key and its timer. Time is in
 * seconds of device time and comes in from outside: the engine never
 * reads a clock. While active, the key counts down from counted_at;
 * lic_timed_advance() moves that time into used.
 */
struct lic_timed {
	struct lic_key	 key;
	struct lic_keyinfo info;	/* decoded: type, grants, duration */
	bool		 active;
	uint64_t	 used;		/* seconds counted down up to
					   counted_at; used >= duration:
					   expired */
	int64_t		 activated_at;	/* device time it was (re)activated;
					   the later wins a feature */
	int64_t		 counted_at;	/* device time used is counted to */
	int64_t		 anchor;	/* activated_at less the time used
					   before it: when the key would
					   have been installed had it never
					   paused; clock set leaves it
					   alone (lic_timed_reload) */
	bool		 installed;	/* activated once: installed_at set */
	int64_t		 installed_at;	/* the chapter's "original
					   installation time": its first
					   activation; never moves */
	int64_t		 warned_at;	/* device time of the last "will
					   expire" warning (every 24 hours) */
};

/*
 * Seconds left on t at device time now: duration - used, less the time
 * since counted_at while t is active; 0 when expired. Time before
 * counted_at (a clock set back) never counts.
 */
uint64_t lic_timed_remaining(const struct lic_timed *t, int64_t now);
/*
 * Count an active t down to device time now: add the time since
 * counted_at to used (not beyond the duration) and set counted_at to now.
 * A key that runs out is deactivated; returns true when it expired in
 * this call. An inactive key is left alone: "the timer halts".
 */
bool	lic_timed_advance(struct lic_timed *t, int64_t now);
/*
 * Activate t at device time now (activated_at = counted_at = now; the
 * first activation is the installation, installed_at).
 * Returns false, leaving t inactive, when it has expired. Activating an
 * active key only counts it down to now.
 */
bool	lic_timed_start(struct lic_timed *t, int64_t now);
/* Count t down to now, then deactivate it: its timer halts. */
void	lic_timed_stop(struct lic_timed *t, int64_t now);
/*
 * Stack an identical license on t ("Stacking Time-Based Licenses": the
 * duration equals the combined duration): first count t down to now, then
 * add duration seconds to what t has left. False, changing nothing, when
 * the sum would not fit a uint32_t.
 */
bool	lic_timed_stack(struct lic_timed *t, uint32_t duration, int64_t now);
/*
 * The clock was set from old to now (clock set): count an active t down
 * to old, then restart its count at now without counting the jump. The
 * anchor stays, so a reload sees the jump (lic_timed_reload).
 */
void	lic_timed_rebase(struct lic_timed *t, int64_t old, int64_t now);
/*
 * A reload at device time now (the chapter's note on the system clock):
 * if the clock was set back so that "the actual running time is greater
 * than the time between the original installation time and the system
 * clock" (now - installed_at < used), t is used up at once; else an
 * active t has run now - anchor seconds, "more time than has actually
 * been used" if the clock was set later, and that is what it has used
 * (a pause, deactivated, does not count: the anchor moved by it). Time while no process ran counts (the
 * timer "continues to count down" while the ASA is shut down). t stays
 * active: lic_timed_tick(now) then expires it and finds its successor.
 * Returns true when t has no time left; inactive keys are left alone.
 */
bool	lic_timed_reload(struct lic_timed *t, int64_t now);
/*
 * Whether the 24-hourly "will expire in N days" warning (%ASA-4-444005)
 * is due for t at now: t active, not expired, 24 hours since warned_at.
 * When due, warned_at becomes now.
 */
bool	lic_timed_warn(struct lic_timed *t, int64_t now);

/* Whether a and b grant the same features with the same values. */
bool	lic_timed_identical(const struct lic_keyinfo *a,
	    const struct lic_keyinfo *b);

enum lic_activate {
	LIC_ACT_OK,
	LIC_ACT_EXPIRED,	/* the key has no time left */
	LIC_ACT_EVALUATION,	/* an active evaluation key grants one of
				   its features (it is time-based) */
};

/*
 * Activate key i of v[0..n) at device time now: "only one time-based
 * license per feature can be active", the last activated wins, so every
 * other active key granting one of its features is stopped; but "if you
 * activate an evaluation license that has multiple features in the key,
 * then you cannot also activate another time-based license for one of
 * the included features": a time-based (not evaluation) key is refused
 * while an active evaluation key shares a feature. When only_one, every
 * other active key is stopped (before 8.3 only one time-based key could
 * be active). Errors change nothing.
 */
enum lic_activate lic_timed_activate(struct lic_timed *v, size_t n, size_t i,
	    int64_t now, bool only_one);

#define LIC_NO_KEY	((size_t)-1)

/* One feature of an expired key, and what took over from it. */
struct lic_expiry {
	int64_t		 at;		/* device time it ran out */
	size_t		 expired;	/* index of the key that ran out */
	size_t		 feature;	/* catalogue index */
	size_t		 successor;	/* key activated in its place, or
					   LIC_NO_KEY: the permanent license */
};

/*
 * Count every active key of v[0..n) down to now, in time order: when a
 * key runs out, "the ASA automatically activates an installed license of
 * the same feature if available", the first that is inactive, has time
 * left and grants no feature an active key already grants, at the time
 * the old one ran out (so it counts from then); else "the permanent
 * license is used". Writes one record per feature of each expired key,
 * in order, to ev (up to nev; the rest are dropped) and returns how many
 * happened. Keys that expired together are taken in index order.
 */
size_t	lic_timed_tick(struct lic_timed *v, size_t n, int64_t now,
	    struct lic_expiry *ev, size_t nev);

/* Everything the running license is computed from. */
struct lic_inputs {
	const struct lic_catalog  *cat;
	const struct lic_platform *p;
	uint32_t		   version;	/* running software */
	bool			   npe;		/* No Payload Encryption */
	const struct lic_keyinfo  *perm;	/* NULL: the Base edition's
						   defaults */
	const struct lic_timed	  *timed;	/* installed time-based keys,
						   counted down by caller */
	size_t			   ntimed;
	bool			   no_essentials; /* "no anyconnect-essentials"
						     is configured */
};

struct lic_running {
	size_t		 edition;
	size_t		 nfeatures;
	struct lic_value v[LIC_MAX_FEATURES];	/* by catalogue index; the
						   licensed values, both
						   Essentials and Premium */
	bool		 essentials_active; /* Essentials in force: Premium
					       and what it excludes are not
					       (lic_running_usable) */
};

/*
 * Compute the running license: the edition's defaults for the software
 * version, the permanent key's values (one equal to the cell's default
 * means the version's default; none above the version's maximum), each
 * active time-based key combined by its feature's rule (Table 5-18),
 * platform limits, the 5505 total VPN rule, Essentials against Premium,
 * and the UC and VPN features a No Payload Encryption model hides (its
 * Encryption license stays). Keys are taken as they are: count them down
 * (lic_timed_advance) first. If two active keys grant one feature, the
 * most recently activated wins (a tie: the later in in->timed).
 */
void	lic_running_compute(const struct lic_inputs *, struct lic_running *);
/*
 * Whether feature f of a running license is usable: licensed (nonzero),
 * not excluded by a feature in force (AnyConnect Essentials, when
 * essentials_active), and with one of its required features in force
 * (Botnet and VPN load balancing need Strong Encryption). Values are
 * never changed for this; callers ask.
 */
bool	lic_running_usable(const struct lic_running *,
	    const struct lic_catalog *, size_t f);

/* ---- TLS proxy session limits (lic_tls.c; rules at its top) ---- */

struct lic_tls_in {
	uint32_t	 uc;		/* running UC proxy sessions */
	uint32_t	 uc_base;	/* the edition's default UC sessions */
	bool		 ime;		/* Intercompany Media Engine licensed */
};

struct lic_tls_limits {
	uint32_t	 dflt;		/* in force until configured */
	uint32_t	 max;		/* highest tls-proxy maximum-sessions */
	uint32_t	 platform_dflt;	/* the platform default (clear
					   configure all), within max */
};

/* The TLS proxy limits of platform p under a license. */
void	lic_tls_limits(const struct lic_platform *p,
	    const struct lic_tls_in *, struct lic_tls_limits *);

/* ---- Shared AnyConnect Premium licensing (shared.c; SHARED.md) ---- */

#define LIC_SHARED_STEP		50	/* "in 50-session increments" */
#define LIC_SHARED_MISSES	3	/* "after 3 times the refresh
					   interval" */
#define LIC_SHARED_GRACE	INT64_C(86400)	/* "for up to 24 hours" */
#define LIC_SHARED_SYNC		10	/* backup sync, seconds */
#define LIC_SHARED_DAY		INT64_C(86400)
#define LIC_SHARED_BACKUP_START	(5 * LIC_SHARED_DAY)
#define LIC_SHARED_BACKUP_MAX	(30 * LIC_SHARED_DAY)
#define LIC_SHARED_BACKUP_WARN	(15 * LIC_SHARED_DAY)

/*
 * The AnyConnect Premium sessions of a device's own license that serve
 * before any shared one: the running value; on the shared licensing
 * server only when a time-based key gives it (its permanent Premium
 * license is not used).
 */
uint32_t lic_shared_local(uint32_t premium, bool premium_timed, bool server);
/*
 * The shared sessions a participant asks to hold for demand sessions:
 * none while its local license suffices, else what is beyond it rounded
 * up to 50, so that local + shared never exceeds the platform limit.
 */
uint32_t lic_shared_want(uint32_t demand, uint32_t local, uint32_t limit);
/*
 * What the server grants a participant that holds held and asks want,
 * with avail left in the pool and room = its platform limit less its
 * local license: want when it releases, else held plus as many of the
 * rest as the pool has, never beyond room.
 */
uint32_t lic_shared_grant(uint32_t want, uint32_t held, uint32_t avail,
	    uint32_t room);
/*
 * Sessions established after demand changes to demand with capacity
 * (local + shared): the established ones stay (up to demand), new ones
 * only up to capacity.
 */
uint32_t lic_shared_active(uint32_t demand, uint32_t capacity,
	    uint32_t active);
/*
 * Failover participant pairs: the sessions moved to a participant that
 * holds held (room: its platform limit less its local license) from its
 * mate that holds from.
 */
uint32_t lic_shared_transfer(uint32_t held, uint32_t from, uint32_t room);
/* The server: a participant last refreshed at seen is gone at now. */
bool	lic_shared_peer_expired(int64_t seen, uint32_t refresh, int64_t now);
/* The participant: last heard from its server at contact; grace over. */
bool	lic_shared_grace_over(int64_t contact, int64_t now);

/*
 * The backup server's operating budget: seconds it may still serve
 * while the main server is gone. Recharged second for second while
 * inactive (a regular participant), spent while active.
 */
struct lic_shared_backup {
	bool	 started;	/* synced once with the main server */
	int64_t	 budget;	/* seconds, 0 to LIC_SHARED_BACKUP_MAX */
	int64_t	 at;		/* device time budget is counted to */
	bool	 active;	/* serving in the main server's place */
	int64_t	 active_for;	/* seconds served since taking over */
};

enum lic_shared_backup_ev {
	LIC_SHARED_BK_NONE = 0,
	LIC_SHARED_BK_WARN = 1,		/* 15 days served: critical */
	LIC_SHARED_BK_EXPIRED = 2,	/* budget spent: stop issuing */
};

/* The first sync with the main server: a 5-day budget from now. */
void	lic_shared_backup_start(struct lic_shared_backup *, int64_t now);
/*
 * Count the budget to now (time before at never counts); the events
 * crossed, as LIC_SHARED_BK_* bits.
 */
unsigned lic_shared_backup_advance(struct lic_shared_backup *, int64_t now);
/* Take over (true: the budget allows it) or hand back, at now. */
bool	lic_shared_backup_takeover(struct lic_shared_backup *, int64_t now);
void	lic_shared_backup_handback(struct lic_shared_backup *, int64_t now);

#endif
