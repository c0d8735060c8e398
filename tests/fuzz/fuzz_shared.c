/* SPDX-License-Identifier: MIT */
/*
 * The shared licensing messages (licensing/SHARED.md) as a device gets
 * them after TLS: the framing (2-byte length, printable text, 1024 bytes
 * at most) and each message's parser, on the server (what participants
 * and the backup send) or on a participant that is also the backup
 * server (what the main server sends). Two ASA 5520s of one lab, made
 * once: the server (pool 1000) and the participant (100 local).
 *
 * Input: a flags byte, then the wire. Flags: bit 0, the participant side
 * (else the server); bit 1, the harness first does the registration a
 * fuzzer cannot (its proof is keyed on the session): a REGISTER with the
 * right proof (server side), or HELLO and WELCOME (participant side);
 * bit 2, the server's first link registers as the backup server (its
 * SYNC and PEER are heard); bit 3, the wire goes byte by byte (else
 * frame by frame); bits 4-7, the device's own demand in hundreds of
 * sessions. A length 0xffff at a frame boundary followed by a byte L is
 * not sent: the rest goes to link L % 4 of the server (made when first
 * used, and made again once closed), or on a new link of the
 * participant. Each input starts from the configuration afresh.
 *
 * Checked: nothing crashes or leaks; every frame the device sends is one
 * its peer accepts; the server never grants beyond its pool nor beyond a
 * participant's room under its platform limit; a participant never
 * holds beyond its platform limit. ASAEMU_FUZZ_SHOW=1: what the devices
 * send, on stderr.
 */
#include "tests/fuzz/fuzz.h"

#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "device/device.h"
#include "device/shared_int.h"
#include "util/util.h"

#define SECRET		"farscape"
#define SRV_IP		0x0a010101u	/* 10.1.1.1 */
#define LINKS		4
#define CONTROL		0xffff

/* tests/lab/006-shared.sh's keys: the server's pool is 1000. */
#define SRV_CONFIG							\
	"activation-key 0x1c0a4cea 0x98c9f0fa 0x8e3bbc8f 0xa83f52ec "	\
	"0x6645d60e\n"							\
	"interface g0/1\nnameif inside\n"				\
	"ip address 10.1.1.1 255.255.255.0\nno shutdown\nexit\n"	\
	"license-server secret " SECRET "\n"				\
	"license-server refresh-interval 10\n"				\
	"license-server enable inside\n"				\
	"license-server backup 10.1.1.13 backup-id JMX0000P003 "	\
	"ha-backup-id JMX0000P009"
/* JMX0000P003: a participant of 100 local sessions, and the backup. */
#define PART_SERIAL	"JMX0000P003"
#define PART_CONFIG							\
	"activation-key 0x1a9b50f5 0x4b15d856 0xf6bfa8b3 0x0f55352e "	\
	"0xde9ca3e1\n"							\
	"interface g0/1\nnameif inside\n"				\
	"ip address 10.1.1.13 255.255.255.0\nno shutdown\nexit\n"	\
	"license-server address 10.1.1.1 secret " SECRET "\n"		\
	"license-server backup enable inside"

enum {
	F_PARTICIPANT = 1 << 0,
	F_REGISTER = 1 << 1,
	F_BACKUP = 1 << 2,
	F_BYTES = 1 << 3,
};

/* The server's links: the participants' ids of the harness's REGISTER. */
static const char *const link_id[LINKS] = {
	"JMX0000P001", "JMX0000P002", "JMX0000P005", "JMX0000P009",
};

struct harness {
	struct event_loop	*loop;
	struct device		*srv, *part;
	unsigned		 flags;
	struct shared_conn	*conn[LINKS];	/* valid while !gone */
	bool			 gone[LINKS];
	unsigned char		 ekm[SHARED_EKM_LEN];
};

static struct harness	 h;

