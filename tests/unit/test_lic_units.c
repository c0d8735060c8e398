/* SPDX-License-Identifier: MIT */
/*
 * The failover cluster license: one row per rule and worked example of
 * the ASA 9.1 chapter's "Failover or ASA Cluster Licenses" section (its
 * requirements, "How Failover or ASA Cluster Licenses Combine", "Loss of
 * Communication Between Failover or ASA Cluster Units"), each row's name
 * quoting it, over every feature kind (count, enabled/disabled, enum) and
 * every units rule (add, max, none). Small fixture catalogue and
 * platforms with the chapter's limits.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "licensing/lic_units.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define V91		LIC_VERSION(9, 1, 0, 0)
#define UNL		LIC_UNLIMITED
#define DAY		86400u
#define WEEK		(7u * DAY)

enum {
	F_SECPLUS,	/* 0: ends every list below */
	F_BOTNET,
	F_UC,
	F_PREMIUM,
	F_OTHER,
	F_ENC,
	F_FAILOVER,
	F_CONTEXTS,
	F_CLUSTER,
	F_IPS,
	F_HOSTS,
	F_SHARED,
	F_GTP,
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

/* The real catalogue's kinds and units rules (licensing/features.xml). */
#define FEAT(fid, k, rule, ...)						\
	{ .id = (fid), .code = __LINE__, .name = (fid), .kind = (k),	\
	  .time_rule = LIC_TIME_MAX, .unit_rule = (rule), __VA_ARGS__ }
#define ENUMV(a)	.values = (a), .nvalues = NELEM(a)

static const struct lic_feature features[F_COUNT] = {
	[F_SECPLUS] = FEAT("security-plus", LIC_KIND_BOOL, LIC_UNIT_NONE, ),
	[F_BOTNET] = FEAT("botnet-traffic-filter", LIC_KIND_BOOL,
	    LIC_UNIT_MAX, ),
	[F_UC] = FEAT("uc-proxy-sessions", LIC_KIND_COUNT, LIC_UNIT_ADD, ),
	[F_PREMIUM] = FEAT("anyconnect-premium", LIC_KIND_COUNT,
	    LIC_UNIT_ADD, ),
	[F_OTHER] = FEAT("other-vpn", LIC_KIND_COUNT, LIC_UNIT_MAX, ),
	[F_ENC] = FEAT("encryption", LIC_KIND_ENUM, LIC_UNIT_NONE,
	    ENUMV(enc_values)),
	[F_FAILOVER] = FEAT("failover", LIC_KIND_ENUM, LIC_UNIT_MAX,
	    ENUMV(fo_values)),
	[F_CONTEXTS] = FEAT("security-contexts", LIC_KIND_COUNT,
	    LIC_UNIT_ADD, ),
	[F_CLUSTER] = FEAT("cluster", LIC_KIND_COUNT, LIC_UNIT_NONE, ),
	[F_IPS] = FEAT("ips-module", LIC_KIND_BOOL, LIC_UNIT_NONE, ),
	[F_HOSTS] = FEAT("inside-hosts", LIC_KIND_COUNT, LIC_UNIT_ADD, ),
	[F_SHARED] = FEAT("shared-license", LIC_KIND_ENUM, LIC_UNIT_MAX,
	    ENUMV(shared_values)),
	[F_GTP] = FEAT("gtp-gprs", LIC_KIND_BOOL, LIC_UNIT_MAX, ),
};

static const struct lic_catalog cat = {
	.features = features,
	.nfeatures = F_COUNT,
};

/* ---- Platforms: the limits the chapter's examples use ---- */

#define T(n)		{ (n), (n), 0 }
#define TIERS(v, t)	{ .supported = true, .value = (v), .tiers = (t), \
			  .ntiers = NELEM(t) }
#define CELL(v)		{ .supported = true, .value = (v) }

static const struct lic_range one[] = { T(1) };
static const struct lic_range strong[] = { T(ENC_STRONG) };
static const struct lic_range shared[] = { T(1), T(2) };
/* ASA 5520: "because the platform limit is 750" AnyConnect Premium. */
static const struct lic_range prem_5520[] = { T(10), T(25), T(500), T(750) };
static const struct lic_range uc_5520[] = { T(24), T(1000), T(2000) };
static const struct lic_range ctx_5520[] = { T(5), T(10), T(20) };
static const struct lic_range ctx_5540[] = { T(5), T(10), T(20), T(50) };
/* ASA 5585-X SSP-10 "the platform limit is 100", SSP-60 250. */
static const struct lic_range ctx_ssp10[] = { T(5), T(10), T(50), T(100) };
static const struct lic_range ctx_ssp60[] = { T(5), T(50), T(100), T(250) };
static const struct lic_range cl_8[] = { T(8) };

