/* SPDX-License-Identifier: MIT */
/*
 * Tables 5-8 to 5-15 of the ASA 9.1 "Managing Feature Licenses" chapter,
 * every cell checked against the loaded model data (test_model_tables.c
 * has 5-1 to 5-7). The expected values are transcribed by hand from the
 * chapter, never from the XML, so a wrong value in the data fails here.
 */
#include "model_tables.h"

/* Table 5-8 ASA 5515-X License Features. */
static const struct cell_case t5_8[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .id = "firewall-conns", .value = 250000 },
	{ .id = "gtp-gprs", AVAILABLE },
	{ .id = "intercompany-media-engine", AVAILABLE },
	{ .id = "uc-proxy-sessions", .value = 2,
	    .tiers = { T(24), T(50), T(100), T(250), T(500) } },
	{ .id = "advanced-endpoint-assessment", AVAILABLE },
	{ .id = "anyconnect-vpn-phone", AVAILABLE },
	{ .id = "anyconnect-essentials", AVAILABLE, .sessions = 250 },
	{ .id = "anyconnect-mobile", AVAILABLE },
	{ .id = "anyconnect-premium", .value = 2, TIME_BASED,
	    .tiers = { T(10), T(25), T(50), T(100), T(250) } },
	{ .id = "shared-license",
	    .tiers = { T(SHARED_PARTICIPANT), T(SHARED_SERVER) } },
	{ .id = "shared-premium-sessions", .tiers = { POOL_500, POOL_1000 } },
	{ .id = "total-vpn", .value = 250 },
	{ .id = "other-vpn", .value = 250 },
	{ .id = "vpn-load-balancing", .value = 1 },
	{ .id = "encryption", .value = ENC_DES, .tiers = { T(ENC_STRONG) } },
	{ .id = "failover", .value = FO_ACTIVE_ACTIVE },
	{ .id = "interfaces", .value = 916 },
	{ .id = "security-contexts", .value = 2, .tiers = { T(5) } },
	{ .id = "cluster", .value = 2 },	/* "Supported for 2 units" */
	{ .id = "ips-module", AVAILABLE },
	{ .id = "vlans", .value = 100 },
};

/* Table 5-9 ASA 5525-X License Features. */
static const struct cell_case t5_9[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .id = "firewall-conns", .value = 500000 },
	{ .id = "gtp-gprs", AVAILABLE },
	{ .id = "intercompany-media-engine", AVAILABLE },
	{ .id = "uc-proxy-sessions", .value = 2,
	    .tiers = { T(24), T(50), T(100), T(250), T(500), T(750),
	    T(1000) } },
	{ .id = "advanced-endpoint-assessment", AVAILABLE },
	{ .id = "anyconnect-vpn-phone", AVAILABLE },
	{ .id = "anyconnect-essentials", AVAILABLE, .sessions = 750 },
	{ .id = "anyconnect-mobile", AVAILABLE },
	{ .id = "anyconnect-premium", .value = 2, TIME_BASED,
	    .tiers = { T(10), T(25), T(50), T(100), T(250), T(500),
	    T(750) } },
	{ .id = "shared-license",
	    .tiers = { T(SHARED_PARTICIPANT), T(SHARED_SERVER) } },
	{ .id = "shared-premium-sessions", .tiers = { POOL_500, POOL_1000 } },
	{ .id = "total-vpn", .value = 750 },
	{ .id = "other-vpn", .value = 750 },
	{ .id = "vpn-load-balancing", .value = 1 },
	{ .id = "encryption", .value = ENC_DES, .tiers = { T(ENC_STRONG) } },
	{ .id = "failover", .value = FO_ACTIVE_ACTIVE },
	{ .id = "interfaces", .value = 1316 },
	{ .id = "security-contexts", .value = 2,
	    .tiers = { T(5), T(10), T(20) } },
	{ .id = "cluster", .value = 2 },	/* "Supported for 2 units" */
	{ .id = "ips-module", AVAILABLE },
	{ .id = "vlans", .value = 200 },
};