static void
setup(void)
{
	struct lab	*lab;
	char		*dir, *cause = NULL;

	/* A closed socket is the link's business, never a signal. */
	signal(SIGPIPE, SIG_IGN);
	dir = fuzz_tmpdir("shared-lab");
	if ((lab = lab_open(dir, &cause)) == NULL)
		abort();
	free(dir);
	h.loop = event_loop_new();
	h.srv = fuzz_device(lab, h.loop, "JMX1234L0AB");
	fuzz_configure(h.srv, SRV_CONFIG);
	h.part = fuzz_device(lab, h.loop, PART_SERIAL);
	fuzz_configure(h.part, PART_CONFIG);
	if (device_ls_role(h.srv) < 2 || device_ls_role(h.part) != 1)
		abort();
	memset(h.ekm, 0x5a, sizeof h.ekm);
}

/* One framed message onto c; -1 when the connection ended. */
static int
put(struct shared_conn *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
put(struct shared_conn *c, const char *fmt, ...)
{
	unsigned char	 buf[2 + SHARED_FRAME_MAX + 1];
	va_list		 ap;
	int		 n;

	va_start(ap, fmt);
	n = vsnprintf((char *)buf + 2, sizeof buf - 2, fmt, ap);
	va_end(ap);
	if (n <= 0 || n > SHARED_FRAME_MAX)
		abort();
	buf[0] = (unsigned char)(n >> 8);
	buf[1] = (unsigned char)n;
	return shared_conn_feed(c, buf, 2 + (size_t)n);
}

/* What the device queued on c: frames its peer's parser takes. */
static void
sent_check(struct shared_conn *c)
{
	struct shared_msg m;
	size_t		 len, flen;
	const unsigned char *p = shared_conn_sent(c, &len, true);

	for (size_t at = 0; at < len; at += 2 + flen) {
		flen = (size_t)p[at] << 8 | p[at + 1];
		if (at + 2 + flen > len ||
		    shared_msg_parse(&m, (const char *)p + at + 2, flen) != 0) {
			fprintf(stderr, "sent a frame its peer refuses: "
			    "%.*s\n", (int)(len - at - 2), p + at + 2);
			abort();
		}
		if (getenv("ASAEMU_FUZZ_SHOW") != NULL)
			fprintf(stderr, "%s: %.*s\n", c == h.conn[0] &&
			    (h.flags & F_PARTICIPANT) ? "participant" :
			    "server", (int)flen, p + at + 2);
	}
}

/* The nonce of the HELLO the server queued first on c. */
static void
hello_nonce(struct shared_conn *c, char *nonce, size_t size)
{
	struct shared_msg m;
	size_t		 len, flen;
	const unsigned char *p = shared_conn_sent(c, &len, true);
	const char	*n;

	if (len < 2 || (flen = (size_t)p[0] << 8 | p[1]) + 2 > len ||
	    shared_msg_parse(&m, (const char *)p + 2, flen) != 0 ||
	    strcmp(m.verb, "HELLO") != 0 ||
	    (n = shared_msg_get(&m, "nonce")) == NULL || strlen(n) >= size)
		abort();
	snprintf(nonce, size, "%s", n);
}

/* Link i of the server, made (and registered, with F_REGISTER) if need. */
static struct shared_conn *
srv_link(size_t i)
{
	const char	*id = i == 0 && (h.flags & F_BACKUP) ? PART_SERIAL :
	    link_id[i];
	char		 nonce[2 * SHARED_NONCE_LEN + 1], proof[65];
	struct shared_conn *c;

	if (h.conn[i] != NULL && !h.gone[i])
		return h.conn[i];
	h.conn[i] = NULL;
	if ((c = shared_server_accept_mem(h.srv, SRV_IP, h.ekm,
	    &h.gone[i])) == NULL)
		abort();
	h.conn[i] = c;
	if (!(h.flags & F_REGISTER))
		return c;
	hello_nonce(c, nonce, sizeof nonce);
	shared_proof(SECRET, "asaemu-shared-p", h.ekm, nonce, proof);
	if (put(c, "REGISTER v=1 id=%s host=fw%zu model=ASA5520 local=100 "
	    "limit=750 addr=10.1.1.%zu proof=%s", id, i, 11 + i, proof) != 0)
		abort();
	sent_check(c);
	return c;
}

/* The participant's link, made (and registered, with F_REGISTER). */
static struct shared_conn *
part_link(void)
{
	static const char nonce[] = "00112233445566778899aabbccddeeff";
	char		 proof[65];
	struct shared_conn *c;

	if (h.conn[0] != NULL && !h.gone[0])
		return h.conn[0];
	h.conn[0] = NULL;
	if ((c = shared_client_connect_mem(h.part, h.ekm, &h.gone[0])) ==
	    NULL)
		abort();
	h.conn[0] = c;
	if (!(h.flags & F_REGISTER))
		return c;
	shared_proof(SECRET, "asaemu-shared-s", h.ekm, nonce, proof);
	if (put(c, "HELLO v=1 nonce=%s", nonce) != 0 ||
	    put(c, "WELCOME refresh=10 total=1000 avail=1000 proof=%s",
	    proof) != 0)
		abort();
	sent_check(c);
	return c;
}

static struct shared_conn *
link_of(size_t i)
{
	return (h.flags & F_PARTICIPANT) ? part_link() : srv_link(i);
}

/*
 * The invariants, on the device's figures as they are (full: brought up
 * to date first, as show shared license does; that costs a license
 * computation, so only once an input).
 */
static void
check(bool full)
{
	struct device	*dev = (h.flags & F_PARTICIPANT) ? h.part : h.srv;
	const struct shared_view *v = full ? device_shared_view(dev) :
	    &dev->shared->v;
	uint64_t	 used = v->held;
	size_t		 nevs;

	/* As a console's hook does: the events are taken as they come. */
	free(device_shared_events_take(dev, &nevs));

	if (h.flags & F_PARTICIPANT) {
		if (v->held > v->limit) {
			fprintf(stderr, "holds %u beyond the limit %u\n",
			    v->held, v->limit);
			abort();
		}
		return;
	}
	for (size_t i = 0; i < v->npeers; i++) {
		const struct shared_peer *p = v->peers[i];
		uint32_t room = p->limit > p->local ? p->limit - p->local : 0;

		if (p->held > room) {
			fprintf(stderr, "%s holds %u beyond its room %u\n",
			    p->id, p->held, room);
			abort();
		}
		used += p->held;
	}
	if (used > v->total) {
		fprintf(stderr, "the pool of %u granted %llu\n", v->total,
		    (unsigned long long)used);
		abort();
	}
}

/* The wire from data: frame by frame (or byte by byte), to its link. */
static void
feed(const uint8_t *data, size_t size)
{
	size_t		 at = 0, cur = 0;

	while (at < size) {
		struct shared_conn *c;
		size_t	 n = size - at, len;

		if (n >= 2) {
			len = (size_t)data[at] << 8 | data[at + 1];
			if (len == CONTROL) {
				cur = at + 2 < size ? data[at + 2] % LINKS : 0;
				if (h.flags & F_PARTICIPANT && h.conn[0] !=
				    NULL && !h.gone[0])
					/* A new link: the old one ends. */
					h.conn[0] = NULL, (void)part_link();
				at += 3;
				continue;
			}
			if (len <= SHARED_FRAME_MAX && 2 + len < n)
				n = 2 + len;
		}
		if (h.flags & F_BYTES)
			n = 1;
		c = link_of(cur);
		if (shared_conn_feed(c, data + at, n) == 0)
			sent_check(c);
		at += n;
		check(false);
	}
}

/* No shared licensing left, nor the backup's file: inputs stay apart. */
static void
reset(void)
{
	device_shared_free(h.srv);
	device_shared_free(h.part);
	(void)device_flash_remove(h.part, "shared-backup");
	memset(h.conn, 0, sizeof h.conn);
	fuzz_loop_flush(h.loop);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct device	*dev;

	if (size == 0 || size > 16384)
		return 0;
	if (h.loop == NULL)
		setup();
	h.flags = data[0];
	dev = (h.flags & F_PARTICIPANT) ? h.part : h.srv;
	device_net_sync(dev);
	device_shared_demand(dev, (uint32_t)(h.flags >> 4) * 100);
	(void)link_of(0);
	check(false);
	feed(data + 1, size - 1);
	check(true);
	reset();
	return 0;
}
