/* SPDX-License-Identifier: MIT */
/*
 * The running license: one row per rule of the ASA 9.1 licensing chapter
 * (Tables 5-1 footnote 1, 5-16, 5-17, 5-18, "Time-Based Licenses", "No
 * Payload Encryption Models"), each row's name quoting it, and the timer
 * helpers. The catalogue and platforms are small fixtures built here.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "licensing/licensing.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define V91		LIC_VERSION(9, 1, 0, 0)
#define V83		LIC_VERSION(8, 3, 1, 0)
#define UNL		LIC_UNLIMITED
#define HOUR		3600u

/* ---- Catalogue: the real ids, in the real catalogue's order ---- */

enum {
	F_SECPLUS,	/* 0: never checked; ends every list below */
	F_BOTNET,
	F_UC,
	F_AEA,
	F_ESSENTIALS,
	F_MOBILE,
	F_PREMIUM,
	F_SHARED,
	F_OTHER,
	F_TOTAL,
	F_LB,
	F_ENC,
	F_FAILOVER,
	F_CONTEXTS,
	F_VLANS,
	F_GTP,
	F_IME,
	F_COUNT
};
#define END		F_SECPLUS

enum { ENC_DES, ENC_STRONG };
enum { FO_DISABLED, FO_ACTIVE_STANDBY, FO_ACTIVE_ACTIVE };

static const struct lic_enum_value enc_values[] = {
	{ .id = "des", .text = "Base (DES)" },
	{ .id = "3des-aes", .text = "Strong (3DES/AES)" },
};
static const struct lic_enum_value fo_values[] = {
	{ .id = "disabled", .text = "Disabled" },
	{ .id = "active-standby", .text = "Active/Standby" },
	{ .id = "active-active", .text = "Active/Active" },
};
static const struct lic_enum_value shared_values[] = {
	{ .id = "disabled", .text = "Disabled" },
	{ .id = "participant", .text = "Enabled" },
	{ .id = "server", .text = "Enabled" },
};

static const size_t need_enc[] = { F_ENC };
static const size_t need_ac[] = { F_ESSENTIALS, F_PREMIUM };
static const size_t ess_excludes[] = { F_PREMIUM, F_SHARED, F_AEA };

#define FEAT(fid, k, rule, ...)						\
	{ .id = (fid), .code = __LINE__, .name = (fid), .kind = (k),	\
	  .time_rule = (rule), .unit_rule = LIC_UNIT_MAX, __VA_ARGS__ }
#define NPE		.npe_hidden = true
#define REQ(a)		.requires = (a), .nrequires = NELEM(a)
#define ENUMV(a)	.values = (a), .nvalues = NELEM(a)

static const struct lic_feature features[F_COUNT] = {
	[F_SECPLUS] = FEAT("security-plus", LIC_KIND_BOOL, LIC_TIME_NONE, ),
	[F_BOTNET] = FEAT("botnet-traffic-filter", LIC_KIND_BOOL,
	    LIC_TIME_ONLY, REQ(need_enc)),
	[F_UC] = FEAT("uc-proxy-sessions", LIC_KIND_COUNT, LIC_TIME_ADD, NPE),
	[F_AEA] = FEAT("advanced-endpoint-assessment", LIC_KIND_BOOL,
	    LIC_TIME_MAX, NPE),
	[F_ESSENTIALS] = FEAT("anyconnect-essentials", LIC_KIND_BOOL,
	    LIC_TIME_MAX, NPE, .excludes = ess_excludes,
	    .nexcludes = NELEM(ess_excludes)),
	[F_MOBILE] = FEAT("anyconnect-mobile", LIC_KIND_BOOL, LIC_TIME_MAX,
	    NPE, REQ(need_ac)),
	[F_PREMIUM] = FEAT("anyconnect-premium", LIC_KIND_COUNT,
	    LIC_TIME_MAX, NPE),
	[F_SHARED] = FEAT("shared-license", LIC_KIND_ENUM, LIC_TIME_MAX, NPE,
	    ENUMV(shared_values)),
	[F_OTHER] = FEAT("other-vpn", LIC_KIND_COUNT, LIC_TIME_NONE, NPE),
	[F_TOTAL] = FEAT("total-vpn", LIC_KIND_COUNT, LIC_TIME_NONE, NPE),
	[F_LB] = FEAT("vpn-load-balancing", LIC_KIND_BOOL, LIC_TIME_NONE, NPE,
	    REQ(need_enc)),
	[F_ENC] = FEAT("encryption", LIC_KIND_ENUM, LIC_TIME_MAX,
	    ENUMV(enc_values)),
	[F_FAILOVER] = FEAT("failover", LIC_KIND_ENUM, LIC_TIME_MAX,
	    ENUMV(fo_values)),
	[F_CONTEXTS] = FEAT("security-contexts", LIC_KIND_COUNT, LIC_TIME_ADD,
	    ),
	[F_VLANS] = FEAT("vlans", LIC_KIND_COUNT, LIC_TIME_NONE, ),
	[F_GTP] = FEAT("gtp-gprs", LIC_KIND_BOOL, LIC_TIME_MAX, ),
	[F_IME] = FEAT("intercompany-media-engine", LIC_KIND_BOOL,
	    LIC_TIME_MAX, NPE),
};