/* Table 5-10 ASA 5545-X License Features. */
static const struct cell_case t5_10[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .id = "firewall-conns", .value = 750000 },
	{ .id = "gtp-gprs", AVAILABLE },
	{ .id = "intercompany-media-engine", AVAILABLE },
	{ .id = "uc-proxy-sessions", .value = 2,
	    .tiers = { T(24), T(50), T(100), T(250), T(500), T(750),
	    T(1000), T(2000) } },
	{ .id = "advanced-endpoint-assessment", AVAILABLE },
	{ .id = "anyconnect-vpn-phone", AVAILABLE },
	{ .id = "anyconnect-essentials", AVAILABLE, .sessions = 2500 },
	{ .id = "anyconnect-mobile", AVAILABLE },
	{ .id = "anyconnect-premium", .value = 2, TIME_BASED,
	    .tiers = { T(10), T(25), T(50), T(100), T(250), T(500),
	    T(750), T(1000), T(2500) } },
	{ .id = "shared-license",
	    .tiers = { T(SHARED_PARTICIPANT), T(SHARED_SERVER) } },
	{ .id = "shared-premium-sessions", .tiers = { POOL_500, POOL_1000 } },
	{ .id = "total-vpn", .value = 2500 },
	{ .id = "other-vpn", .value = 2500 },
	{ .id = "vpn-load-balancing", .value = 1 },
	{ .id = "encryption", .value = ENC_DES, .tiers = { T(ENC_STRONG) } },
	{ .id = "failover", .value = FO_ACTIVE_ACTIVE },
	{ .id = "interfaces", .value = 1716 },
	{ .id = "security-contexts", .value = 2,
	    .tiers = { T(5), T(10), T(20), T(50) } },
	{ .id = "cluster", .value = 2 },	/* "Supported for 2 units" */
	{ .id = "ips-module", AVAILABLE },
	{ .id = "vlans", .value = 300 },
};

/* Table 5-11 ASA 5555-X License Features. */
static const struct cell_case t5_11[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .id = "firewall-conns", .value = 1000000 },
	{ .id = "gtp-gprs", AVAILABLE },
	{ .id = "intercompany-media-engine", AVAILABLE },
	{ .id = "uc-proxy-sessions", .value = 2,
	    .tiers = { T(24), T(50), T(100), T(250), T(500), T(750),
	    T(1000), T(2000), T(3000) } },
	{ .id = "advanced-endpoint-assessment", AVAILABLE },
	{ .id = "anyconnect-vpn-phone", AVAILABLE },
	{ .id = "anyconnect-essentials", AVAILABLE, .sessions = 5000 },
	{ .id = "anyconnect-mobile", AVAILABLE },
	{ .id = "anyconnect-premium", .value = 2, TIME_BASED,
	    .tiers = { T(10), T(25), T(50), T(100), T(250), T(500),
	    T(750), T(1000), T(2500), T(5000) } },
	{ .id = "shared-license",
	    .tiers = { T(SHARED_PARTICIPANT), T(SHARED_SERVER) } },
	{ .id = "shared-premium-sessions", .tiers = { POOL_500, POOL_1000 } },
	{ .id = "total-vpn", .value = 5000 },
	{ .id = "other-vpn", .value = 5000 },
	{ .id = "vpn-load-balancing", .value = 1 },
	{ .id = "encryption", .value = ENC_DES, .tiers = { T(ENC_STRONG) } },
	{ .id = "failover", .value = FO_ACTIVE_ACTIVE },
	{ .id = "interfaces", .value = 2516 },
	{ .id = "security-contexts", .value = 2,
	    .tiers = { T(5), T(10), T(20), T(50), T(100) } },
	{ .id = "cluster", .value = 2 },	/* "Supported for 2 units" */
	{ .id = "ips-module", AVAILABLE },
	{ .id = "vlans", .value = 500 },
};

