/* SPDX-License-Identifier: MIT */
/*
 * Active/Standby failover over the lab network. Each unit listens on its
 * own failover link address (failover interface ip: the primary the
 * address, the secondary the standby address) at FO_PORT, and connects
 * to its mate's to talk: two one-way streams, so that neither unit has to
 * win a race to connect. Lines of text:
 *
 *   HELLO p|s STATE SERIAL PLATFORM HW VERSION ACTIVE_SECS KEYHASH ZERO
 *   LIC EDITION N VALUE,TIMED,SECONDS ...     (the unit's own license)
 *   CONFIG BULK LEN\n<LEN bytes>              (active -> standby)
 *   GOACTIVE | GOSTANDBY                      (failover active, no ...)
 *
 * Hellos go every unit poll time; a mate not heard for the holdtime is
 * lost: a standby unit then takes over. A unit that hears no active mate
 * within the holdtime of enabling failover becomes active; of two units
 * negotiating at once the primary does. The active unit sends its whole
 * configuration to a mate in Cold Standby and after every command that
 * changes it. A unit off the lab network (a batch run) has no mate to
 * wait for and becomes active at once. Pulling the failover interface's
 * cable, shutting it down or killing a unit closes the streams.
 */
#include "device/failover.h"

#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "device/failover_int.h"
#include "device/shared.h"
#include "util/util.h"

static const char *const state_text[FO_ST_COUNT] = {
	[FO_ST_DISABLED] = "Disabled",
	[FO_ST_NOT_DETECTED] = "Not Detected",
	[FO_ST_NEGOTIATION] = "Negotiation",
	[FO_ST_COLD_STANDBY] = "Cold Standby",
	[FO_ST_SYNC_CONFIG] = "Sync Config",
	[FO_ST_BULK_SYNC] = "Bulk Sync",
	[FO_ST_STANDBY_READY] = "Standby Ready",
	[FO_ST_JUST_ACTIVE] = "Just Active",
	[FO_ST_ACTIVE_DRAIN] = "Active Drain",
	[FO_ST_ACTIVE_APPLYING] = "Active Applying Config",
	[FO_ST_ACTIVE_APPLIED] = "Active Config Applied",
	[FO_ST_ACTIVE] = "Active",
	[FO_ST_FAILED] = "Failed",
};

static const char *const reason_text[FO_WHY_COUNT] = {
	[FO_WHY_NONE] = "No Error",
	[FO_WHY_NO_ACTIVE] = "No Active unit found",
	[FO_WHY_ACTIVE_MATE] = "Detected an Active mate",
	[FO_WHY_HELLO] = "HELLO not heard from mate",
	[FO_WHY_CONFIG] = "Set by the config command",
	[FO_WHY_MATE_ACTIVE] = "Other unit wants me Active",
	[FO_WHY_MATE_STANDBY] = "Other unit wants me Standby",
	[FO_WHY_DISABLED] = "Failover disabled",
};

const char *
fo_state_text(enum fo_state s)
{
	return s < FO_ST_COUNT ? state_text[s] : "?";
}

const char *
fo_reason_text(enum fo_reason r)
{
	return r < FO_WHY_COUNT ? reason_text[r] : "?";
}

bool
fo_state_active(enum fo_state s)
{
	return s >= FO_ST_JUST_ACTIVE && s <= FO_ST_ACTIVE;
}

bool
fo_state_standby(enum fo_state s)
{
	return s >= FO_ST_COLD_STANDBY && s <= FO_ST_STANDBY_READY;
}

struct failover *
device_failover(struct device *dev)
{
	struct failover	*fo = dev->fo;

	if (fo != NULL)
		return fo;
	fo = dev->fo = xcalloc(1, sizeof *fo);
	fo->cfg.poll_ms = FO_POLL_MS_DEFAULT;
	fo->cfg.hold_ms = FO_HOLD_MS_DEFAULT;
	fo->state = FO_ST_DISABLED;
	return fo;
}

const struct failover *
device_failover_get(const struct device *dev)
{
	return dev->fo;
}

void
device_failover_hooks(struct device *dev, const struct fo_hooks *h)
{
	device_failover(dev)->hooks = *h;
}

void
fo_emit(struct device *dev, const struct fo_event *ev)
{
	struct failover	*fo = dev->fo;

	if (fo->hooks.event != NULL)
		fo->hooks.event(fo->hooks.arg, ev);
}

int64_t
fo_now(const struct device *dev)
{
	return (int64_t)device_now(dev).tv_sec;
}

void
fo_history_add(struct failover *fo, struct timespec at, enum fo_state from,
    enum fo_state to, enum fo_reason why, unsigned group)
{
	struct fo_history *h;

	if (fo->nhist == FO_HISTORY_MAX) {
		memmove(fo->hist, fo->hist + 1, sizeof fo->hist[0] *
		    (FO_HISTORY_MAX - 1));
		fo->nhist--;
	}
	h = &fo->hist[fo->nhist++];
	*h = (struct fo_history){ .at = at, .from = from, .to = to,
	    .why = why, .group = group };
}