static const struct lic_catalog cat = {
	.features = features,
	.nfeatures = F_COUNT,
};

/* ---- Platforms ---- */

#define T(n)		{ (n), (n), 0 }
#define CELL(v)		{ .supported = true, .value = (v) }
#define TIERS(v, t)	{ .supported = true, .value = (v), .tiers = (t), \
			  .ntiers = NELEM(t) }
#define TIMED(v, t)	{ .supported = true, .value = (v), .tiers = (t), \
			  .ntiers = NELEM(t), .time_based = true }
#define NOSUP		{ .supported = false }

static const struct lic_range one[] = { T(1) };
static const struct lic_range enc_tiers[] = { T(ENC_STRONG) };
static const struct lic_range shared_tiers[] = { T(1), T(2) };
static const struct lic_range uc_base[] = { T(24), T(1000), T(2500),
	T(3000) };
static const struct lic_range uc_plus[] = { T(24), T(1000), T(2500),
	T(5000) };
static const struct lic_range prem_big[] = { T(10), T(1000), T(2500) };
static const struct lic_range ctx_base[] = { T(5), T(10), T(20) };
static const struct lic_range ctx_plus[] = { T(5), T(10), T(20), T(50) };
static const struct lic_range uc_5505[] = { T(24) };
static const struct lic_range prem_5505[] = { T(10), T(25) };

/* "TEST-BIG": two editions; UC limit 3000/5000, contexts 20/50. */
#define BIG_CELLS(secplus, uc, ctx)					\
	[F_SECPLUS] = CELL(secplus),					\
	[F_BOTNET] = { .supported = true, .time_based = true },		\
	[F_UC] = TIERS(2, uc),						\
	[F_AEA] = TIERS(0, one),					\
	[F_ESSENTIALS] = TIERS(0, one),					\
	[F_MOBILE] = TIERS(0, one),					\
	[F_PREMIUM] = TIMED(2, prem_big),				\
	[F_SHARED] = TIERS(0, shared_tiers),				\
	[F_OTHER] = CELL(5000),						\
	[F_TOTAL] = CELL(5000),						\
	[F_LB] = CELL(1),						\
	[F_ENC] = TIERS(ENC_DES, enc_tiers),				\
	[F_FAILOVER] = CELL(FO_ACTIVE_ACTIVE),				\
	[F_CONTEXTS] = TIERS(2, ctx),					\
	[F_VLANS] = CELL(200),						\
	[F_GTP] = TIERS(0, one),					\
	[F_IME] = TIERS(0, one)

static const struct lic_cell big_base[F_COUNT] = {
	BIG_CELLS(0, uc_base, ctx_base)
};
static const struct lic_cell big_plus[F_COUNT] = {
	BIG_CELLS(1, uc_plus, ctx_plus)
};
static const struct lic_edition big_editions[] = {
	{ .id = "base", .sentence = "Base", .cells = big_base },
	{ .id = "security-plus", .sentence = "Plus", .cells = big_plus },
};
/* Table 5-20 style: VLANs were 100, contexts up to 5, before 8.4(1). */
static const struct lic_change big_changes[] = {
	{ .feature = F_VLANS, .until = LIC_VERSION(8, 4, 1, 0) - 1,
	  .value = 100, .edition = (size_t)-1, .kind = LIC_CHANGE_VALUE },
	{ .feature = F_CONTEXTS, .until = LIC_VERSION(8, 4, 1, 0) - 1,
	  .value = 5, .edition = (size_t)-1, .kind = LIC_CHANGE_MAX },
};
static const struct lic_platform big = {
	.id = "TEST-BIG",
	.family = "test",
	.editions = big_editions,
	.neditions = NELEM(big_editions),
	.vpn_total = 5000,
	.essentials_sessions = 2500,
	.changes = big_changes,
	.nchanges = NELEM(big_changes),
};

