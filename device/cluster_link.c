/* SPDX-License-Identifier: MIT */
/*
 * The cluster control link over the lab network. An enabled unit listens
 * on its CCL address at CL_PORT, finds the other units of its CCL subnet
 * by the lab's listeners there (as a broadcast on the subnet would), and
 * connects to each: two one-way streams per pair, as on the failover
 * link, so that nobody has to win a race to connect. Lines of text:
 *
 *   HELLO GROUP NAME ID STATE PRIO IP SERIAL PLATFORM VERSION KEYHASH ZERO
 *   LIC EDITION N VALUE,TIMED,SECONDS ...   (the unit's own license)
 *   ACCEPT ID | REFUSE WHY ERR              (master -> joining unit)
 *   CONFIG LEN\n<LEN bytes>                 (master -> slaves)
 *
 * Hellos go every CL_POLL_MS; a unit not heard for CL_HOLD_MS is lost. A
 * unit that enables clustering is in election: when it hears a master
 * it asks to join by its hellos and the master checks it (key, license,
 * room, name) and accepts it (an id, then the whole configuration) or
 * refuses it, and the refused unit stays disabled. A unit that hears no
 * master within the holdtime elects among the units in election
 * (lic_cluster_elect): the winner becomes the master, the others join
 * it. When the master is lost the slaves elect among themselves. A
 * master never yields to a better priority, only to another master
 * (a healed split), when it rejoins. A unit whose cluster control link
 * goes down (shutdown, emulator link, cable) leaves the cluster: it is
 * disabled until enabled again, as 9.1 units do not rejoin by themselves
 * (the 9.1 guide's rejoin after a failed cluster control link is by
 * hand, [M]), and it keeps the cluster license of the units it lost for
 * their 30 days (cluster_license.c).
 */
#include "device/cluster.h"

#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "device/lab.h"
#include "device/shared_int.h"
#include "device/unit_stream.h"
#include "util/util.h"

struct cl_net {
	struct event_loop *loop;
	int		 listen_fd;
	struct event	*listen_ev;
	uint32_t	 listen_ip;
	struct unit_stream **in;	/* from the other units */
	size_t		 nin;
	struct event	*timer;
	uint64_t	 elect_ms;	/* the election began */
	bool		 busy;		/* applying a configuration */
	bool		 detected;	/* CL_EV_DETECTED said */
	char		*sent;		/* the configuration last sent */
};

static struct cluster *
cl_of(struct device *dev)
{
	return dev->cl;
}

static struct cl_member *
member_by_ip(struct cluster *cl, uint32_t ip)
{
	for (size_t i = 0; i < cl->nmembers; i++)
		if (cl->members[i].ip == ip)
			return &cl->members[i];
	return NULL;
}

static void
member_remove(struct cluster *cl, struct cl_member *m)
{
	size_t	 i = (size_t)(m - cl->members);

	unit_stream_free(m->out);
	cl->members[i] = cl->members[--cl->nmembers];
}

/* ---- Streams ---- */

static size_t	in_message(void *, struct unit_stream *, char *, size_t);

static void
in_closed(void *arg, struct unit_stream *s)
{
	struct cl_net	*net = cl_of(arg)->net;

	for (size_t i = 0; i < net->nin; i++)
		if (net->in[i] == s) {
			net->in[i] = net->in[--net->nin];
			return;
		}
}

static void
out_closed(void *arg, struct unit_stream *s)
{
	struct cluster	*cl = cl_of(arg);

	for (size_t i = 0; i < cl->nmembers; i++)
		if (cl->members[i].out == s)
			cl->members[i].out = NULL;
}

/* Nothing comes back on a stream we opened: it is one-way. */
static size_t
out_message(void *arg, struct unit_stream *s, char *buf, size_t len)
{
	(void)arg;
	(void)s;
	(void)buf;
	return len;
}

static void
send_to(struct cl_member *m, const char *data, size_t len)
{
	if (m->out != NULL)
		unit_stream_send(m->out, data, len);
}

