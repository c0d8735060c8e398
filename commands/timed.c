/* SPDX-License-Identifier: MIT */
/*
 * Time-based keys: activation-key KEY [activate | deactivate] for them
 * (install, stack, activate, deactivate), and their timer on device time:
 * the countdown noticed before each command (license_tick), clock set
 * (license_clock_set) and the checks at reload (license_boot).
 */
#include "commands/commands.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands/commands_int.h"

/*
 * DOC: time-based keys on the device (chapter "Time-Based Licenses"; the
 * engine's side is at the top of licensing/lic_running.c).
 *
 * - activation-key KEY installs a time-based or evaluation key and
 *   activates it ("If you enter a new time-based key, then it is active by
 *   default"). A key whose license is identical to an installed one (the
 *   same words: asaemu-keygen mints one key per license) stacks: "the
 *   duration equals the combined duration", and it is activated.
 * - activation-key KEY activate|deactivate switches an installed key
 *   without stacking (activate also installs a new key). The last key
 *   activated for a feature is the active one; an active evaluation key
 *   blocks a time-based key for one of its features. Before 8.3 only one
 *   time-based key is active at all ("Version 8.3 introduced more robust
 *   time-based key usage": "only the most recently activated time-based
 *   key can be active"), which also holds at a boot into 8.2.
 * - Before each command (and after emulator advance-time) the active keys
 *   count down to device time; a key that ran out is replaced by another
 *   installed key of its feature, else by the permanent license, with the
 *   syslog messages of reference 1.4 on the console: %ASA-2-444007 (8.3
 *   and later; %ASA-2-444004 before 8.3 when the permanent key takes
 *   over), and %ASA-4-444005 at most every 24 hours of device time.
 * - clock set does not count: it moves the clock, not the timer; a reload
 *   then compares the clock with the key's installation time (chapter's
 *   note), see lic_timed_reload.
 * - Used-up keys stay in the store (an identical key stacks on them) but
 *   are no longer listed.
 */

#define SECONDS_PER_DAY 86400u

static int64_t
now_secs(const struct device *dev)
{
	return (int64_t)device_now(dev).tv_sec;
}

/* Whole days, rounded up: a fresh 62-day key has 62 days left. */
static unsigned
days(uint64_t secs)
{
	return (unsigned)((secs + SECONDS_PER_DAY - 1) / SECONDS_PER_DAY);
}

static bool
before_83(const struct device *dev)
{
	return dev->version < LIC_VERSION(8, 3, 0, 0);
}

static size_t
find_key(const struct license *l, const struct lic_key *key)
{
	for (size_t i = 0; i < l->ntimed; i++) {
		if (memcmp(&l->timed[i].key, key, sizeof *key) == 0)
			return i;
	}
	return LIC_NO_KEY;
}

/* An installed key with the same license (other words): it stacks. */
static size_t
find_identical(const struct license *l, const struct lic_keyinfo *info)
{
	for (size_t i = 0; i < l->ntimed; i++) {
		if (lic_timed_identical(&l->timed[i].info, info))
			return i;
	}
	return LIC_NO_KEY;
}

static size_t
install(struct license *l, const struct lic_key *key,
    const struct lic_keyinfo *info)
{
	struct lic_timed	*t;

	l->timed = xreallocarray(l->timed, l->ntimed + 1, sizeof *l->timed);
	t = &l->timed[l->ntimed];
	memset(t, 0, sizeof *t);
	t->key = *key;
	t->info = *info;
	return l->ntimed++;
}

/* Put the keys back as they were before the command. */
static void
restore(struct license *l, struct lic_timed *saved, size_t nsaved)
{
	free(l->timed);
	l->timed = saved;
	l->ntimed = nsaved;
}

static enum cmd_status
finish(struct cmd_ctx *ctx, struct lic_timed *saved, size_t nsaved,
    enum msg_id done, size_t i)
{
	struct license	*l = &ctx->dev->lic;

	if (license_save(ctx->dev) != 0) {
		int err = errno;

		restore(l, saved, nsaved);
		license_compute(ctx->dev);
		return cmd_error(ctx, MSG_KEY_STORE_FAILED, strerror(err));
	}
	free(saved);
	license_compute(ctx->dev);
	out_printf(ctx->out, msg(done), days(lic_timed_remaining(&l->timed[i],
	    now_secs(ctx->dev))));
	return CMD_OK;
}