/* "TEST-5505": Table 5-1's VPN and UC rows. */
#define SMALL_CELLS(secplus, other, fo, vlans)				\
	[F_SECPLUS] = CELL(secplus),					\
	[F_BOTNET] = { .supported = true, .time_based = true },		\
	[F_UC] = TIERS(2, uc_5505),					\
	[F_AEA] = TIERS(0, one),					\
	[F_ESSENTIALS] = TIERS(0, one),					\
	[F_MOBILE] = TIERS(0, one),					\
	[F_PREMIUM] = TIMED(2, prem_5505),				\
	[F_SHARED] = NOSUP,						\
	[F_OTHER] = CELL(other),					\
	[F_TOTAL] = CELL(25),						\
	[F_LB] = NOSUP,							\
	[F_ENC] = TIERS(ENC_DES, enc_tiers),				\
	[F_FAILOVER] = fo,						\
	[F_CONTEXTS] = NOSUP,						\
	[F_VLANS] = CELL(vlans),					\
	[F_GTP] = NOSUP,						\
	[F_IME] = TIERS(0, one)

static const struct lic_cell small_base[F_COUNT] = {
	SMALL_CELLS(0, 10, NOSUP, 3)
};
static const struct lic_cell small_plus[F_COUNT] = {
	SMALL_CELLS(1, 25, CELL(FO_ACTIVE_STANDBY), 20)
};
static const struct lic_edition small_editions[] = {
	{ .id = "base", .sentence = "Base", .cells = small_base },
	{ .id = "security-plus", .sentence = "Plus", .cells = small_plus },
};
static const struct lic_platform p5505 = {
	.id = "TEST-5505",
	.family = "asa5505",
	.editions = small_editions,
	.neditions = NELEM(small_editions),
	.vpn_total = 25,
	.vpn_total_sum = true,
	.essentials_sessions = 25,
};

/* ---- The table ---- */

#define MAX_GRANTS	6
#define MAX_KEYS	3
#define MAX_WANT	8

struct tkey {
	enum lic_key_type type;		/* TIMEBASED or EVALUATION */
	uint32_t	 hours;		/* 0 ends the list */
	uint64_t	 used;		/* seconds */
	bool		 inactive;
	int64_t		 at;		/* activated_at */
	struct lic_grant grants[MAX_GRANTS]; /* .feature END ends */
};

struct want {
	size_t		 f;		/* END ends the list */
	uint32_t	 value;
	bool		 timed;
	uint32_t	 left;		/* seconds; with timed */
};

struct use {
	size_t		 f;		/* END ends the list */
	bool		 yes;
};

struct case_ {
	const char		*name;	/* the rule, quoted */
	const struct lic_platform *p;
	uint32_t		 version; /* 0: 9.1 */
	bool			 npe;
	bool			 no_essentials;
	bool			 perm;	/* a permanent key is installed */
	size_t			 edition;
	struct lic_grant	 grants[MAX_GRANTS]; /* permanent; END ends */
	struct tkey		 keys[MAX_KEYS];
	struct want		 want[MAX_WANT];
	enum { ESS_ANY, ESS_OFF, ESS_ON } essentials; /* essentials_active */
	struct use		 use[MAX_WANT];
};

#define G(f, v)		{ (f), (v) }
#define TB(h, u, ...)	{ .type = LIC_KEY_TIMEBASED, .hours = (h),	\
			  .used = (u), .grants = { __VA_ARGS__ } }
#define W(f, v)		{ (f), (v), false, 0 }
#define WT(f, v, s)	{ (f), (v), true, (s) }

