/* SPDX-License-Identifier: MIT */
/*
 * What goes over the failover link (failover.c has the protocol's
 * overview; failover_link.c the streams it goes on): the hello and the
 * license, the configuration the active unit replicates, and what the
 * mate's messages say and do to this unit's role.
 */
#include "device/failover.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "device/failover_int.h"
#include "device/unit_stream.h"
#include "util/util.h"

/* ---- What goes to the mate ---- */

void
fo_send_hello(struct device *dev)
{
	struct failover	*fo = dev->fo;
	struct strbuf	 sb;
	char		 ver[32];
	uint32_t	 hash = unit_key_hash(fo->cfg.key);
	uint64_t	 act = fo->active_secs;

	if (fo_state_active(fo->state))
		act += (uint64_t)(fo_now(dev) - fo->active_since.tv_sec);
	strbuf_init(&sb, 0);
	strbuf_printf(&sb, "HELLO %c %d %s %s %s %s %" PRIu64 " %08x %d\n",
	    fo->cfg.secondary ? 's' : 'p', (int)fo->state, dev->serial,
	    dev->platform->id, dev->platform->hw_name != NULL ?
	    dev->platform->hw_name : dev->platform->id,
	    lic_version_format(dev->version, ver, sizeof ver), act, hash,
	    dev->lic.invalid ? 1 : 0);
	unit_lic_format(&sb, &dev->lic.run);
	fo_groups_hello(dev, &sb);
	fo_net_send(dev, sb.buf, sb.len);
	fo->sys_xmit++;
	strbuf_release(&sb);
}

void
fo_send_config(struct device *dev, bool bulk)
{
	struct failover	*fo = dev->fo;
	struct fo_net	*net = fo->net;
	char		*text, head[64];
	int		 n;

	if (fo->hooks.render == NULL || net == NULL || net->out == NULL)
		return;
	text = fo->hooks.render(fo->hooks.arg);
	if (!bulk && net->sent != NULL && strcmp(net->sent, text) == 0) {
		free(text);
		return;
	}
	if (bulk)
		fo_emit(dev, &(struct fo_event){ .kind = FO_EV_SEND_BEGIN });
	n = snprintf(head, sizeof head, "CONFIG %d %zu\n", bulk ? 1 : 0,
	    strlen(text));
	fo_net_send(dev, head, (size_t)n);
	fo_net_send(dev, text, strlen(text));
	free(net->sent);
	net->sent = text;
	/* The mate replays the system's config-url lines: its contexts
	   start again from its own files, ours go once more. */
	fo_ctx_forget(net);
	if (bulk)
		fo_emit(dev, &(struct fo_event){ .kind = FO_EV_SEND_END });
}

void
fo_replicate(struct device *dev)
{
	struct failover	*fo = dev->fo;

	if (!fo->mate.known || fo->apart || fo->refused != LIC_UNITS_OK)
		return;
	if (fo->mate.state != FO_ST_COLD_STANDBY)
		fo->net->bulk_sent = false;
	else if (!fo->net->bulk_sent) {
		/* Only once it could go (the stream may be reconnecting). */
		if (fo_state_active(fo->state) && fo->net->out != NULL) {
			fo_send_config(dev, true);
			fo->net->bulk_sent = true;
		}
		return;
	}
	/*
	 * A change goes at once, to a mate still taking the bulk too: a
	 * command replicated after it (write memory) must find it there.
	 */
	/* Active/Active: the system's from group 1's unit, each context's
	   from its group's (failover_group.c). */
	if (fo_space_sends(dev, CTX_SYSTEM) &&
	    fo_space_mate_takes(dev, CTX_SYSTEM))
		fo_send_config(dev, false);
	fo_replicate_contexts(dev);
}

/* ---- What the mate says ---- */

