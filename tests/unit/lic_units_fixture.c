/* SPDX-License-Identifier: MIT */
/* The fixture's data (lic_units_fixture.h). */
#include "tests/unit/lic_units_fixture.h"

#include <string.h>

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

const struct lic_catalog cat = {
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
const struct lic_platform p5520 = PLATFORM("ASA5520", e5520);
const struct lic_platform p5540 = PLATFORM("ASA5540", e5540);
const struct lic_platform pssp10 = PLATFORM("ASA5585-X-SSP-10",
    essp10);
const struct lic_platform pssp60 = PLATFORM("ASA5585-X-SSP-60",
    essp60);
const struct lic_platform p5510 = PLATFORM("ASA5510", e5510);

void
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
