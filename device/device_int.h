/* SPDX-License-Identifier: MIT */
/*
 * Private to device/: what its files call of each other.
 */
#ifndef ASA_DEVICE_DEVICE_INT_H
#define ASA_DEVICE_DEVICE_INT_H

#include <stdint.h>

#include "device/device.h"

/* flash.c: create flash/.private and lock it; -1 with *cause. */
int	 device_flash_lock(struct device *, char **cause);
/* timer.c: the clock was set from old to now; keys do not count it. */
void	 device_license_clock_set(struct device *, int64_t old, int64_t now);
/*
 * keystore.c, at boot: below 8.2, a flash key with licenses introduced in
 * 8.2 or later gives way to the earlier key, else to Base. 0: nothing
 * changed; 1: the earlier key runs; 2: Base.
 */
int	 device_license_downgrade(struct device *);
/* iface.c: the factory interfaces of p into x; their free. */
void	 cfg_ext_ifaces_init(struct cfg_ext *x, const struct lic_platform *p);
void	 cfg_ext_ifaces_release(struct cfg_ext *x);
/*
 * Rebuild the port list and the nameif and vlan indexes after the table
 * was rebuilt by hand (a context's interfaces: context.c).
 */
void	 cfg_ext_ifaces_reindex(struct cfg_ext *x);

#endif
