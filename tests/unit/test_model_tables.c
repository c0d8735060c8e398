/* SPDX-License-Identifier: MIT */
/*
 * Tables 5-1 to 5-7 of the ASA 9.1 "Managing Feature Licenses" chapter,
 * every cell checked against the loaded model data (test_model_tables2.c
 * has 5-8 to 5-15). The expected values are transcribed by hand from the
 * chapter, never from the XML, so a wrong value in the data fails here.
 */
#include "model_tables.h"

/* Table 5-1 ASA 5505 License Features. */
static const struct cell_case t5_1[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .edition = "base", .id = "firewall-conns", .value = 10000 },
	{ .edition = SP, .id = "firewall-conns", .value = 25000 },
	{ .id = "gtp-gprs", NO_SUPPORT },
	{ .id = "intercompany-media-engine", AVAILABLE },
	{ .id = "uc-proxy-sessions", .value = 2, .tiers = { T(24) } },
	{ .id = "advanced-endpoint-assessment", AVAILABLE },
	{ .id = "anyconnect-vpn-phone", AVAILABLE },
	{ .id = "anyconnect-essentials", AVAILABLE, .sessions = 25 },
	{ .id = "anyconnect-mobile", AVAILABLE },
	{ .id = "anyconnect-premium", .value = 2, TIME_BASED,
	    .tiers = { T(10), T(25) } },
	{ .edition = "base", .id = "other-vpn", .value = 10 },
	{ .edition = SP, .id = "other-vpn", .value = 25 },
	{ .id = "total-vpn", .value = 25 },		/* "up to 25" */
	{ .id = "vpn-load-balancing", NO_SUPPORT },
	{ .id = "encryption", .value = ENC_DES, .tiers = { T(ENC_STRONG) } },
	{ .edition = "base", .id = "failover", NO_SUPPORT },
	{ .edition = SP, .id = "failover", .value = FO_ACTIVE_STANDBY },
	{ .id = "security-contexts", NO_SUPPORT },
	{ .id = "cluster", NO_SUPPORT },
	{ .id = "inside-hosts", .value = 10, .tiers = { T(50), T(UNL) } },
	{ .edition = "base", .id = "vlans", .value = 3 },	/* routed */
	{ .edition = SP, .id = "vlans", .value = 20 },		/* routed */
	{ .edition = "base", .id = "vlan-trunks", NO_SUPPORT },
	{ .edition = SP, .id = "vlan-trunks", .value = 8 },
};

/* Table 5-2 ASA 5510 License Features. */
static const struct cell_case t5_2[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .edition = "base", .id = "firewall-conns", .value = 50000 },
	{ .edition = SP, .id = "firewall-conns", .value = 130000 },
	{ .id = "gtp-gprs", NO_SUPPORT },
	{ .id = "intercompany-media-engine", AVAILABLE },
	{ .id = "uc-proxy-sessions", .value = 2,
	    .tiers = { T(24), T(50), T(100) } },
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
	{ .edition = "base", .id = "vpn-load-balancing", NO_SUPPORT },
	{ .edition = SP, .id = "vpn-load-balancing", .value = 1 },
	{ .id = "encryption", .value = ENC_DES, .tiers = { T(ENC_STRONG) } },
	{ .edition = "base", .id = "failover", NO_SUPPORT },
	{ .edition = SP, .id = "failover", .value = FO_ACTIVE_ACTIVE },
	{ .edition = "base", .id = "interfaces", .value = 364 },
	{ .edition = SP, .id = "interfaces", .value = 564 },
	{ .edition = "base", .id = "interface-speed", .value = SPEED_FAST },
	{ .edition = SP, .id = "interface-speed", .value = SPEED_GIGABIT },
	{ .edition = "base", .id = "security-contexts", NO_SUPPORT },
	{ .edition = SP, .id = "security-contexts", .value = 2,
	    .tiers = { T(5) } },
	{ .id = "cluster", NO_SUPPORT },
	{ .edition = "base", .id = "vlans", .value = 50 },
	{ .edition = SP, .id = "vlans", .value = 100 },
};

