/* SPDX-License-Identifier: MIT */
/*
 * The asaemu command line: --list-models, an unknown model, --check-data,
 * --help, and the flash lock that refuses a second process on the same
 * flash. Each runs the real binary (ASAEMU_BIN).
 */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "util/util.h"

struct run {
	char	 out[16384];	/* standard output and error together */
	int	 status;
};

/* Run "asaemu ARGS" with input on stdin; output in r->out. */
static void
run_asaemu(struct run *r, const char *args, const char *input)
{
	const char	*bin = getenv("ASAEMU_BIN");
	char		 cmd[1024];
	FILE		*p;
	size_t		 n;

	assert_non_null(bin);
	snprintf(cmd, sizeof cmd, "printf '%s' | %s %s 2>&1", input, bin,
	    args);
	assert_non_null(p = popen(cmd, "r"));
	n = fread(r->out, 1, sizeof r->out - 1, p);
	r->out[n] = '\0';
	r->status = pclose(p);
	r->status = WIFEXITED(r->status) ? WEXITSTATUS(r->status) : -1;
}

static void
test_cli__list_models_prints_one_line_each(void **state)
{
	struct run	 r;
	int		 lines = 0;

	(void)state;
	run_asaemu(&r, "--list-models", "");
	assert_int_equal(r.status, 0);
	for (const char *p = r.out; (p = strchr(p, '\n')) != NULL; p++)
		lines++;
	/* Tables 5-1 to 5-15 serve seventeen models. */
	assert_int_equal(lines, 17);
	assert_non_null(strstr(r.out, "ASA5520            ASA 5520\n"));
	assert_non_null(strstr(r.out, "ASA5585-X-SSP-60   "));
}

static void
test_cli__unknown_model_lists_the_valid_ids(void **state)
{
	struct run	 r;

	(void)state;
	run_asaemu(&r, "--model ASA9999 --flash /tmp/asaemu-cli-none", "");
	assert_int_equal(r.status, 2);
	assert_true(strncmp(r.out, "asaemu: unknown model ASA9999\n"
	    "valid models:\nASA5505 ", 45) == 0);
	assert_non_null(strstr(r.out, "ASASM "));
}

static void
test_cli__check_data(void **state)
{
	const char	*data = getenv("ASAEMU_DATA");
	char		 args[512];
	struct run	 r;

	(void)state;
	assert_non_null(data);
	snprintf(args, sizeof args, "--check-data %s", data);
	run_asaemu(&r, args, "");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "");
	run_asaemu(&r, "--check-data /nonexistent/asaemu-data", "");
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.out, "/nonexistent/asaemu-data"));
}

static void
test_cli__bad_options(void **state)
{
	struct run	 r;

	(void)state;
	run_asaemu(&r, "--frobnicate", "");
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.out, "usage: asaemu [options]"));
	run_asaemu(&r, "--clock yesterday --flash /tmp/asaemu-cli-none", "");
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.out, "bad --clock yesterday"));
	run_asaemu(&r, "--help", "");
	assert_int_equal(r.status, 0);
}

/*
 * A second process on a flash in use is refused with exit status 2; the
 * first goes on. The first reads from a pipe held open until the end.
 */
static void
test_cli__second_process_on_a_flash_is_refused(void **state)
{
	const char	*bin = getenv("ASAEMU_BIN");
	char		 dir[] = "/tmp/asaemu-lock-XXXXXX", args[128];
	char		 buf[256];
	int		 in[2], out[2], status;
	size_t		 got = 0;
	pid_t		 first;
	struct run	 r;

	(void)state;
	assert_non_null(mkdtemp(dir));
	assert_int_equal(pipe(in), 0);
	assert_int_equal(pipe(out), 0);
	first = fork();
	assert_true(first >= 0);
	if (first == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		close(in[1]);
		close(out[0]);
		execl(bin, bin, "--flash", dir, (char *)NULL);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	/* Once the first has answered a command, it holds the lock. */
	assert_int_equal(write(in[1], "show clock\n", 11), 11);
	while (got < sizeof buf - 1 && memchr(buf, 'U', got) == NULL) {
		ssize_t n = read(out[0], buf + got, sizeof buf - 1 - got);

		assert_true(n > 0);
		got += (size_t)n;
	}
	snprintf(args, sizeof args, "--flash %s", dir);
	run_asaemu(&r, args, "");
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.out, "is in use by another asaemu process"));
	close(in[1]);
	close(out[0]);
	assert_int_equal(waitpid(first, &status, 0), first);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	snprintf(args, sizeof args, "rm -rf %s", dir);
	assert_int_equal(system(args), 0);
}

/*
 * A key store that cannot be read is reported at start and the device
 * runs on its Base license (reference 3.6); nothing crashes and the
 * session goes on. Damage of several kinds: garbage, a cut-off file, a
 * store whose key fails its check.
 */