static const struct case_ cases[] = {
	/* Defaults and the permanent key. */
	{ .name = "no permanent key: the Base edition's defaults",
	  .p = &big,
	  .want = { W(F_UC, 2), W(F_PREMIUM, 2), W(F_CONTEXTS, 2),
	      W(F_VLANS, 200), W(F_ENC, ENC_DES), W(F_BOTNET, 0),
	      W(F_FAILOVER, FO_ACTIVE_ACTIVE) },
	  .essentials = ESS_OFF },
	{ .name = "the permanent key's edition gives that edition's defaults",
	  .p = &p5505, .perm = true, .edition = 1,
	  .want = { W(F_OTHER, 25), W(F_VLANS, 20),
	      W(F_FAILOVER, FO_ACTIVE_STANDBY) } },
	{ .name = "the permanent key's values override the defaults",
	  .p = &big, .perm = true,
	  .grants = { G(F_PREMIUM, 1000), G(F_ENC, ENC_STRONG),
	      G(F_CONTEXTS, 10), G(F_GTP, 1) },
	  .want = { W(F_PREMIUM, 1000), W(F_ENC, ENC_STRONG),
	      W(F_CONTEXTS, 10), W(F_GTP, 1), W(F_UC, 2) } },
	{ .name = "Table 5-20: defaults of the running software version",
	  .p = &big, .version = V83,
	  .want = { W(F_VLANS, 100), W(F_CONTEXTS, 2) } },
	{ .name = "a permanent value equal to the 9.1 default means the "
	    "version's default",
	  .p = &big, .version = V83, .perm = true,
	  .grants = { G(F_VLANS, 200) },
	  .want = { W(F_VLANS, 100) } },
	{ .name = "Table 5-20: nothing above the old maximum before 8.4(1)",
	  .p = &big, .version = V83, .perm = true,
	  .grants = { G(F_CONTEXTS, 20) },
	  .want = { W(F_CONTEXTS, 5) } },

	/* Table 5-18. */
	{ .name = "AnyConnect Premium: \"if the permanent license is 1000 "
	    "sessions, and the time-based license is 2500 sessions, then "
	    "2500 sessions are enabled\"",
	  .p = &big, .perm = true, .grants = { G(F_PREMIUM, 1000) },
	  .keys = { TB(1000, 600, G(F_PREMIUM, 2500)) },
	  .want = { WT(F_PREMIUM, 2500, 1000 * HOUR - 600) } },
	{ .name = "AnyConnect Premium: \"if you install a time-based license "
	    "that has less capability ... the permanent license is used\"",
	  .p = &big, .perm = true, .grants = { G(F_PREMIUM, 2500) },
	  .keys = { TB(100, 0, G(F_PREMIUM, 1000)) },
	  .want = { W(F_PREMIUM, 2500) } },
	{ .name = "UC: \"if the permanent license is 2500 sessions, and the "
	    "time-based license is 1000 sessions, then 3500 sessions\"",
	  .p = &big, .perm = true, .edition = 1,
	  .grants = { G(F_UC, 2500) },
	  .keys = { TB(48, HOUR, G(F_UC, 1000)) },
	  .want = { WT(F_UC, 3500, 47 * HOUR) } },
	{ .name = "UC: \"added to the permanent sessions, up to the platform "
	    "limit\" (3000)",
	  .p = &big, .perm = true, .grants = { G(F_UC, 2500) },
	  .keys = { TB(48, 0, G(F_UC, 1000)) },
	  .want = { WT(F_UC, 3000, 48 * HOUR) } },
	{ .name = "UC: the default 2 plus a time-based 10 is 12 (CLI "
	    "reference 2.2)",
	  .p = &big,
	  .keys = { TB(62 * 24, 0, G(F_UC, 10)) },
	  .want = { WT(F_UC, 12, 62 * 24 * HOUR) } },
	{ .name = "Security Contexts: \"if the permanent license is 10 "
	    "contexts, and the time-based license is 20 contexts, then 30\"",
	  .p = &big, .perm = true, .edition = 1,
	  .grants = { G(F_CONTEXTS, 10) },
	  .keys = { TB(24, 0, G(F_CONTEXTS, 20)) },
	  .want = { WT(F_CONTEXTS, 30, 24 * HOUR) } },
	{ .name = "Security Contexts: \"added to the permanent contexts, up "
	    "to the platform limit\" (20)",
	  .p = &big, .perm = true, .grants = { G(F_CONTEXTS, 10) },
	  .keys = { TB(24, 0, G(F_CONTEXTS, 20)) },
	  .want = { WT(F_CONTEXTS, 20, 24 * HOUR) } },
	{ .name = "Security Contexts: at the platform limit a time-based key "
	    "adds nothing",
	  .p = &big, .perm = true, .grants = { G(F_CONTEXTS, 20) },
	  .keys = { TB(24, 0, G(F_CONTEXTS, 5)) },
	  .want = { W(F_CONTEXTS, 20) } },
	{ .name = "Botnet Traffic Filter: \"There is no permanent Botnet "
	    "Traffic Filter license available; the time-based license is "
	    "used\"",
	  .p = &big,
	  .keys = { TB(52 * 7 * 24, 0, G(F_BOTNET, 1)) },
	  .want = { WT(F_BOTNET, 1, 52 * 7 * 24 * HOUR) } },
	{ .name = "Botnet Traffic Filter: a permanent key never enables it",
	  .p = &big, .perm = true, .grants = { G(F_BOTNET, 1) },
	  .want = { W(F_BOTNET, 0) } },
	{ .name = "All Others: \"the license with the enabled status is "
	    "used\"",
	  .p = &big,
	  .keys = { TB(10, 0, G(F_GTP, 1)) },
	  .want = { WT(F_GTP, 1, 10 * HOUR) } },
	{ .name = "All Others: a permanent Enabled is used, not the "
	    "time-based one",
	  .p = &big, .perm = true, .grants = { G(F_GTP, 1) },
	  .keys = { TB(10, 0, G(F_GTP, 1)) },
	  .want = { W(F_GTP, 1) } },
	{ .name = "All Others: \"For licenses with numerical tiers, the "
	    "higher value is used\" (Strong Encryption over DES)",
	  .p = &big,
	  .keys = { TB(10, 0, G(F_ENC, ENC_STRONG)) },
	  .want = { WT(F_ENC, ENC_STRONG, 10 * HOUR) } },
	{ .name = "\"If you stop using the time-based license\": an inactive "
	    "key contributes nothing",
	  .p = &big,
	  .keys = { { .type = LIC_KEY_TIMEBASED, .hours = 10, .inactive = true,
	      .grants = { G(F_PREMIUM, 2500) } } },
	  .want = { W(F_PREMIUM, 2) } },
	{ .name = "an expired key (used >= duration) contributes nothing",
	  .p = &big,
	  .keys = { TB(10, 10 * HOUR, G(F_PREMIUM, 2500)) },
	  .want = { W(F_PREMIUM, 2) } },
	{ .name = "\"an evaluation license that has multiple features\": "
	    "each feature combines by its rule",
	  .p = &big,
	  .keys = { { .type = LIC_KEY_EVALUATION, .hours = 60 * 24,
	      .used = 5, .grants = { G(F_BOTNET, 1), G(F_PREMIUM, 1000),
	      G(F_UC, 24), G(F_ENC, ENC_STRONG) } } },
	  .want = { WT(F_BOTNET, 1, 60 * 24 * HOUR - 5),
	      WT(F_PREMIUM, 1000, 60 * 24 * HOUR - 5),
	      WT(F_UC, 26, 60 * 24 * HOUR - 5),
	      WT(F_ENC, ENC_STRONG, 60 * 24 * HOUR - 5), W(F_CONTEXTS, 2) } },
	{ .name = "\"only one time-based license per feature can be active\": "
	    "given two, the most recently activated",
	  .p = &big,
	  .keys = { { .type = LIC_KEY_TIMEBASED, .hours = 5, .at = 100,
	      .grants = { G(F_PREMIUM, 1000) } },
	      { .type = LIC_KEY_TIMEBASED, .hours = 9, .at = 50,
	      .grants = { G(F_PREMIUM, 2500) } } },
	  .want = { WT(F_PREMIUM, 1000, 5 * HOUR) } },
	{ .name = "two active keys for a feature activated at once: the later "
	    "installed",
	  .p = &big,
	  .keys = { TB(9, 0, G(F_PREMIUM, 2500)), TB(5, 0, G(F_PREMIUM, 10)) },
	  .want = { WT(F_PREMIUM, 10, 5 * HOUR) } },
	{ .name = "\"No support\": a time-based key does not enable it",
	  .p = &p5505,
	  .keys = { { .type = LIC_KEY_EVALUATION, .hours = 5,
	      .grants = { G(F_CONTEXTS, 2), G(F_GTP, 1) } } },
	  .want = { W(F_CONTEXTS, 0), W(F_GTP, 0) } },

	/* Table 5-1 footnote 1: ASA 5505 total VPN sessions. */
	{ .name = "5505: \"If you enable AnyConnect Premium, then the total is "
	    "the AnyConnect Premium value plus the Other VPN value\"",
	  .p = &p5505,
	  .want = { W(F_PREMIUM, 2), W(F_OTHER, 10), W(F_TOTAL, 12) },
	  .essentials = ESS_OFF },
	{ .name = "5505: \"... not to exceed 25 sessions\"",
	  .p = &p5505, .perm = true, .edition = 1,
	  .want = { W(F_OTHER, 25), W(F_TOTAL, 25) } },
	{ .name = "5505: a time-based AnyConnect Premium counts in the total",
	  .p = &p5505,
	  .keys = { TB(24, 0, G(F_PREMIUM, 10)) },
	  .want = { WT(F_PREMIUM, 10, 24 * HOUR), W(F_TOTAL, 20) } },
	{ .name = "5505: \"If you enable AnyConnect Essentials, then the total "
	    "is the model maximum of 25\"",
	  .p = &p5505, .perm = true, .grants = { G(F_ESSENTIALS, 1) },
	  .want = { W(F_TOTAL, 25), W(F_PREMIUM, 2) },
	  .essentials = ESS_ON },
	{ .name = "5505: with no anyconnect-essentials, Premium + Other VPN",
	  .p = &p5505, .perm = true, .no_essentials = true,
	  .grants = { G(F_ESSENTIALS, 1) },
	  .want = { W(F_TOTAL, 12), W(F_ESSENTIALS, 1) },
	  .essentials = ESS_OFF },
	{ .name = "other platforms: Total VPN is the platform's total",
	  .p = &big, .perm = true, .grants = { G(F_PREMIUM, 2500) },
	  .want = { W(F_TOTAL, 5000) } },

	/* Table 5-16 and 5-17: Essentials against Premium. */
	{ .name = "\"By default, the ASA uses the AnyConnect Essentials "
	    "license\"; show version still lists Premium",
	  .p = &big, .perm = true,
	  .grants = { G(F_ESSENTIALS, 1), G(F_PREMIUM, 1000), G(F_AEA, 1) },
	  .want = { W(F_ESSENTIALS, 1), W(F_PREMIUM, 1000), W(F_AEA, 1) },
	  .essentials = ESS_ON,
	  .use = { { F_ESSENTIALS, true }, { F_PREMIUM, false },
	      { F_AEA, false }, { F_MOBILE, false } } },
	{ .name = "Essentials \"cannot be active at the same time as\" "
	    "AnyConnect Premium Shared",
	  .p = &big, .perm = true,
	  .grants = { G(F_ESSENTIALS, 1), G(F_SHARED, 2) },
	  .essentials = ESS_ON,
	  .use = { { F_SHARED, false }, { F_ESSENTIALS, true } } },
	{ .name = "\"you can disable it to use other licenses by using the "
	    "no anyconnect-essentials command\"",
	  .p = &big, .perm = true, .no_essentials = true,
	  .grants = { G(F_ESSENTIALS, 1), G(F_PREMIUM, 1000), G(F_AEA, 1) },
	  .want = { W(F_ESSENTIALS, 1), W(F_PREMIUM, 1000) },
	  .essentials = ESS_OFF,
	  .use = { { F_ESSENTIALS, false }, { F_PREMIUM, true },
	      { F_AEA, true } } },
	{ .name = "a time-based AnyConnect Essentials is used by default too",
	  .p = &big,
	  .keys = { TB(5, 0, G(F_ESSENTIALS, 1)) },
	  .want = { WT(F_ESSENTIALS, 1, 5 * HOUR) },
	  .essentials = ESS_ON,
	  .use = { { F_PREMIUM, false } } },
	{ .name = "AnyConnect for Mobile \"requires activation of ... "
	    "AnyConnect Essentials or AnyConnect Premium\"",
	  .p = &big, .perm = true,
	  .grants = { G(F_ESSENTIALS, 1), G(F_MOBILE, 1) },
	  .essentials = ESS_ON,
	  .use = { { F_MOBILE, true } } },

	/* Table 5-16: requirements. */
	{ .name = "Botnet Traffic Filter \"Requires a Strong Encryption "
	    "(3DES/AES) License\": without it, not usable",
	  .p = &big,
	  .keys = { TB(5, 0, G(F_BOTNET, 1)) },
	  .want = { WT(F_BOTNET, 1, 5 * HOUR), W(F_ENC, ENC_DES) },
	  .use = { { F_BOTNET, false }, { F_ENC, false } } },
	{ .name = "Botnet Traffic Filter with Strong Encryption: usable",
	  .p = &big, .perm = true, .grants = { G(F_ENC, ENC_STRONG) },
	  .keys = { TB(5, 0, G(F_BOTNET, 1)) },
	  .use = { { F_BOTNET, true }, { F_ENC, true } } },
	{ .name = "\"VPN load balancing requires a Strong Encryption "
	    "(3DES/AES) License\"",
	  .p = &big,
	  .want = { W(F_LB, 1) },
	  .use = { { F_LB, false } } },
	{ .name = "VPN load balancing with Strong Encryption: usable",
	  .p = &big, .perm = true, .grants = { G(F_ENC, ENC_STRONG) },
	  .use = { { F_LB, true }, { F_GTP, false } } },

	/* "No Payload Encryption Models". */
	{ .name = "No Payload Encryption: \"disables the following features: "
	    "Unified Communications, VPN\"",
	  .p = &big, .npe = true, .perm = true,
	  .grants = { G(F_PREMIUM, 1000), G(F_UC, 1000), G(F_ESSENTIALS, 1),
	      G(F_IME, 1), G(F_SHARED, 2) },
	  .want = { W(F_PREMIUM, 0), W(F_UC, 0), W(F_ESSENTIALS, 0),
	      W(F_OTHER, 0), W(F_TOTAL, 0), W(F_LB, 0), W(F_IME, 0),
	      W(F_SHARED, 0) },
	  .essentials = ESS_OFF,
	  .use = { { F_UC, false }, { F_PREMIUM, false } } },
	{ .name = "No Payload Encryption: time-based VPN and UC keys give "
	    "nothing",
	  .p = &big, .npe = true,
	  .keys = { { .type = LIC_KEY_EVALUATION, .hours = 5,
	      .grants = { G(F_PREMIUM, 2500), G(F_UC, 24) } } },
	  .want = { W(F_PREMIUM, 0), W(F_UC, 0) } },
	{ .name = "No Payload Encryption: \"You can still install the Strong "
	    "Encryption (3DES/AES) license for use with management "
	    "connections\" and the Botnet database",
	  .p = &big, .npe = true, .perm = true,
	  .grants = { G(F_ENC, ENC_STRONG), G(F_CONTEXTS, 10) },
	  .keys = { TB(5, 0, G(F_BOTNET, 1)) },
	  .want = { W(F_ENC, ENC_STRONG), WT(F_BOTNET, 1, 5 * HOUR),
	      W(F_CONTEXTS, 10), W(F_GTP, 0) },
	  .use = { { F_BOTNET, true } } },
};