static void
hello_text(struct device *dev, struct strbuf *sb)
{
	struct cluster	*cl = dev->cl;
	const struct cl_cfg *c = &cl->cfg;
	char		 ver[32];

	strbuf_printf(sb, "HELLO %s %s %u %d %u %" PRIu32 " %s %s %s %08" PRIx32
	    " %d\n", c->name, c->local, cl->id, (int)cl->state, c->priority,
	    c->ccl_ip, dev->serial, dev->platform->id,
	    lic_version_format(dev->version, ver, sizeof ver),
	    unit_key_hash(c->key), dev->lic.invalid ? 1 : 0);
	unit_lic_format(sb, &dev->lic.run);
}

static void
send_hello(struct device *dev, struct cl_member *m)
{
	struct strbuf	 sb;

	strbuf_init(&sb, 0);
	hello_text(dev, &sb);
	send_to(m, sb.buf, sb.len);
	strbuf_release(&sb);
}

/* Connect to the unit at ip (a new member, not yet heard). */
static struct cl_member *
connect_to(struct device *dev, uint32_t ip)
{
	struct cluster	*cl = dev->cl;
	struct cl_member *m = member_by_ip(cl, ip);
	struct unit_stream_cb cb = { .arg = dev, .message = out_message,
			    .closed = out_closed };
	int		 fd;

	if (m == NULL) {
		if (cl->nmembers == CL_MEMBERS_MAX)
			return NULL;
		m = &cl->members[cl->nmembers++];
		memset(m, 0, sizeof *m);
		m->ip = ip;
		m->id = LIC_CLUSTER_IDS;
		m->heard_ms = event_now_ms();
	}
	if (m->out == NULL && (fd = lab_connect(dev->lab, ip, CL_PORT)) != -1) {
		m->out = unit_stream_new(cl->net->loop, fd, &cb);
		send_hello(dev, m);
	}
	return m;
}

static void
listen_accept(void *arg)
{
	struct device	*dev = arg;
	struct cl_net	*net = dev->cl->net;
	struct unit_stream_cb cb = { .arg = dev, .message = in_message,
			    .closed = in_closed };
	int		 fd;

	while ((fd = lab_accept(net->listen_fd)) != -1) {
		net->in = xreallocarray(net->in, net->nin + 1,
		    sizeof *net->in);
		net->in[net->nin++] = unit_stream_new(net->loop, fd, &cb);
	}
}

static void
net_close(struct device *dev)
{
	struct cluster	*cl = dev->cl;
	struct cl_net	*net = cl->net;

	while (net->nin > 0)
		unit_stream_free(net->in[--net->nin]);
	while (cl->nmembers > 0)
		member_remove(cl, &cl->members[cl->nmembers - 1]);
	if (net->listen_fd != -1) {
		event_del(net->listen_ev);
		lab_unlisten(dev->lab, net->listen_fd);
		net->listen_fd = -1;
	}
}

/* ---- The master's side: joins and replication ---- */

static enum cl_refusal
join_check(struct device *dev, const struct cl_member *m,
    enum lic_units_err *err)
{
	struct cluster	*cl = dev->cl;
	struct lic_unit_facts a = {
		.platform = dev->platform->id, .version = dev->version,
		.run = &dev->lic.run, .zero_key = dev->lic.invalid,
	};
	struct lic_unit_facts b = {
		.platform = m->platform, .version = m->version,
		.run = &m->run, .zero_key = m->zero_key,
	};
	size_t		 members = 1;
	uint32_t	 room = device_license_value(dev, "cluster");

	*err = LIC_UNITS_OK;
	if (m->keyhash != unit_key_hash(cl->cfg.key))
		return CL_REF_KEY;
	*err = lic_units_check(model_db_catalog(dev->db), &a, &b, true);
	if (*err != LIC_UNITS_OK)
		return CL_REF_LICENSE;
	if (strcmp(m->name, cl->cfg.local) == 0)
		return CL_REF_NAME;
	for (size_t i = 0; i < cl->nmembers; i++) {
		const struct cl_member *o = &cl->members[i];

		if (o == m || !o->known || o->state != CL_ST_SLAVE)
			continue;
		if (strcmp(o->name, m->name) == 0)
			return CL_REF_NAME;
		members++;
	}
	return members + 1 > room ? CL_REF_FULL : CL_REF_NONE;
}

static void
send_config(struct device *dev, struct cl_member *m, const char *text)
{
	char	 head[64];
	int	 n = snprintf(head, sizeof head, "CONFIG %zu\n", strlen(text));

	send_to(m, head, (size_t)n);
	send_to(m, text, strlen(text));
	(void)dev;
}

