/* SPDX-License-Identifier: MIT */
/*
 * The CLI modes and their prompts. Prompts and help headers are the ASA's
 * (reference 6.1 and 6.5): "hostname>", "hostname#", "hostname(config)#",
 * and the "exec mode" / "configure mode" headers of '?'.
 */
#include "shell/shell.h"

#include <assert.h>

static const struct mode_info modes[MODE_COUNT] = {
	[MODE_USER] = {
		.prompt = "> ",
		.help_header = "exec mode commands/options:",
		.parent = MODE_USER,
	},
	[MODE_PRIV] = {
		.prompt = "# ",
		.help_header = "exec mode commands/options:",
		.parent = MODE_USER,
	},
	[MODE_CONFIG] = {
		.prompt = "(config)# ",
		.help_header = "configure mode commands/options:",
		.parent = MODE_PRIV,
	},
	[MODE_CONFIG_IF] = {
		.prompt = "(config-if)# ",
		.help_header = "interface mode commands/options:",
		.parent = MODE_CONFIG,
		.inherits = true,
	},
	[MODE_ROMMON] = {
		.prompt = "> ",
		.help_header = "rommon commands:",
		.parent = MODE_ROMMON,
	},
	/* [M high] no capture shows this prompt or header. */
	[MODE_CONFIG_WEBVPN] = {
		.prompt = "(config-webvpn)# ",
		.help_header = "webvpn mode commands/options:",
		.parent = MODE_CONFIG,
	},
	/* [V] the context sub-mode prompt of every ASA configuration
	   guide example: "hostname(config-ctx)#". */
	[MODE_CONFIG_CTX] = {
		.prompt = "(config-ctx)# ",
		.help_header = "context configuration mode commands/options:",
		.parent = MODE_CONFIG,
		.inherits = true,
	},
	/* [M high] the 9.x configuration guide's examples, from memory:
	   "ciscoasa(cfg-cluster)# local-unit unit1"; the '?' header is a
	   guess. */
	[MODE_CONFIG_CLUSTER] = {
		.prompt = "(cfg-cluster)# ",
		.help_header = "cluster configuration mode commands/options:",
		.parent = MODE_CONFIG,
		.inherits = true,
	},
	/* [D] the configuration guide's Active/Active examples:
	   "hostname(config-fover-group)# primary"; the '?' header [M]. */
	[MODE_CONFIG_FOVER_GROUP] = {
		.prompt = "(config-fover-group)# ",
		.help_header = "failover group configuration mode "
		    "commands/options:",
		.parent = MODE_CONFIG,
		.inherits = true,
	},
};

const struct mode_info *
mode_info(enum mode m)
{
	assert(m < MODE_COUNT);
	return &modes[m];
}
