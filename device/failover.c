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

#define IN_CAP		(1u << 20)	/* a configuration fits */

struct fo_conn {
	int		 fd;
	struct event	*ev;
	struct strbuf	 in;
	struct strbuf	 out;		/* not yet written */
	struct device	*dev;
};

struct fo_net {
	struct event_loop *loop;
	int		 listen_fd;
	struct event	*listen_ev;
	uint32_t	 listen_ip;
	struct fo_conn	*out;		/* to the mate */
	struct fo_conn	**in;		/* from the mate */
	size_t		 nin;
	struct event	*timer;
	uint64_t	 heard_ms;	/* the mate's last hello */
	uint64_t	 neg_ms;	/* negotiation began */
	bool		 link_up;
	bool		 busy;		/* applying a configuration */
	char		*sent;		/* last configuration sent */
	bool		 bulk_sent;	/* to the mate's Cold Standby */
	/* failover exec: the mate's request, run from a timer (the
	   command may close the very stream it came on) */
	char		*exec_line;
	unsigned	 exec_id;
	struct event	*exec_ev;
	/* ... and ours, waiting for the answer */
	unsigned	 want_id;
	char		*reply;
};

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

static void
emit(struct device *dev, const struct fo_event *ev)
{
	struct failover	*fo = dev->fo;

	if (fo->hooks.event != NULL)
		fo->hooks.event(fo->hooks.arg, ev);
}

static int64_t
now_secs(const struct device *dev)
{
	return (int64_t)device_now(dev).tv_sec;
}

static void
set_state(struct device *dev, enum fo_state to, enum fo_reason why)
{
	struct failover	*fo = dev->fo;
	struct timespec	 now = device_now(dev);
	struct fo_history *h;
	struct fo_event	 ev = { .kind = FO_EV_STATE, .from = fo->state,
			    .to = to, .why = why };

	if (fo->state == to)
		return;
	if (fo_state_active(fo->state) && !fo_state_active(to))
		fo->active_secs += (uint64_t)(now.tv_sec -
		    fo->active_since.tv_sec);
	if (!fo_state_active(fo->state) && fo_state_active(to))
		fo->active_since = now;
	if (fo->nhist == FO_HISTORY_MAX) {
		memmove(fo->hist, fo->hist + 1, sizeof fo->hist[0] *
		    (FO_HISTORY_MAX - 1));
		fo->nhist--;
	}
	h = &fo->hist[fo->nhist++];
	h->at = now;
	h->from = fo->state == FO_ST_DISABLED ? FO_ST_NOT_DETECTED :
	    fo->state;
	h->to = to;
	h->why = why;
	ev.from = h->from;
	fo->state = to;
	emit(dev, &ev);
	/* Shared licensing follows the role (later, from the event loop). */
	device_shared_role_changed(dev);
}

/* Just Active, Active Drain, ..., Active: one reason throughout. */
static void
go_active(struct device *dev, enum fo_reason why)
{
	struct failover	*fo = dev->fo;

	if (fo->state == FO_ST_ACTIVE)
		return;
	for (enum fo_state s = FO_ST_JUST_ACTIVE; s <= FO_ST_ACTIVE; s++)
		set_state(dev, s, why);
	fo->has_last = true;
	fo->last_failover = device_now(dev);
}

static void
go_standby_ready(struct device *dev, enum fo_reason why)
{
	for (enum fo_state s = FO_ST_SYNC_CONFIG; s <= FO_ST_STANDBY_READY;
	    s++)
		set_state(dev, s, why);
}

/* ---- The link's endpoints ---- */

static const struct fo_ip *
lan_ip(const struct fo_cfg *c)
{
	for (size_t i = 0; i < 2; i++)
		if (c->lan_name[0] != '\0' &&
		    strcmp(c->ip[i].name, c->lan_name) == 0)
			return &c->ip[i];
	return NULL;
}

bool
device_failover_addrs(const struct device *dev, uint32_t *own,
    uint32_t *mate)
{
	const struct failover *fo = dev->fo;
	const struct fo_ip *ip;

	if (fo == NULL || (ip = lan_ip(&fo->cfg)) == NULL)
		return false;
	*own = fo->cfg.secondary ? ip->standby : ip->ip;
	*mate = fo->cfg.secondary ? ip->ip : ip->standby;
	return true;
}