static void
check_license(struct device *dev)
{
	struct failover	*fo = dev->fo;
	struct lic_unit_facts a = {
		.platform = dev->platform->id, .version = dev->version,
		.run = &dev->lic.run, .zero_key = dev->lic.invalid,
	};
	struct lic_unit_facts b = {
		.platform = fo->mate.platform, .version = fo->mate.version,
		.run = &fo->mate.run, .zero_key = fo->mate.zero_key,
	};
	enum lic_units_err err;

	err = lic_units_check(model_db_catalog(dev->db), &a, &b, false);
	if (err == fo->refused)
		return;
	fo->refused = err;
	if (err != LIC_UNITS_OK) {
		fo_emit(dev, &(struct fo_event){ .kind = FO_EV_REFUSED,
		    .err = err });
		fo_set_state(dev, FO_ST_DISABLED, FO_WHY_DISABLED);
		return;
	}
	/* Pairable again: negotiate afresh. */
	fo_set_state(dev, FO_ST_NEGOTIATION, FO_WHY_NONE);
	fo->net->neg_ms = event_now_ms();
}

/*
 * The mate's own license. Its edition indexes this unit's platform table
 * when the licenses combine (a mate of another platform is refused), so
 * an edition the platform does not have is refused here.
 */
static bool
parse_lic(struct device *dev, char *line)
{
	return unit_lic_parse(line, dev->platform->neditions,
	    &dev->fo->mate.run);
}

static void
mate_back(struct device *dev)
{
	struct failover	*fo = dev->fo;
	int64_t		 away = fo_now(dev) - fo->apart_since;

	/* Within 30 days "the time elapsed is subtracted from the
	   primary/master license": what this unit held stays unused. */
	fo->nheld = 0;
	fo->apart = false;
	fo->grace_over = false;
	fo_emit(dev, &(struct fo_event){ .kind = FO_EV_RESTORED,
	    .away = away > 0 ? (uint64_t)away : 0 });
}

/* Our role given the mate's state (see the top of the file). */
static void
negotiate(struct device *dev)
{
	struct failover	*fo = dev->fo;
	enum fo_state	 ms = fo->mate.state;
	bool		 yield;

	if (fo->state == FO_ST_DISABLED || fo->refused != LIC_UNITS_OK)
		return;
	if (fo->state == FO_ST_NEGOTIATION && fo_state_active(ms)) {
		fo_set_state(dev, FO_ST_COLD_STANDBY, FO_WHY_ACTIVE_MATE);
		return;
	}
	if (fo_state_active(fo->state) && fo_state_active(ms)) {
		/* Both active (the link came back): the secondary yields;
		   two of one role, the higher serial number. */
		yield = fo->cfg.secondary != fo->mate.secondary ?
		    fo->cfg.secondary : strcmp(dev->serial,
		    fo->mate.serial) > 0;
		if (yield) {
			fo_set_state(dev, FO_ST_NEGOTIATION,
			    FO_WHY_MATE_STANDBY);
			fo_set_state(dev, FO_ST_COLD_STANDBY,
			    FO_WHY_ACTIVE_MATE);
		}
	}
}