/*
 * Table 5-12 ASA 5585-X with SSP-10 License Features: one "Base and
 * Security Plus" column; the editions differ in 10 GE I/O only. The
 * shared server lists only "500-50,000 in increments of 500".
 */
static const struct cell_case t5_12[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .id = "firewall-conns", .value = 1000000 },
	{ .id = "gtp-gprs", AVAILABLE },
	{ .id = "intercompany-media-engine", AVAILABLE },
	{ .id = "uc-proxy-sessions", .value = 2,
	    .tiers = { T(24), T(50), T(100), T(250), T(500), T(750),
	    T(1000), T(2000), T(3000) } },
	{ .id = "advanced-endpoint-assessment", AVAILABLE },
	{ .id = "anyconnect-vpn-phone", AVAILABLE },
	{ .id = "anyconnect-essentials", AVAILABLE, .sessions = 5000 },
	{ .id = "anyconnect-mobile", AVAILABLE },
	{ .id = "anyconnect-premium", .value = 2, TIME_BASED,
	    .tiers = { T(10), T(25), T(50), T(100), T(250), T(500),
	    T(750), T(1000), T(2500), T(5000) } },
	{ .id = "shared-license",
	    .tiers = { T(SHARED_PARTICIPANT), T(SHARED_SERVER) } },
	{ .id = "shared-premium-sessions", .tiers = { POOL_500 } },
	{ .id = "total-vpn", .value = 5000 },
	{ .id = "other-vpn", .value = 5000 },
	{ .id = "vpn-load-balancing", .value = 1 },
	{ .edition = "base", .id = "ten-ge-io", .value = 0 },
	{ .edition = SP, .id = "ten-ge-io", .value = 1 },
	{ .id = "encryption", .value = ENC_DES, .tiers = { T(ENC_STRONG) } },
	{ .id = "failover", .value = FO_ACTIVE_ACTIVE },
	{ .id = "interfaces", .value = 4612 },
	{ .id = "security-contexts", .value = 2,
	    .tiers = { T(5), T(10), T(20), T(50), T(100) } },
	{ .id = "cluster", .tiers = { T(8) } },	/* "Available for 8 units" */
	{ .id = "vlans", .value = 1024 },
};

/*
 * Table 5-13 ASA 5585-X with SSP-20 License Features: one "Base and
 * Security Plus" column; the editions differ in 10 GE I/O only.
 * Footnote 1: 10,000 UC sessions, but at most 5000 Phone Proxy sessions.
 */
static const struct cell_case t5_13[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .id = "firewall-conns", .value = 2000000 },
	{ .id = "gtp-gprs", AVAILABLE },
	{ .id = "intercompany-media-engine", AVAILABLE },
	{ .id = "uc-proxy-sessions", .value = 2, .phone_max = 5000,
	    .tiers = { T(24), T(50), T(100), T(250), T(500), T(750),
	    T(1000), T(2000), T(3000), T(5000), T(10000) } },
	{ .id = "advanced-endpoint-assessment", AVAILABLE },
	{ .id = "anyconnect-vpn-phone", AVAILABLE },
	{ .id = "anyconnect-essentials", AVAILABLE, .sessions = 10000 },
	{ .id = "anyconnect-mobile", AVAILABLE },
	{ .id = "anyconnect-premium", .value = 2, TIME_BASED,
	    .tiers = { T(10), T(25), T(50), T(100), T(250), T(500),
	    T(750), T(1000), T(2500), T(5000), T(10000) } },
	{ .id = "shared-license",
	    .tiers = { T(SHARED_PARTICIPANT), T(SHARED_SERVER) } },
	{ .id = "shared-premium-sessions", .tiers = { POOL_500, POOL_1000 } },
	{ .id = "total-vpn", .value = 10000 },
	{ .id = "other-vpn", .value = 10000 },
	{ .id = "vpn-load-balancing", .value = 1 },
	{ .edition = "base", .id = "ten-ge-io", .value = 0 },
	{ .edition = SP, .id = "ten-ge-io", .value = 1 },
	{ .id = "encryption", .value = ENC_DES, .tiers = { T(ENC_STRONG) } },
	{ .id = "failover", .value = FO_ACTIVE_ACTIVE },
	{ .id = "interfaces", .value = 4612 },
	{ .id = "security-contexts", .value = 2,
	    .tiers = { T(5), T(10), T(20), T(50), T(100), T(250) } },
	{ .id = "cluster", .tiers = { T(8) } },	/* "Available for 8 units" */
	{ .id = "vlans", .value = 1024 },
};

