/* SPDX-License-Identifier: MIT */
/*
 * The lab clock: within a lab, time is one. LAB/clock holds it as text,
 * "offset SECONDS\n" (lab time = host realtime + offset) or
 * "frozen EPOCH_SECONDS\n" (moves only when advanced or set). Writers
 * replace the file by rename under a lock; readers watch the folder.
 */
#include "device/lab.h"

#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/util.h"

#define LAB_CLOCK	"clock"
#define LAB_CLOCK_LOCK	"clock.lock"
#define LAB_CLOCK_MAX	64		/* longer than any valid file */

/* Parse the file's text; 0, or -1 when it is damaged. */
static int
clock_parse(const char *text, struct lab_clock *clk)
{
	const char	*num;
	char		*end;
	long long	 v;

	if (strncmp(text, "offset ", 7) == 0)
		clk->frozen = false;
	else if (strncmp(text, "frozen ", 7) == 0)
		clk->frozen = true;
	else
		return -1;
	num = text + 7;
	if (*num != '-' && (*num < '0' || *num > '9'))
		return -1;
	errno = 0;
	v = strtoll(num, &end, 10);
	if (errno != 0 || end == num || (strcmp(end, "\n") != 0 &&
	    *end != '\0'))
		return -1;
	clk->value = v;
	return 0;
}

/*
 * Read LAB/clock into clk: 0, or -1 with errno (EINVAL: damaged). An
 * absent file is offset 0.
 */
static int
clock_load(const struct lab *lab, struct lab_clock *clk)
{
	char	 buf[LAB_CLOCK_MAX + 1];
	char	*path;
	ssize_t	 n = 0;
	size_t	 len = 0;
	int	 fd, saved;

	clk->frozen = false;
	clk->value = 0;
	xasprintf(&path, "%s/%s", lab_dir(lab), LAB_CLOCK);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	free(path);
	if (fd == -1)
		return errno == ENOENT ? 0 : -1;
	while (len < sizeof buf - 1) {
		n = read(fd, buf + len, sizeof buf - 1 - len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	saved = errno;
	close(fd);
	if (n == -1) {
		errno = saved;
		return -1;
	}
	buf[len] = '\0';
	if (len == sizeof buf - 1 || strlen(buf) != len ||
	    clock_parse(buf, clk) != 0) {
		errno = EINVAL;
		return -1;
	}
	return 0;
}

int
lab_clock_read(const struct lab *lab, struct lab_clock *clk, char **cause)
{
	if (clock_load(lab, clk) == 0)
		return 0;
	if (errno == EINVAL)
		xasprintf(cause, "%s/%s: damaged lab clock", lab_dir(lab),
		    LAB_CLOCK);
	else
		xasprintf(cause, "%s/%s: %s", lab_dir(lab), LAB_CLOCK,
		    strerror(errno));
	return -1;
}

struct timespec
lab_clock_now(const struct lab_clock *clk)
{
	struct timespec	 ts;
	int64_t		 sec;

	if (clk->frozen) {
		ts.tv_sec = (time_t)clk->value;
		ts.tv_nsec = 0;
		return ts;
	}
	clock_gettime(CLOCK_REALTIME, &ts);
	if (__builtin_add_overflow((int64_t)ts.tv_sec, clk->value, &sec))
		sec = clk->value < 0 ? INT64_MIN : INT64_MAX;
	ts.tv_sec = (time_t)sec;
	return ts;
}

static int
lock_clock(const struct lab *lab)
{
	char	*path;
	int	 fd;

	xasprintf(&path, "%s/%s", lab_dir(lab), LAB_CLOCK_LOCK);
	fd = file_lock(path);
	free(path);
	return fd;
}

/* Replace LAB/clock with clk (the lock held); 0 or -1 with errno. */
static int
clock_store(const struct lab *lab, const struct lab_clock *clk)
{
	char	 text[LAB_CLOCK_MAX];
	char	*path;
	int	 rc;

	snprintf(text, sizeof text, "%s %" PRId64 "\n",
	    clk->frozen ? "frozen" : "offset", clk->value);
	xasprintf(&path, "%s/%s", lab_dir(lab), LAB_CLOCK);
	rc = file_write_atomic(path, text, strlen(text));
	free(path);
	return rc;
}

enum clock_op {
	CLOCK_ADVANCE,
	CLOCK_SET,
	CLOCK_FREEZE,
};

/* The clock after op, from the file's clk; 0, or -1 with errno. */
static int
clock_apply(struct lab_clock *clk, bool exists, enum clock_op op,
    int64_t arg)
{
	struct timespec	 ts;

	switch (op) {
	case CLOCK_ADVANCE:
		if (__builtin_add_overflow(clk->value, arg, &clk->value))
			goto overflow;
		return 0;
	case CLOCK_SET:
		if (clk->frozen) {
			clk->value = arg;
			return 0;
		}
		clock_gettime(CLOCK_REALTIME, &ts);
		if (__builtin_sub_overflow(arg, (int64_t)ts.tv_sec,
		    &clk->value))
			goto overflow;
		return 0;
	case CLOCK_FREEZE:
		if (exists && (!clk->frozen || clk->value != arg)) {
			errno = EEXIST;
			return -1;
		}
		clk->frozen = true;
		clk->value = arg;
		return 0;
	}
	errno = EINVAL;
	return -1;
overflow:
	errno = EOVERFLOW;
	return -1;
}

static int
clock_change(struct lab *lab, enum clock_op op, int64_t arg)
{
	struct lab_clock clk;
	struct stat	 sb;
	char		*path;
	bool		 exists;
	int		 lock, rc = -1, saved;

	if ((lock = lock_clock(lab)) == -1)
		return -1;
	xasprintf(&path, "%s/%s", lab_dir(lab), LAB_CLOCK);
	exists = lstat(path, &sb) == 0;
	free(path);
	if (clock_load(lab, &clk) != 0 || clock_apply(&clk, exists, op,
	    arg) != 0)
		goto out;
	if (op == CLOCK_FREEZE && exists)
		rc = 0;			/* already frozen at arg */
	else
		rc = clock_store(lab, &clk);
out:
	saved = errno;
	close(lock);
	errno = saved;
	return rc;
}

int
lab_clock_advance(struct lab *lab, int64_t secs)
{
	return clock_change(lab, CLOCK_ADVANCE, secs);
}

int
lab_clock_set(struct lab *lab, int64_t t)
{
	return clock_change(lab, CLOCK_SET, t);
}

int
lab_clock_freeze(struct lab *lab, int64_t t)
{
	return clock_change(lab, CLOCK_FREEZE, t);
}

int
lab_clock_watch(struct lab *lab)
{
	int	 fd, saved;

	if ((fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) == -1)
		return -1;
	/* rename gives the file a new inode, so watch the folder. */
	if (inotify_add_watch(fd, lab_dir(lab), IN_MOVED_TO |
	    IN_CLOSE_WRITE) == -1) {
		saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	return fd;
}

void
lab_clock_drain(int fd)
{
	char	 buf[4096];		/* events are counted, not parsed */

	while (read(fd, buf, sizeof buf) > 0)
		continue;
}