/* Table 5-3 ASA 5520 License Features. */
static const struct cell_case t5_3[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .id = "firewall-conns", .value = 280000 },
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
	{ .id = "interfaces", .value = 764 },
	{ .id = "security-contexts", .value = 2,
	    .tiers = { T(5), T(10), T(20) } },
	{ .id = "cluster", NO_SUPPORT },
	{ .id = "vlans", .value = 150 },
};

/* Table 5-4 ASA 5540 License Features. */
static const struct cell_case t5_4[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .id = "firewall-conns", .value = 400000 },
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
	{ .id = "total-vpn", .value = 5000 },
	{ .id = "other-vpn", .value = 5000 },
	{ .id = "vpn-load-balancing", .value = 1 },
	{ .id = "encryption", .value = ENC_DES, .tiers = { T(ENC_STRONG) } },
	{ .id = "failover", .value = FO_ACTIVE_ACTIVE },
	{ .id = "interfaces", .value = 964 },
	{ .id = "security-contexts", .value = 2,
	    .tiers = { T(5), T(10), T(20), T(50) } },
	{ .id = "cluster", NO_SUPPORT },
	{ .id = "vlans", .value = 200 },
};

/* Table 5-5 ASA 5550 License Features. */
static const struct cell_case t5_5[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .id = "firewall-conns", .value = 650000 },
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
	{ .id = "interfaces", .value = 1764 },
	{ .id = "security-contexts", .value = 2,
	    .tiers = { T(5), T(10), T(20), T(50), T(100) } },
	{ .id = "cluster", NO_SUPPORT },
	{ .id = "vlans", .value = 400 },
};

/*
 * Table 5-6 ASA 5580 License Features (5580-20 and 5580-40). Footnote 1:
 * "With the 10,000-session UC license ... the maximum number of Phone
 * Proxy sessions is 5000."
 */
static const struct cell_case t5_6[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .model = "ASA5580-20", .id = "firewall-conns", .value = 2000000 },
	{ .model = "ASA5580-40", .id = "firewall-conns", .value = 4000000 },
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
	{ .id = "interfaces", .value = 4612 },
	{ .id = "security-contexts", .value = 2,
	    .tiers = { T(5), T(10), T(20), T(50), T(100), T(250) } },
	{ .id = "cluster", .tiers = { T(8) } },	/* "Available for 8 units" */
	{ .id = "vlans", .value = 1024 },
};

/* Table 5-7 ASA 5512-X License Features. */
static const struct cell_case t5_7[] = {
	{ .id = "botnet-traffic-filter", TIME_BASED },
	{ .edition = "base", .id = "firewall-conns", .value = 100000 },
	{ .edition = SP, .id = "firewall-conns", .value = 250000 },
	{ .edition = "base", .id = "gtp-gprs", NO_SUPPORT },
	{ .edition = SP, .id = "gtp-gprs", AVAILABLE },
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
	{ .edition = "base", .id = "vpn-load-balancing", NO_SUPPORT },
	{ .edition = SP, .id = "vpn-load-balancing", .value = 1 },
	{ .id = "encryption", .value = ENC_DES, .tiers = { T(ENC_STRONG) } },
	{ .edition = "base", .id = "failover", NO_SUPPORT },
	{ .edition = SP, .id = "failover", .value = FO_ACTIVE_ACTIVE },
	{ .edition = "base", .id = "interfaces", .value = 716 },
	{ .edition = SP, .id = "interfaces", .value = 916 },
	{ .edition = "base", .id = "security-contexts", NO_SUPPORT },
	{ .edition = SP, .id = "security-contexts", .value = 2,
	    .tiers = { T(5) } },
	{ .edition = "base", .id = "cluster", NO_SUPPORT },
	{ .edition = SP, .id = "cluster", .value = 2 },	/* "for 2 units" */
	{ .id = "ips-module", AVAILABLE },
	{ .edition = "base", .id = "vlans", .value = 50 },
	{ .edition = SP, .id = "vlans", .value = 100 },
};