static enum cmd_status
activate(struct cmd_ctx *ctx, struct lic_timed *saved, size_t nsaved,
    size_t i)
{
	struct license	*l = &ctx->dev->lic;
	enum msg_id	 err;

	switch (lic_timed_activate(l->timed, l->ntimed, i,
	    now_secs(ctx->dev), before_83(ctx->dev))) {
	case LIC_ACT_OK:
		return finish(ctx, saved, nsaved, MSG_KEY_TIMED_ACTIVE, i);
	case LIC_ACT_EXPIRED:
		err = MSG_KEY_TIMED_EXPIRED;
		break;
	case LIC_ACT_EVALUATION:
	default:
		err = MSG_KEY_EVAL_BLOCKS;
		break;
	}
	restore(l, saved, nsaved);
	license_compute(ctx->dev);
	return cmd_error(ctx, err);
}

enum cmd_status
license_timed_command(struct cmd_ctx *ctx, const struct cmd_args *args,
    const struct lic_key *key, const struct lic_keyinfo *info)
{
	struct license	 *l = &ctx->dev->lic;
	struct lic_timed *saved;
	size_t		  nsaved = l->ntimed, i;
	int64_t		  now = now_secs(ctx->dev);

	saved = xreallocarray(NULL, nsaved + 1, sizeof *saved);
	if (nsaved > 0)
		memcpy(saved, l->timed, nsaved * sizeof *saved);
	i = find_key(l, key);
	if (cmd_arg_has(args, "deactivate")) {
		if (i == LIC_NO_KEY) {
			free(saved);
			return cmd_error(ctx, MSG_KEY_NOT_INSTALLED);
		}
		lic_timed_stop(&l->timed[i], now);
		return finish(ctx, saved, nsaved, MSG_KEY_TIMED_INACTIVE, i);
	}
	if (cmd_arg_has(args, "activate")) {
		if (i == LIC_NO_KEY)
			i = install(l, key, info);
		return activate(ctx, saved, nsaved, i);
	}
	if (i == LIC_NO_KEY)
		i = find_identical(l, info);
	if (i == LIC_NO_KEY)
		i = install(l, key, info);
	else if (!lic_timed_stack(&l->timed[i], info->duration, now)) {
		restore(l, saved, nsaved);
		return cmd_error(ctx, MSG_KEY_NOT_VALID);
	}
	return activate(ctx, saved, nsaved, i);
}

/* "0x5b0349c2 0x55b93067 0x1395643 ...": no zero padding [V] 444005. */
static char *
syslog_words(const struct lic_key *k, char *buf, size_t len)
{
	snprintf(buf, len, "0x%x 0x%x 0x%x 0x%x 0x%x", k->w[0], k->w[1],
	    k->w[2], k->w[3], k->w[4]);
	return buf;
}

/* The labels of features, joined by ", " [I], into sb. */
static void
feature_names(struct strbuf *sb, const struct device *dev,
    const struct lic_expiry *ev, size_t n, bool timed)
{
	const struct lic_catalog *cat = model_db_catalog(dev->db);
	bool			  first = true;

	for (size_t i = 0; i < n; i++) {
		const struct lic_feature *f = &cat->features[ev[i].feature];
		const char		 *label;

		if ((ev[i].successor != LIC_NO_KEY) != timed)
			continue;
		if ((label = lic_feature_label(f, dev->version)) == NULL)
			label = f->name;
		strbuf_printf(sb, "%s%s", first ? "" : ", ", label);
		first = false;
	}
}

/* The messages for the records of one expired key, ev[0..n). */
static void
report_expiry(struct cmd_ctx *ctx, const struct lic_expiry *ev, size_t n)
{
	struct license	*l = &ctx->dev->lic;
	static const struct lic_key zero;
	char		 words[64], perm[64];
	struct strbuf	 sb;

	syslog_words(&l->timed[ev[0].expired].key, words, sizeof words);
	for (int timed = 1; timed >= 0; timed--) {
		strbuf_init(&sb, 0);
		feature_names(&sb, ctx->dev, ev, n, timed);
		if (sb.len == 0) {
			strbuf_release(&sb);
			continue;
		}
		if (!timed && before_83(ctx->dev))
			out_printf(ctx->out, msg(MSG_SYSLOG_444004), words,
			    syslog_words(l->has_running ? &l->running_key :
			    &zero, perm, sizeof perm));
		else
			out_printf(ctx->out, msg(timed ? MSG_SYSLOG_444007_TIMED :
			    MSG_SYSLOG_444007_PERM), words, sb.buf);
		strbuf_release(&sb);
	}
}

