/* SPDX-License-Identifier: MIT */
/*
 * asaemu-ptybench: the time per command of interactive sessions on
 * pseudo-terminals, as scripts/bench.sh compares them: a command is typed,
 * then the driver waits for the prompt to come back.
 *
 *   asaemu-ptybench [--cpu] ROUNDS COMMAND PROGRAM [ARG...]
 *	    [-- PROGRAM [ARG...]]...
 *	run each PROGRAM on its own pty, wait for its prompt ("> " or "# "),
 *	then type COMMAND ROUNDS times into each in turn, one command to
 *	every program before the next (a busy machine's slow moments then
 *	fall on all of them alike), each round starting one program further
 *	on (the program typed to last waits longest, colder); print the
 *	median microseconds per command of each, on one line. --cpu adds a
 *	line: each program's time on a processor per command (all its
 *	threads, from /proc/PID/task/TID/schedstat).
 *   asaemu-ptybench --reader
 *	the floor: a trivial line reader that prints "ok" and "> ".
 */
#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define BUF_MAX		65536
#define PROGRAMS_MAX	8

struct program {
	char	**argv;
	pid_t	  pid;
	int	  fd;
	double	 *t;		/* microseconds per command */
	double	  ran;		/* nanoseconds run before the first */
};

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

/* Nanoseconds pid's threads have run, by /proc/PID/task/TID/schedstat. */
static double
run_ns(pid_t pid)
{
	char		 path[64], task[300];
	DIR		*d;
	struct dirent	*e;
	FILE		*f;
	double		 ns, sum = 0;

	snprintf(path, sizeof path, "/proc/%d/task", (int)pid);
	if ((d = opendir(path)) == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(task, sizeof task, "%s/%.200s/schedstat", path,
		    e->d_name);
		if ((f = fopen(task, "r")) == NULL)
			continue;
		if (fscanf(f, "%lf", &ns) == 1)
			sum += ns;
		fclose(f);
	}
	closedir(d);
	return sum;
}

/* Start p on a pty and wait for its first prompt. */
static int
start(struct program *p, int rounds)
{
	if ((p->t = calloc((size_t)rounds, sizeof *p->t)) == NULL ||
	    (p->pid = forkpty(&p->fd, NULL, NULL, NULL)) == -1)
		return -1;
	if (p->pid == 0) {
		execv(p->argv[0], p->argv);
		_exit(127);
	}
	return wait_prompt(p->fd);
}

/* Type exit and wait a second for p to end; killed otherwise. */
static int
stop(struct program *p)
{
	int	 status;

	if (p->pid <= 0)
		return 0;
	if (write(p->fd, "exit\r", 5) == 5) {
		for (int i = 0; i < 100; i++) {
			if (waitpid(p->pid, &status, WNOHANG) == p->pid)
				return 0;
			usleep(10000);
		}
	}
	kill(p->pid, SIGKILL);
	waitpid(p->pid, &status, 0);
	return -1;
}

int
main(int argc, char **argv)
{
	struct program	 prog[PROGRAMS_MAX] = { 0 };
	int		 rounds, n = 0, failed = -1;
	char		*cmd;
	size_t		 len;
	double		 t0;
	bool		 cpu = false;

	if (argc == 2 && strcmp(argv[1], "--reader") == 0)
		return reader();
	if (argc > 1 && strcmp(argv[1], "--cpu") == 0) {
		cpu = true;
		argc--;
		argv++;
	}
	if (argc < 4 || (rounds = atoi(argv[1])) <= 0) {
		fputs("usage: asaemu-ptybench [--cpu] ROUNDS COMMAND PROGRAM "
		    "[ARG...] [-- PROGRAM [ARG...]]...\n", stderr);
		return 2;
	}
	/* Split argv at each "--" into the programs' argument vectors. */
	for (int i = 3; i < argc && n < PROGRAMS_MAX; i++) {
		prog[n++].argv = argv + i;
		while (i < argc && strcmp(argv[i], "--") != 0)
			i++;
		if (i < argc)
			argv[i] = NULL;
	}
	if (asprintf(&cmd, "%s\r", argv[2]) == -1)
		return 1;
	len = strlen(cmd);
	for (int i = 0; i < n; i++) {
		if (start(&prog[i], rounds) != 0) {
			failed = i;
			goto out;
		}
	}
	for (int i = 0; i < n; i++)
		prog[i].ran = run_ns(prog[i].pid);
	for (int r = 0; r < rounds; r++) {
		for (int k = 0; k < n; k++) {
			int	 i = (r + k) % n;

			t0 = now_us();
			if (write(prog[i].fd, cmd, len) != (ssize_t)len ||
			    wait_prompt(prog[i].fd) != 0) {
				failed = i;
				goto out;
			}
			prog[i].t[r] = now_us() - t0;
		}
	}
	for (int i = 0; i < n; i++)
		prog[i].ran = (run_ns(prog[i].pid) - prog[i].ran) / 1e3 / rounds;
	for (int i = 0; i < n; i++) {
		qsort(prog[i].t, (size_t)rounds, sizeof *prog[i].t, cmp);
		printf("%s%.1f", i > 0 ? " " : "", prog[i].t[rounds / 2]);
	}
	printf("\n");
	for (int i = 0; cpu && i < n; i++)
		printf("%.1f%s", prog[i].ran, i + 1 < n ? " " : "\n");
out:
	for (int i = 0; i < n; i++) {
		if (stop(&prog[i]) != 0 && failed == -1)
			failed = i;
		free(prog[i].t);
	}
	free(cmd);
	if (failed != -1)
		fprintf(stderr, "asaemu-ptybench: %s: no prompt\n",
		    prog[failed].argv[0]);
	return failed == -1 ? 0 : 1;
}
