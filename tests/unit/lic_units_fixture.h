/* SPDX-License-Identifier: MIT */
/*
 * The fixture of the failover cluster license tests (test_lic_units*.c):
 * a small catalogue with the real one's kinds and units rules, platforms
 * with the chapter's limits, and units' own licenses written as lists.
 */
#ifndef ASA_TESTS_UNIT_LIC_UNITS_FIXTURE_H
#define ASA_TESTS_UNIT_LIC_UNITS_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "licensing/lic_units.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define V91		LIC_VERSION(9, 1, 0, 0)
#define UNL		LIC_UNLIMITED
#define DAY		86400u
#define WEEK		(7u * DAY)

enum {
	F_SECPLUS,	/* 0: ends every list below */
	F_BOTNET,
	F_UC,
	F_PREMIUM,
	F_OTHER,
	F_ENC,
	F_FAILOVER,
	F_CONTEXTS,
	F_CLUSTER,
	F_IPS,
	F_HOSTS,
	F_SHARED,
	F_GTP,
	F_COUNT
};
#define END		F_SECPLUS

enum { ENC_DES, ENC_STRONG };
enum { FO_DISABLED, FO_ACTIVE_STANDBY, FO_ACTIVE_ACTIVE };

#define MAX_UNITS	4
#define MAX_VALUES	6

/* One value of a unit's own license, or of the expected result. */
struct val {
	size_t		 f;		/* END ends the list */
	uint32_t	 value;
	uint32_t	 left;		/* seconds; 0: perpetual */
};

struct unit {
	size_t		 edition;
	struct val	 v[MAX_VALUES];
};

#define PERM(f, v)	{ (f), (v), 0 }
#define TB(f, v, s)	{ (f), (v), (s) }

extern const struct lic_catalog cat;
extern const struct lic_platform p5520, p5540, pssp10, pssp60, p5510;

/* The running license of unit u (its values over an empty license). */
void	 make_running(const struct unit *u, struct lic_running *r);

#endif
