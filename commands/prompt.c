/* SPDX-License-Identifier: MIT */
/*
 * prompt hostname [context] [domain] [priority] [state], no prompt: what
 * the prompt shows before the mode, "ciscoasa/pri/act#" (reference 6.1
 * [D]: "hostname, domain, context, priority, state"; the form
 * "%N/pri/act#" from the unicon ASA mock [V]). The words' values [M med,
 * the ASA command reference as remembered]: priority "pri" or "sec"
 * (failover lan unit); state "act" or "stby" with failover enabled,
 * "actNoFailover" without. Single context mode has no context to show;
 * asaemu has no domain-name, so domain shows nothing. The words come in
 * the order of the reference's example only.
 */
#include "commands/commands.h"

#include <stdio.h>
#include <string.h>

#include "commands/commands_int.h"
#include "device/failover.h"

static const char *const prompt_words[] = {
	[FO_PROMPT_HOSTNAME] = "hostname",
	[FO_PROMPT_CONTEXT] = "context",
	[FO_PROMPT_DOMAIN] = "domain",
	[FO_PROMPT_PRIORITY] = "priority",
	[FO_PROMPT_STATE] = "state",
};

#define PROMPT_BIT(w)	(1u << (w))
#define PROMPT_DEFAULT	(PROMPT_BIT(FO_PROMPT_HOSTNAME) | \
			 PROMPT_BIT(FO_PROMPT_CONTEXT))

static enum cmd_status
prompt_exec(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct failover	*fo = device_failover(ctx->dev);
	unsigned	 bits = 0;

	if (!cmd_arg_has(args, "no"))
		for (size_t w = 0; w < FO_PROMPT_COUNT; w++)
			if (cmd_arg_has(args, prompt_words[w]))
				bits |= PROMPT_BIT(w);
	fo->prompt = bits == PROMPT_DEFAULT ? 0 : bits;
	device_touch(ctx->dev);
	return CMD_OK;
}

static const struct cmd_help prompt_help[] = {
	{ "prompt", "Configure session prompt display" },
	{ "hostname", "Display the hostname in the session prompt" },
	{ "context", "Display the context in the session prompt "
	    "(multimode only)" },
	{ "domain", "Display the domain in the session prompt" },
	{ "priority", "Display the priority in the session prompt" },
	{ "state", "Display the traffic passing state in the session "
	    "prompt" },
	{ NULL, NULL }
};

const struct cmd_entry cmd_prompt_entry = {
	.syntax = "prompt hostname [context] [domain] [priority] [state]",
	.help = prompt_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.exec = prompt_exec,
};

const struct cmd_entry cmd_no_prompt_entry = {
	.syntax = "prompt [hostname] [context] [domain] [priority] [state]",
	.help = prompt_help,
	.modes = MODE_BIT(MODE_CONFIG),
	.flags = CMD_F_NO_ONLY,
	.exec = prompt_exec,
};

void
prompt_render(struct strbuf *sb, const struct device *dev)
{
	const struct failover *fo = device_failover_get(dev);

	if (fo == NULL || fo->prompt == 0)
		return;
	strbuf_puts(sb, "prompt");
	for (size_t w = 0; w < FO_PROMPT_COUNT; w++)
		if (fo->prompt & PROMPT_BIT(w))
			strbuf_printf(sb, " %s", prompt_words[w]);
	strbuf_puts(sb, "\n");
}

static const char *
state_word(const struct failover *fo)
{
	if (!fo->cfg.enabled || fo->state == FO_ST_DISABLED)
		return "actNoFailover";
	return fo_state_active(fo->state) ? "act" : "stby";
}

const char *
prompt_host(struct cmd_ctx *ctx)
{
	const struct device *dev = ctx->dev;
	const struct failover *fo = device_failover_get(dev);
	size_t		 len;

	if (fo == NULL || fo->prompt == 0)
		return device_system_hostname(dev);
	ctx->prompt_host[0] = '\0';
	if (fo->prompt & PROMPT_BIT(FO_PROMPT_HOSTNAME))
		snprintf(ctx->prompt_host, sizeof ctx->prompt_host, "%s",
		    device_system_hostname(dev));
	len = strlen(ctx->prompt_host);
	if (fo->prompt & PROMPT_BIT(FO_PROMPT_PRIORITY))
		len += (size_t)snprintf(ctx->prompt_host + len,
		    sizeof ctx->prompt_host - len, "/%s", fo->cfg.secondary ?
		    "sec" : "pri");
	if (len < sizeof ctx->prompt_host &&
	    fo->prompt & PROMPT_BIT(FO_PROMPT_STATE))
		snprintf(ctx->prompt_host + len, sizeof ctx->prompt_host - len,
		    "/%s", state_word(fo));
	return ctx->prompt_host;
}