static size_t
grants_fill(struct lic_grant *dst, const struct lic_grant *src)
{
	size_t	n = 0;

	while (n < MAX_GRANTS && src[n].feature != END) {
		dst[n] = src[n];
		n++;
	}
	return n;
}

static void
case_run(const struct case_ *c)
{
	struct lic_keyinfo	perm;
	struct lic_timed	timed[MAX_KEYS];
	struct lic_inputs	in;
	struct lic_running	r;
	size_t			nt = 0;

	memset(&perm, 0, sizeof perm);
	perm.type = LIC_KEY_PERMANENT;
	perm.edition = c->edition;
	perm.ngrants = grants_fill(perm.grants, c->grants);
	memset(timed, 0, sizeof timed);
	for (; nt < MAX_KEYS && c->keys[nt].hours != 0; nt++) {
		const struct tkey	*k = &c->keys[nt];

		timed[nt].info.type = k->type;
		timed[nt].info.duration = k->hours * HOUR;
		timed[nt].info.ngrants = grants_fill(timed[nt].info.grants,
		    k->grants);
		timed[nt].active = !k->inactive;
		timed[nt].used = k->used;
		timed[nt].activated_at = k->at;
		timed[nt].counted_at = k->at;
	}
	in = (struct lic_inputs){
		.cat = &cat,
		.p = c->p,
		.version = c->version != 0 ? c->version : V91,
		.npe = c->npe,
		.perm = c->perm ? &perm : NULL,
		.timed = timed,
		.ntimed = nt,
		.no_essentials = c->no_essentials,
	};
	lic_running_compute(&in, &r);

	assert_int_equal(r.nfeatures, F_COUNT);
	assert_int_equal(r.edition, c->perm ? c->edition : 0);
	for (size_t i = 0; i < MAX_WANT && c->want[i].f != END; i++) {
		const struct want	*w = &c->want[i];
		const struct lic_value	*v = &r.v[w->f];

		if (v->value != w->value || v->timed != w->timed ||
		    v->seconds_left != (w->timed ? w->left : 0))
			fail_msg("%s: %s = %u%s%u, want %u%s%u", c->name,
			    features[w->f].id, v->value,
			    v->timed ? " timed " : " perpetual ",
			    v->seconds_left, w->value,
			    w->timed ? " timed " : " perpetual ", w->left);
	}
	if (c->essentials != ESS_ANY &&
	    r.essentials_active != (c->essentials == ESS_ON))
		fail_msg("%s: essentials_active = %d", c->name,
		    r.essentials_active);
	for (size_t i = 0; i < MAX_WANT && c->use[i].f != END; i++) {
		if (lic_running_usable(&r, &cat, c->use[i].f) !=
		    c->use[i].yes)
			fail_msg("%s: usable(%s) != %d", c->name,
			    features[c->use[i].f].id, c->use[i].yes);
	}
}