static void
conn_free(struct fo_conn *c)
{
	if (c == NULL)
		return;
	event_del(c->ev);
	close(c->fd);
	strbuf_release(&c->in);
	strbuf_release(&c->out);
	free(c);
}

static void
in_remove(struct fo_net *net, struct fo_conn *c)
{
	for (size_t i = 0; i < net->nin; i++) {
		if (net->in[i] != c)
			continue;
		net->in[i] = net->in[--net->nin];
		conn_free(c);
		return;
	}
}

static void
net_close(struct device *dev)
{
	struct fo_net	*net = dev->fo->net;

	while (net->nin > 0)
		in_remove(net, net->in[net->nin - 1]);
	conn_free(net->out);
	net->out = NULL;
	if (net->listen_fd != -1) {
		event_del(net->listen_ev);
		lab_unlisten(dev->lab, net->listen_fd);
		net->listen_fd = -1;
	}
}

static void	conn_io(void *arg);

static void
conn_flush(struct fo_conn *c)
{
	struct fo_net	*net = c->dev->fo->net;
	ssize_t		 n;

	while (c->out.len > 0) {
		n = write(c->fd, c->out.buf, c->out.len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			break;
		if (n <= 0) {
			/* The mate is gone: connect again at the next poll. */
			if (net->out == c)
				net->out = NULL;
			conn_free(c);
			return;
		}
		memmove(c->out.buf, c->out.buf + n, c->out.len - (size_t)n);
		c->out.len -= (size_t)n;
		c->out.buf[c->out.len] = '\0';
	}
	event_fd_set(c->ev, c->out.len > 0 ? POLLOUT : POLLIN);
}

static void
net_send(struct device *dev, const char *data, size_t len)
{
	struct fo_net	*net = dev->fo->net;

	if (net == NULL || net->out == NULL)
		return;
	strbuf_add(&net->out->out, data, len);
	dev->fo->xmit++;
	conn_flush(net->out);
}

static void
send_hello(struct device *dev)
{
	struct failover	*fo = dev->fo;
	struct strbuf	 sb;
	char		 ver[32];
	uint32_t	 hash = 2166136261u;
	uint64_t	 act = fo->active_secs;

	for (const char *p = fo->cfg.key; *p != '\0'; p++)
		hash = (hash ^ (unsigned char)*p) * 16777619u;
	if (fo_state_active(fo->state))
		act += (uint64_t)(now_secs(dev) - fo->active_since.tv_sec);
	strbuf_init(&sb, 0);
	strbuf_printf(&sb, "HELLO %c %d %s %s %s %s %" PRIu64 " %08x %d\n",
	    fo->cfg.secondary ? 's' : 'p', (int)fo->state, dev->serial,
	    dev->platform->id, dev->platform->hw_name != NULL ?
	    dev->platform->hw_name : dev->platform->id,
	    lic_version_format(dev->version, ver, sizeof ver), act, hash,
	    dev->lic.invalid ? 1 : 0);
	strbuf_printf(&sb, "LIC %zu %zu", dev->lic.run.edition,
	    dev->lic.run.nfeatures);
	for (size_t f = 0; f < dev->lic.run.nfeatures; f++) {
		const struct lic_value *v = &dev->lic.run.v[f];

		strbuf_printf(&sb, " %u,%d,%u", v->value, v->timed ? 1 : 0,
		    v->seconds_left);
	}
	strbuf_puts(&sb, "\n");
	net_send(dev, sb.buf, sb.len);
	fo->sys_xmit++;
	strbuf_release(&sb);
}

static void
send_config(struct device *dev, bool bulk)
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
		emit(dev, &(struct fo_event){ .kind = FO_EV_SEND_BEGIN });
	n = snprintf(head, sizeof head, "CONFIG %d %zu\n", bulk ? 1 : 0,
	    strlen(text));
	net_send(dev, head, (size_t)n);
	net_send(dev, text, strlen(text));
	free(net->sent);
	net->sent = text;
	if (bulk)
		emit(dev, &(struct fo_event){ .kind = FO_EV_SEND_END });
}