#define CELLS(ctx, fo, secplus)						\
	[F_SECPLUS] = CELL(secplus),					\
	[F_BOTNET] = CELL(0),						\
	[F_UC] = TIERS(2, uc_5520),					\
	[F_PREMIUM] = TIERS(2, prem_5520),				\
	[F_OTHER] = CELL(750),						\
	[F_ENC] = TIERS(ENC_DES, strong),				\
	[F_FAILOVER] = CELL(fo),					\
	[F_CONTEXTS] = TIERS(2, ctx),					\
	[F_CLUSTER] = TIERS(0, cl_8),					\
	[F_IPS] = TIERS(0, one),					\
	[F_HOSTS] = CELL(UNL),						\
	[F_SHARED] = TIERS(0, shared),					\
	[F_GTP] = TIERS(0, one)

static const struct lic_cell c5520[F_COUNT] = {
	CELLS(ctx_5520, FO_ACTIVE_ACTIVE, 0)
};
static const struct lic_cell c5540[F_COUNT] = {
	CELLS(ctx_5540, FO_ACTIVE_ACTIVE, 0)
};
static const struct lic_cell cssp10[F_COUNT] = {
	CELLS(ctx_ssp10, FO_ACTIVE_ACTIVE, 0)
};
static const struct lic_cell cssp60[F_COUNT] = {
	CELLS(ctx_ssp60, FO_ACTIVE_ACTIVE, 0)
};
/* ASA 5510: Base has no failover, Security Plus Active/Active. */
static const struct lic_cell c5510b[F_COUNT] = {
	CELLS(ctx_5520, FO_DISABLED, 0)
};
static const struct lic_cell c5510p[F_COUNT] = {
	CELLS(ctx_5520, FO_ACTIVE_ACTIVE, 1)
};

#define EDITION(c)	{ { .id = "base", .sentence = "Base", .cells = (c) } }
static const struct lic_edition e5520[] = EDITION(c5520);
static const struct lic_edition e5540[] = EDITION(c5540);
static const struct lic_edition essp10[] = EDITION(cssp10);
static const struct lic_edition essp60[] = EDITION(cssp60);
static const struct lic_edition e5510[] = {
	{ .id = "base", .sentence = "Base", .cells = c5510b },
	{ .id = "security-plus", .sentence = "Plus", .cells = c5510p },
};

#define PLATFORM(pid, e)						\
	{ .id = (pid), .family = "test", .editions = (e),		\
	  .neditions = NELEM(e) }
static const struct lic_platform p5520 = PLATFORM("ASA5520", e5520);
static const struct lic_platform p5540 = PLATFORM("ASA5540", e5540);
static const struct lic_platform pssp10 = PLATFORM("ASA5585-X-SSP-10",
    essp10);
static const struct lic_platform pssp60 = PLATFORM("ASA5585-X-SSP-60",
    essp60);
static const struct lic_platform p5510 = PLATFORM("ASA5510", e5510);

/* ---- The combination table ---- */

#define MAX_UNITS	4
#define MAX_VALUES	6

/* One value of a unit's own license, or of the expected result. */
struct val {
	size_t		 f;		/* END ends the list */
	uint32_t	 value;
	uint32_t	 left;		/* seconds; 0: perpetual */
};

struct unit {
	size_t		 edition;
	struct val	 v[MAX_VALUES];
};

struct combine_case {
	const char		*name;	/* the rule, quoted */
	const struct lic_platform *p;
	size_t			 n;
	struct unit		 units[MAX_UNITS];
	size_t			 self;
	struct val		 want[MAX_VALUES];
};

#define PERM(f, v)	{ (f), (v), 0 }
#define TB(f, v, s)	{ (f), (v), (s) }