/* Count down, replace and report; true when a key ran out. */
static bool
tick(struct cmd_ctx *ctx, int64_t now)
{
	struct license		*l = &ctx->dev->lic;
	struct lic_expiry	*ev;
	size_t			 cap = l->ntimed * LIC_KEY_MAX_TIMED, n, run;
	char			 words[64];

	ev = xreallocarray(NULL, cap, sizeof *ev);
	n = lic_timed_tick(l->timed, l->ntimed, now, ev, cap);
	if (n > cap)
		n = cap;
	for (size_t i = 0; i < n; i += run) {
		for (run = 1; i + run < n &&
		    ev[i + run].expired == ev[i].expired; run++)
			;
		report_expiry(ctx, &ev[i], run);
	}
	free(ev);
	for (size_t i = 0; i < l->ntimed; i++) {
		struct lic_timed *t = &l->timed[i];

		if (lic_timed_warn(t, now))
			out_printf(ctx->out, msg(MSG_SYSLOG_444005),
			    syslog_words(&t->key, words, sizeof words),
			    days(lic_timed_remaining(t, now)));
	}
	return n > 0;
}

void
license_tick(struct cmd_ctx *ctx)
{
	struct device	*dev = ctx->dev;

	if (dev->lic.ntimed == 0)
		return;
	if (tick(ctx, now_secs(dev)) && license_save(dev) != 0)
		out_printf(ctx->out, msg(MSG_KEY_STORE_FAILED),
		    strerror(errno));
	license_compute(dev);
}

void
license_clock_set(struct device *dev, int64_t old, int64_t now)
{
	struct license	*l = &dev->lic;

	if (l->ntimed == 0)
		return;
	for (size_t i = 0; i < l->ntimed; i++)
		lic_timed_rebase(&l->timed[i], old, now);
	/* Best effort: a reload recounts from the anchors anyway. */
	(void)license_save(dev);
	license_compute(dev);
}

/* Boot into 8.2: only the most recently activated key stays active. */
static void
boot_only_one(struct license *l, int64_t now)
{
	size_t	 last = LIC_NO_KEY;

	for (size_t i = 0; i < l->ntimed; i++) {
		if (l->timed[i].active && (last == LIC_NO_KEY ||
		    l->timed[i].activated_at >= l->timed[last].activated_at))
			last = i;
	}
	for (size_t i = 0; i < l->ntimed; i++) {
		if (i != last && l->timed[i].active)
			lic_timed_stop(&l->timed[i], now);
	}
}

/*
 * Reference 3.6 [V]: a store that is damaged or holds a key for another
 * serial number prints the sentence and the default license at boot.
 * Blank lines as in the verified 9.8(4) boot printout (and the FWSM
 * show version's blank after the sentence).
 */
static void
boot_invalid(struct cmd_ctx *ctx)
{
	struct device	*dev = ctx->dev;

	out_puts(ctx->out, msg(MSG_KEY_INVALID_BOOT));
	out_puts(ctx->out, "\n");
	license_block(ctx->out, dev, &dev->lic.run, false);
	out_printf(ctx->out, "\n%s\n\n", license_sentence(dev));
}

void
license_boot(struct cmd_ctx *ctx)
{
	struct device	*dev = ctx->dev;
	struct license	*l = &dev->lic;
	int64_t		 now = now_secs(dev);

	license_load(dev);
	if (l->invalid) {
		boot_invalid(ctx);
		return;
	}
	if (l->ntimed == 0)
		return;
	for (size_t i = 0; i < l->ntimed; i++)
		lic_timed_reload(&l->timed[i], now);
	if (before_83(dev))
		boot_only_one(l, now);
	tick(ctx, now);
	if (license_save(dev) != 0)
		out_printf(ctx->out, msg(MSG_KEY_STORE_FAILED),
		    strerror(errno));
	license_compute(dev);
}