/* The active unit keeps a standby mate's configuration its own. */
static void
replicate(struct device *dev)
{
	struct failover	*fo = dev->fo;

	if (!fo_state_active(fo->state) || !fo->mate.known || fo->apart ||
	    fo->refused != LIC_UNITS_OK)
		return;
	if (fo->mate.state == FO_ST_COLD_STANDBY) {
		if (!fo->net->bulk_sent)
			send_config(dev, true);
		fo->net->bulk_sent = true;
		return;
	}
	fo->net->bulk_sent = false;
	if (fo_state_standby(fo->mate.state))
		send_config(dev, false);
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
		emit(dev, &(struct fo_event){ .kind = FO_EV_REFUSED,
		    .err = err });
		set_state(dev, FO_ST_DISABLED, FO_WHY_DISABLED);
		return;
	}
	/* Pairable again: negotiate afresh. */
	set_state(dev, FO_ST_NEGOTIATION, FO_WHY_NONE);
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
	struct lic_running *r = &dev->fo->mate.run;
	char		*p = line + 4, *end;
	unsigned long	 e, n;

	e = strtoul(p, &end, 10);
	n = strtoul(end, &p, 10);
	if (e >= dev->platform->neditions || n > LIC_MAX_FEATURES)
		return false;
	memset(r, 0, sizeof *r);
	r->edition = (size_t)e;
	r->nfeatures = (size_t)n;
	for (size_t f = 0; f < n; f++) {
		unsigned v, t, s;
		int used = 0;

		if (sscanf(p, " %u,%u,%u%n", &v, &t, &s, &used) != 3)
			return false;
		r->v[f] = (struct lic_value){ .value = v, .timed = t != 0,
		    .seconds_left = s };
		p += used;
	}
	return true;
}