static const struct combine_case combine_cases[] = {
	{ "counts: two ASAs with 10 AnyConnect Premium sessions installed "
	  "on each; the licenses will be combined for a total of 20",
	  &p5520, 2, { { 0, { PERM(F_PREMIUM, 10) } },
	  { 0, { PERM(F_PREMIUM, 10) } } }, 0,
	  { PERM(F_PREMIUM, 20) } },
	{ "counts: two ASA 5520 ASAs with 500 AnyConnect Premium sessions "
	  "each; because the platform limit is 750, the combined license "
	  "allows 750",
	  &p5520, 2, { { 0, { PERM(F_PREMIUM, 500) } },
	  { 0, { PERM(F_PREMIUM, 500) } } }, 1,
	  { PERM(F_PREMIUM, 750) } },
	{ "counts: two ASA 5540 ASAs, one with 20 contexts and the other "
	  "with 10 contexts; the combined license allows 30 contexts",
	  &p5540, 2, { { 0, { PERM(F_CONTEXTS, 20) } },
	  { 0, { PERM(F_CONTEXTS, 10) } } }, 0,
	  { PERM(F_CONTEXTS, 30) } },
	{ "counts, cluster: four ASA 5585-X with SSP-10, three with 50 "
	  "contexts and one with the default 2; because the platform limit "
	  "is 100, the combined license allows a maximum of 100 contexts",
	  &pssp10, 4, { { 0, { PERM(F_CONTEXTS, 50) } },
	  { 0, { PERM(F_CONTEXTS, 50) } }, { 0, { PERM(F_CONTEXTS, 50) } },
	  { 0, { PERM(F_CONTEXTS, 2) } } }, 3,
	  { PERM(F_CONTEXTS, 100) } },
	{ "counts, cluster: four ASA 5585-X with SSP-60, three with 50 "
	  "contexts and one with the default 2; because the platform limit "
	  "is 250, the licenses will be combined for a total of 152",
	  &pssp60, 4, { { 0, { PERM(F_CONTEXTS, 50) } },
	  { 0, { PERM(F_CONTEXTS, 50) } }, { 0, { PERM(F_CONTEXTS, 50) } },
	  { 0, { PERM(F_CONTEXTS, 2) } } }, 0,
	  { PERM(F_CONTEXTS, 152) } },
	{ "counts: defaults add too (the 9.9 ASA 5516 capture: 2 + 2 "
	  "Security Contexts are 4, 4 + 4 AnyConnect Premium Peers 8)",
	  &p5520, 2, { { 0, { PERM(F_CONTEXTS, 2), PERM(F_PREMIUM, 4) } },
	  { 0, { PERM(F_CONTEXTS, 2), PERM(F_PREMIUM, 4) } } }, 0,
	  { PERM(F_CONTEXTS, 4), PERM(F_PREMIUM, 8) } },
	{ "counts: Unlimited and a number are Unlimited",
	  &p5520, 2, { { 0, { PERM(F_HOSTS, UNL) } },
	  { 0, { PERM(F_HOSTS, 10) } } }, 0, { PERM(F_HOSTS, UNL) } },
	{ "counts: if all licenses in use are time-based, then the licenses "
	  "count down simultaneously (the shortest shows)",
	  &p5520, 2, { { 0, { TB(F_UC, 1000, 62 * DAY) } },
	  { 0, { TB(F_UC, 1000, 20 * DAY) } } }, 0,
	  { TB(F_UC, 2000, 20 * DAY) } },
	{ "counts: a permanent contribution keeps the sum perpetual",
	  &p5520, 2, { { 0, { PERM(F_PREMIUM, 25) } },
	  { 0, { TB(F_PREMIUM, 500, 9 * DAY) } } }, 0,
	  { PERM(F_PREMIUM, 525) } },
	{ "counts that do not add (units max): the higher one",
	  &p5520, 2, { { 0, { PERM(F_OTHER, 250) } },
	  { 0, { PERM(F_OTHER, 750) } } }, 0, { PERM(F_OTHER, 750) } },
	{ "enabled/disabled: the license with the enabled status is used",
	  &p5520, 2, { { 0, { PERM(F_GTP, 0) } }, { 0, { PERM(F_GTP, 1) } } },
	  0, { PERM(F_GTP, 1) } },
	{ "enabled/disabled, time-based: 48 weeks left on the Botnet "
	  "Traffic Filter license on two units, the combined duration is 96 "
	  "weeks",
	  &p5520, 2, { { 0, { TB(F_BOTNET, 1, 48 * WEEK) } },
	  { 0, { TB(F_BOTNET, 1, 48 * WEEK) } } }, 1,
	  { TB(F_BOTNET, 1, 96 * WEEK) } },
	{ "enabled/disabled, time-based on one unit only: its own duration",
	  &p5520, 2, { { 0, { PERM(F_BOTNET, 0) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } } }, 0,
	  { TB(F_BOTNET, 1, 52 * WEEK) } },
	{ "enum: Active/Active beats Active/Standby and Disabled",
	  &p5520, 2, { { 0, { PERM(F_FAILOVER, FO_ACTIVE_STANDBY) } },
	  { 0, { PERM(F_FAILOVER, FO_ACTIVE_ACTIVE) } } }, 0,
	  { PERM(F_FAILOVER, FO_ACTIVE_ACTIVE) } },
	{ "enum: a shared licensing server beats a participant",
	  &p5520, 2, { { 0, { PERM(F_SHARED, 1) } },
	  { 0, { PERM(F_SHARED, 2) } } }, 0, { PERM(F_SHARED, 2) } },
	{ "exceptions (units none): the encryption license is the unit's "
	  "own",
	  &p5520, 2, { { 0, { PERM(F_ENC, ENC_STRONG) } },
	  { 0, { PERM(F_ENC, ENC_DES) } } }, 1, { PERM(F_ENC, ENC_DES) } },
	{ "exceptions (units none): the clustering license and the IPS "
	  "module are each unit's own",
	  &p5520, 2, { { 0, { PERM(F_CLUSTER, 8), PERM(F_IPS, 1) } },
	  { 0, { PERM(F_CLUSTER, 0), PERM(F_IPS, 0) } } }, 1,
	  { PERM(F_CLUSTER, 0), PERM(F_IPS, 0) } },
	{ "typically, you buy a license only for the primary unit; the "
	  "secondary unit inherits the primary license",
	  &p5520, 2, { { 0, { PERM(F_BOTNET, 1), PERM(F_GTP, 1),
	  PERM(F_PREMIUM, 500) } }, { 0, { PERM(F_PREMIUM, 2) } } }, 1,
	  { PERM(F_BOTNET, 1), PERM(F_GTP, 1), PERM(F_PREMIUM, 502) } },
	{ "a unit alone: its own license",
	  &p5520, 1, { { 0, { PERM(F_PREMIUM, 25), TB(F_BOTNET, 1, DAY) } } },
	  0, { PERM(F_PREMIUM, 25), TB(F_BOTNET, 1, DAY) } },
};

