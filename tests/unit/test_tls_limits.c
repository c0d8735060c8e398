/* SPDX-License-Identifier: MIT */
/*
 * TLS proxy session limits (licensing/lic_tls.c): one row per rule of
 * the chapter's Table 5-16 ("Intercompany Media Engine", "UC Phone Proxy
 * sessions, Total UC Proxy Sessions"), each row's name quoting it, over
 * three platform classes with their models/data values.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "licensing/licensing.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* TLS default, maximum and IME extra of models/data (reference 5.3). */
static const struct lic_platform asa5505 = {
	.id = "ASA5505", .tls_default = 10, .tls_max = 80,
	.tls_ime_extra = 56,
};
static const struct lic_platform asa5520 = {
	.id = "ASA5520", .tls_default = 300, .tls_max = 1200,
	.tls_ime_extra = 200,
};
static const struct lic_platform asa5585 = {
	.id = "ASA5585-X-SSP-20", .tls_default = 4000, .tls_max = 13000,
	.tls_ime_extra = 3000,
};

struct tls_case {
	const char			*name;
	const struct lic_platform	*p;
	struct lic_tls_in		 in;
	uint32_t			 dflt, max, platform_dflt;
};

static const struct tls_case cases[] = {
	{ .name = "5505 base: the platform default and maximum",
	  .p = &asa5505, .in = { .uc = 2, .uc_base = 2 },
	  .dflt = 10, .max = 80, .platform_dflt = 10 },
	{ .name = "5505: a UC license higher than the default TLS proxy "
	    "limit sets the limit to match the UC limit",
	  .p = &asa5505, .in = { .uc = 24, .uc_base = 2 },
	  .dflt = 24, .max = 80, .platform_dflt = 10 },
	{ .name = "5505: with IME, the UC license limit plus an additional "
	    "number of sessions depending on your model",
	  .p = &asa5505, .in = { .uc = 24, .uc_base = 2, .ime = true },
	  .dflt = 80, .max = 80, .platform_dflt = 10 },
	{ .name = "5505: IME alone leaves the configured (default) limit",
	  .p = &asa5505, .in = { .uc = 2, .uc_base = 2, .ime = true },
	  .dflt = 10, .max = 80, .platform_dflt = 10 },
	{ .name = "5520 base: default 300, maximum 1200",
	  .p = &asa5520, .in = { .uc = 2, .uc_base = 2 },
	  .dflt = 300, .max = 1200, .platform_dflt = 300 },
	{ .name = "5520: a UC license not higher than the default changes "
	    "nothing (K9, 250 or more)",
	  .p = &asa5520, .in = { .uc = 250, .uc_base = 2 },
	  .dflt = 300, .max = 1200, .platform_dflt = 300 },
	{ .name = "5520: UC 500 raises the limit to 500",
	  .p = &asa5520, .in = { .uc = 500, .uc_base = 2 },
	  .dflt = 500, .max = 1200, .platform_dflt = 300 },
	{ .name = "5520: UC 1000 with IME: 1000 + 200",
	  .p = &asa5520, .in = { .uc = 1000, .uc_base = 2, .ime = true },
	  .dflt = 1200, .max = 1200, .platform_dflt = 300 },
	{ .name = "5520: for a license part number ending in K8 (under "
	    "250 users), TLS proxy sessions are limited to 1000",
	  .p = &asa5520, .in = { .uc = 100, .uc_base = 2 },
	  .dflt = 300, .max = 1000, .platform_dflt = 300 },
	{ .name = "5585: K9 UC 5000: limit 5000, maximum 13000",
	  .p = &asa5585, .in = { .uc = 5000, .uc_base = 2 },
	  .dflt = 5000, .max = 13000, .platform_dflt = 4000 },
	{ .name = "5585: UC 10000 with IME: 10000 + 3000",
	  .p = &asa5585, .in = { .uc = 10000, .uc_base = 2, .ime = true },
	  .dflt = 13000, .max = 13000, .platform_dflt = 4000 },
	{ .name = "5585: K8 caps at 1000, below the platform default",
	  .p = &asa5585, .in = { .uc = 24, .uc_base = 2 },
	  .dflt = 1000, .max = 1000, .platform_dflt = 1000 },
	{ .name = "5585: the Base UC sessions are no K8 part number",
	  .p = &asa5585, .in = { .uc = 2, .uc_base = 2 },
	  .dflt = 4000, .max = 13000, .platform_dflt = 4000 },
	{ .name = "No Payload Encryption: UC and IME hidden (0)",
	  .p = &asa5585, .in = { .uc = 0, .uc_base = 2 },
	  .dflt = 4000, .max = 13000, .platform_dflt = 4000 },
};

static void
test_lic_tls__rules(void **state)
{
	(void)state;
	for (size_t i = 0; i < NELEM(cases); i++) {
		const struct tls_case	*c = &cases[i];
		struct lic_tls_limits	 l;

		lic_tls_limits(c->p, &c->in, &l);
		print_message("%s\n", c->name);
		assert_int_equal(l.dflt, c->dflt);
		assert_int_equal(l.max, c->max);
		assert_int_equal(l.platform_dflt, c->platform_dflt);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lic_tls__rules),
	};

	return cmocka_run_group_tests_name("lic_tls", tests, NULL, NULL);
}
