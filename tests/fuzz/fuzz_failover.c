/* SPDX-License-Identifier: MIT */
/*
 * The failover link's messages (device/failover.c) as a unit reads them
 * from its mate's stream: HELLO, LIC, CONFIG (configuration replication),
 * GOACTIVE and GOSTANDBY (role switch), EXEC and EXECOUT (failover exec).
 * One ASA 5520 in a lab, made once, with failover on the link 10.0.0.1/.2;
 * the harness listens at both addresses as the mate, so that what the
 * unit answers has somewhere to go. The hooks commands/ would lend are
 * stand-ins: a fixed configuration to send, none applied, a fixed output
 * for each command run.
 *
 * Input: a flags byte, then the stream. Flags: bit 0, the unit is made
 * active first (failover active); bit 1, it is the secondary unit; bits
 * 2-3, the reads' size (4096, 1, 7 or 64 bytes). What the loop then has
 * due (a command for the mate) runs. Each input starts from failover just
 * enabled.
 *
 * Checked: nothing crashes or leaks; the states and the history stay in
 * range, never active and standby at once; the license in force (with
 * the mate's combined) and the shared licensing figures that depend on
 * it can be computed.
 */
#include "tests/fuzz/fuzz.h"

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "device/device.h"
#include "device/failover.h"
#include "device/failover_int.h"
#include "device/shared.h"
#include "util/util.h"

#define LINK_A		0x0a000001u	/* 10.0.0.1, the primary's */
#define LINK_B		0x0a000002u	/* 10.0.0.2, the secondary's */

#define CONFIG								\
	"hostname pairfw\n"						\
	"interface g0/1\nnameif inside\n"				\
	"ip address 10.1.1.1 255.255.255.0 standby 10.1.1.2\n"		\
	"no shutdown\nexit\n"						\
	"interface g0/3\nno shutdown\nexit\n"				\
	"failover lan interface folink GigabitEthernet0/3\n"		\
	"failover interface ip folink 10.0.0.1 255.255.255.252 "	\
	"standby 10.0.0.2\n"						\
	"failover key k3y\n"						\
	"failover lan unit primary\n"					\
	"failover"

enum {
	F_ACTIVE = 1 << 0,
	F_SECONDARY = 1 << 1,
	F_CHUNK = 3 << 2,
};

struct harness {
	struct event_loop	*loop;
	struct device		*dev;
	struct fo_cfg		 cfg;		/* as configured */
	int			 mate[2];	/* listening at LINK_A, B */
	bool			 show;		/* ASAEMU_FUZZ_SHOW */
};

static struct harness	 h;

static char *
render(void *arg)
{
	(void)arg;
	return xstrdup("hostname pairfw\ninterface GigabitEthernet0/1\n"
	    " nameif inside\n");
}

static void
apply(void *arg, const char *config)
{
	(void)arg;
	if (h.show)
		fprintf(stderr, "apply %zu bytes\n", strlen(config));
}

static void
event(void *arg, const struct fo_event *ev)
{
	(void)arg;
	if (ev->kind == FO_EV_STATE && (ev->from >= FO_ST_COUNT ||
	    ev->to >= FO_ST_COUNT || ev->why >= FO_WHY_COUNT))
		abort();
}

static char *
exec(void *arg, const char *space, const char *line)
{
	char	*out;

	(void)arg;
	(void)space;
	xasprintf(&out, "ran %zu bytes\n", strlen(line));
	return out;
}

static void
setup(void)
{
	struct lab	*lab;
	char		*dir, *cause = NULL;

	signal(SIGPIPE, SIG_IGN);
	h.show = getenv("ASAEMU_FUZZ_SHOW") != NULL;
	dir = fuzz_tmpdir("failover-lab");
	if ((lab = lab_open(dir, &cause)) == NULL)
		abort();
	free(dir);
	/* The mate first, so that the unit's own address is taken too. */
	if ((h.mate[0] = lab_listen(lab, LINK_A, FO_PORT)) == -1 ||
	    (h.mate[1] = lab_listen(lab, LINK_B, FO_PORT)) == -1)
		abort();
	h.loop = event_loop_new();
	h.dev = fuzz_device(lab, h.loop, "JMX1111L001");
	fuzz_configure(h.dev, CONFIG);
	if (device_failover_get(h.dev) == NULL ||
	    !device_failover_get(h.dev)->cfg.enabled)
		abort();
	h.cfg = device_failover_get(h.dev)->cfg;
}

/* Failover just enabled on a fresh unit, as the flags say. */
static void
start(unsigned flags)
{
	struct fo_hooks	 hooks = {
		.render = render, .apply = apply, .event = event,
		.exec = exec,
	};
	struct failover	*fo;

	device_failover_free(h.dev);
	fo = device_failover(h.dev);
	fo->cfg = h.cfg;
	fo->cfg.secondary = (flags & F_SECONDARY) != 0;
	device_failover_hooks(h.dev, &hooks);
	failover_net_start(h.dev, h.loop);
	device_failover_changed(h.dev);
	if (flags & F_ACTIVE)
		(void)device_failover_switch(h.dev, true);
}

static void
check(void)
{
	const struct failover *fo = device_failover_get(h.dev);
	const struct lic_running *run;

	if (fo == NULL)
		return;
	if (fo->state >= FO_ST_COUNT || fo->mate.state >= FO_ST_COUNT ||
	    fo->nhist > FO_HISTORY_MAX ||
	    (fo_state_active(fo->state) && fo_state_standby(fo->state)) ||
	    fo->mate.run.nfeatures > LIC_MAX_FEATURES)
		abort();
	for (size_t i = 0; i < fo->nhist; i++)
		if (fo->hist[i].from >= FO_ST_COUNT ||
		    fo->hist[i].to >= FO_ST_COUNT ||
		    fo->hist[i].why >= FO_WHY_COUNT)
			abort();
	run = device_license_in_force(h.dev);
	if (run->nfeatures != h.dev->lic.run.nfeatures)
		abort();
	(void)device_shared_view(h.dev);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t chunks[4] = { 4096, 1, 7, 64 };
	size_t		 chunk;
	unsigned	 flags;

	if (size == 0 || size > 65536)
		return 0;
	if (h.loop == NULL)
		setup();
	flags = data[0];
	chunk = chunks[(flags & F_CHUNK) >> 2];
	start(flags);
	check();
	if (!failover_recv(h.dev, data + 1, size - 1, chunk))
		abort();
	fuzz_loop_flush(h.loop);
	check();
	device_failover_free(h.dev);
	fuzz_drain(h.mate, 2, h.show);
	fuzz_loop_flush(h.loop);
	return 0;
}