static void
test_lic_running__table(void **state)
{
	(void)state;
	for (size_t i = 0; i < NELEM(cases); i++) {
		print_message("%s\n", cases[i].name);
		case_run(&cases[i]);
	}
}

/* Every feature of the catalogue gets a value, and none is timed. */
static void
test_lic_running__every_feature_defaults(void **state)
{
	struct lic_inputs	in = { .cat = &cat, .p = &big, .version = V91 };
	struct lic_running	r;

	(void)state;
	lic_running_compute(&in, &r);
	for (size_t f = 0; f < F_COUNT; f++) {
		assert_int_equal(r.v[f].value, big_base[f].value);
		assert_false(r.v[f].timed);
		assert_int_equal(r.v[f].seconds_left, 0);
	}
	assert_false(lic_running_usable(&r, &cat, F_COUNT));
}

/* ---- The timer ---- */

struct timer_case {
	const char	*name;
	bool		 active;
	uint32_t	 hours;
	uint64_t	 used;
	int64_t		 counted_at;
	int64_t		 now;
	uint64_t	 remaining;	/* lic_timed_remaining(now) */
	bool		 expired;	/* lic_timed_advance(now) */
	uint64_t	 used_after;
	bool		 active_after;
	int64_t		 counted_after;
};

static const struct timer_case timer_cases[] = {
	{ .name = "\"The timer ... starts counting down when you activate "
	    "it\"",
	  .active = true, .hours = 2, .counted_at = 1000, .now = 1000 + HOUR,
	  .remaining = HOUR, .used_after = HOUR, .active_after = true,
	  .counted_after = 1000 + HOUR },
	{ .name = "\"If you stop using the time-based license ... the timer "
	    "halts\"",
	  .active = false, .hours = 2, .used = 100, .counted_at = 0,
	  .now = 50000, .remaining = 2 * HOUR - 100, .used_after = 100,
	  .active_after = false, .counted_after = 0 },
	{ .name = "a key that runs out expires and is deactivated",
	  .active = true, .hours = 1, .used = 10, .counted_at = 0,
	  .now = 2 * HOUR, .remaining = 0, .expired = true,
	  .used_after = HOUR, .active_after = false,
	  .counted_after = 2 * HOUR },
	{ .name = "a clock set back counts no time",
	  .active = true, .hours = 1, .used = 10, .counted_at = 5000,
	  .now = 100, .remaining = HOUR - 10, .used_after = 10,
	  .active_after = true, .counted_after = 100 },
	{ .name = "the whole range of device time does not overflow",
	  .active = true, .hours = 1, .counted_at = INT64_MIN,
	  .now = INT64_MAX, .remaining = 0, .expired = true,
	  .used_after = HOUR, .active_after = false,
	  .counted_after = INT64_MAX },
};