static void
make_running(const struct unit *u, struct lic_running *r)
{
	memset(r, 0, sizeof *r);
	r->nfeatures = F_COUNT;
	r->edition = u->edition;
	for (size_t i = 0; i < MAX_VALUES && u->v[i].f != END; i++) {
		struct lic_value *v = &r->v[u->v[i].f];

		v->value = u->v[i].value;
		v->seconds_left = u->v[i].left;
		v->timed = u->v[i].left != 0;
	}
}

static void
test_combine(void **state)
{
	(void)state;
	for (size_t c = 0; c < NELEM(combine_cases); c++) {
		const struct combine_case *k = &combine_cases[c];
		struct lic_running	 runs[MAX_UNITS], out;
		const struct lic_running *ptrs[MAX_UNITS];

		for (size_t u = 0; u < k->n; u++) {
			make_running(&k->units[u], &runs[u]);
			ptrs[u] = &runs[u];
		}
		lic_units_combine(&cat, k->p, V91, ptrs, k->n, k->self, &out);
		for (size_t i = 0; i < MAX_VALUES && k->want[i].f != END; i++) {
			const struct val *w = &k->want[i];

			if (out.v[w->f].value != w->value ||
			    out.v[w->f].timed != (w->left != 0) ||
			    out.v[w->f].seconds_left != w->left)
				fail_msg("%s: feature %s is %u (%s %u s), want "
				    "%u (%u s)", k->name, features[w->f].id,
				    out.v[w->f].value, out.v[w->f].timed ?
				    "timed" : "perpetual",
				    out.v[w->f].seconds_left, w->value, w->left);
		}
		assert_int_equal(out.edition, k->units[k->self].edition);
	}
}

/* ---- The requirements ---- */

struct check_case {
	const char		*name;
	const struct lic_platform *p;
	const char		*platform_b; /* NULL: the same */
	struct unit		 a, b;
	uint32_t		 version_a, version_b; /* 0: 9.1 */
	bool			 zero_a, zero_b;
	bool			 cluster;
	enum lic_units_err	 want;
};

#define V(a, b, c)	LIC_VERSION(a, b, c, 0)
#define FO(v)		PERM(F_FAILOVER, (v))
#define STD_A		{ 0, { FO(FO_ACTIVE_ACTIVE), PERM(F_ENC, ENC_STRONG) } }

static const struct check_case check_cases[] = {
	{ "failover units do not require the same license on each unit",
	  &p5520, NULL, { 0, { FO(2), PERM(F_ENC, 1), PERM(F_PREMIUM, 750) } },
	  { 0, { FO(2), PERM(F_ENC, 1) } }, 0, 0, false, false, false,
	  LIC_UNITS_OK },
	{ "a pair is two units of one platform",
	  &p5520, "ASA5540", STD_A, STD_A, 0, 0, false, false, false,
	  LIC_UNITS_PLATFORM },
	{ "Security Plus license for the ASA 5505, 5510, and 5512-X: the "
	  "Base license does not support failover",
	  &p5510, NULL, { 1, { FO(2) } }, { 0, { FO(FO_DISABLED) } }, 0, 0,
	  false, false, false, LIC_UNITS_NO_FAILOVER },
	{ "Security Plus on both units of an ASA 5510 pair",
	  &p5510, NULL, { 1, { FO(2) } }, { 1, { FO(2) } }, 0, 0, false,
	  false, false, LIC_UNITS_OK },
	{ "encryption license: both units must have the same encryption "
	  "license",
	  &p5520, NULL, STD_A, { 0, { FO(2), PERM(F_ENC, ENC_DES) } }, 0, 0,
	  false, false, false, LIC_UNITS_ENCRYPTION },
	{ "IPS module license for the ASA 5512-X through ASA 5555-X: both "
	  "units require the IPS module license",
	  &p5520, NULL, { 0, { FO(2), PERM(F_IPS, 1) } }, { 0, { FO(2) } }, 0,
	  0, false, false, false, LIC_UNITS_IPS },
	{ "if your key consists of all 0's, then you need to reinstall a "
	  "valid authentication key before failover can be enabled",
	  &p5520, NULL, STD_A, STD_A, 0, 0, false, true, false,
	  LIC_UNITS_ZERO_KEY },
	{ "older versions of ASA software required that the licenses match "
	  "on each unit (8.2)",
	  &p5520, NULL, { 0, { FO(2), PERM(F_PREMIUM, 25) } },
	  { 0, { FO(2) } }, V(8, 2, 5), V(8, 2, 5), false, false, false,
	  LIC_UNITS_NOT_IDENTICAL },
	{ "before 8.3(1), identical licenses pair",
	  &p5520, NULL, { 0, { FO(2), PERM(F_PREMIUM, 25) } },
	  { 0, { FO(2), PERM(F_PREMIUM, 25) } }, V(8, 2, 5), V(8, 2, 5),
	  false, false, false, LIC_UNITS_OK },
	{ "starting with Version 8.3(1), you no longer need to install "
	  "identical licenses",
	  &p5520, NULL, { 0, { FO(2), PERM(F_PREMIUM, 25) } },
	  { 0, { FO(2) } }, V(8, 3, 1), V(8, 3, 1), false, false, false,
	  LIC_UNITS_OK },
	{ "if you have mismatched licenses on a failover pair, then "
	  "downgrading [one unit] will disable failover",
	  &p5520, NULL, { 0, { FO(2), PERM(F_PREMIUM, 25) } },
	  { 0, { FO(2) } }, V(8, 4, 6), V(8, 2, 5), false, false, false,
	  LIC_UNITS_NOT_IDENTICAL },
	{ "8.2(x) and earlier: upgrade to 8.4(6) first (a 9.1 mate is two "
	  "steps away)",
	  &p5520, NULL, STD_A, STD_A, V(9, 1, 7), V(8, 2, 5), false, false,
	  false, LIC_UNITS_VERSION },
	{ "a zero-downtime upgrade 9.0 -> 9.1 runs the pair mixed",
	  &p5520, NULL, { 0, { FO(2), PERM(F_PREMIUM, 25) } },
	  { 0, { FO(2) } }, V(9, 0, 4), V(9, 1, 2), false, false, false,
	  LIC_UNITS_OK },
	{ "clustering license: each unit must have a clustering license",
	  &pssp10, NULL, { 0, { FO(2), PERM(F_CLUSTER, 8) } },
	  { 0, { FO(2), PERM(F_CLUSTER, 0) } }, 0, 0, false, false, true,
	  LIC_UNITS_NO_CLUSTER },
	{ "cluster: each unit must have the same encryption license",
	  &pssp10, NULL, { 0, { PERM(F_CLUSTER, 8), PERM(F_ENC, 1) } },
	  { 0, { PERM(F_CLUSTER, 8) } }, 0, 0, false, false, true,
	  LIC_UNITS_ENCRYPTION },
	{ "cluster units do not require the same license on each unit",
	  &pssp10, NULL, { 0, { PERM(F_CLUSTER, 8), PERM(F_CONTEXTS, 50) } },
	  { 0, { PERM(F_CLUSTER, 8) } }, 0, 0, false, false, true,
	  LIC_UNITS_OK },
};