void
fo_set_state(struct device *dev, enum fo_state to, enum fo_reason why)
{
	struct failover	*fo = dev->fo;
	struct timespec	 now = device_now(dev);
	struct fo_event	 ev = { .kind = FO_EV_STATE, .from = fo->state,
			    .to = to, .why = why };

	if (fo->state == to)
		return;
	if (fo_state_active(fo->state) && !fo_state_active(to))
		fo->active_secs += (uint64_t)(now.tv_sec -
		    fo->active_since.tv_sec);
	if (!fo_state_active(fo->state) && fo_state_active(to))
		fo->active_since = now;
	fo_history_add(fo, now, fo->state == FO_ST_DISABLED ?
	    FO_ST_NOT_DETECTED : fo->state, to, why, 0);
	ev.from = fo->hist[fo->nhist - 1].from;
	fo->state = to;
	fo_emit(dev, &ev);
	fo_groups_update(dev);
	/* Shared licensing follows the role (later, from the event loop). */
	device_shared_role_changed(dev);
}

/* Just Active, Active Drain, ..., Active: one reason throughout. */
void
fo_go_active(struct device *dev, enum fo_reason why)
{
	struct failover	*fo = dev->fo;

	if (fo->state == FO_ST_ACTIVE)
		return;
	for (enum fo_state s = FO_ST_JUST_ACTIVE; s <= FO_ST_ACTIVE; s++)
		fo_set_state(dev, s, why);
	fo->has_last = true;
	fo->last_failover = device_now(dev);
}

void
fo_go_standby_ready(struct device *dev, enum fo_reason why)
{
	for (enum fo_state s = FO_ST_SYNC_CONFIG; s <= FO_ST_STANDBY_READY;
	    s++)
		fo_set_state(dev, s, why);
}

void
device_failover_free(struct device *dev)
{
	failover_net_stop(dev);
	free(dev->fo);
	dev->fo = NULL;
}

void
device_failover_changed(struct device *dev)
{
	struct failover	*fo = device_failover(dev);
	struct fo_net	*net = fo->net;
	bool		 on = fo->cfg.enabled;

	if (on && fo->state == FO_ST_DISABLED && fo->refused == LIC_UNITS_OK) {
		fo_set_state(dev, FO_ST_NEGOTIATION, FO_WHY_NONE);
		if (net == NULL)
			fo_go_active(dev, FO_WHY_NO_ACTIVE);
		else {
			net->neg_ms = event_now_ms();
			fo_timer_arm(dev);
		}
	} else if (on && net != NULL && net->timer != NULL &&
	    net->timer_ms != fo->cfg.poll_ms) {
		/* A polltime after failover (the startup configuration's
		   order): poll at the new pace now, not after the old one,
		   or a mate with a short holdtime loses this unit. */
		fo_timer_arm(dev);
	} else if (!on && fo->state != FO_ST_DISABLED) {
		fo_set_state(dev, FO_ST_DISABLED, FO_WHY_DISABLED);
		memset(&fo->mate, 0, sizeof fo->mate);
		fo->apart = false;
		fo->formed = false;
		fo->warned_version = 0;
	}
	if (!on)
		fo->refused = LIC_UNITS_OK;
	fo_groups_update(dev);
	failover_net_sync(dev);
}

bool
device_failover_switch(struct device *dev, bool active)
{
	struct failover	*fo = dev->fo;

	if (fo == NULL || !fo->cfg.enabled || fo->state == FO_ST_DISABLED)
		return false;
	if (active && !fo_state_active(fo->state)) {
		fo_go_active(dev, FO_WHY_CONFIG);
		fo_net_send(dev, "GOSTANDBY\n", 10);
	} else if (!active && fo_state_active(fo->state) && fo->mate.known &&
	    !fo->apart) {
		fo_set_state(dev, FO_ST_NEGOTIATION, FO_WHY_CONFIG);
		fo_set_state(dev, FO_ST_COLD_STANDBY, FO_WHY_CONFIG);
		fo_net_send(dev, "GOACTIVE\n", 9);
	}
	return true;
}

void
device_failover_clear_replicated(struct device *dev)
{
	struct fo_cfg	*c = &device_failover(dev)->cfg;
	struct fo_cfg	 keep = *c;

	memset(c, 0, sizeof *c);
	c->enabled = keep.enabled;
	c->unit_set = keep.unit_set;
	c->secondary = keep.secondary;
	c->poll_ms = FO_POLL_MS_DEFAULT;
	c->hold_ms = FO_HOLD_MS_DEFAULT;
	device_failover(dev)->prompt = 0;
}

static bool
can_talk(const struct device *dev)
{
	const struct failover *fo = dev->fo;

	return fo != NULL && fo->net != NULL && fo->net->out != NULL &&
	    fo->cfg.enabled && fo->mate.known && !fo->apart &&
	    fo->refused == LIC_UNITS_OK;
}

