/* SPDX-License-Identifier: MIT */
/*
 * The key store reader: the input is the text of a store, given the mac
 * line it would need (so that the fuzzer reaches the parser behind the
 * mac) unless the first byte is odd (then as it is, to test the mac
 * check itself); the device boots on it and its license is computed.
 */
#include "tests/fuzz/fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "device/device.h"
#include "licensing/licensing.h"
#include "util/util.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct device	*dev;
	static char		 flash[64];
	struct device_opts	 o;
	struct strbuf		 sb;
	char			 mac[LIC_STORE_MAC_HEX], *cause = NULL;

	if (size == 0 || size > 16384)
		return 0;
	if (dev == NULL) {
		snprintf(flash, sizeof flash, "/tmp/asaemu-fuzz-ks-XXXXXX");
		if (mkdtemp(flash) == NULL)
			abort();
		memset(&o, 0, sizeof o);
		o.db = fuzz_db();
		o.model = "ASA5520";
		o.serial = "JMX1234L0AB";
		o.software = "9.1(7)12";
		o.flash = flash;
		o.clock = "2013-03-01T12:00:00Z";
		if ((dev = device_new(&o, &cause)) == NULL)
			abort();
	}
	strbuf_init(&sb, 0);
	strbuf_add(&sb, (const char *)data + 1, size - 1);
	if (!(data[0] & 1)) {
		lic_store_mac(dev->serial, dev->platform, sb.buf, sb.len, mac);
		strbuf_printf(&sb, "mac %s\n", mac);
	}
	if (device_flash_write(dev, "activation-keys", sb.buf, sb.len) != 0)
		abort();
	strbuf_release(&sb);
	device_license_load(dev);
	return 0;
}