static void
test_check(void **state)
{
	(void)state;
	for (size_t c = 0; c < NELEM(check_cases); c++) {
		const struct check_case *k = &check_cases[c];
		struct lic_running	 ra, rb;
		struct lic_unit_facts	 a, b;
		enum lic_units_err	 got;

		make_running(&k->a, &ra);
		make_running(&k->b, &rb);
		a = (struct lic_unit_facts){ .platform = k->p->id,
		    .version = k->version_a ? k->version_a : V91, .run = &ra,
		    .zero_key = k->zero_a };
		b = (struct lic_unit_facts){ .platform = k->platform_b ?
		    k->platform_b : k->p->id, .version = k->version_b ?
		    k->version_b : V91, .run = &rb, .zero_key = k->zero_b };
		got = lic_units_check(&cat, &a, &b, k->cluster);
		if (got != k->want)
			fail_msg("%s: got \"%s\", want \"%s\"", k->name,
			    lic_units_strerror(got),
			    lic_units_strerror(k->want));
	}
}

/* One step of the upgrade path (captures/upgrade/tunnelsup_...). */
static void
test_versions(void **state)
{
	static const struct {
		uint32_t a, b;
		bool	 pair, combine;
	} cases[] = {
		{ V(9, 1, 7), V(9, 1, 7), true, true },
		{ V(9, 0, 4), V(9, 1, 2), true, true },
		{ V(9, 0, 1), V(9, 1, 2), true, true },
		{ V(9, 0, 1), V(9, 1, 3), false, true },
		{ V(8, 2, 5), V(8, 4, 6), true, false },
		{ V(8, 2, 5), V(8, 4, 7), false, false },
		{ V(8, 3, 2), V(8, 4, 6), true, true },
		{ V(8, 4, 4), V(9, 1, 2), true, true },
		{ V(8, 4, 4), V(9, 1, 7), false, true },
		{ V(8, 4, 7), V(9, 1, 7), true, true },
		{ V(8, 0, 4), V(8, 2, 5), true, false },
	};

	(void)state;
	for (size_t c = 0; c < NELEM(cases); c++) {
		assert_int_equal(lic_units_versions(cases[c].a, cases[c].b),
		    cases[c].pair);
		assert_int_equal(lic_units_versions(cases[c].b, cases[c].a),
		    cases[c].pair);
		assert_int_equal(lic_units_combines(cases[c].a, cases[c].b),
		    cases[c].combine);
	}
}

/* ---- Time: charging and the 30-day grace ---- */