/* Read what the mate sends until the answer came or 5 s passed. */
static void
wait_reply(struct device *dev)
{
	struct fo_net	*net = dev->fo->net;
	uint64_t	 until = event_now_ms() + 5000;

	while (net->reply == NULL && net->nin > 0 &&
	    event_now_ms() < until) {
		struct pollfd	 pfd[8];
		struct fo_conn	*conn[8];
		size_t		 n = net->nin < 8 ? net->nin : 8;

		for (size_t i = 0; i < n; i++) {
			conn[i] = net->in[i];
			pfd[i] = (struct pollfd){ .fd = conn[i]->fd,
			    .events = POLLIN };
		}
		if (poll(pfd, (nfds_t)n, 100) <= 0)
			continue;
		for (size_t i = 0; i < n; i++) {
			bool	 still = false;

			for (size_t j = 0; j < net->nin; j++)
				still |= net->in[j] == conn[i];
			if (still && (pfd[i].revents & (POLLIN | POLLHUP)))
				fo_conn_io(conn[i]);
		}
	}
}

bool
device_failover_exec(struct device *dev, const char *line, char **out)
{
	struct fo_net	*net;
	char		 head[64];
	int		 n;

	*out = NULL;
	if (!can_talk(dev))
		return false;
	net = dev->fo->net;
	free(net->reply);
	net->reply = NULL;
	net->want_id = ++net->exec_id == 0 ? ++net->exec_id : net->exec_id;
	n = snprintf(head, sizeof head, "EXEC %u %zu\n", net->want_id,
	    strlen(line));
	fo_net_send(dev, head, (size_t)n);
	fo_net_send(dev, line, strlen(line));
	wait_reply(dev);
	if (dev->fo == NULL || dev->fo->net != net)
		return false;
	*out = net->reply;
	net->reply = NULL;
	net->want_id = 0;
	return *out != NULL;
}

/* line for the mate in context space ("": the system), no answer. */
static void
exec_send(struct device *dev, const char *space, const char *line)
{
	char		 head[96];
	int		 n;

	/* Id 0: no answer wanted. */
	n = snprintf(head, sizeof head, "EXEC 0 %zu%s%s\n", strlen(line),
	    space[0] != '\0' ? " " : "", space);
	fo_net_send(dev, head, (size_t)n);
	fo_net_send(dev, line, strlen(line));
}

bool
device_failover_replicate(struct device *dev, const char *line)
{
	size_t		 sp = dev->ctxs.sel;

	if (!can_talk(dev) || !fo_space_sends(dev, sp) ||
	    !fo_space_mate_takes(dev, sp))
		return false;
	exec_send(dev, sp == CTX_SYSTEM ? "" : dev->ctxs.v[sp].name, line);
	return true;
}

bool
device_failover_reload_standby(struct device *dev)
{
	/* The unit's standby mate, whatever its groups. */
	if (!can_talk(dev) || !fo_state_active(dev->fo->state) ||
	    !fo_state_standby(dev->fo->mate.state))
		return false;
	exec_send(dev, "", "reload noconfirm");
	return true;
}

void
device_failover_clear(struct device *dev)
{
	struct failover	*fo = device_failover(dev);

	memset(&fo->cfg, 0, sizeof fo->cfg);
	fo->cfg.poll_ms = FO_POLL_MS_DEFAULT;
	fo->cfg.hold_ms = FO_HOLD_MS_DEFAULT;
	fo->prompt = 0;
	device_failover_changed(dev);
}

void
device_failover_reset(struct device *dev)
{
	struct failover	*fo = dev->fo;

	if (fo == NULL)
		return;
	if (fo->net != NULL) {
		fo_net_close(dev);
		event_del(fo->net->timer);
		fo->net->timer = NULL;
		fo->net->link_up = false;
		fo->net->bulk_sent = false;
		free(fo->net->sent);
		fo->net->sent = NULL;
		fo_ctx_forget(fo->net);
	}
	memset(&fo->cfg, 0, sizeof fo->cfg);
	fo->cfg.poll_ms = FO_POLL_MS_DEFAULT;
	fo->cfg.hold_ms = FO_HOLD_MS_DEFAULT;
	fo->state = FO_ST_DISABLED;
	memset(&fo->mate, 0, sizeof fo->mate);
	fo->formed = fo->apart = fo->grace_over = false;
	fo->refused = LIC_UNITS_OK;
	fo->warned_version = 0;
	fo->nheld = 0;
	fo->prompt = 0;
	memset(fo->grp, 0, sizeof fo->grp);
}

bool
device_failover_write_standby(struct device *dev)
{
	struct failover	*fo = dev->fo;

	if (fo == NULL || fo->net == NULL || fo->net->out == NULL ||
	    !fo_state_active(fo->state) || !fo->mate.known || fo->apart)
		return false;
	fo_send_config(dev, true);
	return true;
}
