/* SPDX-License-Identifier: MIT */
/*
 * Micro-benchmarks behind scripts/bench.sh: the matcher's cost per
 * command over the real command table, the cost of building that table's
 * grammar, and of loading the model data. Prints medians; asserts
 * nothing (timings are measured here, never tested).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "commands/commands.h"
#include "models/models.h"
#include "shell/shell.h"

#define RUNS 21

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

int
main(void)
{
	double		 build[RUNS], match[RUNS], load[RUNS];
	struct grammar	*g = NULL;
	char		*cause = NULL;

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
		diag_release(&d);
		t0 = now_ns();
		if ((g = grammar_build(cmd_table, &cause)) == NULL) {
			fprintf(stderr, "%s\n", cause);
			return 1;
		}
		build[i] = now_ns() - t0;
		match[i] = match_ns(g);
		grammar_free(g);
	}
	printf("model data load:       %8.3f ms\n", median(load) / 1e6);
	printf("grammar build:         %8.3f ms\n", median(build) / 1e6);
	printf("matcher per command:   %8.3f us\n", median(match) / 1e3);
	return 0;
}