/*
 * Table 5-14 ASA 5585-X with SSP-40 and -60 License Features. Footnote 1:
 * 10,000 UC sessions, but at most 5000 Phone Proxy sessions.
 */
static const struct cell_case t5_14[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .model = "ASA5585-X-SSP-40", .id = "firewall-conns",
	    .value = 4000000 },
	{ .model = "ASA5585-X-SSP-60", .id = "firewall-conns",
	    .value = 10000000 },
	{ .id = "gtp-gprs", AVAILABLE },
	{ .id = "intercompany-media-engine", AVAILABLE },
	{ .id = "uc-proxy-sessions", .value = 2, .phone_max = 5000,
	    .tiers = { T(24), T(50), T(100), T(250), T(500), T(750),
	    T(1000), T(2000), T(3000), T(5000), T(10000) } },
	{ .id = "advanced-endpoint-assessment", AVAILABLE },
	{ .id = "anyconnect-vpn-phone", AVAILABLE },
	{ .id = "anyconnect-essentials", AVAILABLE, .sessions = 10000 },
	{ .id = "anyconnect-mobile", AVAILABLE },
	{ .id = "anyconnect-premium", .value = 2, TIME_BASED,
	    .tiers = { T(10), T(25), T(50), T(100), T(250), T(500),
	    T(750), T(1000), T(2500), T(5000), T(10000) } },
	{ .id = "shared-license",
	    .tiers = { T(SHARED_PARTICIPANT), T(SHARED_SERVER) } },
	{ .id = "shared-premium-sessions", .tiers = { POOL_500, POOL_1000 } },
	{ .id = "total-vpn", .value = 10000 },
	{ .id = "other-vpn", .value = 10000 },
	{ .id = "vpn-load-balancing", .value = 1 },
	{ .id = "ten-ge-io", .value = 1 },	/* "Enabled; ... 10 GE" */
	{ .id = "encryption", .value = ENC_DES, .tiers = { T(ENC_STRONG) } },
	{ .id = "failover", .value = FO_ACTIVE_ACTIVE },
	{ .id = "interfaces", .value = 4612 },
	{ .id = "security-contexts", .value = 2,
	    .tiers = { T(5), T(10), T(20), T(50), T(100), T(250) } },
	{ .id = "cluster", .tiers = { T(8) } },	/* "Available for 8 units" */
	{ .id = "vlans", .value = 1024 },
};

/*
 * Table 5-15 ASASM License Features. Footnote 1: 10,000 UC sessions, but
 * at most 5000 Phone Proxy sessions.
 */
