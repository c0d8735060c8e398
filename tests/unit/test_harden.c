/* SPDX-License-Identifier: MIT */
/*
 * Hostile input and unlucky operators (issue 15), through the real
 * binary (ASAEMU_BIN): an edited or cut key store, symlinks and FIFOs in
 * the flash, empty data files, errors a script must see in the exit
 * status, and input asaemu used to take silently.
 */
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#define CLOCK	"--clock 2013-03-01T12:00:00Z"
/* Minted by asaemu-keygen for JMX1234L0AB, ASA5520. */
#define TIMED_KEY "0x10d0a91b 0x2427f79f 0x1f8a4bba 0x2b0fed20 0xbca64f28"
#define PERM_KEY "0x143fa916 0xa0a45a21 0x2ab95ee6 0x3c8915d4 0x53a52bdc"
#define NOT_VALID "The Running Activation Key is not valid, using default " \
	"settings:\n"

struct run {
	char	 out[65536];	/* standard output and error together */
	int	 status;
};

/* Run "asaemu ARGS" with input on stdin; output in r->out. */
static void
run_asaemu(struct run *r, const char *args, const char *input)
{
	const char	*bin = getenv("ASAEMU_BIN");
	char		 cmd[2048];
	FILE		*p;
	size_t		 n;

	assert_non_null(bin);
	snprintf(cmd, sizeof cmd, "printf '%s' | timeout 20 %s %s 2>&1",
	    input, bin, args);
	assert_non_null(p = popen(cmd, "r"));
	n = fread(r->out, 1, sizeof r->out - 1, p);
	r->out[n] = '\0';
	r->status = pclose(p);
	r->status = WIFEXITED(r->status) ? WEXITSTATUS(r->status) : -1;
}

/* A fresh flash folder; *args gets "--flash DIR --clock ...". */
static void
flash_new(char *dir, size_t dsize, char *args, size_t asize)
{
	snprintf(dir, dsize, "/tmp/asaemu-harden-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(args, asize, "--flash %s " CLOCK, dir);
}

static void
flash_remove(const char *dir)
{
	char	 cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

/* The whole file at dir/name; *lenp its length. */
static char *
slurp(const char *dir, const char *name, size_t *lenp)
{
	char	 path[256];
	char	*buf = calloc(1, 65536);
	FILE	*f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "rb"));
	*lenp = fread(buf, 1, 65535, f);
	fclose(f);
	return buf;
}

static void
spit(const char *dir, const char *name, const char *data, size_t len)
{
	char	 path[256];
	FILE	*f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "wb"));
	assert_int_equal(fwrite(data, 1, len, f), len);
	fclose(f);
}

/* Replace the first from in s (of *len bytes) by to. */
static void
edit(char *s, size_t *len, const char *from, const char *to)
{
	char	*p = strstr(s, from);
	size_t	 nf = strlen(from), nt = strlen(to);

	assert_non_null(p);
	memmove(p + nt, p + nf, *len - (size_t)(p - s) - nf + 1);
	memcpy(p, to, nt);
	*len = *len - nf + nt;
}

static void
assert_damaged(const char *args)
{
	struct run	 r;

	run_asaemu(&r, args, "show version\n");
	if (strncmp(r.out, NOT_VALID, strlen(NOT_VALID)) != 0)
		fail_msg("not refused:\n%s", r.out);
	assert_non_null(strstr(r.out, "This platform has a Base license.\n"));
	assert_null(strstr(r.out, "Botnet Traffic Filter             : "
	    "Enabled"));
}

/*
 * The key store is authenticated: an edited timer, a cut, a NUL byte or
 * a store with no mac (as asaemu wrote before format 2) is the damaged
 * store, never more time.
 */