/* The master keeps its slaves' configuration its own. */
static void
replicate(struct device *dev)
{
	struct cluster	*cl = dev->cl;
	struct cl_net	*net = cl->net;
	char		*text;

	if (cl->state != CL_ST_MASTER || cl->hooks.render == NULL)
		return;
	text = cl->hooks.render(cl->hooks.arg);
	if (net->sent != NULL && strcmp(net->sent, text) == 0) {
		free(text);
		return;
	}
	for (size_t i = 0; i < cl->nmembers; i++)
		if (cl->members[i].known && cl->members[i].state ==
		    CL_ST_SLAVE)
			send_config(dev, &cl->members[i], text);
	free(net->sent);
	net->sent = text;
}

/* A unit in election asks to join by its hellos: accept or refuse it. */
static void
answer_join(struct device *dev, struct cl_member *m)
{
	struct cluster	*cl = dev->cl;
	bool		 used[LIC_CLUSTER_IDS] = { false };
	enum lic_units_err err;
	enum cl_refusal	 why;
	char		 line[64];
	char		*text;
	uint64_t	 now = event_now_ms();
	int		 n;

	if (m->answered_ms != 0 && now - m->answered_ms < CL_HOLD_MS)
		return;
	m->answered_ms = now;
	why = join_check(dev, m, &err);
	if (why != CL_REF_NONE) {
		n = snprintf(line, sizeof line, "REFUSE %d %d\n", (int)why,
		    (int)err);
		send_to(m, line, (size_t)n);
		cl_emit(dev, &(struct cl_event){ .kind = CL_EV_ASKED_QUIT,
		    .unit = m->name, .why = why, .err = err });
		return;
	}
	if (cl->id < LIC_CLUSTER_IDS)
		used[cl->id] = true;
	for (size_t i = 0; i < cl->nmembers; i++)
		if (cl->members[i].known && cl->members[i].id <
		    LIC_CLUSTER_IDS && &cl->members[i] != m)
			used[cl->members[i].id] = true;
	m->id = lic_cluster_next_id(used);
	n = snprintf(line, sizeof line, "ACCEPT %u\n", m->id);
	send_to(m, line, (size_t)n);
	if (cl->hooks.render != NULL) {
		text = cl->hooks.render(cl->hooks.arg);
		send_config(dev, m, text);
		free(text);
	}
	m->state = CL_ST_SLAVE;
	m->last_join = device_now(dev);
	m->has_join = true;
	cl_emit(dev, &(struct cl_event){ .kind = CL_EV_JOINED,
	    .unit = m->name });
}

/* ---- Election ---- */

static void
become_master(struct device *dev)
{
	struct cluster	*cl = dev->cl;
	bool		 used[LIC_CLUSTER_IDS] = { false };

	if (cl->id >= LIC_CLUSTER_IDS) {
		for (size_t i = 0; i < cl->nmembers; i++)
			if (cl->members[i].known &&
			    cl->members[i].id < LIC_CLUSTER_IDS)
				used[cl->members[i].id] = true;
		cl->id = lic_cluster_next_id(used);
	}
	free(cl->net->sent);
	cl->net->sent = NULL;
	cl_set_state(dev, CL_ST_MASTER);
}

/*
 * Whether self wins among itself and the known members in state from
 * (ELECTION, SLAVE or MASTER).
 */
static bool
self_wins(struct device *dev, enum cl_state from)
{
	struct cluster	*cl = dev->cl;
	struct lic_cluster_unit u[LIC_CLUSTER_IDS];
	size_t		 n = 0;

	u[n++] = (struct lic_cluster_unit){ .name = cl->cfg.local,
	    .priority = cl->cfg.priority, .master = cl->state ==
	    CL_ST_MASTER, .arrival = 0 };
	for (size_t i = 0; i < cl->nmembers; i++) {
		const struct cl_member *m = &cl->members[i];

		if (!m->known || m->state != from)
			continue;
		u[n++] = (struct lic_cluster_unit){ .name = m->name,
		    .priority = m->priority, .master = m->state ==
		    CL_ST_MASTER, .arrival = m->arrival };
	}
	return lic_cluster_elect(u, n) == 0;
}