static void
test_charge(void **state)
{
	uint64_t	 left[2];

	(void)state;
	/* "The primary/master unit counts down its license first, and
	   when it expires, the secondary/slave unit(s) start counting
	   down its license". */
	left[0] = 2 * WEEK;
	left[1] = 52 * WEEK;
	assert_int_equal(lic_units_charge_serial(left, 2, 3 * WEEK), 0);
	assert_int_equal(left[0], 0);
	assert_int_equal(left[1], 51 * WEEK);
	assert_int_equal(lic_units_charge_serial(left, 2, 60 * WEEK),
	    9 * WEEK);
	assert_int_equal(left[1], 0);
	/* Numerical tiers "count down simultaneously". */
	left[0] = 10 * DAY;
	left[1] = 3 * DAY;
	lic_units_charge_each(left, 2, 5 * DAY);
	assert_int_equal(left[0], 5 * DAY);
	assert_int_equal(left[1], 0);
	/* "for more than 30 days": the 30th day is still within. */
	assert_true(lic_units_in_grace(0));
	assert_true(lic_units_in_grace(30 * DAY));
	assert_false(lic_units_in_grace(30 * DAY + 1));
}

/*
 * The chapter's example, step by step: a 52-week Botnet Traffic Filter
 * license on two units.
 */
static void
test_grace_example(void **state)
{
	uint64_t	 left[2], within[2], after[2];

	(void)state;
	/* 1. "The combined running license allows a total duration of
	   104 weeks." */
	left[0] = left[1] = 52 * WEEK;
	assert_int_equal(left[0] + left[1], 104 * WEEK);
	/* 2. "The units operate as a failover unit/ASA cluster for 10
	   weeks, leaving 94 weeks on the combined license (42 weeks on the
	   primary/master, and 52 weeks on the secondary/slave)." */
	assert_int_equal(lic_units_charge_serial(left, 2, 10 * WEEK), 0);
	assert_int_equal(left[0], 42 * WEEK);
	assert_int_equal(left[1], 52 * WEEK);
	/* 3. The secondary "continues to use the combined license, and
	   continues to count down from 94 weeks". */
	assert_true(lic_units_in_grace(4 * WEEK));
	/* 4. "Within 30 days ... communication is restored after 4 weeks.
	   Therefore, 4 weeks are subtracted from the primary/master license
	   leaving 90 weeks combined (38 weeks on the primary, and 52 weeks
	   on the secondary)." */
	memcpy(within, left, sizeof within);
	lic_units_restore(within, 2, 4 * WEEK);
	assert_int_equal(within[0], 38 * WEEK);
	assert_int_equal(within[1], 52 * WEEK);
	assert_int_equal(within[0] + within[1], 90 * WEEK);
	/* "After 30 days ... communication is restored after 6 weeks.
	   Therefore, 6 weeks are subtracted from both ... leaving 84 weeks
	   combined (36 weeks on the primary/master, and 46 weeks on the
	   secondary/slave)." The chapter's sum is off: 36 + 46 weeks are
	   82, as 94 less twice 6 is; the per-unit figures follow the rule
	   and are what is checked. */
	assert_false(lic_units_in_grace(6 * WEEK));
	memcpy(after, left, sizeof after);
	lic_units_restore(after, 2, 6 * WEEK);
	assert_int_equal(after[0], 36 * WEEK);
	assert_int_equal(after[1], 46 * WEEK);
	assert_int_equal(after[0] + after[1], 82 * WEEK);
}

/* The combined license of step 2 as show version would print it. */
static void
test_grace_combined(void **state)
{
	struct unit		 pu = { 0, { TB(F_BOTNET, 1, 42 * WEEK) } };
	struct unit		 su = { 0, { TB(F_BOTNET, 1, 52 * WEEK) } };
	struct lic_running	 a, b, out;
	const struct lic_running *ptrs[2] = { &a, &b };

	(void)state;
	make_running(&pu, &a);
	make_running(&su, &b);
	lic_units_combine(&cat, &p5520, V91, ptrs, 2, 1, &out);
	assert_int_equal(out.v[F_BOTNET].value, 1);
	assert_true(out.v[F_BOTNET].timed);
	assert_int_equal(out.v[F_BOTNET].seconds_left, 94 * WEEK);
}

/* A time-based key on the secondary, for lic_units_hold. */
static struct lic_timed
timed_key(size_t feature, uint32_t duration, int64_t now)
{
	struct lic_timed	 t;

	memset(&t, 0, sizeof t);
	t.info.type = LIC_KEY_TIMEBASED;
	t.info.grants[0] = (struct lic_grant){ .feature = feature,
	    .value = 1 };
	t.info.ngrants = 1;
	t.info.duration = duration;
	assert_true(lic_timed_start(&t, now));
	return t;
}

