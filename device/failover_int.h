/* SPDX-License-Identifier: MIT */
/*
 * Private to device/failover.c, for the fuzzer and tests
 * (tests/fuzz/fuzz_failover.c): the failover link's receiving end
 * without a socket.
 */
#ifndef ASA_DEVICE_FAILOVER_INT_H
#define ASA_DEVICE_FAILOVER_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "device/device.h"

/*
 * Bytes from the mate as one of its streams to this unit gives them, in
 * reads of chunk bytes (0: as many as a read takes): each whole message
 * handled as a read from a socket handles it; a partial one left at the
 * end goes with the stream, as when it closes. False (nothing read) when
 * the unit has no failover link to receive on (off the lab network).
 */
bool	 failover_recv(struct device *, const void *data, size_t len,
	    size_t chunk);

#endif
