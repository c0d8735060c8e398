/* SPDX-License-Identifier: MIT */
/*
 * The cluster control link's messages (device/cluster_link.c) as a unit
 * reads them from another unit's stream: HELLO, LIC (the unit's own
 * license), ACCEPT and REFUSE (the master's answer to a join), CONFIG
 * (replication), through unit_stream_feed's framing. One ASA 5585-X
 * SSP-10 with a Cluster license in a lab, made once, on the cluster
 * control link 10.0.0.1/24; the harness listens at 10.0.0.2 and .3 as
 * two other units, so that the unit's hellos and answers have somewhere
 * to go. The hooks commands/ would lend are stand-ins: a fixed
 * configuration to send, none applied.
 *
 * Input: a flags byte, then the stream. Flags: bits 0-1, the unit's state
 * when the stream begins (election, master, slave, election); bits 2-3,
 * the reads' size (4096, 1, 7 or 64 bytes). Each input starts from
 * clustering just enabled.
 *
 * Checked: nothing crashes or leaks; the states, ids and counts stay in
 * range; the cluster license (with the members' and the lost units') can
 * be computed and the unit's keys held by it.
 */
#include "tests/fuzz/fuzz.h"

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "device/cluster.h"
#include "device/device.h"
#include "device/lab.h"
#include "util/util.h"

#define CCL_B		0x0a000002u	/* 10.0.0.2, another unit's */
#define CCL_C		0x0a000003u	/* 10.0.0.3 */
#define SERIAL		"JAF1111A001"

/* asaemu-keygen --serial JAF1111A001 --model ASA5585-X-SSP-10
   --feature cluster=8 --purchase 1 */
#define CONFIG								\
	"activation-key 0x27d6de29 0x07062e61 0x5a3602e7 0xf96cd9b6 "	\
	"0xd4647b82\n"							\
	"interface TenGigabitEthernet0/8\nno shutdown\nexit\n"		\
	"cluster group pod1\nlocal-unit u1\n"				\
	"cluster-interface TenGigabitEthernet0/8 ip 10.0.0.1 "		\
	"255.255.255.0\n"						\
	"priority 5\nkey s3cret\nexit"

enum {
	F_STATE = 3 << 0,
	F_CHUNK = 3 << 2,
};

struct harness {
	struct event_loop	*loop;
	struct device		*dev;
	int			 other[2];	/* listening at CCL_B, C */
	bool			 show;		/* ASAEMU_FUZZ_SHOW */
};

static struct harness	 h;

static char *
render(void *arg)
{
	(void)arg;
	return xstrdup("hostname clfw\n");
}

static void
apply(void *arg, const char *config)
{
	(void)arg;
	if (h.show)
		fprintf(stderr, "apply %zu bytes\n", strlen(config));
}

static void
event(void *arg, const struct cl_event *ev)
{
	(void)arg;
	if (ev->kind == CL_EV_STATE && (ev->from >= CL_ST_COUNT ||
	    ev->to >= CL_ST_COUNT))
		abort();
	if ((ev->kind == CL_EV_REFUSED || ev->kind == CL_EV_ASKED_QUIT) &&
	    ev->why >= CL_REF_COUNT)
		abort();
}

static void
setup(void)
{
	struct lab	*lab;
	char		*dir, *cause = NULL;
	struct cl_hooks	 hooks = { .render = render, .apply = apply,
			    .event = event };

	signal(SIGPIPE, SIG_IGN);
	h.show = getenv("ASAEMU_FUZZ_SHOW") != NULL;
	dir = fuzz_tmpdir("cluster-lab");
	if ((lab = lab_open(dir, &cause)) == NULL)
		abort();
	free(dir);
	if ((h.other[0] = lab_listen(lab, CCL_B, CL_PORT)) == -1 ||
	    (h.other[1] = lab_listen(lab, CCL_C, CL_PORT)) == -1)
		abort();
	h.loop = event_loop_new();
	h.dev = fuzz_device_model(lab, h.loop, "ASA5585-X-SSP-10", SERIAL);
	fuzz_configure(h.dev, CONFIG);
	if (device_license_value(h.dev, "cluster") == 0)
		abort();
	device_cluster_hooks(h.dev, &hooks);
}

/* Clustering just enabled, the unit in the state the flags say. */
static void
start(unsigned flags)
{
	struct cluster	*cl;

	device_cluster_enable(h.dev, false);
	device_cluster_enable(h.dev, true);
	cl = device_cluster(h.dev);
	if (cl->net == NULL || cl->state != CL_ST_ELECTION)
		abort();
	switch (flags & F_STATE) {
	case 1:
		cl->id = 0;
		cl_set_state(h.dev, CL_ST_MASTER);
		break;
	case 2:
		cl->id = 1;
		cl_set_state(h.dev, CL_ST_SLAVE);
		break;
	default:
		break;
	}
}

static void
check(void)
{
	const struct cluster *cl = device_cluster_get(h.dev);
	const struct lic_running *run;

	if (cl == NULL)
		return;
	if (cl->state >= CL_ST_COUNT || cl->nmembers > CL_MEMBERS_MAX ||
	    cl->ngone > CL_MEMBERS_MAX || cl->nheld > CL_HELD_MAX ||
	    cl->id > LIC_CLUSTER_IDS || cl->refused >= CL_REF_COUNT)
		abort();
	for (size_t i = 0; i < cl->nmembers; i++) {
		const struct cl_member *m = &cl->members[i];

		if (m->state >= CL_ST_COUNT || m->id > LIC_CLUSTER_IDS ||
		    m->run.nfeatures > LIC_MAX_FEATURES ||
		    m->run.edition >= h.dev->platform->neditions)
			abort();
	}
	cluster_license_hold(h.dev);
	run = device_license_in_force(h.dev);
	if (run->nfeatures != h.dev->lic.run.nfeatures)
		abort();
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
	if (!cluster_recv(h.dev, data + 1, size - 1, chunk))
		abort();
	fuzz_loop_flush(h.loop);
	check();
	device_cluster_enable(h.dev, false);
	fuzz_drain(h.other, 2, h.show);
	fuzz_loop_flush(h.loop);
	return 0;
}