static void
test_cli__damaged_key_store_falls_back_to_base(void **state)
{
	static const char *const damage[] = {
		"\x7f\x00garbage\n",
		"asaemu-keys 1\nserial JMX1234L0AB\npermanent 0x1",
		"asaemu-keys 1\nserial JMX1234L0AB\npermanent 0x143fa916 "
		    "0xa0a45a21 0x2ab95ee6 0x3c8915d4 0x53a52bdd\n",
	};
	char		 dir[] = "/tmp/asaemu-store-XXXXXX", path[96];
	char		 args[128];
	struct run	 r;
	FILE		*f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(args, sizeof args, "--flash %s --clock "
	    "2013-03-01T12:00:00Z", dir);
	for (size_t i = 0; i < sizeof damage / sizeof damage[0]; i++) {
		/* A first run lays out the flash. */
		run_asaemu(&r, args, "");
		snprintf(path, sizeof path, "%s/.private/activation-keys",
		    dir);
		assert_non_null(f = fopen(path, "wb"));
		fputs(damage[i], f);
		fclose(f);
		run_asaemu(&r, args, "show version\n");
		assert_int_equal(r.status, 0);
		assert_true(strncmp(r.out, "The Running Activation Key is not "
		    "valid, using default settings:\n", 64) == 0);
		assert_non_null(strstr(r.out, "This platform has a Base "
		    "license.\n"));
		assert_non_null(strstr(r.out, "Running Permanent Activation "
		    "Key: 0x00000000 0x00000000"));
	}
	snprintf(args, sizeof args, "rm -rf %s", dir);
	assert_int_equal(system(args), 0);
}

/*
 * write memory saves the shared secret itself (show commands mask it),
 * so that the reload replays the real one.
 */
static void
test_cli__saved_secret_is_not_masked(void **state)
{
	char		 dir[] = "/tmp/asaemu-secret-XXXXXX", args[160];
	char		 path[96], buf[4096];
	struct run	 r;
	FILE		*f;
	size_t		 n;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(args, sizeof args, "--flash %s --clock "
	    "2013-03-01T12:00:00Z", dir);
	/* A shared licensing server key for the default serial (keygen). */
	run_asaemu(&r, args, "en\\n\\nactivation-key 0x1c0a4cea 0x98c9f0fa "
	    "0x8e3bbc8f 0xa83f52ec 0x6645d60e\\nconf t\\nlicense-server "
	    "secret farscape\\nwrite memory\\nshow startup-config\\n");
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "license-server secret *****\n"));
	snprintf(path, sizeof path, "%s/.private/startup-config", dir);
	assert_non_null(f = fopen(path, "r"));
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	assert_non_null(strstr(buf, "license-server secret farscape\n"));
	snprintf(args, sizeof args, "rm -rf %s", dir);
	assert_int_equal(system(args), 0);
}

/* Run asaemu ARGS with input from a file: output in out (NUL-ended). */
static void
run_file(const char *args, const char *input, char *out, size_t cap)
{
	const char	*bin = getenv("ASAEMU_BIN");
	char		 in[] = "/tmp/asaemu-paste-in-XXXXXX", cmd[512];
	FILE		*p;
	size_t		 n;
	int		 fd;

	assert_non_null(bin);
	assert_true((fd = mkstemp(in)) >= 0);
	assert_int_equal(write(fd, input, strlen(input)),
	    (ssize_t)strlen(input));
	close(fd);
	snprintf(cmd, sizeof cmd, "%s %s <%s 2>&1", bin, args, in);
	assert_non_null(p = popen(cmd, "r"));
	n = fread(out, 1, cap - 1, p);
	out[n] = '\0';
	pclose(p);
	unlink(in);
}

/* The configuration text of the last "more system:running-config". */
static char *
last_config(char *out)
{
	char	*start = NULL, *end;

	for (char *p = out; (p = strstr(p, "\n: Saved\n")) != NULL; p++)
		start = p + 1;
	assert_non_null(start);
	assert_non_null(end = strstr(start, "\n: end\n"));
	end[strlen("\n: end\n")] = '\0';
	return start;
}

/*
 * asaemu's own configuration pasted into configure terminal (issue 11
 * item 4): no line is an error and the configuration, its secrets and
 * its checksum included, is the same afterwards.
 */
static void
test_cli__running_config_pastes_back(void **state)
{
	static char	 out[65536], out2[65536];
	char		 dir[] = "/tmp/asaemu-paste-XXXXXX", args[160];
	char		*cfg, *input;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(args, sizeof args, "--flash %s --clock "
	    "2013-03-01T12:00:00Z", dir);
	run_file(args, "en\n\nactivation-key 0x1c0a4cea 0x98c9f0fa "
	    "0x8e3bbc8f 0xa83f52ec 0x6645d60e\nconf t\nhostname fw1\n"
	    "interface GigabitEthernet0/1\nnameif inside\nno shutdown\n"
	    "ip address 10.1.1.1 255.255.255.0\nhostname fw1\n"
	    "license-server secret farscape\nlicense-server enable inside\n"
	    "license-server port 40000\npager lines 30\nwrite memory\n"
	    "more system:running-config\n", out, sizeof out);
	assert_null(strstr(out, "ERROR"));
	cfg = last_config(out);
	assert_non_null(strstr(cfg, "license-server secret farscape\n"));
	assert_int_equal(xasprintf(&input, "en\n\nconf t\n%send\n"
	    "more system:running-config\n", cfg) > 0, 1);
	run_file(args, input, out2, sizeof out2);
	free(input);
	assert_null(strstr(out2, "ERROR"));
	assert_string_equal(last_config(out2), cfg);
	snprintf(args, sizeof args, "rm -rf %s", dir);
	assert_int_equal(system(args), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cli__list_models_prints_one_line_each),
		cmocka_unit_test(test_cli__unknown_model_lists_the_valid_ids),
		cmocka_unit_test(test_cli__check_data),
		cmocka_unit_test(test_cli__bad_options),
		cmocka_unit_test(
		    test_cli__second_process_on_a_flash_is_refused),
		cmocka_unit_test(
		    test_cli__damaged_key_store_falls_back_to_base),
		cmocka_unit_test(test_cli__saved_secret_is_not_masked),
		cmocka_unit_test(test_cli__running_config_pastes_back),
	};

	return cmocka_run_group_tests_name("cli", tests, NULL, NULL);
}
