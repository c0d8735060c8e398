/* SPDX-License-Identifier: MIT */
/*
 * Failover pairs and ASA clusters: how the licenses of several units
 * combine into one running "failover cluster" license, which pairs may
 * form at all, and how the time of combined time-based licenses is
 * charged, also across a loss of communication. Pure: the units' own
 * running licenses and the elapsed times come in as arguments.
 * Rules quoted at the top of lic_units.c.
 */
#ifndef ASA_LICENSING_LIC_UNITS_H
#define ASA_LICENSING_LIC_UNITS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "licensing/licensing.h"

/* "If the units lose communication for more than 30 days". */
#define LIC_UNITS_GRACE	(30u * 86400u)

/*
 * The failover cluster license of units[0..n) (units[0] the primary or
 * master, then the others in order) as unit self runs it: each feature by
 * its unit_rule. ADD: the values add up to the platform limit (the
 * highest lic_platform_max of the units' editions on version); MAX: the
 * highest value; NONE: self's own value. Time: a value that only
 * time-based keys give is timed; enabled/disabled values (bool, enum)
 * last the units' durations added, numerical ones the shortest that
 * contributes ("count down simultaneously"). The edition and AnyConnect
 * Essentials state are self's, and so is a feature self's version does
 * not know yet (introduced after it): a unit still on the older release
 * of an upgrade cannot run what only the newer one licenses.
 */
void	lic_units_combine(const struct lic_catalog *,
	    const struct lic_platform *p, uint32_t version,
	    const struct lic_running *const *units, size_t n, size_t self,
	    struct lic_running *out);

/* Why two units cannot form a failover pair (or a cluster). */
enum lic_units_err {
	LIC_UNITS_OK,
	LIC_UNITS_PLATFORM,	/* not the same platform */
	LIC_UNITS_VERSION,	/* releases further apart than one step of
				   the upgrade path (lic_units_versions) */
	LIC_UNITS_NO_FAILOVER,	/* a unit's own license has no failover:
				   the Base license of the 5505, 5510 and
				   5512-X ("Security Plus license") */
	LIC_UNITS_NO_CLUSTER,	/* a unit has no clustering license */
	LIC_UNITS_ENCRYPTION,	/* "the same encryption license" */
	LIC_UNITS_IPS,		/* 5512-X to 5555-X: "Both units require the
				   IPS module license" when one has it */
	LIC_UNITS_ZERO_KEY,	/* "If your key consists of all 0's" */
	LIC_UNITS_NOT_IDENTICAL, /* before 8.3(1): "required that the
				    licenses match on each unit" */
};

/* One unit as the checks see it. */
struct lic_unit_facts {
	const char		*platform;	/* lic_platform.id */
	uint32_t		 version;	/* running software */
	const struct lic_running *run;		/* its own license */
	bool			 zero_key;	/* its key is all zeros */
};

/*
 * Whether a and b may form a failover pair (cluster false) or belong to
 * one cluster (true), under the rules of the older of their versions.
 * The first rule broken, in the order of enum lic_units_err.
 */
enum lic_units_err lic_units_check(const struct lic_catalog *,
	    const struct lic_unit_facts *a, const struct lic_unit_facts *b,
	    bool cluster);
/*
 * Whether units running versions a and b can work as a pair at all: the
 * same release, or the older one step of Cisco's upgrade path below the
 * newer (a zero-downtime upgrade runs the pair mixed for a while).
 */
bool	lic_units_versions(uint32_t a, uint32_t b);
/*
 * Whether a pair of these versions runs a failover cluster license:
 * only when both run 8.3(1) or later ("Downgrading to Version 8.2 or
 * earlier ... Even if the keys are matching, the license used will no
 * longer be a combined license").
 */
bool	lic_units_combines(uint32_t a, uint32_t b);
/* The message for err, for logs and tests only. */
const char *lic_units_strerror(enum lic_units_err);

/*
 * Charge secs of running time to a combined enabled/disabled time-based
 * license whose units have left[0..n) seconds (primary first): "The
 * primary/master unit counts down its license first, and when it
 * expires, the secondary/slave unit(s) start counting down". Returns the
 * seconds nobody had left.
 */
uint64_t lic_units_charge_serial(uint64_t *left, size_t n, uint64_t secs);
/* Numerical tiers: "the licenses count down simultaneously". */
void	lic_units_charge_each(uint64_t *left, size_t n, uint64_t secs);
/* Whether the combined license still holds after away seconds apart. */
bool	lic_units_in_grace(uint64_t away);
/*
 * Communication restored after away seconds apart, for an
 * enabled/disabled license: within the grace period "the time elapsed is
 * subtracted from the primary/master license" (then the next unit's);
 * after it "time is subtracted from all unit licenses", the grace period
 * included.
 */
void	lic_units_restore(uint64_t *left, size_t n, uint64_t away);

/* The units of one failover cluster license: an ASA cluster's 16. */
#define LIC_UNITS_MAX	16

/*
 * The seconds of feature f's enabled/disabled time-based license that
 * units[0..n) (in countdown order: the primary or master, then the
 * others in turn) have left at device time when, each unit j having said
 * at device time at[j] what it had: the first unit with time of f counts
 * down since it said, the others wait their turn ("The primary/master
 * unit counts down its license first, and when it expires, the
 * secondary/slave unit(s) start counting down its license, and so on").
 * What a unit ahead of self leaves is what self's own key waits for.
 */
uint64_t lic_units_cover(const struct lic_running *const *units,
	    const int64_t *at, size_t n, size_t f, int64_t when);
/*
 * The licenses units[0..n) (countdown order, n <= LIC_UNITS_MAX) said
 * they had at at[j], brought to device time now in out[j]: a numerical
 * time-based value counts down on every unit ("the licenses count down
 * simultaneously"), an enabled/disabled one only on the first unit with
 * time of it, while the others wait; a value whose time ran out is gone.
 * For a unit lost, whose last word is old, and the others' between two
 * hellos. A unit whose license is current passes at[j] == now.
 */
void	lic_units_age(const struct lic_catalog *,
	    const struct lic_running *const *units, const int64_t *at,
	    size_t n, int64_t now, struct lic_running *out);

/*
 * A unit that is not the primary/master holds the countdown of its
 * active enabled/disabled time-based key t while the primary's license
 * of its feature still runs: of the span t->counted_at..now, the first
 * cover seconds (what the primary had left at t->counted_at) pass
 * without being charged to t, as a pause would (the anchor moves too),
 * and the rest is left to lic_timed_advance. Returns the seconds held.
 */
uint64_t lic_units_hold(struct lic_timed *t, int64_t now, uint64_t cover);
/*
 * Charge t the secs it held after all ("If you do not restore
 * communication during the 30-day period, then for time-based licenses,
 * time is subtracted from all unit licenses"), up to its duration; a key
 * used up expires at the next lic_timed_tick.
 */
void	lic_units_unhold(struct lic_timed *t, uint64_t secs);
/*
 * Whether t is a key whose countdown a secondary unit holds: every
 * feature it grants is enabled/disabled (bool or enum) and combines by
 * the max rule ("time-based licenses that are enabled or disabled").
 */
bool	lic_units_serial_key(const struct lic_catalog *,
	    const struct lic_timed *t);

#endif
