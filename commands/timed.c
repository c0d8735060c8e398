/* SPDX-License-Identifier: MIT */
/*
 * Time-based keys entered with activation-key: install, activate,
 * deactivate, and stacking (an identical license adds its duration).
 * Chapter "Time-Based License Activation Guidelines" and "Stacking
 * Time-Based Licenses": one active key per feature; an evaluation key's
 * features block standalone keys for them.
 */
#include "commands/commands.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "commands/commands_int.h"

#define SECONDS_PER_DAY 86400u

static int64_t
now_secs(const struct device *dev)
{
	return (int64_t)device_now(dev).tv_sec;
}

static bool
same_license(const struct lic_keyinfo *a, const struct lic_keyinfo *b)
{
	if (a->type != b->type || a->ngrants != b->ngrants)
		return false;
	for (size_t i = 0; i < a->ngrants; i++)
		if (a->grants[i].feature != b->grants[i].feature ||
		    a->grants[i].value != b->grants[i].value)
			return false;
	return true;
}

static bool
shares_feature(const struct lic_keyinfo *a, const struct lic_keyinfo *b)
{
	for (size_t i = 0; i < a->ngrants; i++)
		for (size_t j = 0; j < b->ngrants; j++)
			if (a->grants[i].feature == b->grants[j].feature)
				return true;
	return false;
}

static uint64_t
remaining(const struct lic_timed *t)
{
	return t->info.duration > t->used ? t->info.duration - t->used : 0;
}

static unsigned
days(uint64_t secs)
{
	return (unsigned)((secs + SECONDS_PER_DAY - 1) / SECONDS_PER_DAY);
}

static struct lic_timed *
find_key(struct license *l, const struct lic_key *key)
{
	for (size_t i = 0; i < l->ntimed; i++)
		if (memcmp(&l->timed[i].key, key, sizeof *key) == 0)
			return &l->timed[i];
	return NULL;
}

/*
 * Activate t: deactivate every other active key for one of its features.
 * An active evaluation key sharing a feature blocks a standalone key.
 */
static enum cmd_status
activate(struct cmd_ctx *ctx, struct lic_timed *t)
{
	struct license	*l = &ctx->dev->lic;

	for (size_t i = 0; i < l->ntimed; i++) {
		struct lic_timed *o = &l->timed[i];

		if (o == t || !o->active || !shares_feature(&o->info, &t->info))
			continue;
		if (o->info.type == LIC_KEY_EVALUATION &&
		    t->info.type == LIC_KEY_TIMEBASED)
			return cmd_error(ctx, MSG_KEY_EVAL_BLOCKS);
	}
	for (size_t i = 0; i < l->ntimed; i++) {
		struct lic_timed *o = &l->timed[i];

		if (o != t && o->active && shares_feature(&o->info, &t->info))
			o->active = false;
	}
	t->active = true;
	t->activated_at = now_secs(ctx->dev);
	return CMD_OK;
}

static enum cmd_status
finish(struct cmd_ctx *ctx, struct lic_timed *saved, size_t nsaved,
    enum msg_id done, const struct lic_timed *t)
{
	struct license	*l = &ctx->dev->lic;

	if (license_save(ctx->dev) != 0) {
		int err = errno;

		free(l->timed);
		l->timed = saved;
		l->ntimed = nsaved;
		return cmd_error(ctx, MSG_KEY_STORE_FAILED, strerror(err));
	}
	free(saved);
	license_compute(ctx->dev);
	out_printf(ctx->out, msg(done), days(remaining(t)));
	return CMD_OK;
}

enum cmd_status
license_timed_command(struct cmd_ctx *ctx, const struct cmd_args *args,
    const struct lic_key *key, const struct lic_keyinfo *info)
{
	struct license	 *l = &ctx->dev->lic;
	struct lic_timed *saved, *t;
	size_t		  nsaved = l->ntimed;
	bool		  deactivate = cmd_arg_has(args, "deactivate");

	saved = xreallocarray(NULL, nsaved + 1, sizeof *saved);
	memcpy(saved, l->timed, nsaved * sizeof *saved);
	if ((t = find_key(l, key)) == NULL && !deactivate) {
		/* An identical license stacks: its duration adds. */
		for (size_t i = 0; i < l->ntimed && t == NULL; i++)
			if (same_license(&l->timed[i].info, info) &&
			    remaining(&l->timed[i]) > 0)
				t = &l->timed[i];
		if (t != NULL) {
			t->info.duration += info->duration;
			return finish(ctx, saved, nsaved, MSG_KEY_TIMED_ACTIVE,
			    t);
		}
		l->timed = xreallocarray(l->timed, l->ntimed + 1,
		    sizeof *l->timed);
		t = &l->timed[l->ntimed++];
		memset(t, 0, sizeof *t);
		t->key = *key;
		t->info = *info;
	} else if (t == NULL) {
		free(saved);
		return cmd_error(ctx, MSG_KEY_NOT_INSTALLED);
	}
	if (deactivate) {
		t->active = false;
		return finish(ctx, saved, nsaved, MSG_KEY_TIMED_INACTIVE, t);
	}
	if (activate(ctx, t) != CMD_OK) {
		free(l->timed);
		l->timed = saved;
		l->ntimed = nsaved;
		return CMD_ERROR;
	}
	return finish(ctx, saved, nsaved, MSG_KEY_TIMED_ACTIVE, t);
}