static bool
master_known(const struct cluster *cl)
{
	for (size_t i = 0; i < cl->nmembers; i++)
		if (cl->members[i].known && cl->members[i].state ==
		    CL_ST_MASTER)
			return true;
	return false;
}

static void
elect(struct device *dev)
{
	struct cluster	*cl = dev->cl;
	struct cl_net	*net = cl->net;

	switch (cl->state) {
	case CL_ST_ELECTION:
		if (master_known(cl)) {
			if (!net->detected)
				cl_emit(dev, &(struct cl_event){ .kind =
				    CL_EV_DETECTED });
			net->detected = true;
			return;
		}
		if (event_now_ms() - net->elect_ms >= CL_HOLD_MS &&
		    self_wins(dev, CL_ST_ELECTION))
			become_master(dev);
		return;
	case CL_ST_SLAVE:
		if (!master_known(cl) && self_wins(dev, CL_ST_SLAVE))
			become_master(dev);
		return;
	case CL_ST_MASTER:
		/* Two masters (a healed split): the loser rejoins. */
		if (master_known(cl) && !self_wins(dev, CL_ST_MASTER)) {
			cl->id = LIC_CLUSTER_IDS;
			net->elect_ms = event_now_ms();
			net->detected = false;
			cl_set_state(dev, CL_ST_ELECTION);
		}
		return;
	default:
		return;
	}
}

/* ---- What the others say ---- */

static void
refused(struct device *dev, enum cl_refusal why, enum lic_units_err err)
{
	struct cluster	*cl = dev->cl;

	cl->refused = why;
	cl->refused_err = err;
	cl_emit(dev, &(struct cl_event){ .kind = CL_EV_REFUSED,
	    .unit = cl->cfg.local, .why = why, .err = err });
	cl_set_state(dev, CL_ST_DISABLED);
}

static void
on_hello(struct device *dev, struct unit_stream *s, const char *line)
{
	struct cluster	*cl = dev->cl;
	char		 group[CL_NAME_MAX + 1], name[CL_UNIT_MAX + 1];
	char		 serial[32], plat[32], ver[32];
	unsigned	 id, prio, hash;
	int		 state, zero;
	uint32_t	 ip;
	struct cl_member *m;

	if (sscanf(line, "HELLO %38s %38s %u %d %u %" SCNu32 " %31s %31s "
	    "%31s %x %d", group, name, &id, &state, &prio, &ip, serial, plat,
	    ver, &hash, &zero) != 11 || state < 0 || state >= CL_ST_COUNT)
		return;
	unit_stream_set_user(s, NULL);
	if (strcmp(group, cl->cfg.name) != 0 || ip == cl->cfg.ccl_ip)
		return;
	if ((m = connect_to(dev, ip)) == NULL)
		return;
	/* Its LIC line follows on this stream. */
	unit_stream_set_user(s, (void *)(uintptr_t)ip);
	if (!m->known) {
		m->known = true;
		m->arrival = ++cl->arrivals;
		m->last_join = device_now(dev);
		m->has_join = true;
	}
	/* The master's answer to a join is not undone by a hello the
	   joining unit sent before it came. */
	if (!(cl->state == CL_ST_MASTER && m->state == CL_ST_SLAVE &&
	    state == CL_ST_ELECTION && m->answered_ms != 0 &&
	    event_now_ms() - m->answered_ms < CL_HOLD_MS))
		m->state = (enum cl_state)state;
	snprintf(m->name, sizeof m->name, "%s", name);
	if (id < LIC_CLUSTER_IDS)
		m->id = id;
	m->priority = prio;
	snprintf(m->serial, sizeof m->serial, "%s", serial);
	snprintf(m->platform, sizeof m->platform, "%s", plat);
	if (lic_version_parse(ver, &m->version) != 0)
		m->version = 0;
	m->keyhash = hash;
	m->zero_key = zero != 0;
	m->heard_ms = event_now_ms();
}

/* The member the last hello on s came from (its LIC follows). */
static struct cl_member *
speaker(struct cluster *cl, struct unit_stream *s)
{
	uint32_t	 ip = (uint32_t)(uintptr_t)unit_stream_user(s);
	struct cl_member *m = ip != 0 ? member_by_ip(cl, ip) : NULL;

	return m != NULL && m->known ? m : NULL;
}