static void
test_harden__key_store_is_authenticated(void **state)
{
	static const struct {
		const char	*from, *to;
	} edits[] = {
		{ "stacked=0", "stacked=3153600000" },
		{ "used=0", "used=1" },
		{ "active=1", "active=0" },
		{ "asaemu-keys 2", "asaemu-keys 1" },
	};
	char		 dir[64], args[160];
	char		*orig, *s;
	size_t		 len, n;
	struct run	 r;

	(void)state;
	flash_new(dir, sizeof dir, args, sizeof args);
	run_asaemu(&r, args, "en\n\nactivation-key " TIMED_KEY "\n");
	assert_int_equal(r.status, 0);
	orig = slurp(dir, ".private/activation-keys", &len);
	assert_non_null(strstr(orig, "asaemu-keys 2\n"));
	assert_non_null(strstr(orig, "\nmac "));
	/* As written, it is read back. */
	run_asaemu(&r, args, "show version\n");
	assert_null(strstr(r.out, NOT_VALID));
	assert_non_null(strstr(r.out, "Botnet Traffic Filter             : "
	    "Enabled        62 days"));

	s = malloc(len + 64);
	for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++) {
		memcpy(s, orig, len + 1);
		n = len;
		edit(s, &n, edits[i].from, edits[i].to);
		spit(dir, ".private/activation-keys", s, n);
		assert_damaged(args);
	}
	/* Cut at a line end: the mac line goes. */
	memcpy(s, orig, len + 1);
	n = (size_t)(strstr(s, "\nmac ") - s) + 1;
	spit(dir, ".private/activation-keys", s, n);
	assert_damaged(args);
	/* The lines of format 1 alone, as an older asaemu wrote them. */
	edit(s, &n, "asaemu-keys 2", "asaemu-keys 1");
	spit(dir, ".private/activation-keys", s, n);
	assert_damaged(args);
	/* A NUL byte in the middle. */
	memcpy(s, orig, len + 1);
	s[strstr(s, "\ntimed") - s] = '\0';
	spit(dir, ".private/activation-keys", s, len);
	assert_damaged(args);
	free(s);
	free(orig);
	flash_remove(dir);
}

static bool
exists(const char *dir, const char *name)
{
	char		 path[256];
	struct stat	 st;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	return lstat(path, &st) == 0;
}

static void
link_at(const char *dir, const char *name, const char *target)
{
	char	 path[256];

	snprintf(path, sizeof path, "%s/%s", dir, name);
	unlink(path);
	assert_int_equal(symlink(target, path), 0);
}

/*
 * Symlinks in the private folder are not followed: writes replace the
 * link, never its target; a linked startup-config is not replayed; a
 * stale *.tmp (or a link by that name) goes at start.
 */
static void
test_harden__private_symlinks_not_followed(void **state)
{
	static const char *const tmps[] = {
		"startup-config.tmp", "activation-keys.tmp", "clock.tmp",
	};
	char		 dir[64], args[160], out[64], target[128];
	struct run	 r;

	(void)state;
	flash_new(dir, sizeof dir, args, sizeof args);
	snprintf(out, sizeof out, "/tmp/asaemu-outside-XXXXXX");
	assert_non_null(mkdtemp(out));
	run_asaemu(&r, args, "");
	for (size_t i = 0; i < sizeof tmps / sizeof tmps[0]; i++) {
		char name[64];

		snprintf(name, sizeof name, ".private/%s", tmps[i]);
		snprintf(target, sizeof target, "%s/%s", out, tmps[i]);
		link_at(dir, name, target);
	}
	snprintf(target, sizeof target, "%s/lock", out);
	link_at(dir, ".private/lock", target);
	/* Without --clock the clock is kept on flash. */
	snprintf(args, sizeof args, "--flash %s", dir);
	run_asaemu(&r, args, "en\n\nwrite memory\nactivation-key " PERM_KEY
	    "\nconf t\nclock set 12:00:00 1 mar 2013\n");
	assert_null(strstr(r.out, "ERROR"));
	for (size_t i = 0; i < sizeof tmps / sizeof tmps[0]; i++) {
		snprintf(target, sizeof target, "%s", tmps[i]);
		assert_false(exists(out, target));
		snprintf(target, sizeof target, ".private/%s", tmps[i]);
		assert_false(exists(dir, target));
	}
	assert_false(exists(out, "lock"));
	assert_true(exists(dir, ".private/startup-config"));
	assert_true(exists(dir, ".private/activation-keys"));

	/* A linked startup-config is not read. */
	snprintf(target, sizeof target, "%s/evil", out);
	spit(out, "evil", "hostname evil\n", 14);
	link_at(dir, ".private/startup-config", target);
	run_asaemu(&r, args, "en\n\nshow running-config | include "
	    "hostname\n");
	assert_null(strstr(r.out, "evil"));
	assert_non_null(strstr(r.out, "hostname ciscoasa"));
	/* A write replaces the link, not the file it names. */
	run_asaemu(&r, args, "en\n\nconf t\nhostname fw\nwrite memory\n");
	assert_null(strstr(r.out, "ERROR"));
	{
		size_t	 n;
		char	*text = slurp(out, "evil", &n);

		assert_string_equal(text, "hostname evil\n");
		free(text);
	}
	flash_remove(dir);
	flash_remove(out);
}

