/* SPDX-License-Identifier: MIT */
/*
 * Security contexts across a failover pair: "For Active/Active
 * failover, the contexts are divided between the two units. One unit
 * can use 18 contexts and the other unit can use 12 contexts, for
 * example, for a total of 30" (chapter, How Failover or ASA Cluster
 * Licenses Combine). Pure: the contexts of each failover group and the
 * count the license in force allows come in as arguments.
 */
#ifndef ASA_LICENSING_LIC_CONTEXTS_H
#define ASA_LICENSING_LIC_CONTEXTS_H

#include <stdbool.h>
#include <stdint.h>

/* Failover groups of Active/Active; single-unit and Active/Standby
   devices have every context in the first. */
#define LIC_CTX_GROUPS	2

/*
 * Whether one more context may be created, into either group, when the
 * groups hold group[] (the admin context counted) and the license in
 * force allows allowed: the pair's combined count (lic_units_combine
 * adds the units' own up to the platform limit) bounds the contexts of
 * both groups together, however they are divided between the units,
 * since either unit runs them all once its mate fails.
 */
bool	 lic_contexts_may_add(const uint32_t group[LIC_CTX_GROUPS],
	    uint32_t allowed);

#endif
