/* SPDX-License-Identifier: MIT */
/*
 * asaemu-ptybench: the time per command of an interactive session on a
 * pseudo-terminal, as scripts/bench.sh compares them: a command is typed,
 * then the driver waits for the prompt to come back.
 *
 *   asaemu-ptybench ROUNDS COMMAND PROGRAM [ARG...]
 *	run PROGRAM on a pty, wait for a prompt ("> " or "# "), type COMMAND
 *	ROUNDS times, print the median microseconds per command.
 *   asaemu-ptybench --reader
 *	the floor: a trivial line reader that prints "ok" and "> ".
 */
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define BUF_MAX 65536

static double
now_us(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int
cmp(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Read from fd until what came ends with a prompt; -1 after 5 s. */
static int
wait_prompt(int fd)
{
	char		 buf[BUF_MAX];
	size_t		 len = 0;
	ssize_t		 n;
	struct pollfd	 p = { .fd = fd, .events = POLLIN };

	for (;;) {
		if (poll(&p, 1, 5000) != 1)
			return -1;
		if ((n = read(fd, buf + len, sizeof buf - len)) <= 0) {
			if (n == -1 && errno == EINTR)
				continue;
			return -1;
		}
		len += (size_t)n;
		if (len >= 2 && (memcmp(buf + len - 2, "> ", 2) == 0 ||
		    memcmp(buf + len - 2, "# ", 2) == 0))
			return 0;
		if (len == sizeof buf) {
			memmove(buf, buf + len - 2, 2);
			len = 2;
		}
	}
}

static int
reader(void)
{
	char	*line = NULL;
	size_t	 cap = 0;

	fputs("> ", stdout);
	fflush(stdout);
	while (getline(&line, &cap, stdin) != -1) {
		if (strncmp(line, "exit", 4) == 0)
			break;
		fputs("ok\n> ", stdout);
		fflush(stdout);
	}
	free(line);
	return 0;
}

int
main(int argc, char **argv)
{
	int		 fd, rounds, status;
	pid_t		 pid;
	double		*t, t0;
	char		*cmd;

	if (argc == 2 && strcmp(argv[1], "--reader") == 0)
		return reader();
	if (argc < 4 || (rounds = atoi(argv[1])) <= 0) {
		fputs("usage: asaemu-ptybench ROUNDS COMMAND PROGRAM [ARG...]\n",
		    stderr);
		return 2;
	}
	if ((pid = forkpty(&fd, NULL, NULL, NULL)) == -1) {
		perror("forkpty");
		return 1;
	}
	if (pid == 0) {
		execv(argv[3], argv + 3);
		_exit(127);
	}
	t = calloc((size_t)rounds, sizeof *t);
	if (asprintf(&cmd, "%s\r", argv[2]) == -1 || t == NULL ||
	    wait_prompt(fd) != 0)
		goto fail;
	for (int i = 0; i < rounds; i++) {
		t0 = now_us();
		if (write(fd, cmd, strlen(cmd)) != (ssize_t)strlen(cmd) ||
		    wait_prompt(fd) != 0)
			goto fail;
		t[i] = now_us() - t0;
	}
	qsort(t, (size_t)rounds, sizeof *t, cmp);
	printf("%.1f\n", t[rounds / 2]);
	if (write(fd, "exit\r", 5) != 5)
		goto fail;
	for (int i = 0; i < 100; i++) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			return 0;
		usleep(10000);
	}
fail:
	fprintf(stderr, "asaemu-ptybench: %s: no prompt\n", argv[3]);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	return 1;
}
