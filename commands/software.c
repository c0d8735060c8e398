/* SPDX-License-Identifier: MIT */
/*
 * What show version says about a software release: the ASDM version, the
 * build date and the image file name. Three releases are verified
 * captures; the others follow their pattern ([M], one line each).
 */
#include "commands/commands.h"

#include <stdio.h>
#include <string.h>

#include "commands/commands_int.h"

struct release {
	uint32_t	 version;	/* exact, or major.minor with 0s */
	const char	*asdm;
	const char	*compiled;	/* "Compiled on %s by builders" */
};

static const struct release releases[] = {
	/* [V] gns3-legacy 8.0(2) under qemu (no ASDM on its flash). */
	{ LIC_VERSION(8, 0, 2, 0), "6.0(2)", "Fri 15-Jun-07 19:29" },
	/* [V] pastebin YccqyRQc / ducea blog: ASA 5505 8.0(4). */
	{ LIC_VERSION(8, 0, 4, 0), "6.1(3)", "Thu 07-Aug-08 20:53" },
	/* [V] pastebin STXH0xbh: ASA 5510 8.2(1). */
	{ LIC_VERSION(8, 2, 1, 0), "6.2(1)", "Tue 05-May-09 22:45" },
	/* [V] genie golden_output2: Cisco's 8.4(1) example. */
	{ LIC_VERSION(8, 4, 1, 0), "6.4(1)", "Thu 20-Jan-12 04:05" },
	/* [V] pastebin gi2kgjfJ: ASA 5510 9.1(7)12. */
	{ LIC_VERSION(9, 1, 7, 12), "7.6(2)", "Thu 08-Dec-16 10:09" },
	/* [M] one release train each, for every other version. */
	{ LIC_VERSION(8, 0, 0, 0), "6.1(5)", "Tue 19-May-09 10:31" },
	/* [M] 8.1(1): the asadb build date 01-03-2008, time our guess. */
	{ LIC_VERSION(8, 1, 0, 0), "6.1(5)", "Sat 01-Mar-08 02:02" },
	{ LIC_VERSION(8, 2, 0, 0), "6.2(5)", "Fri 20-May-11 16:00" },
	{ LIC_VERSION(8, 3, 0, 0), "6.3(5)", "Thu 19-Aug-10 11:59" },
	{ LIC_VERSION(8, 4, 0, 0), "6.4(9)", "Tue 21-Aug-12 07:13" },
	{ LIC_VERSION(8, 5, 0, 0), "6.5(1)", "Wed 29-Jun-11 13:47" },
	{ LIC_VERSION(8, 6, 0, 0), "6.6(1)", "Fri 27-Jan-12 13:27" },
	{ LIC_VERSION(8, 7, 0, 0), "6.6(2)", "Thu 10-May-12 05:14" },
	{ LIC_VERSION(9, 0, 0, 0), "7.0(2)", "Thu 20-Jun-13 04:56" },
	{ LIC_VERSION(9, 1, 0, 0), "7.1(6)", "Thu 08-Dec-16 10:09" },
};

static const struct release *
release_find(uint32_t v)
{
	uint32_t	 train = v & 0xffff0000u;

	for (size_t i = 0; i < sizeof releases / sizeof releases[0]; i++)
		if (releases[i].version == v)
			return &releases[i];
	for (size_t i = 0; i < sizeof releases / sizeof releases[0]; i++)
		if (releases[i].version == train)
			return &releases[i];
	return &releases[sizeof releases / sizeof releases[0] - 1];
}

const char *
software_asdm(uint32_t v)
{
	return release_find(v)->asdm;
}

const char *
software_compiled(uint32_t v)
{
	return release_find(v)->compiled;
}

/*
 * The image booted (device/boot.c names it: -smp- on the 5580, 5500-X,
 * 5585-X and ASASM, reference 5); without one, "disk0:/asa917-12-k8.bin"
 * [V] from the version.
 */
char *
software_image(const struct device *dev, char *buf, size_t len)
{
	uint32_t	 v = dev->version;
	const char	*fam = dev->platform->family;
	bool		 smp = fam != NULL && (strcmp(fam, "asa5500-x") == 0 ||
	    strcmp(fam, "asa5585-x") == 0 || strcmp(fam, "asasm") == 0);
	char		 interim[16] = "";

	if (dev->tftp_booted) {
		snprintf(buf, len, "%s", msg(MSG_TFTP_BOOTED_IMAGE));
		return buf;
	}
	/* The image the device booted (device/boot.c). */
	if (dev->image[0] != '\0') {
		snprintf(buf, len, "%s", dev->image);
		return buf;
	}
	if ((v & 0xff) != 0)
		snprintf(interim, sizeof interim, "-%u", v & 0xff);
	snprintf(buf, len, "disk0:/asa%u%u%u%s-%sk8.bin", v >> 24,
	    (v >> 16) & 0xff, (v >> 8) & 0xff, interim, smp ? "smp-" : "");
	return buf;
}

const char *
cmd_asdm_release(uint32_t v)
{
	return release_find(v)->asdm;
}
