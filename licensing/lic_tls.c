/* SPDX-License-Identifier: MIT */
/*
 * TLS proxy session limits: the default in force until tls-proxy
 * maximum-sessions is configured, and the highest value it accepts.
 *
 * Rules (chapter Table 5-16, "Intercompany Media Engine" and "UC Phone
 * Proxy sessions, Total UC Proxy Sessions"; reference 5.2, 5.3):
 * - the default is the platform's TLS proxy default;
 * - a UC license higher than that default raises the default to the UC
 *   value ("sets the TLS proxy limit to match the UC limit");
 * - with the IME license as well, the default is the UC value plus the
 *   platform's extra sessions;
 * - the maximum is the platform's; a UC license of fewer than 250
 *   sessions (part number ending in K8) limits TLS proxy sessions to
 *   1000. Only a UC license above the edition's default counts as a
 *   purchased K8 license: the Base 2 sessions are no part number.
 * The default never exceeds the maximum.
 */
#include "licensing/licensing.h"

#define TLS_K8_BELOW	250	/* UC licenses under 250 users are K8 */
#define TLS_K8_LIMIT	1000

void
lic_tls_limits(const struct lic_platform *p, const struct lic_tls_in *in,
    struct lic_tls_limits *out)
{
	uint32_t	 max = p->tls_max, dflt = p->tls_default;

	if (in->uc > in->uc_base && in->uc < TLS_K8_BELOW &&
	    max > TLS_K8_LIMIT)
		max = TLS_K8_LIMIT;
	if (in->uc > dflt) {
		dflt = in->uc;
		if (in->ime)
			dflt += p->tls_ime_extra;
	}
	if (dflt > max)
		dflt = max;
	out->dflt = dflt;
	out->max = max;
	out->platform_dflt = p->tls_default < max ? p->tls_default : max;
}
