/* SPDX-License-Identifier: MIT */
/*
 * The strbuf number writers that replaced printf in the running
 * configuration: the same text as "%u" and "%u.%u.%u.%u" for the edge
 * values, appended after what the buffer held; fmt_u32 and fmt_hex32
 * under them, as "%.*u" and "%08x"; and strbuf_addch, which writes in
 * place while the allocation has room, as strbuf_add would.
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
test_util_strbuf__fmt_as_printf(void **state)
{
	static const uint32_t v[] = { 0, 1, 9, 10, 99, 100, 999, 4095, 65535,
	    0x0373ecb2u, 1000000000u, 4294967295u };
	static const unsigned digits[] = { 1, 2, 3, 4, 10 };
	char		 got[FMT_U32_MAX + 1], want[16];
	size_t		 n;

	(void)state;
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		for (size_t d = 0; d < sizeof digits / sizeof digits[0]; d++) {
			memset(got, '#', sizeof got);
			n = fmt_u32(got, v[i], digits[d]);
			snprintf(want, sizeof want, "%.*u", (int)digits[d],
			    (unsigned)v[i]);
			assert_int_equal(n, strlen(want));
			assert_memory_equal(got, want, n);
			assert_int_equal(got[n], '#');
		}
		memset(got, '#', sizeof got);
		fmt_hex32(got, v[i]);
		snprintf(want, sizeof want, "%08x", (unsigned)v[i]);
		assert_memory_equal(got, want, 8);
		assert_int_equal(got[8], '#');
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

/*
 * Byte by byte past the first allocation (64 bytes) and up to the cap:
 * the text, its NUL and the truncation flag as strbuf_add leaves them.
 */
static void
test_util_strbuf__addch_as_add(void **state)
{
	static const size_t caps[] = { 10, 63, 64, 65, 200 };
	struct strbuf	 a, b;

	(void)state;
	for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++) {
		strbuf_init(&a, caps[i]);
		strbuf_init(&b, caps[i]);
		for (size_t k = 0; k < 150; k++) {
			char c = (char)('a' + k % 26);

			strbuf_addch(&a, c);
			strbuf_add(&b, &c, 1);
			assert_int_equal(a.len, b.len);
			assert_int_equal(a.truncated, b.truncated);
			assert_string_equal(a.buf, b.buf);
		}
		assert_int_equal(a.len, caps[i] < 150 ? caps[i] : 150);
		assert_int_equal(a.truncated, caps[i] < 150);
		strbuf_release(&a);
		strbuf_release(&b);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_util_strbuf__u32_as_printf),
		cmocka_unit_test(test_util_strbuf__fmt_as_printf),
		cmocka_unit_test(test_util_strbuf__ipv4_as_printf),
		cmocka_unit_test(test_util_strbuf__addch_as_add),
	};

	return cmocka_run_group_tests_name("util_strbuf", tests, NULL, NULL);
}