/* The data directory of the build, copied to dir. */
static void
data_copy(char *dir, size_t size)
{
	const char	*data = getenv("ASAEMU_DATA");
	char		 cmd[512];

	assert_non_null(data);
	snprintf(dir, size, "/tmp/asaemu-data-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(cmd, sizeof cmd, "cp -r %s/. %s", data, dir);
	assert_int_equal(system(cmd), 0);
}

/*
 * An empty data file is an error with its name; a FIFO in the data or
 * at the key store is refused at once, never read (it would block).
 */
static void
test_harden__bad_files_refused(void **state)
{
	static const char *const files[] = {
		"models/asa5520.xml", "features.xml",
	};
	char		 data[64], args[256], path[160], want[200];
	char		 dir[64];
	struct run	 r;

	(void)state;
	data_copy(data, sizeof data);
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", data, files[i]);
		assert_int_equal(rename(path, "/tmp/asaemu-harden.save"), 0);
		spit(data, files[i], "", 0);
		snprintf(args, sizeof args, "--check-data %s", data);
		run_asaemu(&r, args, "");
		snprintf(want, sizeof want, "%s: empty file\n", path);
		assert_int_not_equal(r.status, 0);
		if (strstr(r.out, want) == NULL)
			fail_msg("want \"%s\", got \"%s\"", want, r.out);
		snprintf(args, sizeof args, "--data %s --flash %s/flash", data,
		    data);
		run_asaemu(&r, args, "");
		assert_int_equal(r.status, 2);
		assert_non_null(strstr(r.out, want));

		assert_int_equal(unlink(path), 0);
		assert_int_equal(mkfifo(path, 0600), 0);
		snprintf(args, sizeof args, "--check-data %s", data);
		run_asaemu(&r, args, "");
		snprintf(want, sizeof want, "%s: not a regular file\n", path);
		assert_int_not_equal(r.status, 0);
		assert_non_null(strstr(r.out, want));
		assert_int_equal(unlink(path), 0);
		assert_int_equal(rename("/tmp/asaemu-harden.save", path), 0);
	}
	flash_remove(data);

	flash_new(dir, sizeof dir, args, sizeof args);
	run_asaemu(&r, args, "");
	snprintf(path, sizeof path, "%s/.private/activation-keys", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_damaged(args);
	flash_remove(dir);
}

/* Writes of name in the private folder fail from now on. */
static void
block_writes(const char *dir, const char *name)
{
	char	 path[256];

	/* A folder in the way of name.tmp: even root cannot write it. */
	snprintf(path, sizeof path, "%s/.private/%s.tmp", dir, name);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof path, "%s/.private/%s.tmp/x", dir, name);
	assert_int_equal(mkdir(path, 0700), 0);
}

/*
 * An ERROR a command prints is in the exit status, also when time
 * passing could not update the key store; a clock that cannot be kept
 * on flash says so.
 */
static void
test_harden__write_failures_are_errors(void **state)
{
	static const char *const clock_cmds[] = {
		"en\n\nclock set 12:00:00 1 mar 2013\n",
		"en\n\nemulator advance-time 1 days\n",
	};
	char		 dir[64], args[160];
	struct run	 r;

	(void)state;
	flash_new(dir, sizeof dir, args, sizeof args);
	run_asaemu(&r, args, "en\n\nactivation-key " TIMED_KEY "\n");
	assert_int_equal(r.status, 0);
	block_writes(dir, "activation-keys");
	run_asaemu(&r, args, "en\n\nemulator advance-time 1 days\n");
	assert_non_null(strstr(r.out, "ERROR: Failed to update the "
	    "activation key in flash"));
	assert_int_equal(r.status, 1);
	flash_remove(dir);

	for (size_t i = 0; i < sizeof clock_cmds / sizeof clock_cmds[0];
	    i++) {
		flash_new(dir, sizeof dir, args, sizeof args);
		snprintf(args, sizeof args, "--flash %s", dir);
		run_asaemu(&r, args, "");
		block_writes(dir, "clock");
		run_asaemu(&r, args, clock_cmds[i]);
		if (strstr(r.out, "ERROR: Unable to write to flash: ") == NULL)
			fail_msg("%s: no error:\n%s", clock_cmds[i], r.out);
		assert_int_equal(r.status, 1);
		flash_remove(dir);
	}
}