static void
on_hello(struct device *dev, char *line)
{
	struct failover	*fo = dev->fo;
	char		 role, serial[32], plat[32], hw[32], ver[32];
	int		 state, zero;
	unsigned	 hash;
	uint64_t	 act;

	if (sscanf(line, "HELLO %c %d %31s %31s %31s %31s %" SCNu64
	    " %x %d", &role, &state, serial, plat, hw, ver, &act, &hash,
	    &zero) != 9 || state < 0 || state >= FO_ST_COUNT)
		return;
	fo->sys_rcv++;
	/* Another key: the mate is not heard at all (both go active). */
	if (hash != unit_key_hash(fo->cfg.key)) {
		if (!fo->net->key_bad)
			fo_emit(dev, &(struct fo_event){ .kind = FO_EV_KEY });
		fo->net->key_bad = true;
		return;
	}
	fo->net->key_bad = false;
	fo->net->heard_ms = event_now_ms();
	if (!fo->formed) {
		fo->formed = true;
		fo->formed_at = device_now(dev);
	}
	/* A mate (back) in Cold Standby wants the whole configuration,
	   whatever went before: it may have left Cold Standby, been lost
	   and yielded again between two of its hellos (a failover key
	   made equal again), so that this unit never saw it elsewhere. */
	if (state == FO_ST_COLD_STANDBY && (!fo->mate.known || fo->apart ||
	    fo->mate.state != FO_ST_COLD_STANDBY))
		fo->net->bulk_sent = false;
	fo->mate.known = true;
	fo->mate.secondary = role == 's';
	fo->mate.state = (enum fo_state)state;
	snprintf(fo->mate.serial, sizeof fo->mate.serial, "%s", serial);
	snprintf(fo->mate.platform, sizeof fo->mate.platform, "%s", plat);
	snprintf(fo->mate.hw, sizeof fo->mate.hw, "%s", hw);
	if (lic_version_parse(ver, &fo->mate.version) != 0)
		fo->mate.version = 0;
	fo->mate.active_secs = act;
	fo->mate.zero_key = zero != 0;
	if (fo->apart)
		mate_back(dev);
	/* The wrmem capture [V]: the active warns as the upgraded standby
	   comes back, before it replicates; each unit once for each other
	   release it learns its mate runs (a zero-downtime upgrade). */
	if (fo->mate.version == dev->version)
		fo->warned_version = 0;
	else if (fo->mate.version != fo->warned_version) {
		fo->warned_version = fo->mate.version;
		fo_emit(dev, &(struct fo_event){ .kind = FO_EV_VERSION });
	}
}

static void
on_config(struct device *dev, bool bulk, const char *text)
{
	struct failover	*fo = dev->fo;
	struct fo_net	*net = fo->net;

	if (!device_failover_space_standby(dev, CTX_SYSTEM) ||
	    fo->hooks.apply == NULL)
		return;
	if (bulk)
		fo_emit(dev, &(struct fo_event){ .kind = FO_EV_RECV_BEGIN });
	net->busy = true;
	fo->hooks.apply(fo->hooks.arg, text);
	net->busy = false;
	if (bulk)
		fo_emit(dev, &(struct fo_event){ .kind = FO_EV_RECV_END });
	if (fo->state == FO_ST_COLD_STANDBY)
		fo_go_standby_ready(dev, FO_WHY_ACTIVE_MATE);
}

static void
exec_run(void *arg)
{
	struct device	*dev = arg;
	struct failover	*fo = dev->fo;
	struct fo_net	*net = fo->net;
	char		*line = net->exec_line, *text, head[64];
	char		*space = net->exec_space;
	unsigned	 id = net->exec_id;
	int		 n;

	net->exec_ev = NULL;
	net->exec_line = NULL;
	net->exec_space = NULL;
	if (line == NULL || fo->hooks.exec == NULL) {
		free(line);
		free(space);
		return;
	}
	text = fo->hooks.exec(fo->hooks.arg, space, line);
	free(line);
	free(space);
	/* A reload took the link down: nobody waits any more. */
	if (dev->fo != NULL && dev->fo->net == net && id != 0) {
		n = snprintf(head, sizeof head, "EXECOUT %u %zu\n", id,
		    strlen(text));
		fo_net_send(dev, head, (size_t)n);
		fo_net_send(dev, text, strlen(text));
	}
	free(text);
}

static void
on_exec(struct device *dev, unsigned id, const char *space,
    const char *line)
{
	struct fo_net	*net = dev->fo->net;

	free(net->exec_line);
	free(net->exec_space);
	net->exec_line = xstrdup(line);
	net->exec_space = space[0] != '\0' ? xstrdup(space) : NULL;
	net->exec_id = id;
	if (net->exec_ev == NULL)
		net->exec_ev = event_timer_add(net->loop, 0, exec_run, dev);
}