/* The secondary's own key while the primary's counts down first. */
static void
test_hold(void **state)
{
	struct lic_timed	 t = timed_key(F_BOTNET, 52 * WEEK, 0);
	struct lic_timed	 p = timed_key(F_PREMIUM, 52 * WEEK, 0);

	(void)state;
	/* "time-based licenses that are enabled or disabled (and do not
	   have numerical tiers)": only those wait for the primary. */
	assert_true(lic_units_serial_key(&cat, &t));
	assert_false(lic_units_serial_key(&cat, &p));
	/* 10 weeks, the primary with 42 left: all held, 52 weeks left. */
	assert_int_equal(lic_units_hold(&t, 10 * WEEK, 42 * WEEK),
	    10 * WEEK);
	assert_false(lic_timed_advance(&t, 10 * WEEK));
	assert_int_equal(lic_timed_remaining(&t, 10 * WEEK), 52 * WEEK);
	/* "when it expires, the secondary/slave unit(s) start counting
	   down": 50 weeks more with 42 covered, 8 charged. */
	assert_int_equal(lic_units_hold(&t, 60 * WEEK, 42 * WEEK),
	    42 * WEEK);
	assert_false(lic_timed_advance(&t, 60 * WEEK));
	assert_int_equal(lic_timed_remaining(&t, 60 * WEEK), 44 * WEEK);
	/* A reload counts from the anchor: the held time stays unused. */
	assert_false(lic_timed_reload(&t, 60 * WEEK));
	assert_int_equal(lic_timed_remaining(&t, 60 * WEEK), 44 * WEEK);
	/* After 30 days apart "time is subtracted from all unit
	   licenses": 6 weeks held are charged after all. */
	lic_units_unhold(&t, 6 * WEEK);
	assert_int_equal(lic_timed_remaining(&t, 60 * WEEK), 38 * WEEK);
	lic_units_unhold(&t, 100 * WEEK);
	assert_int_equal(lic_timed_remaining(&t, 60 * WEEK), 0);
}

/* ---- Clusters: the serial countdown over several units ---- */

#define CL_UNITS	4

/* Units in countdown order (master first), each with when it said. */
struct cover_case {
	const char	*name;		/* the rule, quoted */
	size_t		 n;
	struct unit	 u[CL_UNITS];
	int64_t		 at[CL_UNITS];
	size_t		 ahead;		/* units before self */
	int64_t		 when;
	uint64_t	 want;		/* lic_units_cover of F_BOTNET */
};

static const struct cover_case cover_cases[] = {
	{ "a master alone ahead: what it had, less the time since it said",
	  2, { { 0, { TB(F_BOTNET, 1, 42 * WEEK) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } } }, { 0, 0 }, 1, 4 * WEEK,
	  38 * WEEK },
	{ "the slaves in turn: the third unit waits for the master's and "
	  "the second's, the second waiting while the master counts",
	  3, { { 0, { TB(F_BOTNET, 1, 2 * WEEK) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } } }, { 0, 0, 0 }, 2,
	  3 * WEEK, 51 * WEEK },
	{ "a master whose key expired leaves nothing: the second counts",
	  3, { { 0, { PERM(F_BOTNET, 0) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } } }, { 0, 5 * WEEK, 0 }, 2,
	  5 * WEEK, 52 * WEEK },
	{ "a permanent license ahead is no time to wait for",
	  2, { { 0, { PERM(F_BOTNET, 1) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } } }, { 0, 0 }, 1, WEEK, 0 },
	{ "said after when: the time between is still ahead",
	  2, { { 0, { TB(F_BOTNET, 1, 42 * WEEK) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } } }, { 10, 0 }, 1, 4,
	  42 * WEEK + 6 },
	{ "all the time ahead gone: nothing left to wait for",
	  2, { { 0, { TB(F_BOTNET, 1, WEEK) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } } }, { 0, 0 }, 1, 3 * WEEK,
	  0 },
	{ "the master has nobody ahead",
	  2, { { 0, { TB(F_BOTNET, 1, WEEK) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } } }, { 0, 0 }, 0, 0, 0 },
};

static void
make_units(const struct unit *u, size_t n, struct lic_running *r,
    const struct lic_running **ptrs)
{
	for (size_t i = 0; i < n; i++) {
		make_running(&u[i], &r[i]);
		ptrs[i] = &r[i];
	}
}

static void
test_cover(void **state)
{
	struct lic_running	 r[CL_UNITS];
	const struct lic_running *ptrs[CL_UNITS];

	(void)state;
	for (size_t c = 0; c < NELEM(cover_cases); c++) {
		const struct cover_case *k = &cover_cases[c];

		print_message("%s\n", k->name);
		make_units(k->u, k->n, r, ptrs);
		assert_int_equal(lic_units_cover(ptrs, k->at, k->ahead,
		    F_BOTNET, k->when), k->want);
	}
}

struct age_case {
	const char	*name;		/* the rule, quoted */
	size_t		 n;
	struct unit	 u[CL_UNITS];
	int64_t		 at[CL_UNITS];
	int64_t		 now;
	struct unit	 want[CL_UNITS];
};

