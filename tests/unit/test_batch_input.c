/* SPDX-License-Identifier: MIT */
/*
 * Batch input that a .cli transcript cannot hold: CR, LF and CRLF line
 * ends, NUL bytes, invalid UTF-8 and over-long lines, fed to the asaemu
 * binary through a pipe. Each gets an error or runs; none crashes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

struct run {
	char	*out;		/* everything asaemu printed */
	int	 status;	/* exit status */
};

/* Run asaemu on input (len bytes) with a fresh flash; the caller frees. */
static struct run
run_asaemu(const char *input, size_t len)
{
	const char	*bin = getenv("ASAEMU_BIN");
	char		 dir[] = "/tmp/asaemu-batch-XXXXXX", in[64], out[64];
	char		 cmd[512];
	struct run	 r = { NULL, -1 };
	FILE		*f;
	long		 n;

	assert_non_null(bin);
	assert_non_null(mkdtemp(dir));
	snprintf(in, sizeof in, "%s/in", dir);
	snprintf(out, sizeof out, "%s/out", dir);
	assert_non_null(f = fopen(in, "wb"));
	assert_int_equal(fwrite(input, 1, len, f), len);
	fclose(f);
	snprintf(cmd, sizeof cmd, "%s --clock 2013-03-01T12:00:00Z --flash "
	    "%s/flash <%s >%s 2>&1", bin, dir, in, out);
	r.status = system(cmd);
	r.status = WIFEXITED(r.status) ? WEXITSTATUS(r.status) : -1;
	assert_non_null(f = fopen(out, "rb"));
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	r.out = calloc(1, (size_t)n + 1);
	assert_int_equal(fread(r.out, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	return r;
}

static void
test_batch_input__cr_lf_and_crlf_end_lines(void **state)
{
	static const char in[] = "show curpriv\r\nshow clock\rshow curpriv\n"
	    "show clock";
	struct run	 r = run_asaemu(in, sizeof in - 1);

	(void)state;
	assert_string_equal(r.out,
	    "ciscoasa> show curpriv\n"
	    "Username : enable_1\n"
	    "Current privilege level : 1\n"
	    "Current Mode/s : P_UNPR\n"
	    "ciscoasa> show clock\n"
	    "12:00:00.000 UTC Fri Mar 1 2013\n"
	    "ciscoasa> show curpriv\n"
	    "Username : enable_1\n"
	    "Current privilege level : 1\n"
	    "Current Mode/s : P_UNPR\n"
	    "ciscoasa> show clock\n"
	    "12:00:00.000 UTC Fri Mar 1 2013\n");
	assert_int_equal(r.status, 0);
	free(r.out);
}

static void
test_batch_input__nul_byte_is_refused_at_its_column(void **state)
{
	static const char in[] = "show c\0lock\nshow clock\n";
	struct run	 r = run_asaemu(in, sizeof in - 1);

	(void)state;
	assert_string_equal(r.out,
	    "ciscoasa> show c lock\n"
	    "                ^\n"
	    "ERROR: % Invalid input detected at '^' marker.\n"
	    "ciscoasa> show clock\n"
	    "12:00:00.000 UTC Fri Mar 1 2013\n");
	assert_int_equal(r.status, 1);
	free(r.out);
}

static void
test_batch_input__invalid_utf8_is_refused(void **state)
{
	static const char in[] = "show \xc3\x28 clock\nshow \xe2\x82\xac\n";
	struct run	 r = run_asaemu(in, sizeof in - 1);

	(void)state;
	/* A broken sequence is refused where it starts; valid UTF-8
	 * reaches the matcher and is merely invalid input there. */
	assert_non_null(strstr(r.out, "ciscoasa> show \xc3\x28 clock\n"
	    "               ^\n"
	    "ERROR: % Invalid input detected at '^' marker.\n"));
	assert_non_null(strstr(r.out, "ciscoasa> show \xe2\x82\xac\n"
	    "               ^\n"
	    "ERROR: % Invalid input detected at '^' marker.\n"));
	assert_int_equal(r.status, 1);
	free(r.out);
}

static void
test_batch_input__overlong_line_is_refused(void **state)
{
	size_t		 len = 70000;
	char		*in = malloc(len + 32);
	struct run	 r;

	(void)state;
	memset(in, 'x', len);
	memcpy(in + len, "\nshow clock\n", 12);
	r = run_asaemu(in, len + 12);
	assert_non_null(strstr(r.out, "ERROR: Input line longer than 65536 "
	    "bytes was ignored\n"));
	assert_non_null(strstr(r.out, "ciscoasa> show clock\n12:00:00.000"));
	assert_int_equal(r.status, 1);
	free(in);
	free(r.out);
}

static void
test_batch_input__exit_ends_the_session(void **state)
{
	static const char in[] = "exit\nshow clock\n";
	struct run	 r = run_asaemu(in, sizeof in - 1);

	(void)state;
	assert_string_equal(r.out, "ciscoasa> exit\n\nLogoff\n\n");
	assert_int_equal(r.status, 0);
	free(r.out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_batch_input__cr_lf_and_crlf_end_lines),
		cmocka_unit_test(
		    test_batch_input__nul_byte_is_refused_at_its_column),
		cmocka_unit_test(test_batch_input__invalid_utf8_is_refused),
		cmocka_unit_test(test_batch_input__overlong_line_is_refused),
		cmocka_unit_test(test_batch_input__exit_ends_the_session),
	};

	return cmocka_run_group_tests_name("batch_input", tests, NULL, NULL);
}