static void
test_lic_running__timer(void **state)
{
	(void)state;
	for (size_t i = 0; i < NELEM(timer_cases); i++) {
		const struct timer_case	*c = &timer_cases[i];
		struct lic_timed	 t;
		bool			 expired;

		print_message("%s\n", c->name);
		memset(&t, 0, sizeof t);
		t.info.type = LIC_KEY_TIMEBASED;
		t.info.duration = c->hours * HOUR;
		t.active = c->active;
		t.used = c->used;
		t.counted_at = c->counted_at;
		assert_int_equal(lic_timed_remaining(&t, c->now),
		    c->remaining);
		expired = lic_timed_advance(&t, c->now);
		assert_int_equal(expired, c->expired);
		assert_int_equal(t.used, c->used_after);
		assert_int_equal(t.active, c->active_after);
		assert_true(t.counted_at == c->counted_after);
	}
}

/* "The timer only starts again when you reactivate". */
static void
test_lic_running__timer_start_stop(void **state)
{
	struct lic_timed	t;

	(void)state;
	memset(&t, 0, sizeof t);
	t.info.duration = HOUR;
	assert_true(lic_timed_start(&t, 100));
	assert_true(t.activated_at == 100);
	lic_timed_stop(&t, 400);
	assert_false(t.active);
	assert_int_equal(t.used, 300);
	assert_int_equal(lic_timed_remaining(&t, 9000), HOUR - 300);
	assert_true(lic_timed_start(&t, 1000));
	assert_int_equal(lic_timed_remaining(&t, 1100), HOUR - 400);
	/* Activating an active key only counts it down. */
	assert_true(lic_timed_start(&t, 1200));
	assert_true(t.activated_at == 1000);
	assert_int_equal(t.used, 500);
	/* An expired key cannot be activated. */
	lic_timed_stop(&t, 1000 + HOUR);
	assert_int_equal(t.used, HOUR);
	assert_false(lic_timed_start(&t, 99999));
	assert_false(t.active);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lic_running__table),
		cmocka_unit_test(test_lic_running__every_feature_defaults),
		cmocka_unit_test(test_lic_running__timer),
		cmocka_unit_test(test_lic_running__timer_start_stop),
	};

	return cmocka_run_group_tests_name("lic_running", tests, NULL, NULL);
}