static const struct cell_case t5_15[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .id = "firewall-conns", .value = 10000000 },
	{ .id = "gtp-gprs", AVAILABLE },
	{ .id = "intercompany-media-engine", AVAILABLE },
	{ .id = "uc-proxy-sessions", .value = 2, .phone_max = 5000,
	    .tiers = { T(24), T(50), T(100), T(250), T(500), T(750),
	    T(1000), T(2000), T(3000), T(5000), T(10000) } },
	{ .id = "advanced-endpoint-assessment", AVAILABLE },
	{ .id = "anyconnect-vpn-phone", AVAILABLE },
	{ .id = "anyconnect-essentials", AVAILABLE, .sessions = 10000 },
	{ .id = "anyconnect-mobile", AVAILABLE },
	{ .id = "anyconnect-premium", .value = 2, TIME_BASED,
	    .tiers = { T(10), T(25), T(50), T(100), T(250), T(500),
	    T(750), T(1000), T(2500), T(5000), T(10000) } },
	{ .id = "shared-license",
	    .tiers = { T(SHARED_PARTICIPANT), T(SHARED_SERVER) } },
	{ .id = "shared-premium-sessions", .tiers = { POOL_500, POOL_1000 } },
	{ .id = "total-vpn", .value = 10000 },
	{ .id = "other-vpn", .value = 10000 },
	{ .id = "vpn-load-balancing", .value = 1 },
	{ .id = "encryption", .value = ENC_DES, .tiers = { T(ENC_STRONG) } },
	{ .id = "failover", .value = FO_ACTIVE_ACTIVE },
	{ .id = "security-contexts", .value = 2,
	    .tiers = { T(5), T(10), T(20), T(50), T(100), T(250) } },
	{ .id = "cluster", NO_SUPPORT },
	{ .id = "vlans", .value = 1000 },
};

static const struct table_case table_5_8 = { TABLE("Table 5-8", t5_8),
	.models = { "ASA5515-X" }, .editions = { "base" } };
static const struct table_case table_5_9 = { TABLE("Table 5-9", t5_9),
	.models = { "ASA5525-X" }, .editions = { "base" } };
static const struct table_case table_5_10 = { TABLE("Table 5-10", t5_10),
	.models = { "ASA5545-X" }, .editions = { "base" } };
static const struct table_case table_5_11 = { TABLE("Table 5-11", t5_11),
	.models = { "ASA5555-X" }, .editions = { "base" } };
static const struct table_case table_5_12 = { TABLE("Table 5-12", t5_12),
	.models = { "ASA5585-X-SSP-10" }, .editions = { "base", SP } };
static const struct table_case table_5_13 = { TABLE("Table 5-13", t5_13),
	.models = { "ASA5585-X-SSP-20" }, .editions = { "base", SP } };
static const struct table_case table_5_14 = { TABLE("Table 5-14", t5_14),
	.models = { "ASA5585-X-SSP-40", "ASA5585-X-SSP-60" },
	.editions = { "base" } };
static const struct table_case table_5_15 = { TABLE("Table 5-15", t5_15),
	.models = { "ASASM" }, .editions = { "base" } };

TABLE_TEST(test_tables__5_8_asa5515x, table_5_8)
TABLE_TEST(test_tables__5_9_asa5525x, table_5_9)
TABLE_TEST(test_tables__5_10_asa5545x, table_5_10)
TABLE_TEST(test_tables__5_11_asa5555x, table_5_11)
TABLE_TEST(test_tables__5_12_asa5585x_ssp10, table_5_12)
TABLE_TEST(test_tables__5_13_asa5585x_ssp20, table_5_13)
TABLE_TEST(test_tables__5_14_asa5585x_ssp40_60, table_5_14)
TABLE_TEST(test_tables__5_15_asasm, table_5_15)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tables__5_8_asa5515x),
		cmocka_unit_test(test_tables__5_9_asa5525x),
		cmocka_unit_test(test_tables__5_10_asa5545x),
		cmocka_unit_test(test_tables__5_11_asa5555x),
		cmocka_unit_test(test_tables__5_12_asa5585x_ssp10),
		cmocka_unit_test(test_tables__5_13_asa5585x_ssp20),
		cmocka_unit_test(test_tables__5_14_asa5585x_ssp40_60),
		cmocka_unit_test(test_tables__5_15_asasm),
	};

	return cmocka_run_group_tests_name("model_tables2", tests, tables_setup,
	    tables_teardown);
}
