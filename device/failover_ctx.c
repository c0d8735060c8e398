/* SPDX-License-Identifier: MIT */
/*
 * Multiple context mode: each context's own running configuration goes
 * to the mate beside the system's, from the unit where the context's
 * failover group is active ("Commands entered in a security context are
 * replicated from the unit on which the failover group containing that
 * context is active", configuration guide, Command Replication [M med]).
 * A context's configuration lives in its config-url file, which the
 * mate's system replay loads from the mate's own disk; what the mate
 * must run is ours, so after the system's configuration, and whenever
 * a context's changes, it goes as "CTXCONFIG NAME LEN\n<LEN bytes>".
 */
#include "device/failover.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "device/failover_int.h"
#include "util/util.h"

void
fo_ctx_forget(struct fo_net *net)
{
	for (size_t i = 0; i < net->nctx_sent; i++)
		free(net->ctx_sent[i].text);
	free(net->ctx_sent);
	net->ctx_sent = NULL;
	net->nctx_sent = 0;
}

/* What went last for context name; a new, empty slot when nothing. */
static struct fo_ctx_sent *
sent_slot(struct fo_net *net, const char *name)
{
	struct fo_ctx_sent *s;

	for (size_t i = 0; i < net->nctx_sent; i++)
		if (strcmp(net->ctx_sent[i].name, name) == 0)
			return &net->ctx_sent[i];
	net->ctx_sent = xreallocarray(net->ctx_sent, net->nctx_sent + 1,
	    sizeof *net->ctx_sent);
	s = &net->ctx_sent[net->nctx_sent++];
	snprintf(s->name, sizeof s->name, "%s", name);
	s->text = NULL;
	return s;
}

void
fo_replicate_contexts(struct device *dev)
{
	struct failover	*fo = dev->fo;
	struct fo_net	*net = fo->net;
	struct fo_ctx_sent *s;
	char		*text, head[96];
	int		 n;

	if (!dev->ctxs.multi || fo->hooks.render_context == NULL ||
	    net == NULL || net->out == NULL)
		return;
	for (size_t i = 0; i < dev->ctxs.n; i++) {
		const char *name = dev->ctxs.v[i].name;

		if (!fo_space_sends(dev, i) || !fo_space_mate_takes(dev, i))
			continue;
		text = fo->hooks.render_context(fo->hooks.arg, name);
		s = sent_slot(net, name);
		if (s->text != NULL && strcmp(s->text, text) == 0) {
			free(text);
			continue;
		}
		n = snprintf(head, sizeof head, "CTXCONFIG %s %zu\n", name,
		    strlen(text));
		fo_net_send(dev, head, (size_t)n);
		fo_net_send(dev, text, strlen(text));
		free(s->text);
		s->text = text;
	}
}

void
fo_ctx_config(struct device *dev, const char *name, const char *text)
{
	struct failover	*fo = dev->fo;
	size_t		 i = device_context_find(dev, name);

	/* A context this unit does not have (yet) or runs itself. */
	if (i == CTX_SYSTEM || fo->hooks.apply_context == NULL ||
	    !device_failover_space_standby(dev, i))
		return;
	fo->net->busy = true;
	fo->hooks.apply_context(fo->hooks.arg, name, text);
	fo->net->busy = false;
}