static void
on_lic(struct device *dev, struct unit_stream *s, const char *line)
{
	struct cluster	*cl = dev->cl;
	struct cl_member *m = speaker(cl, s);

	if (m == NULL)
		return;
	m->has_run = unit_lic_parse(line, dev->platform->neditions, &m->run);
	if (m->has_run) {
		m->run_at = (int64_t)device_now(dev).tv_sec;
		cl_license_back(dev, m);
	}
	if (cl->state == CL_ST_MASTER && m->state == CL_ST_ELECTION &&
	    m->has_run) {
		answer_join(dev, m);
		cl_license_back(dev, m);
	}
	elect(dev);
}

static void
on_config(struct device *dev, const char *text)
{
	struct cluster	*cl = dev->cl;

	if (cl->state != CL_ST_SLAVE || cl->hooks.apply == NULL)
		return;
	cl_emit(dev, &(struct cl_event){ .kind = CL_EV_RECV_BEGIN });
	cl->net->busy = true;
	cl->hooks.apply(cl->hooks.arg, text);
	cl->net->busy = false;
	cl_emit(dev, &(struct cl_event){ .kind = CL_EV_RECV_END });
}

/* One whole message at the head of buf: its length, 0 while partial. */
static size_t
in_message(void *arg, struct unit_stream *s, char *buf, size_t len)
{
	struct device	*dev = arg;
	struct cluster	*cl = dev->cl;
	char		*nl = memchr(buf, '\n', len);
	size_t		 head, body;
	unsigned	 id;
	int		 why, err;
	char		*text;

	if (nl == NULL)
		return 0;
	*nl = '\0';
	head = (size_t)(nl - buf) + 1;
	if (strncmp(buf, "CONFIG ", 7) == 0) {
		if (sscanf(buf, "CONFIG %zu", &body) != 1)
			return head;
		if (len - head < body) {
			*nl = '\n';
			return 0;
		}
		text = xstrndup(buf + head, body);
		on_config(dev, text);
		free(text);
		return head + body;
	}
	if (strncmp(buf, "HELLO ", 6) == 0)
		on_hello(dev, s, buf);
	else if (strncmp(buf, "LIC ", 4) == 0)
		on_lic(dev, s, buf);
	else if (sscanf(buf, "ACCEPT %u", &id) == 1 &&
	    cl->state == CL_ST_ELECTION && id < LIC_CLUSTER_IDS) {
		cl->id = id;
		cl->last_join = device_now(dev);
		cl->has_join = true;
		cl_set_state(dev, CL_ST_SLAVE);
	} else if (sscanf(buf, "REFUSE %d %d", &why, &err) == 2 &&
	    cl->state == CL_ST_ELECTION && why > 0 && why < CL_REF_COUNT) {
		refused(dev, (enum cl_refusal)why, (enum lic_units_err)err);
		/* Disabled: the link closes (this stream with it). */
		cluster_net_sync(dev);
	}
	return head;
}

/* ---- The link's endpoints and its timer ---- */

static bool
ccl_up(const struct device *dev)
{
	const struct cl_cfg *c = &dev->cl->cfg;
	size_t		 port = device_iface_find(dev, c->ccl_if);

	return c->ccl_if[0] != '\0' && c->ccl_ip != 0 &&
	    port != (size_t)-1 && device_iface_up(dev, &dev->ext->ifs[port]);
}

static void	poll_tick(void *);

static void
timer_arm(struct device *dev)
{
	struct cl_net	*net = dev->cl->net;

	event_del(net->timer);
	net->timer = event_timer_add(net->loop, CL_POLL_MS, poll_tick, dev);
}

/* Find the subnet's units and connect to those not yet connected. */
static void
discover(struct device *dev)
{
	const struct cl_cfg *c = &dev->cl->cfg;
	size_t		 n;
	uint32_t	*ips = lab_listeners(dev->lab, CL_PORT, c->ccl_ip,
			    c->ccl_mask, &n);

	for (size_t i = 0; i < n; i++)
		if (ips[i] != c->ccl_ip)
			connect_to(dev, ips[i]);
	free(ips);
}