static void
mate_back(struct device *dev)
{
	struct failover	*fo = dev->fo;
	int64_t		 away = now_secs(dev) - fo->apart_since;

	/* Within 30 days "the time elapsed is subtracted from the
	   primary/master license": what this unit held stays unused. */
	fo->nheld = 0;
	fo->apart = false;
	fo->grace_over = false;
	emit(dev, &(struct fo_event){ .kind = FO_EV_RESTORED,
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
		set_state(dev, FO_ST_COLD_STANDBY, FO_WHY_ACTIVE_MATE);
		return;
	}
	if (fo_state_active(fo->state) && fo_state_active(ms)) {
		/* Both active (the link came back): the secondary yields;
		   two of one role, the higher serial number. */
		yield = fo->cfg.secondary != fo->mate.secondary ?
		    fo->cfg.secondary : strcmp(dev->serial,
		    fo->mate.serial) > 0;
		if (yield) {
			set_state(dev, FO_ST_NEGOTIATION, FO_WHY_MATE_STANDBY);
			set_state(dev, FO_ST_COLD_STANDBY, FO_WHY_ACTIVE_MATE);
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
	fo->net->heard_ms = event_now_ms();
	if (!fo->formed) {
		fo->formed = true;
		fo->formed_at = device_now(dev);
	}
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
}

static void
on_config(struct device *dev, bool bulk, const char *text)
{
	struct failover	*fo = dev->fo;
	struct fo_net	*net = fo->net;

	if (!fo_state_standby(fo->state) || fo->hooks.apply == NULL)
		return;
	if (bulk)
		emit(dev, &(struct fo_event){ .kind = FO_EV_RECV_BEGIN });
	net->busy = true;
	fo->hooks.apply(fo->hooks.arg, text);
	net->busy = false;
	if (bulk)
		emit(dev, &(struct fo_event){ .kind = FO_EV_RECV_END });
	if (fo->state == FO_ST_COLD_STANDBY)
		go_standby_ready(dev, FO_WHY_ACTIVE_MATE);
}

static void
exec_run(void *arg)
{
	struct device	*dev = arg;
	struct failover	*fo = dev->fo;
	struct fo_net	*net = fo->net;
	char		*line = net->exec_line, *text, head[64];
	unsigned	 id = net->exec_id;
	int		 n;

	net->exec_ev = NULL;
	net->exec_line = NULL;
	if (line == NULL || fo->hooks.exec == NULL) {
		free(line);
		return;
	}
	text = fo->hooks.exec(fo->hooks.arg, line);
	free(line);
	/* A reload took the link down: nobody waits any more. */
	if (dev->fo != NULL && dev->fo->net == net && id != 0) {
		n = snprintf(head, sizeof head, "EXECOUT %u %zu\n", id,
		    strlen(text));
		net_send(dev, head, (size_t)n);
		net_send(dev, text, strlen(text));
	}
	free(text);
}

static void
on_exec(struct device *dev, unsigned id, const char *line)
{
	struct fo_net	*net = dev->fo->net;

	free(net->exec_line);
	net->exec_line = xstrdup(line);
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

/* One complete message at the head of c->in: its length, 0 if partial. */
static size_t
message(struct device *dev, struct fo_conn *c)
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

		if (sscanf(c->in.buf + (out ? 8 : 5), "%u %zu", &id,
		    &len) != 2)
			return head;
		if ((text = body_of(c, head, len, &used)) == NULL) {
			*nl = '\n';
			return 0;
		}
		fo->rcv++;
		if (!out)
			on_exec(dev, id, text);
		else if (id == fo->net->want_id && fo->net->reply == NULL)
			fo->net->reply = text, text = NULL;
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
		on_config(dev, bulk != 0, text);
		free(text);
		return head + len;
	}
	fo->rcv++;
	if (strncmp(c->in.buf, "HELLO ", 6) == 0)
		on_hello(dev, c->in.buf);
	else if (strncmp(c->in.buf, "LIC ", 4) == 0) {
		fo->mate.has_run = parse_lic(dev, c->in.buf);
		fo->mate.run_at = now_secs(dev);
		if (fo->mate.has_run)
			check_license(dev);
		negotiate(dev);
	} else if (strcmp(c->in.buf, "GOACTIVE") == 0 &&
	    fo_state_standby(fo->state))
		go_active(dev, FO_WHY_MATE_ACTIVE);
	else if (strcmp(c->in.buf, "GOSTANDBY") == 0 &&
	    fo_state_active(fo->state)) {
		set_state(dev, FO_ST_NEGOTIATION, FO_WHY_MATE_STANDBY);
		set_state(dev, FO_ST_COLD_STANDBY, FO_WHY_MATE_STANDBY);
	}
	return head;
}

/* What one read of an incoming stream gave: its whole messages. */
static void
conn_input(struct fo_conn *c, const char *buf, size_t n)
{
	struct device	*dev = c->dev;
	size_t		 used;

	strbuf_add(&c->in, buf, n);
	while (c->in.len > 0 && (used = message(dev, c)) > 0) {
		memmove(c->in.buf, c->in.buf + used, c->in.len - used);
		c->in.len -= used;
		c->in.buf[c->in.len] = '\0';
	}
	replicate(dev);
}

static void
conn_io(void *arg)
{
	struct fo_conn	*c = arg;
	struct device	*dev = c->dev;
	struct fo_net	*net = dev->fo->net;
	char		 buf[4096];
	ssize_t		 n;

	if (net->out == c) {
		/* Our stream to the mate: writable again, or gone. */
		if (event_revents(c->ev) & (POLLHUP | POLLERR)) {
			net->out = NULL;
			conn_free(c);
			return;
		}
		conn_flush(c);
		return;
	}
	n = read(c->fd, buf, sizeof buf);
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n <= 0) {
		in_remove(net, c);
		return;
	}
	conn_input(c, buf, (size_t)n);
}

static struct fo_conn *
conn_new(struct device *dev, int fd, short events)
{
	struct fo_conn	*c = xcalloc(1, sizeof *c);

	c->fd = fd;
	c->dev = dev;
	strbuf_init(&c->in, IN_CAP);
	strbuf_init(&c->out, IN_CAP);
	c->ev = event_fd_add(dev->fo->net->loop, fd, events, conn_io, c);
	return c;
}

static void
listen_accept(void *arg)
{
	struct device	*dev = arg;
	struct fo_net	*net = dev->fo->net;
	int		 fd;

	while ((fd = lab_accept(net->listen_fd)) != -1) {
		net->in = xreallocarray(net->in, net->nin + 1,
		    sizeof *net->in);
		net->in[net->nin++] = conn_new(dev, fd, POLLIN);
	}
}

static bool
lan_up(const struct device *dev)
{
	const struct failover *fo = dev->fo;
	size_t		 port = device_iface_find(dev, fo->cfg.lan_if);

	return fo->cfg.lan_name[0] != '\0' && port != (size_t)-1 &&
	    device_iface_up(dev, &dev->ext->ifs[port]);
}

static void	poll_tick(void *arg);

static void
timer_arm(struct device *dev)
{
	struct fo_net	*net = dev->fo->net;

	event_del(net->timer);
	net->timer = event_timer_add(net->loop, dev->fo->cfg.poll_ms,
	    poll_tick, dev);
}

/* Endpoints as the configuration and the cable say. */
static void
net_sync(struct device *dev)
{
	struct failover	*fo = dev->fo;
	struct fo_net	*net = fo->net;
	uint32_t	 own, mate;
	bool		 want, was = net->link_up;
	int		 fd;

	want = fo->cfg.enabled && lan_up(dev) &&
	    device_failover_addrs(dev, &own, &mate) && own != 0 && mate != 0;
	net->link_up = want;
	if (!want) {
		net_close(dev);
		if (was && fo->cfg.enabled)
			emit(dev, &(struct fo_event){ .kind =
			    FO_EV_LAN_FAILED });
		return;
	}
	if (!was && fo->mate.known)
		emit(dev, &(struct fo_event){ .kind = FO_EV_LAN_OK });
	if (net->listen_fd != -1 && net->listen_ip != own)
		net_close(dev);
	if (net->listen_fd == -1 &&
	    (fd = lab_listen(dev->lab, own, FO_PORT)) != -1) {
		net->listen_fd = fd;
		net->listen_ip = own;
		net->listen_ev = event_fd_add(net->loop, fd, POLLIN,
		    listen_accept, dev);
	}
	if (net->out == NULL && (fd = lab_connect(dev->lab, mate,
	    FO_PORT)) != -1) {
		net->out = conn_new(dev, fd, POLLIN);
		send_hello(dev);
	}
}

static void
lose_mate(struct device *dev)
{
	struct failover	*fo = dev->fo;

	fo->apart = true;
	fo->apart_since = now_secs(dev);
	fo->mate.state = FO_ST_FAILED;
	emit(dev, &(struct fo_event){ .kind = FO_EV_MATE_LOST });
	if (fo_state_standby(fo->state) || fo->state == FO_ST_NEGOTIATION)
		go_active(dev, FO_WHY_HELLO);
}

/* After 30 days apart "time is subtracted from all unit licenses". */
static void
charge_held(struct device *dev)
{
	struct failover		*fo = dev->fo;
	struct device_license	*l = &dev->lic;

	for (size_t h = 0; h < fo->nheld; h++)
		for (size_t i = 0; i < l->ntimed; i++)
			if (memcmp(&l->timed[i].key, &fo->held[h].key,
			    sizeof fo->held[h].key) == 0)
				lic_units_unhold(&l->timed[i],
				    fo->held[h].secs);
	fo->nheld = 0;
	device_license_compute(dev);
}

static void
poll_tick(void *arg)
{
	struct device	*dev = arg;
	struct failover	*fo = dev->fo;
	struct fo_net	*net = fo->net;
	uint64_t	 now = event_now_ms();

	net->timer = NULL;
	if (!fo->cfg.enabled)
		return;
	net_sync(dev);
	if (net->out != NULL)
		send_hello(dev);
	if (fo->mate.known && !fo->apart &&
	    now - net->heard_ms > fo->cfg.hold_ms)
		lose_mate(dev);
	if (fo->state == FO_ST_NEGOTIATION && now - net->neg_ms >=
	    fo->cfg.hold_ms && !(fo->mate.known && !fo->apart &&
	    fo->mate.state == FO_ST_NEGOTIATION && fo->cfg.secondary))
		go_active(dev, FO_WHY_NO_ACTIVE);
	if (fo->apart && !fo->grace_over && (uint64_t)(now_secs(dev) -
	    fo->apart_since) > LIC_UNITS_GRACE) {
		fo->grace_over = true;
		charge_held(dev);
		emit(dev, &(struct fo_event){ .kind = FO_EV_GRACE_OVER });
	}
	replicate(dev);
	timer_arm(dev);
}

void
failover_net_start(struct device *dev, struct event_loop *loop)
{
	struct failover	*fo = device_failover(dev);

	if (fo->net != NULL || dev->lab == NULL)
		return;
	fo->net = xcalloc(1, sizeof *fo->net);
	fo->net->loop = loop;
	fo->net->listen_fd = -1;
}

void
failover_net_sync(struct device *dev)
{
	struct failover	*fo = dev->fo;

	if (fo == NULL || fo->net == NULL || fo->net->busy)
		return;
	net_sync(dev);
	replicate(dev);
}

void
failover_net_stop(struct device *dev)
{
	struct failover	*fo = dev->fo;

	if (fo == NULL || fo->net == NULL)
		return;
	net_close(dev);
	event_del(fo->net->timer);
	event_del(fo->net->exec_ev);
	free(fo->net->exec_line);
	free(fo->net->reply);
	free(fo->net->in);
	free(fo->net->sent);
	free(fo->net);
	fo->net = NULL;
}

bool
failover_recv(struct device *dev, const void *data, size_t len, size_t chunk)
{
	struct fo_conn	 c;
	const char	*p = data;

	if (dev->fo == NULL || dev->fo->net == NULL)
		return false;
	if (chunk == 0 || chunk > 4096)
		chunk = 4096;
	/* An incoming stream as conn_new makes one, with no socket. */
	memset(&c, 0, sizeof c);
	c.fd = -1;
	c.dev = dev;
	strbuf_init(&c.in, IN_CAP);
	strbuf_init(&c.out, IN_CAP);
	while (len > 0 && dev->fo != NULL && dev->fo->net != NULL) {
		size_t	 n = len < chunk ? len : chunk;

		conn_input(&c, p, n);
		p += n;
		len -= n;
	}
	strbuf_release(&c.in);
	strbuf_release(&c.out);
	return true;
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
		set_state(dev, FO_ST_NEGOTIATION, FO_WHY_NONE);
		if (net == NULL)
			go_active(dev, FO_WHY_NO_ACTIVE);
		else {
			net->neg_ms = event_now_ms();
			timer_arm(dev);
		}
	} else if (!on && fo->state != FO_ST_DISABLED) {
		set_state(dev, FO_ST_DISABLED, FO_WHY_DISABLED);
		memset(&fo->mate, 0, sizeof fo->mate);
		fo->apart = false;
		fo->formed = false;
	}
	if (!on)
		fo->refused = LIC_UNITS_OK;
	failover_net_sync(dev);
}