static const struct age_case age_cases[] = {
	{ "enabled/disabled: only the master counts down, the slaves wait",
	  3, { { 0, { TB(F_BOTNET, 1, 42 * WEEK) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } } }, { 0, 0, 0 }, 4 * WEEK,
	  { { 0, { TB(F_BOTNET, 1, 38 * WEEK) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } } } },
	{ "numerical tiers: the licenses count down simultaneously",
	  3, { { 0, { TB(F_PREMIUM, 500, 10 * WEEK) } },
	  { 0, { TB(F_PREMIUM, 250, 20 * WEEK) } },
	  { 0, { TB(F_PREMIUM, 100, 2 * WEEK) } } }, { 0, 0, 0 }, 3 * WEEK,
	  { { 0, { TB(F_PREMIUM, 500, 7 * WEEK) } },
	  { 0, { TB(F_PREMIUM, 250, 17 * WEEK) } },
	  { 0, { PERM(F_PREMIUM, 0) } } } },
	{ "a master without time of it: the first slave with time counts",
	  3, { { 0, { PERM(F_PREMIUM, 10) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } } }, { 0, 0, 0 }, WEEK,
	  { { 0, { PERM(F_PREMIUM, 10) } },
	  { 0, { TB(F_BOTNET, 1, 51 * WEEK) } },
	  { 0, { TB(F_BOTNET, 1, 52 * WEEK) } } } },
	{ "each unit by the time since it said; one current not at all",
	  2, { { 0, { TB(F_PREMIUM, 500, 10 * WEEK) } },
	  { 0, { TB(F_PREMIUM, 250, 20 * WEEK) } } }, { WEEK, 3 * WEEK },
	  3 * WEEK, { { 0, { TB(F_PREMIUM, 500, 8 * WEEK) } },
	  { 0, { TB(F_PREMIUM, 250, 20 * WEEK) } } } },
	{ "a permanent value does not age, nor is it time to wait for",
	  2, { { 0, { PERM(F_BOTNET, 1), PERM(F_CONTEXTS, 50) } },
	  { 0, { TB(F_BOTNET, 1, 3 * WEEK) } } }, { 0, 0 }, 2 * WEEK,
	  { { 0, { PERM(F_BOTNET, 1), PERM(F_CONTEXTS, 50) } },
	  { 0, { TB(F_BOTNET, 1, WEEK) } } } },
};

static void
test_age(void **state)
{
	struct lic_running	 r[CL_UNITS], out[CL_UNITS], want;
	const struct lic_running *ptrs[CL_UNITS];

	(void)state;
	for (size_t c = 0; c < NELEM(age_cases); c++) {
		const struct age_case *k = &age_cases[c];

		print_message("%s\n", k->name);
		make_units(k->u, k->n, r, ptrs);
		lic_units_age(&cat, ptrs, k->at, k->n, k->now, out);
		for (size_t u = 0; u < k->n; u++) {
			make_running(&k->want[u], &want);
			for (size_t f = 0; f < F_COUNT; f++) {
				assert_int_equal(out[u].v[f].value,
				    want.v[f].value);
				assert_int_equal(out[u].v[f].seconds_left,
				    want.v[f].seconds_left);
				assert_int_equal(out[u].v[f].timed,
				    want.v[f].timed);
			}
		}
	}
}

/*
 * The chapter's example in a cluster of three: 52 weeks of Botnet
 * Traffic Filter on each, 156 combined; 10 weeks as a cluster leave 146
 * (42 on the master); the master lost, the others go on counting the
 * combined license from the lost master's part: 4 weeks on, 38 of it
 * cover them.
 */
static void
test_cluster_example(void **state)
{
	struct unit		 u[3] = {
		{ 0, { TB(F_BOTNET, 1, 52 * WEEK) } },
		{ 0, { TB(F_BOTNET, 1, 52 * WEEK) } },
		{ 0, { TB(F_BOTNET, 1, 52 * WEEK) } },
	};
	struct lic_running	 r[3], aged[3], out;
	const struct lic_running *ptrs[3], *aptrs[3];
	int64_t			 at[3] = { 0, 0, 0 };

	(void)state;
	make_units(u, 3, r, ptrs);
	lic_units_combine(&cat, &pssp10, V91, ptrs, 3, 2, &out);
	assert_int_equal(out.v[F_BOTNET].seconds_left, 156 * WEEK);
	lic_units_age(&cat, ptrs, at, 3, 10 * WEEK, aged);
	for (size_t i = 0; i < 3; i++)
		aptrs[i] = &aged[i];
	lic_units_combine(&cat, &pssp10, V91, aptrs, 3, 2, &out);
	assert_int_equal(aged[0].v[F_BOTNET].seconds_left, 42 * WEEK);
	assert_int_equal(out.v[F_BOTNET].seconds_left, 146 * WEEK);
	/* The master lost at 10 weeks, its last word then. */
	at[0] = at[1] = at[2] = 10 * WEEK;
	assert_int_equal(lic_units_cover(aptrs, at, 1, F_BOTNET, 14 * WEEK),
	    38 * WEEK);
	assert_int_equal(lic_units_cover(aptrs, at, 2, F_BOTNET, 14 * WEEK),
	    90 * WEEK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_combine),
		cmocka_unit_test(test_versions),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_charge),
		cmocka_unit_test(test_grace_example),
		cmocka_unit_test(test_grace_combined),
		cmocka_unit_test(test_hold),
		cmocka_unit_test(test_cover),
		cmocka_unit_test(test_age),
		cmocka_unit_test(test_cluster_example),
	};

	return cmocka_run_group_tests_name("lic_units", tests, NULL, NULL);
}