static void
lose_members(struct device *dev)
{
	struct cluster	*cl = dev->cl;
	uint64_t	 now = event_now_ms();

	for (size_t i = cl->nmembers; i-- > 0;) {
		struct cl_member *m = &cl->members[i];
		char		 name[CL_UNIT_MAX + 1];
		bool		 was = m->known;

		if (now - m->heard_ms <= CL_HOLD_MS)
			continue;
		snprintf(name, sizeof name, "%s", m->name);
		if (was)
			cl_license_lost(dev, m);
		member_remove(cl, m);
		if (was)
			cl_emit(dev, &(struct cl_event){ .kind = CL_EV_LOST,
			    .unit = name });
	}
}

static void
poll_tick(void *arg)
{
	struct device	*dev = arg;
	struct cluster	*cl = dev->cl;

	cl->net->timer = NULL;
	cluster_net_sync(dev);
	if (cl->net == NULL)
		return;
	discover(dev);
	for (size_t i = 0; i < cl->nmembers; i++)
		send_hello(dev, &cl->members[i]);
	lose_members(dev);
	elect(dev);
	cl_license_grace(dev);
	replicate(dev);
	timer_arm(dev);
}

void
cluster_net_sync(struct device *dev)
{
	struct cluster	*cl = dev->cl;
	struct event_loop *loop = shared_loop(dev);
	struct cl_net	*net;
	int		 fd;

	if (cl == NULL || loop == NULL || dev->lab == NULL)
		return;
	if (cl->net != NULL && cl->net->busy)
		return;
	if (!cl->cfg.enabled || cl->state == CL_ST_DISABLED) {
		cluster_net_stop(dev);
		return;
	}
	if (!ccl_up(dev)) {
		/* Lost every member at once: their license kept 30 days. */
		cl_license_cut(dev);
		cluster_net_stop(dev);
		cl_emit(dev, &(struct cl_event){ .kind = CL_EV_LINK_DOWN });
		cl->id = LIC_CLUSTER_IDS;
		cl->last_leave = device_now(dev);
		cl->has_leave = true;
		cl_set_state(dev, CL_ST_DISABLED);
		return;
	}
	if ((net = cl->net) == NULL) {
		net = cl->net = xcalloc(1, sizeof *net);
		net->loop = loop;
		net->listen_fd = -1;
		net->elect_ms = event_now_ms();
		timer_arm(dev);
	}
	if (net->listen_fd != -1 && net->listen_ip != cl->cfg.ccl_ip)
		net_close(dev);
	if (net->listen_fd == -1 &&
	    (fd = lab_listen(dev->lab, cl->cfg.ccl_ip, CL_PORT)) != -1) {
		net->listen_fd = fd;
		net->listen_ip = cl->cfg.ccl_ip;
		net->listen_ev = event_fd_add(loop, fd, POLLIN, listen_accept,
		    dev);
		discover(dev);
	}
	replicate(dev);
}

void
cluster_net_stop(struct device *dev)
{
	struct cluster	*cl = dev->cl;
	struct cl_net	*net;

	if (cl == NULL || (net = cl->net) == NULL)
		return;
	net_close(dev);
	event_del(net->timer);
	free(net->in);
	free(net->sent);
	free(net);
	cl->net = NULL;
}

/* The stream cluster_recv feeds, NULL once it closed (and was freed). */
static struct unit_stream *recv_stream;

/* It is in no list of the link's: only forget it. */
static void
recv_closed(void *arg, struct unit_stream *s)
{
	(void)arg;
	(void)s;
	recv_stream = NULL;
}

bool
cluster_recv(struct device *dev, const void *data, size_t len, size_t chunk)
{
	struct unit_stream_cb cb = { .arg = dev, .message = in_message,
			    .closed = recv_closed };
	const char	*p = data;

	if (dev->cl == NULL || dev->cl->net == NULL)
		return false;
	if (chunk == 0 || chunk > 4096)
		chunk = 4096;
	/* An incoming stream as listen_accept makes one, with no socket. */
	recv_stream = unit_stream_new(NULL, -1, &cb);
	while (len > 0 && recv_stream != NULL && dev->cl->net != NULL) {
		size_t	 n = len < chunk ? len : chunk;

		unit_stream_feed(recv_stream, p, n);
		p += n;
		len -= n;
	}
	unit_stream_free(recv_stream);
	recv_stream = NULL;
	return true;
}