/*
 * Whatever signal ends asaemu, its terminal gets its modes back: the
 * handled ones (SIGTERM, SIGHUP) and those that kill (SIGQUIT, SIGUSR1,
 * SIGALRM, SIGABRT).
 */
static void
test_harden__signals_restore_the_terminal(void **state)
{
	static const int sigs[] = {
		SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGALRM, SIGABRT,
	};
	const char	*bin = getenv("ASAEMU_BIN");
	struct winsize	 ws = { .ws_row = 24, .ws_col = 80 };
	char		 dir[64], args[160], buf[8192];
	struct termios	 t;

	(void)state;
	assert_non_null(bin);
	flash_new(dir, sizeof dir, args, sizeof args);
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		size_t	 len = 0;
		int	 fd, status;
		pid_t	 pid = forkpty(&fd, NULL, NULL, &ws);

		assert_true(pid >= 0);
		if (pid == 0) {
			execl(bin, bin, "--clock", "2013-03-01T12:00:00Z",
			    "--flash", dir, (char *)NULL);
			_exit(127);
		}
		/* The prompt: the terminal is the line editor's now. */
		for (int waited = 0; waited < 10000; waited += 10) {
			struct pollfd	 pfd = { .fd = fd, .events = POLLIN };
			ssize_t		 n;

			buf[len] = '\0';
			if (strstr(buf, "ciscoasa> ") != NULL)
				break;
			if (poll(&pfd, 1, 10) <= 0)
				continue;
			if ((n = read(fd, buf + len, sizeof buf - 1 - len)) <= 0)
				break;
			len += (size_t)n;
		}
		assert_non_null(strstr(buf, "ciscoasa> "));
		assert_int_equal(tcgetattr(fd, &t), 0);
		assert_int_equal(t.c_lflag & ECHO, 0);
		kill(pid, sigs[i]);
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_int_equal(tcgetattr(fd, &t), 0);
		if ((t.c_lflag & (ECHO | ICANON | ISIG)) !=
		    (ECHO | ICANON | ISIG))
			fail_msg("signal %d left the terminal raw", sigs[i]);
		close(fd);
	}
	flash_remove(dir);
}

/* Control characters are no part of a word: nameif ESC... is refused. */
static void
test_harden__control_characters_refused(void **state)
{
	char		 dir[64], args[160];
	struct run	 r;
	const char	*sr;

	(void)state;
	flash_new(dir, sizeof dir, args, sizeof args);
	run_asaemu(&r, args, "en\n\nconf t\ninterface GigabitEthernet0/0\n"
	    "nameif in\\033[2Jx\\007\nend\nshow running-config\n");
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.out, "ERROR: % Invalid input detected at "
	    "'^' marker."));
	sr = strstr(r.out, "show running-config\n");
	assert_non_null(sr);
	assert_null(strchr(sr, '\033'));
	assert_null(strchr(sr, '\007'));
	assert_null(strstr(sr, " nameif "));
	flash_remove(dir);
}

/* What asaemu-keygen mints for args (--serial ... --model ...). */
static void
keygen(const char *args, char *key, size_t size)
{
	const char	*bin = getenv("ASAEMU_BIN");
	char		 cmd[512];
	FILE		*p;

	assert_non_null(bin);
	snprintf(cmd, sizeof cmd, "%s-keygen %s", bin, args);
	assert_non_null(p = popen(cmd, "r"));
	assert_non_null(fgets(key, (int)size, p));
	key[strcspn(key, "\n")] = '\0';
	assert_int_equal(pclose(p), 0);
}

/*
 * A serial number of 32 characters works (KEYS.md allows 1 to 32);
 * others, and an empty --flash or --lab, are refused before anything
 * is written.
 */