static const struct table_case table_5_1 = { TABLE("Table 5-1", t5_1),
	.models = { "ASA5505" }, .editions = { "base", SP } };
static const struct table_case table_5_2 = { TABLE("Table 5-2", t5_2),
	.models = { "ASA5510" }, .editions = { "base", SP } };
static const struct table_case table_5_3 = { TABLE("Table 5-3", t5_3),
	.models = { "ASA5520" }, .editions = { "base" } };
static const struct table_case table_5_4 = { TABLE("Table 5-4", t5_4),
	.models = { "ASA5540" }, .editions = { "base" } };
static const struct table_case table_5_5 = { TABLE("Table 5-5", t5_5),
	.models = { "ASA5550" }, .editions = { "base" } };
static const struct table_case table_5_6 = { TABLE("Table 5-6", t5_6),
	.models = { "ASA5580-20", "ASA5580-40" }, .editions = { "base" } };
static const struct table_case table_5_7 = { TABLE("Table 5-7", t5_7),
	.models = { "ASA5512-X" }, .editions = { "base", SP } };

/*
 * Table 5-1 footnote 3: "For a 10-user license, the max. DHCP clients is
 * 32. For 50 users, the max. is 128. For unlimited users, the max. is 250".
 */
static const struct lic_dhcp dhcp_5505[] = {
	{ 10, 32 }, { 50, 128 }, { UNL, 250 },
};

static void
test_tables__5_1_asa5505_footnotes(void **state)
{
	const struct fixture		*fx = *state;
	const struct lic_platform	*p;
	const char			*w = "Table 5-1 ASA5505 footnotes";
	size_t				 n;
	int				 bad = 0;

	n = sizeof(dhcp_5505) / sizeof(dhcp_5505[0]);
	p = model_db_find(fx->db, "ASA5505");
	if (p == NULL)
		fail_msg("no model ASA5505");
	/* Footnote 1: with Premium, Premium + Other VPN, not over 25. */
	if (!p->vpn_total_sum)
		bad += report(w, "vpn_total_sum: want true, found false");
	if (p->ndhcp != n)
		bad += report(w, "dhcp: want %zu entries, found %zu", n,
		    p->ndhcp);
	for (size_t i = 0; i < n && i < p->ndhcp; i++)
		if (p->dhcp[i].hosts != dhcp_5505[i].hosts ||
		    p->dhcp[i].clients != dhcp_5505[i].clients)
			bad += report(w, "dhcp[%zu]: want {%u,%u}, found "
			    "{%u,%u}", i, dhcp_5505[i].hosts,
			    dhcp_5505[i].clients, p->dhcp[i].hosts,
			    p->dhcp[i].clients);
	if (bad != 0)
		fail_msg("%s: %d mismatches with the chapter", w, bad);
}

TABLE_TEST(test_tables__5_1_asa5505, table_5_1)
TABLE_TEST(test_tables__5_2_asa5510, table_5_2)
TABLE_TEST(test_tables__5_3_asa5520, table_5_3)
TABLE_TEST(test_tables__5_4_asa5540, table_5_4)
TABLE_TEST(test_tables__5_5_asa5550, table_5_5)
TABLE_TEST(test_tables__5_6_asa5580, table_5_6)
TABLE_TEST(test_tables__5_7_asa5512x, table_5_7)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tables__5_1_asa5505),
		cmocka_unit_test(test_tables__5_1_asa5505_footnotes),
		cmocka_unit_test(test_tables__5_2_asa5510),
		cmocka_unit_test(test_tables__5_3_asa5520),
		cmocka_unit_test(test_tables__5_4_asa5540),
		cmocka_unit_test(test_tables__5_5_asa5550),
		cmocka_unit_test(test_tables__5_6_asa5580),
		cmocka_unit_test(test_tables__5_7_asa5512x),
	};

	return cmocka_run_group_tests_name("model_tables", tests, tables_setup,
	    tables_teardown);
}