/* "KIND A LEN\n<LEN bytes>": the body, or NULL while partial. */
static char *
body_of(struct fo_conn *c, size_t head, size_t len, size_t *used)
{
	if (c->in.len - head < len)
		return NULL;
	*used = head + len;
	return xstrndup(c->in.buf + head, len);
}

size_t
fo_message(struct device *dev, struct fo_conn *c)
{
	struct failover	*fo = dev->fo;
	char		*nl = memchr(c->in.buf, '\n', c->in.len);
	size_t		 head, len;
	int		 bulk;
	char		*text;

	if (nl == NULL)
		return 0;
	*nl = '\0';
	head = (size_t)(nl - c->in.buf) + 1;
	if (strncmp(c->in.buf, "EXEC ", 5) == 0 ||
	    strncmp(c->in.buf, "EXECOUT ", 8) == 0) {
		unsigned id;
		size_t	 used = 0;
		bool	 out = c->in.buf[4] == 'O';
		char	 space[CTX_NAME_MAX + 1] = "";

		/* EXEC ID LEN [CONTEXT]: a context's command (write memory
		   there); a unit that knows no contexts ignores the word. */
		if (sscanf(c->in.buf + (out ? 8 : 5), "%u %zu %32s", &id,
		    &len, space) < 2)
			return head;
		if ((text = body_of(c, head, len, &used)) == NULL) {
			*nl = '\n';
			return 0;
		}
		fo->rcv++;
		/* From a mate of another key: not understood, dropped. */
		if (!fo->net->key_bad && !out)
			on_exec(dev, id, space, text);
		else if (!fo->net->key_bad && id == fo->net->want_id &&
		    fo->net->reply == NULL)
			fo->net->reply = text, text = NULL;
		free(text);
		return used;
	}
	if (strncmp(c->in.buf, "CTXCONFIG ", 10) == 0) {
		char	 name[CTX_NAME_MAX + 1];
		size_t	 used = 0;

		if (sscanf(c->in.buf, "CTXCONFIG %32s %zu", name, &len) != 2)
			return head;
		if ((text = body_of(c, head, len, &used)) == NULL) {
			*nl = '\n';
			return 0;
		}
		fo->rcv++;
		if (!fo->net->key_bad)
			fo_ctx_config(dev, name, text);
		free(text);
		return used;
	}
	if (strncmp(c->in.buf, "CONFIG ", 7) == 0) {
		if (sscanf(c->in.buf, "CONFIG %d %zu", &bulk, &len) != 2)
			return head;
		if (c->in.len - head < len) {
			*nl = '\n';
			return 0;
		}
		text = xstrndup(c->in.buf + head, len);
		fo->rcv++;
		if (!fo->net->key_bad)
			on_config(dev, bulk != 0, text);
		free(text);
		return head + len;
	}
	fo->rcv++;
	if (strncmp(c->in.buf, "HELLO ", 6) == 0)
		on_hello(dev, c->in.buf);
	else if (fo->net->key_bad)
		return head;
	else if (strncmp(c->in.buf, "LIC ", 4) == 0) {
		fo->mate.has_run = parse_lic(dev, c->in.buf);
		fo->mate.run_at = fo_now(dev);
		if (fo->mate.has_run)
			check_license(dev);
		negotiate(dev);
	} else if (strncmp(c->in.buf, "GROUP", 5) == 0)
		fo_groups_message(dev, c->in.buf);
	else if (strcmp(c->in.buf, "GOACTIVE") == 0 &&
	    fo_state_standby(fo->state))
		fo_go_active(dev, FO_WHY_MATE_ACTIVE);
	else if (strcmp(c->in.buf, "GOSTANDBY") == 0 &&
	    fo_state_active(fo->state)) {
		fo_set_state(dev, FO_ST_NEGOTIATION, FO_WHY_MATE_STANDBY);
		fo_set_state(dev, FO_ST_COLD_STANDBY, FO_WHY_MATE_STANDBY);
	}
	return head;
}
