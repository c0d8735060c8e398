/* SPDX-License-Identifier: MIT */
/*
 * The strbuf number writers that replaced printf in the running
 * configuration: the same text as "%u" and "%u.%u.%u.%u" for the edge
 * values, appended after what the buffer held.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "util/util.h"

static void
test_util_strbuf__u32_as_printf(void **state)
{
	static const uint32_t v[] = { 0, 1, 9, 10, 99, 100, 4095, 65535,
	    1000000000u, 4294967295u };
	struct strbuf	 sb;
	char		 want[16];

	(void)state;
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		strbuf_init(&sb, 0);
		strbuf_puts(&sb, "vlan ");
		strbuf_add_u32(&sb, v[i]);
		snprintf(want, sizeof want, "vlan %u", (unsigned)v[i]);
		assert_int_equal(sb.len, strlen(want));
		assert_memory_equal(sb.buf, want, sb.len);
		strbuf_release(&sb);
	}
}

static void
test_util_strbuf__ipv4_as_printf(void **state)
{
	static const uint32_t v[] = { 0, 0x0a010203u, 0xffffff00u,
	    0xffffffffu, 0x00000001u, 0xc0a86401u };
	struct strbuf	 sb;
	char		 want[24];

	(void)state;
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		strbuf_init(&sb, 0);
		strbuf_add_ipv4(&sb, v[i]);
		snprintf(want, sizeof want, "%u.%u.%u.%u", v[i] >> 24,
		    v[i] >> 16 & 0xff, v[i] >> 8 & 0xff, v[i] & 0xff);
		assert_int_equal(sb.len, strlen(want));
		assert_memory_equal(sb.buf, want, sb.len);
		strbuf_release(&sb);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_util_strbuf__u32_as_printf),
		cmocka_unit_test(test_util_strbuf__ipv4_as_printf),
	};

	return cmocka_run_group_tests_name("util_strbuf", tests, NULL, NULL);
}