static void
test_harden__serial_and_paths_checked(void **state)
{
	static const char *const bad[] = {
		"--serial ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456 --name x",
		"--serial '' --name x",
		"--serial 'A B' --name x",
		"--flash ''",
		"--lab ''",
	};
	char		 dir[64], args[256], key[128], input[256];
	struct run	 r;

	(void)state;
	keygen("--serial ABCDEFGHIJKLMNOPQRSTUVWXYZ012345 --model ASA5520 "
	    "--feature encryption=3des-aes", key, sizeof key);
	flash_new(dir, sizeof dir, args, sizeof args);
	snprintf(args, sizeof args, "--flash %s " CLOCK " --serial "
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", dir);
	snprintf(input, sizeof input, "en\n\nactivation-key %s\n", key);
	run_asaemu(&r, args, input);
	assert_null(strstr(r.out, "ERROR"));
	assert_int_equal(r.status, 0);
	run_asaemu(&r, args, "show version\n");
	assert_non_null(strstr(r.out, "Serial Number: "
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345\n"));
	flash_remove(dir);

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(args, sizeof args, "%s " CLOCK, bad[i]);
		run_asaemu(&r, args, "");
		if (r.status != 2 || strncmp(r.out, "asaemu: ", 8) != 0)
			fail_msg("%s: status %d: %s", bad[i], r.status, r.out);
	}
	assert_int_not_equal(access("/.private", F_OK), 0);
}

/* Read fd until needle comes (10 s at most); into buf of *len bytes. */
static bool
pty_wait(int fd, char *buf, size_t size, size_t *len, const char *needle)
{
	time_t	 end = time(NULL) + 20;

	while (time(NULL) < end) {
		struct pollfd	 pfd = { .fd = fd, .events = POLLIN };
		ssize_t		 n;

		buf[*len] = '\0';
		if (strstr(buf, needle) != NULL)
			return true;
		if (*len + 1 >= size) {
			/* Keep the tail only. */
			memmove(buf, buf + *len - 256, 256);
			*len = 256;
		}
		if (poll(&pfd, 1, 10) <= 0)
			continue;
		if ((n = read(fd, buf + *len, size - 1 - *len)) <= 0)
			return false;
		*len += (size_t)n;
	}
	return false;
}

/* On a terminal as in batch, a line over 64 KiB is refused, not run. */
static void
test_harden__long_interactive_line_refused(void **state)
{
	const char	*bin = getenv("ASAEMU_BIN");
	struct winsize	 ws = { .ws_row = 24, .ws_col = 80 };
	char		 dir[64], args[160], buf[8192], *line;
	size_t		 len = 0, off = 0, n = 65 * 1024;
	int		 fd, status;
	pid_t		 pid;

	(void)state;
	assert_non_null(bin);
	flash_new(dir, sizeof dir, args, sizeof args);
	pid = forkpty(&fd, NULL, NULL, &ws);
	assert_true(pid >= 0);
	if (pid == 0) {
		execl(bin, bin, "--clock", "2013-03-01T12:00:00Z", "--flash",
		    dir, (char *)NULL);
		_exit(127);
	}
	assert_true(pty_wait(fd, buf, sizeof buf, &len, "ciscoasa> "));
	line = malloc(n + 1);
	memset(line, 'a', n);
	line[n] = '\r';
	while (off <= n) {
		struct pollfd	 pfd = { .fd = fd, .events = POLLIN | POLLOUT };
		ssize_t		 w;

		assert_true(poll(&pfd, 1, 10000) > 0);
		if (pfd.revents & POLLIN) {
			len = 0;	/* the echo: not kept */
			assert_true(read(fd, buf, sizeof buf - 1) > 0);
		}
		if ((pfd.revents & POLLOUT) &&
		    (w = write(fd, line + off, n + 1 - off < 4096 ?
		    n + 1 - off : 4096)) > 0)
			off += (size_t)w;
	}
	free(line);
	len = 0;
	if (!pty_wait(fd, buf, sizeof buf, &len,
	    "ERROR: Input line longer than 65536 bytes was ignored"))
		fail_msg("no refusal; the terminal ends with: %s", buf + (len >
		    300 ? len - 300 : 0));
	assert_null(strstr(buf, "Invalid input"));
	kill(pid, SIGTERM);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	close(fd);
	flash_remove(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_harden__key_store_is_authenticated),
		cmocka_unit_test(test_harden__private_symlinks_not_followed),
		cmocka_unit_test(test_harden__bad_files_refused),
		cmocka_unit_test(test_harden__write_failures_are_errors),
		cmocka_unit_test(test_harden__signals_restore_the_terminal),
		cmocka_unit_test(test_harden__control_characters_refused),
		cmocka_unit_test(test_harden__serial_and_paths_checked),
		cmocka_unit_test(test_harden__long_interactive_line_refused),
	};

	return cmocka_run_group_tests_name("harden", tests, NULL, NULL);
}
