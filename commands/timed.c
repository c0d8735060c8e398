/* SPDX-License-Identifier: MIT */
/*
 * Time-based keys at the CLI: activation-key KEY [activate | deactivate]
 * for them, and the console lines of what the device's timer reports
 * (syslog messages before each command, the checks at reload). The rules
 * are the device's (device/timer.c).
 */
#include "commands/commands.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "commands/commands_int.h"

#define SECONDS_PER_DAY 86400u

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

enum cmd_status
license_timed_command(struct cmd_ctx *ctx, const struct cmd_args *args,
    const struct lic_key *key, const struct lic_keyinfo *info)
{
	enum device_timed_op	 op = DEVICE_TIMED_INSTALL;
	uint64_t		 left = 0;

	if (cmd_arg_has(args, "deactivate"))
		op = DEVICE_TIMED_DEACTIVATE;
	else if (cmd_arg_has(args, "activate"))
		op = DEVICE_TIMED_ACTIVATE;
	switch (device_license_timed(ctx->dev, op, key, info, &left)) {
	case DEVICE_TIMED_OK:
		break;
	case DEVICE_TIMED_NOT_INSTALLED:
		return cmd_error(ctx, MSG_KEY_NOT_INSTALLED);
	case DEVICE_TIMED_NOT_STACKED:
		return cmd_error(ctx, MSG_KEY_NOT_VALID);
	case DEVICE_TIMED_EXPIRED:
		return cmd_error(ctx, MSG_KEY_TIMED_EXPIRED);
	case DEVICE_TIMED_ALREADY:
		return cmd_error(ctx, MSG_KEY_ALREADY_INSTALLED);
	case DEVICE_TIMED_EVALUATION:
		return cmd_error(ctx, MSG_KEY_EVAL_BLOCKS);
	case DEVICE_TIMED_STORE_FAILED:
	default:
		return cmd_error(ctx, MSG_KEY_STORE_FAILED, strerror(errno));
	}
	out_printf(ctx->out, msg(op == DEVICE_TIMED_DEACTIVATE ?
	    MSG_KEY_TIMED_INACTIVE : MSG_KEY_TIMED_ACTIVE), days(left));
	return CMD_OK;
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

/* The messages for one expired key. */
static void
report_expiry(struct cmd_ctx *ctx, const struct device_event *e)
{
	const struct device_license	*l = &ctx->dev->lic;
	static const struct lic_key zero;
	char			 words[64], perm[64];
	struct strbuf		 sb;

	syslog_words(&e->key, words, sizeof words);
	for (int timed = 1; timed >= 0; timed--) {
		strbuf_init(&sb, 0);
		feature_names(&sb, ctx->dev, e->exp, e->nexp, timed);
		if (sb.len == 0) {
			strbuf_release(&sb);
			continue;
		}
		if (!timed && before_83(ctx->dev))
			out_printf(ctx->out, msg(MSG_SYSLOG_444004), words,
			    syslog_words(l->has_running ? &l->running_key :
			    &zero, perm, sizeof perm));
		else
			out_printf(ctx->out, msg(timed ?
			    MSG_SYSLOG_444007_TIMED : MSG_SYSLOG_444007_PERM),
			    words, sb.buf);
		strbuf_release(&sb);
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

/*
 * Print what the device reported, in its order; release the events.
 * CMD_ERROR when that was an ERROR.
 */
static enum cmd_status
report(struct cmd_ctx *ctx, struct device_events *evs)
{
	char		 words[64];
	enum cmd_status	 st = CMD_OK;

	for (size_t i = 0; i < evs->n; i++) {
		const struct device_event *e = &evs->v[i];

		switch (e->kind) {
		case DEVICE_EV_STORE_INVALID:
			boot_invalid(ctx);
			break;
		case DEVICE_EV_KEY_EXPIRED:
			report_expiry(ctx, e);
			break;
		case DEVICE_EV_KEY_WARNING:
			out_printf(ctx->out, msg(MSG_SYSLOG_444005),
			    syslog_words(&e->key, words, sizeof words),
			    days(e->remaining));
			break;
		case DEVICE_EV_STORE_FAILED:
			out_printf(ctx->out, msg(MSG_KEY_STORE_FAILED),
			    strerror(e->err));
			st = CMD_ERROR;
			break;
		case DEVICE_EV_KEY_INCOMPATIBLE:
			out_puts(ctx->out, msg(e->earlier ?
			    MSG_KEY_DOWNGRADE_EARLIER : MSG_KEY_DOWNGRADE_BASE));
			break;
		}
	}
	device_events_release(evs);
	return st;
}

enum cmd_status
cmd_license_tick(struct cmd_ctx *ctx)
{
	struct device_events	 evs;
	struct cmd_ctx		 c;
	enum cmd_status		 st;

	device_events_init(&evs);
	device_license_tick(ctx->dev, &evs);
	if (evs.n == 0) {
		device_events_release(&evs);
		return CMD_OK;
	}
	if (ctx->notify == NULL)
		return report(ctx, &evs);
	/* A copy only when there is something to tell: every line asks. */
	c = *ctx;
	c.out = out_new_buffer();
	st = report(&c, &evs);
	out_puts(ctx->out, out_buffer(c.out));
	ctx->notify(ctx, out_buffer(c.out));
	out_free(c.out);
	return st;
}

void
cmd_license_boot(struct cmd_ctx *ctx)
{
	struct device_events	 evs;

	device_events_init(&evs);
	device_license_boot(ctx->dev, &evs);
	report(ctx, &evs);
}
