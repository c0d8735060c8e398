/* SPDX-License-Identifier: MIT */
/*
 * Benchmarks behind scripts/bench.sh: whole asaemu processes (spawned,
 * timed from fork to exit), batch throughput through a pipe, the
 * matcher's cost per command over the real command table, building that
 * table's grammar, and loading the model data. Prints medians; asserts
 * nothing (timings are measured here, never tested).
 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "commands/commands.h"
#include "models/models.h"
#include "programs/programs.h"
#include "shell/shell.h"

#define RUNS 51

static const char *const lines[] = {
	"show version",
	"sh run",
	"show activation-key detail",
	"conf t",
	"activation-key 0x1 0x2 0x3 0x4 0x5",
	"clock set 12:00:00 1 march 2013",
	"terminal pager 0",
	"wr mem",
	"show nonsense",
	"hostname lab-asa",
};

static double
now_ns(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int
cmp(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double
median(double *v)
{
	qsort(v, RUNS, sizeof *v, cmp);
	return v[RUNS / 2];
}

static double
match_ns(const struct grammar *g)
{
	struct arena		 a;
	struct match_result	 m;
	const size_t		 n = sizeof lines / sizeof lines[0];
	const int		 rounds = 20000;
	double			 t0;

	arena_init(&a);
	t0 = now_ns();
	for (int r = 0; r < rounds; r++) {
		for (size_t i = 0; i < n; i++)
			grammar_match(g, MODE_CONFIG, lines[i], &a, &m);
		arena_reset(&a);
	}
	arena_release(&a);
	return (now_ns() - t0) / (rounds * (double)n);
}

extern char **environ;

/* Milliseconds for one run of argv with stdin from the file in (or not). */
static double
spawn_ms(char *const argv[], const char *in)
{
	posix_spawn_file_actions_t	 fa;
	pid_t				 pid;
	int				 status;
	double				 t0 = now_ns();

	posix_spawn_file_actions_init(&fa);
	if (in != NULL)
		posix_spawn_file_actions_addopen(&fa, 0, in, O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	if (posix_spawn(&pid, argv[0], &fa, NULL, argv, environ) != 0 ||
	    waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0) {
		fprintf(stderr, "%s failed\n", argv[0]);
		exit(1);
	}
	posix_spawn_file_actions_destroy(&fa);
	return (now_ns() - t0) / 1e6;
}

/*
 * asaemu-bench ASAEMU FLASH INPUT NOTHING [BIRDC SOCKET]: the medians of
 * whole processes running INPUT in batch mode, of "asaemu --version" and
 * "asaemu --help", and of the references they are divided by, run
 * interleaved so that a busy machine slows them alike: NOTHING (a static
 * program that does nothing) and "birdc -s SOCKET show status" (a
 * routing daemon's CLI client, with its daemon running).
 */
static int
processes(int argc, char **argv)
{
	char	*run[] = { argv[1], "--flash", argv[2], "--clock",
	    "2013-03-01T12:00:00Z", NULL };
	char	*version[] = { argv[1], "--version", NULL };
	char	*help[] = { argv[1], "--help", NULL };
	char	*nothing[] = { argv[4], NULL };
	char	*birdc[] = { argc == 7 ? argv[5] : NULL, "-s",
	    argc == 7 ? argv[6] : NULL, "show", "status", NULL };
	const char *in = argv[3];
	double	 t[RUNS], v[RUNS], h[RUNS], z[RUNS], b[RUNS];
	double	 mt, mv, mh, mz, mb = 0;

	for (int i = 0; i < RUNS; i++) {
		t[i] = spawn_ms(run, in);
		v[i] = spawn_ms(version, NULL);
		h[i] = spawn_ms(help, NULL);
		z[i] = spawn_ms(nothing, NULL);
		if (argc == 7)
			b[i] = spawn_ms(birdc, NULL);
	}
	mt = median(t);
	mv = median(v);
	mh = median(h);
	mz = median(z);
	if (argc == 7)
		mb = median(b);
	printf("static do-nothing:     %8.3f ms (reference)\n", mz);
	if (argc == 7)
		printf("birdc show status:     %8.3f ms (reference)\n", mb);
	printf("batch process:         %8.3f ms, %.2fx do-nothing (goal 2x)",
	    mt, mt / mz);
	if (argc == 7)
		printf(", %.2fx birdc (goal 1x)", mt / mb);
	printf("\n");
	printf("asaemu --version:      %8.3f ms, %.2fx do-nothing\n",
	    mv, mv / mz);
	printf("asaemu --help:         %8.3f ms, %.2fx do-nothing\n",
	    mh, mh / mz);
	return 0;
}

/*
 * Seconds for one run of argv with stdin from the file in and stdout a
 * pipe that this process drains, as a script reading asaemu would; in
 * *cpu, the child's user and system time (steadier on a busy machine).
 */
static double
spawn_pipe_s(char *const argv[], const char *in, double *cpu)
{
	posix_spawn_file_actions_t	 fa;
	struct rusage			 ru;
	pid_t				 pid;
	int				 status, fds[2];
	char				 buf[65536];
	ssize_t				 n;
	double				 t0 = now_ns();

	if (pipe(fds) != 0) {
		perror("pipe");
		exit(1);
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, in, O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
	posix_spawn_file_actions_addclose(&fa, fds[0]);
	posix_spawn_file_actions_addclose(&fa, fds[1]);
	if (posix_spawn(&pid, argv[0], &fa, NULL, argv, environ) != 0) {
		fprintf(stderr, "%s failed\n", argv[0]);
		exit(1);
	}
	posix_spawn_file_actions_destroy(&fa);
	close(fds[1]);
	while ((n = read(fds[0], buf, sizeof buf)) != 0)
		if (n == -1 && errno != EINTR)
			break;
	close(fds[0]);
	if (wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0) {
		fprintf(stderr, "%s failed\n", argv[0]);
		exit(1);
	}
	*cpu = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
	    (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
	return (now_ns() - t0) / 1e9;
}

/* Lines (newlines) in the file path. */
static long
count_lines(const char *path)
{
	FILE	*f = fopen(path, "r");
	long	 n = 0;
	int	 c;

	if (f == NULL) {
		perror(path);
		exit(1);
	}
	while ((c = getc(f)) != EOF)
		n += c == '\n';
	fclose(f);
	return n;
}

#define PIPE_RUNS 7

/*
 * asaemu-bench --pipe ASAEMU FLASH INPUT: batch input lines per second,
 * INPUT run whole with the output read from a pipe (median of
 * PIPE_RUNS).
 */
static int
pipe_rate(char *bin, char *flash, const char *in)
{
	char	*run[] = { bin, "--flash", flash, "--clock",
	    "2013-03-01T12:00:00Z", NULL };
	double	 t[PIPE_RUNS], c[PIPE_RUNS], m, mc;
	long	 nlines = count_lines(in);

	for (int i = 0; i < PIPE_RUNS; i++)
		t[i] = spawn_pipe_s(run, in, &c[i]);
	qsort(t, PIPE_RUNS, sizeof *t, cmp);
	qsort(c, PIPE_RUNS, sizeof *c, cmp);
	m = t[PIPE_RUNS / 2];
	mc = c[PIPE_RUNS / 2];
	printf("batch through a pipe:  %8.3f s for %ld lines, %.0f lines/s\n",
	    m, nlines, (double)nlines / m);
	printf("  in asaemu's CPU time: %7.3f s, %.0f lines/s\n", mc,
	    (double)nlines / mc);
	return 0;
}

#define RUN_RUNS 11

/*
 * asaemu-bench --run INPUT PROGRAM [ARG...]: the median milliseconds of
 * PROGRAM ARG... run whole with stdin from INPUT (of RUN_RUNS), printed
 * alone on one line for scripts.
 */
static int
run_ms(char *in, char **argv)
{
	double	 t[RUN_RUNS];

	for (int i = 0; i < RUN_RUNS; i++)
		t[i] = spawn_ms(argv, in);
	qsort(t, RUN_RUNS, sizeof *t, cmp);
	printf("%.3f\n", t[RUN_RUNS / 2]);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc >= 4 && strcmp(argv[1], "--run") == 0)
		return run_ms(argv[2], argv + 3);
	double		 build[RUNS], match[RUNS], load[RUNS], one[RUNS];
	double		 cached[RUNS], image[RUNS];
	struct grammar	*g = NULL;
	char		*cause = NULL;

	if (argc == 5 && strcmp(argv[1], "--pipe") == 0)
		return pipe_rate(argv[2], argv[3], argv[4]);
	if (argc == 5 || argc == 7)
		return processes(argc, argv);
	for (int i = 0; i < RUNS; i++) {
		struct diag	 d;
		struct model_db	*db;
		double		 t0 = now_ns();

		diag_init(&d);
		db = model_db_load(model_default_dir(), false, &d);
		load[i] = now_ns() - t0;
		if (db == NULL) {
			diag_print(&d, stderr);
			return 1;
		}
		model_db_free(db);
		t0 = now_ns();
		db = model_db_load_model(model_default_dir(), "ASA5520", &d);
		one[i] = now_ns() - t0;
		model_db_free(db);
		diag_release(&d);
		t0 = now_ns();
		db = model_cache_read(model_default_dir());
		cached[i] = now_ns() - t0;
		if (db == NULL) {
			fprintf(stderr, "no current cache in %s\n",
			    model_default_dir());
			return 1;
		}
		model_db_free(db);
		t0 = now_ns();
		if ((g = grammar_build(cmd_table, &cause)) == NULL) {
			fprintf(stderr, "%s\n", cause);
			return 1;
		}
		build[i] = now_ns() - t0;
		grammar_free(g);
		t0 = now_ns();
		g = grammar_from_image(&prog_grammar_image);
		image[i] = now_ns() - t0;
		match[i] = match_ns(g);
		grammar_free(g);
	}
	printf("model data, all:       %8.3f ms\n", median(load) / 1e6);
	printf("model data, one model: %8.3f ms (as a device starts)\n",
	    median(one) / 1e6);
	printf("model data, the cache: %8.3f ms (what asaemu reads)\n",
	    median(cached) / 1e6);
	printf("grammar build:         %8.3f ms (at run time: multiple mode)\n",
	    median(build) / 1e6);
	printf("grammar, compiled in:  %8.3f ms (single mode: the image)\n",
	    median(image) / 1e6);
	printf("matcher per command:   %8.3f us\n", median(match) / 1e3);
	return 0;
}
