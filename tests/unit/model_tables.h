/* SPDX-License-Identifier: MIT */
/*
 * Shared by test_model_tables.c (Tables 5-1 to 5-7) and
 * test_model_tables2.c (5-8 to 5-15): how a hand-transcribed table cell
 * is written, and the checker that compares it with the loaded data
 * (model_tables_check.c).
 */
#ifndef ASA_TESTS_UNIT_MODEL_TABLES_H
#define ASA_TESTS_UNIT_MODEL_TABLES_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "licensing/licensing.h"
#include "models/models.h"

/* The chapter describes Version 9.1. */
#define V91		LIC_VERSION(9, 1, 7, 0)	/* the chapter: the last 9.1 */

#define MAX_TIERS	12

/* One optional license of a single value: "Optional licenses: 24". */
#define T(n)		{ (n), (n), 0 }
#define UNL		LIC_UNLIMITED

/* "Optional Shared licenses: Participant or Server. For the Server:" */
#define POOL_500	{ 500, 50000, 500 }	/* "500-50,000 by 500" */
#define POOL_1000	{ 50000, 545000, 1000 }	/* "50,000-545,000 by 1000" */

/* "No support". */
#define NO_SUPPORT	.nosupport = true
/* "Disabled  Optional license: Available". */
#define AVAILABLE	.tiers = { T(1) }
/* "Disabled  Optional Time-based license: Available" (Botnet). */
#define TIME_BASED	.timed = true

/* Enum values, in the catalogue's order. */
enum {
	ENC_DES = 0,		/* "Base (DES)" */
	ENC_STRONG = 1,		/* "Strong (3DES/AES)" */
};
enum {
	FO_ACTIVE_STANDBY = 1,	/* "Active/Standby (no stateful failover)" */
	FO_ACTIVE_ACTIVE = 2,	/* "Active/Standby or Active/Active" */
};
enum {
	SPEED_FAST = 0,		/* "All: Fast Ethernet" */
	SPEED_GIGABIT = 1,	/* "Ethernet 0/0 and 0/1: Gigabit Ethernet" */
};
enum {
	SHARED_PARTICIPANT = 1,
	SHARED_SERVER = 2,
};

/* One cell of a table: a feature's row in one column. */
struct cell_case {
	const char	*model;		/* NULL: every model of the table */
	const char	*edition;	/* NULL: every column of the table */
	const char	*id;		/* catalogue feature id */
	bool		 nosupport;	/* "No support": supported == false */
	uint32_t	 value;		/* default value in 9.1 */
	bool		 timed;		/* the table offers it time-based */
	uint32_t	 sessions;	/* "(N sessions)"; 0: unchecked */
	uint32_t	 phone_max;	/* phone proxy cap; 0: unchecked */
	struct lic_range tiers[MAX_TIERS]; /* listed order, ends at {0,0,0} */
};

/* One table of the chapter: the models and columns it describes. */
struct table_case {
	const char		*table;		/* "Table 5-1" */
	const char		*models[3];	/* NULL-terminated */
	const char		*editions[3];	/* NULL-terminated */
	const struct cell_case	*rows;
	size_t			 nrows;
};

struct fixture {
	struct model_db			*db;
	const struct lic_catalog	*cat;
};

#define SP	"security-plus"

#define TABLE(name, rows_)						\
	.table = (name), .rows = (rows_),				\
	.nrows = sizeof(rows_) / sizeof((rows_)[0])

/* One cmocka test per table. */
#define TABLE_TEST(fn, tc)						\
	static void fn(void **state) { run_table(state, &(tc)); }

/* Print one mismatch; returns 1 (to count it). */
int	report(const char *where, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* Check every cell of tc against the data; fail with the mismatches. */
void	run_table(void **state, const struct table_case *tc);
/* Load the model data once for a group of tests (state: the fixture). */
int	tables_setup(void **state);
int	tables_teardown(void **state);

#endif
