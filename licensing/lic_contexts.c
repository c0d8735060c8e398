/* SPDX-License-Identifier: MIT */
/*
 * Security contexts divided between the units of an Active/Active pair
 * (lic_contexts.h has the chapter's rule).
 */
#include "licensing/lic_contexts.h"

bool
lic_contexts_may_add(const uint32_t group[LIC_CTX_GROUPS], uint32_t allowed)
{
	uint64_t	 total = 0;

	for (unsigned g = 0; g < LIC_CTX_GROUPS; g++)
		total += group[g];
	return total < allowed;
}
