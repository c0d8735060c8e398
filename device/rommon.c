/* SPDX-License-Identifier: MIT */
/*
 * ROMMON's variables (ADDRESS, SERVER, ... RETRY) and what a TFTP boot
 * needs of them. They live in the device across reloads, as in the
 * box's NVRAM once "sync" has stored them there (.private/rommon); a
 * power cycle (a new process) keeps only what was synced. The order and
 * the defaults are the "set" listing's (ASA 9.9 ASDM guide, "Load an
 * Image Using ROMMON" [D]; defaults [M]).
 */
#include "device/device.h"
#include "device/boot.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "device/device_int.h"
#include "util/util.h"

#define ROMMON_FILE	"rommon"	/* .private: the synced variables */

static const char *const rv_names[RV_COUNT] = {
	"ADDRESS", "SERVER", "GATEWAY", "PORT", "VLAN", "IMAGE", "CONFIG",
	"LINKTIMEOUT", "PKTTIMEOUT", "RETRY",
};

const char *
rommon_var_name(enum rommon_var v)
{
	return rv_names[v];
}

int
rommon_var_lookup(const char *name, size_t len)
{
	for (int v = 0; v < RV_COUNT; v++)
		if (strlen(rv_names[v]) == len &&
		    strncmp(rv_names[v], name, len) == 0)
			return v;
	return -1;
}

static void
defaults(struct device *dev, struct rommon_vars *rv)
{
	memset(rv, 0, sizeof *rv);
	snprintf(rv->v[RV_ADDRESS], sizeof rv->v[0], "0.0.0.0");
	snprintf(rv->v[RV_SERVER], sizeof rv->v[0], "0.0.0.0");
	snprintf(rv->v[RV_GATEWAY], sizeof rv->v[0], "0.0.0.0");
	/* The management port where the platform has one [M]. */
	snprintf(rv->v[RV_PORT], sizeof rv->v[0], "%s",
	    device_iface_find(dev, "Management0/0") != (size_t)-1 ?
	    "Management0/0" : dev->ext->ifs[0].name);
	snprintf(rv->v[RV_VLAN], sizeof rv->v[0], "untagged");
	snprintf(rv->v[RV_LINKTIMEOUT], sizeof rv->v[0], "20");
	snprintf(rv->v[RV_PKTTIMEOUT], sizeof rv->v[0], "4");
	snprintf(rv->v[RV_RETRY], sizeof rv->v[0], "20");
}

/* The synced file's NAME=value lines over the defaults. */
static void
load(struct device *dev, struct rommon_vars *rv)
{
	char	*text = device_flash_read(dev, ROMMON_FILE, NULL);
	char	*line, *next, *eq;
	int	 v;

	for (line = text; line != NULL && *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if ((eq = strchr(line, '=')) == NULL ||
		    (v = rommon_var_lookup(line, (size_t)(eq - line))) < 0)
			continue;
		snprintf(rv->v[v], sizeof rv->v[0], "%s", eq + 1);
	}
	free(text);
}

struct rommon_vars *
device_rommon_vars(struct device *dev)
{
	if (dev->rv == NULL) {
		dev->rv = xmalloc(sizeof *dev->rv);
		defaults(dev, dev->rv);
		load(dev, dev->rv);
	}
	return dev->rv;
}

void
device_rommon_free(struct device *dev)
{
	free(dev->rv);
	dev->rv = NULL;
}

static bool
number_valid(const char *s)
{
	char		*end;
	unsigned long	 n;

	if (*s < '0' || *s > '9')
		return false;
	n = strtoul(s, &end, 10);
	return *end == '\0' && n <= 65535;
}

int
device_rommon_set(struct device *dev, enum rommon_var v, const char *value)
{
	struct rommon_vars *rv = device_rommon_vars(dev);
	struct in_addr	 addr;
	uint32_t	 sub;
	size_t		 i;

	if (strlen(value) >= sizeof rv->v[0])
		return -1;
	switch (v) {
	case RV_ADDRESS:
	case RV_SERVER:
	case RV_GATEWAY:
		if (inet_pton(AF_INET, value, &addr) != 1)
			return -1;
		break;
	case RV_PORT:
		/* Any case, as "PORT=ETHERNET0/0" shows; kept canonical. */
		if ((i = device_iface_resolve(dev, value, &sub)) ==
		    (size_t)-1 || sub != 0)
			return -1;
		value = dev->ext->ifs[i].name;
		break;
	case RV_VLAN:
		if (strcasecmp(value, "untagged") != 0 &&
		    !number_valid(value))
			return -1;
		break;
	case RV_LINKTIMEOUT:
	case RV_PKTTIMEOUT:
	case RV_RETRY:
		if (!number_valid(value))
			return -1;
		break;
	case RV_IMAGE:
	case RV_CONFIG:
	case RV_COUNT:
		break;
	}
	snprintf(rv->v[v], sizeof rv->v[0], "%s", value);
	return 0;
}

int
device_rommon_sync(struct device *dev)
{
	struct rommon_vars *rv = device_rommon_vars(dev);
	struct strbuf	 sb;
	int		 rc;

	strbuf_init(&sb, 256);
	for (int v = 0; v < RV_COUNT; v++)
		strbuf_printf(&sb, "%s=%s\n", rv_names[v], rv->v[v]);
	rc = device_flash_write(dev, ROMMON_FILE, sb.buf, sb.len);
	strbuf_release(&sb);
	return rc;
}
