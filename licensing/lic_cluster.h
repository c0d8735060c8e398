/* SPDX-License-Identifier: MIT */
/*
 * ASA clustering's rules that are not licensing arithmetic (that is
 * lic_units.c's): which unit of a cluster is the master, and the unit id
 * a joining unit gets. Pure: the units as their hellos describe them come
 * in as arguments.
 */
#ifndef ASA_LICENSING_LIC_CLUSTER_H
#define ASA_LICENSING_LIC_CLUSTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* "the priority is set between 1 and 100, where 1 is the highest". */
#define LIC_CLUSTER_PRIO_DEFAULT	100	/* [I] none configured */
#define LIC_CLUSTER_IDS			16	/* unit ids 0..15 */

/* One unit as the election sees it. */
struct lic_cluster_unit {
	const char	*name;		/* local-unit */
	unsigned	 priority;	/* 1..100; 0: not configured */
	bool		 master;	/* it says it is the master */
	uint64_t	 arrival;	/* lower: heard first */
};

/*
 * The master of units[0..n): a unit that already is the master stays
 * so, as "the ASA does not pre-empt" (of several, after a split cluster
 * heals, the best of them); else the best candidate: the lowest
 * priority number, then the lowest name, then the first to arrive.
 * (size_t)-1 when n is 0.
 */
size_t	 lic_cluster_elect(const struct lic_cluster_unit *units, size_t n);
/*
 * The id the master gives a joining unit: the lowest of 0..15 that no
 * member has (used[id]), LIC_CLUSTER_IDS when all are taken.
 */
unsigned lic_cluster_next_id(const bool used[LIC_CLUSTER_IDS]);

#endif