bool
device_failover_switch(struct device *dev, bool active)
{
	struct failover	*fo = dev->fo;

	if (fo == NULL || !fo->cfg.enabled || fo->state == FO_ST_DISABLED)
		return false;
	if (active && !fo_state_active(fo->state)) {
		go_active(dev, FO_WHY_CONFIG);
		net_send(dev, "GOSTANDBY\n", 10);
	} else if (!active && fo_state_active(fo->state) && fo->mate.known &&
	    !fo->apart) {
		set_state(dev, FO_ST_NEGOTIATION, FO_WHY_CONFIG);
		set_state(dev, FO_ST_COLD_STANDBY, FO_WHY_CONFIG);
		net_send(dev, "GOACTIVE\n", 9);
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
				conn_io(conn[i]);
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
	net_send(dev, head, (size_t)n);
	net_send(dev, line, strlen(line));
	wait_reply(dev);
	if (dev->fo == NULL || dev->fo->net != net)
		return false;
	*out = net->reply;
	net->reply = NULL;
	net->want_id = 0;
	return *out != NULL;
}

bool
device_failover_reload_standby(struct device *dev)
{
	static const char line[] = "reload noconfirm";
	char		 head[64];
	int		 n;

	if (!can_talk(dev) || !fo_state_active(dev->fo->state) ||
	    !fo_state_standby(dev->fo->mate.state))
		return false;
	/* Id 0: no answer wanted. */
	n = snprintf(head, sizeof head, "EXEC 0 %zu\n", strlen(line));
	net_send(dev, head, (size_t)n);
	net_send(dev, line, strlen(line));
	return true;
}

void
device_failover_reset(struct device *dev)
{
	struct failover	*fo = dev->fo;

	if (fo == NULL)
		return;
	if (fo->net != NULL) {
		net_close(dev);
		event_del(fo->net->timer);
		fo->net->timer = NULL;
		fo->net->link_up = false;
		fo->net->bulk_sent = false;
		free(fo->net->sent);
		fo->net->sent = NULL;
	}
	memset(&fo->cfg, 0, sizeof fo->cfg);
	fo->cfg.poll_ms = FO_POLL_MS_DEFAULT;
	fo->cfg.hold_ms = FO_HOLD_MS_DEFAULT;
	fo->state = FO_ST_DISABLED;
	memset(&fo->mate, 0, sizeof fo->mate);
	fo->formed = fo->apart = fo->grace_over = false;
	fo->refused = LIC_UNITS_OK;
	fo->nheld = 0;
	fo->prompt = 0;
}

bool
device_failover_write_standby(struct device *dev)
{
	struct failover	*fo = dev->fo;

	if (fo == NULL || fo->net == NULL || fo->net->out == NULL ||
	    !fo_state_active(fo->state) || !fo->mate.known || fo->apart)
		return false;
	send_config(dev, true);
	return true;
}

/* Whether the unit runs the failover cluster license. */
static bool
combined_holds(const struct device *dev)
{
	const struct failover *fo = dev->fo;

	if (fo == NULL || !fo->cfg.enabled || fo->state == FO_ST_DISABLED ||
	    !fo->mate.has_run || fo->refused != LIC_UNITS_OK)
		return false;
	return !fo->apart || (uint64_t)(now_secs(dev) - fo->apart_since) <=
	    LIC_UNITS_GRACE;
}

bool
device_failover_license(const struct device *dev, struct lic_running *out)
{
	const struct failover *fo = dev->fo;
	const struct lic_running *units[2];
	struct lic_running mate;
	int64_t		 age;

	if (!combined_holds(dev))
		return false;
	mate = fo->mate.run;
	age = now_secs(dev) - fo->mate.run_at;
	/* The mate's time-based licenses went on counting since it said. */
	for (size_t f = 0; f < mate.nfeatures && age > 0; f++) {
		struct lic_value *v = &mate.v[f];

		if (!v->timed)
			continue;
		if ((int64_t)v->seconds_left > age)
			v->seconds_left -= (uint32_t)age;
		else
			*v = (struct lic_value){ 0 };
	}
	units[fo->cfg.secondary ? 1 : 0] = &dev->lic.run;
	units[fo->cfg.secondary ? 0 : 1] = &mate;
	lic_units_combine(model_db_catalog(dev->db), dev->platform,
	    dev->version, units, 2, fo->cfg.secondary ? 1 : 0, out);
	return true;
}

/* What the primary had left of feature f at device time at. */
static uint64_t
primary_left(const struct failover *fo, size_t f, int64_t at)
{
	const struct lic_value *v = &fo->mate.run.v[f];
	int64_t		 left;

	if (!v->timed || v->value == 0)
		return 0;
	left = (int64_t)v->seconds_left + fo->mate.run_at - at;
	return left > 0 ? (uint64_t)left : 0;
}

static void
held_add(struct failover *fo, const struct lic_key *key, uint64_t secs)
{
	for (size_t h = 0; h < fo->nheld; h++) {
		if (memcmp(&fo->held[h].key, key, sizeof *key) == 0) {
			fo->held[h].secs += secs;
			return;
		}
	}
	if (fo->nheld < FO_HELD_MAX)
		fo->held[fo->nheld++] = (struct fo_held){ .key = *key,
		    .secs = secs };
}

void
failover_license_hold(struct device *dev)
{
	struct failover	*fo = dev->fo;
	const struct lic_catalog *cat = model_db_catalog(dev->db);
	int64_t		 now = now_secs(dev);

	if (fo == NULL || !fo->cfg.secondary || !combined_holds(dev))
		return;
	for (size_t i = 0; i < dev->lic.ntimed; i++) {
		struct lic_timed *t = &dev->lic.timed[i];
		uint64_t	 cover = UINT64_MAX, held;

		if (!t->active || !lic_units_serial_key(cat, t))
			continue;
		for (size_t g = 0; g < t->info.ngrants; g++) {
			uint64_t l = primary_left(fo,
			    t->info.grants[g].feature, t->counted_at);

			if (l < cover)
				cover = l;
		}
		held = lic_units_hold(t, now, cover);
		if (held > 0 && fo->apart)
			held_add(fo, &t->key, held);
	}
}

const struct lic_running *
device_license_in_force(const struct device *dev)
{
	struct failover	*fo = dev->fo;

	/*
	 * "for Active/Standby failover, the secondary unit inherits the
	 * primary license when it becomes active": the combined license
	 * outlives the mate (for the 30-day grace), so a unit that takes
	 * over keeps enforcing it.
	 */
	if (fo != NULL && device_failover_license(dev, &fo->combined))
		return &fo->combined;
	return &dev->lic.run;
}

uint32_t
device_iface_addr(const struct device *dev, const struct iface *f)
{
	const struct failover *fo = dev->fo;

	if (fo == NULL || !fo->cfg.enabled || !fo_state_standby(fo->state))
		return f->ip;
	return f->has_standby ? f->standby : 0;
}
