/* SPDX-License-Identifier: MIT */
/*
 * The data behind "username", "aaa authentication ssh console LOCAL" and
 * "ssh A.B.C.D MASK NAMEIF" / "ssh timeout N": the local user database
 * and the SSH access list. What they mean for a login is the commands'
 * (commands/ssh.c, cmd_ssh_allowed).
 */
#include "device/device.h"

#include <stdlib.h>
#include <string.h>

#include "util/util.h"

void
aaa_cfg_clear(struct aaa_cfg *a)
{
	free(a->users);
	free(a->ssh);
	memset(a, 0, sizeof *a);
	a->ssh_timeout = SSH_TIMEOUT_DEFAULT;
}

const struct aaa_user *
device_aaa_user(const struct device *dev, const char *name)
{
	const struct aaa_cfg	*a = &dev->ext->aaa;

	for (size_t i = 0; i < a->nusers; i++)
		if (strcmp(a->users[i].name, name) == 0)
			return &a->users[i];
	return NULL;
}

void
device_aaa_user_set(struct device *dev, const struct aaa_user *u)
{
	struct aaa_cfg	*a = &dev->ext->aaa;

	for (size_t i = 0; i < a->nusers; i++)
		if (strcmp(a->users[i].name, u->name) == 0) {
			a->users[i] = *u;
			return;
		}
	a->users = xreallocarray(a->users, a->nusers + 1, sizeof *a->users);
	a->users[a->nusers++] = *u;
}

bool
device_aaa_user_remove(struct device *dev, const char *name)
{
	struct aaa_cfg	*a = &dev->ext->aaa;

	for (size_t i = 0; i < a->nusers; i++)
		if (strcmp(a->users[i].name, name) == 0) {
			memmove(&a->users[i], &a->users[i + 1],
			    (a->nusers - i - 1) * sizeof *a->users);
			a->nusers--;
			return true;
		}
	return false;
}

static bool
acl_equal(const struct ssh_acl *x, const struct ssh_acl *y)
{
	return x->ip == y->ip && x->mask == y->mask &&
	    strcmp(x->nameif, y->nameif) == 0;
}

void
device_ssh_add(struct device *dev, const struct ssh_acl *e)
{
	struct aaa_cfg	*a = &dev->ext->aaa;

	for (size_t i = 0; i < a->nssh; i++)
		if (acl_equal(&a->ssh[i], e))
			return;
	a->ssh = xreallocarray(a->ssh, a->nssh + 1, sizeof *a->ssh);
	a->ssh[a->nssh++] = *e;
}

bool
device_ssh_remove(struct device *dev, const struct ssh_acl *e)
{
	struct aaa_cfg	*a = &dev->ext->aaa;

	for (size_t i = 0; i < a->nssh; i++)
		if (acl_equal(&a->ssh[i], e)) {
			memmove(&a->ssh[i], &a->ssh[i + 1],
			    (a->nssh - i - 1) * sizeof *a->ssh);
			a->nssh--;
			return true;
		}
	return false;
}

void
device_ssh_forget_nameif(struct device *dev, const char *nameif)
{
	struct aaa_cfg	*a = &dev->ext->aaa;
	size_t		 n = 0;

	for (size_t i = 0; i < a->nssh; i++)
		if (strcmp(a->ssh[i].nameif, nameif) != 0)
			a->ssh[n++] = a->ssh[i];
	a->nssh = n;
}
