/* SPDX-License-Identifier: MIT */
/*
 * The visible flash (disk0:) and the lab's simulated servers
 * (LAB/hosts/ADDRESS): files a user reads and writes by name. Every path
 * is relative to its root; ".." is refused, the hidden area .private is
 * not there, and every component is opened without following symlinks,
 * so nothing outside a root is reached. Writes are atomic (temporary
 * file, fsync, rename) and sparse (runs of zeros become holes: an image
 * is mostly zeros). File times are device time, so listings repeat.
 */
#include "device/device.h"

#include <errno.h>
#include <fcntl.h>
#include <md5.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "device/device_int.h"
#include "util/util.h"

#define PRIVATE_DIR	".private"
#define TMP_PREFIX	".asaemu-tmp."
#define CLUSTER		4096u		/* accounting unit of used space */
#define READ_MAX	(1024u << 20)	/* largest file read whole */
#define HOST_MAX	64

/* The flash's visible root, or the folder of server host (NULL: flash). */
static char *
root_path(const struct device *dev, const char *host)
{
	char	*path;

	if (host == NULL)
		return xstrdup(dev->flash);
	xasprintf(&path, "%s/hosts/%s", device_lab_dir(dev), host);
	return path;
}

/* A server address: one component of letters, digits, '.', '-', ':'. */
static bool
host_valid(const char *host)
{
	size_t	 n = strlen(host);

	if (n == 0 || n > HOST_MAX || host[0] == '.')
		return false;
	return strspn(host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTU"
	    "VWXYZ0123456789.-_") == n;
}

/*
 * Split path into components (arena-like: one copy, NUL-separated) and
 * check them: no "..", no empty path for a file, not the hidden area,
 * not a temporary file. *ncomp 0 is the root itself.
 */
static int
path_split(const char *path, bool flash, char **copy, char ***comps,
    size_t *ncomp)
{
	char	*p, *save = NULL, *tok;
	char	**v;
	size_t	 n = 0;

	*copy = p = xstrdup(path);
	v = xcalloc(strlen(path) / 2 + 2, sizeof *v);
	for (tok = strtok_r(p, "/", &save); tok != NULL;
	    tok = strtok_r(NULL, "/", &save)) {
		if (strcmp(tok, ".") == 0)
			continue;
		if (strcmp(tok, "..") == 0 ||
		    strncmp(tok, TMP_PREFIX, strlen(TMP_PREFIX)) == 0 ||
		    (flash && n == 0 && strcmp(tok, PRIVATE_DIR) == 0)) {
			free(v);
			free(*copy);
			errno = EACCES;
			return -1;
		}
		v[n++] = tok;
	}
	*comps = v;
	*ncomp = n;
	return 0;
}

/*
 * Open the folder that holds path's last component, walking from the
 * root without following a symlink; *leaf is that component (NULL for
 * the root). The fd, or -1 with errno.
 */
static int
walk(const struct device *dev, const char *host, const char *path,
    char **copy, const char **leaf)
{
	char	*root, **comps;
	size_t	 n;
	int	 fd, next;

	*copy = NULL;
	if (host != NULL && !host_valid(host)) {
		errno = EHOSTUNREACH;
		return -1;
	}
	if (path_split(path, host == NULL, copy, &comps, &n) != 0)
		return -1;
	root = root_path(dev, host);
	fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(root);
	if (fd == -1) {
		if (host != NULL)
			errno = EHOSTUNREACH;
		goto fail;
	}
	for (size_t i = 0; i + 1 < n; i++) {
		next = openat(fd, comps[i], O_RDONLY | O_DIRECTORY |
		    O_NOFOLLOW | O_CLOEXEC);
		close(fd);
		if (next == -1) {
			if (errno == ELOOP)
				errno = EACCES;
			goto fail;
		}
		fd = next;
	}
	*leaf = n > 0 ? comps[n - 1] : NULL;
	free(comps);
	return fd;
fail:
	free(comps);
	free(*copy);
	*copy = NULL;
	return -1;
}

/* The leaf must exist and not be a symlink. */
static int
leaf_stat(int dirfd, const char *leaf, struct stat *st)
{
	if (fstatat(dirfd, leaf != NULL ? leaf : ".", st,
	    AT_SYMLINK_NOFOLLOW) != 0)
		return -1;
	if (S_ISLNK(st->st_mode)) {
		errno = EACCES;
		return -1;
	}
	return 0;
}

static void
stamp(const struct device *dev, int dirfd, const char *leaf)
{
	struct timespec	 t[2];

	t[0] = t[1] = device_now(dev);
	(void)utimensat(dirfd, leaf, t, AT_SYMLINK_NOFOLLOW);
}

/*
 * A folder's time is when it was made (as FAT keeps it), not when a file
 * in it last changed: changes inside put the folder's times back.
 */
static void
dir_times(int dirfd, struct timespec t[2], bool restore)
{
	struct stat	 st;

	if (restore) {
		(void)futimens(dirfd, t);
		return;
	}
	if (fstat(dirfd, &st) == 0) {
		t[0] = st.st_atim;
		t[1] = st.st_mtim;
	} else
		t[0].tv_nsec = t[1].tv_nsec = UTIME_OMIT;
}

static bool
entry_hidden(const char *name, bool top)
{
	return strcmp(name, ".") == 0 || strcmp(name, "..") == 0 ||
	    strncmp(name, TMP_PREFIX, strlen(TMP_PREFIX)) == 0 ||
	    (top && strcmp(name, PRIVATE_DIR) == 0);
}

static int
entry_cmp(const void *a, const void *b)
{
	const struct disk_entry *x = a, *y = b;

	if (x->mtime != y->mtime)
		return x->mtime < y->mtime ? -1 : 1;
	return strcmp(x->name, y->name);
}

static void
list_add(struct disk_list *l, const char *name, const struct stat *st)
{
	struct disk_entry *e;

	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	e = &l->v[l->n++];
	memset(e, 0, sizeof *e);
	e->name = xstrdup(name);
	e->dir = S_ISDIR(st->st_mode);
	e->size = e->dir ? CLUSTER : (uint64_t)st->st_size;
	e->mtime = (int64_t)st->st_mtime;
}

struct list_walk {
	int		 fd;
	const char	*prefix;
	bool		 top;
	struct disk_list *l;
};

static int
list_one(const char *leaf, void *arg)
{
	struct list_walk *w = arg;
	struct stat	 st;
	char		*name;

	if (entry_hidden(leaf, w->top) ||
	    fstatat(w->fd, leaf, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
	    !(S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)))
		return 0;
	xasprintf(&name, "%s%s", w->prefix, leaf);
	list_add(w->l, name, &st);
	free(name);
	return 0;
}

/* Entries of folder fd (prefix their names with prefix), recursing. */
static void
list_dir(int fd, const char *prefix, bool top, bool recursive,
    struct disk_list *l)
{
	struct list_walk w = { fd, prefix, top, l };
	size_t		 first = l->n;

	(void)file_dir_each(fd, list_one, &w);
	/* Creation order (as a FAT directory lists), then name. */
	if (l->n > first)
		qsort(l->v + first, l->n - first, sizeof *l->v, entry_cmp);
	for (size_t i = first, end = l->n; recursive && i < end; i++) {
		char	*sub;
		int	 sfd;

		if (!l->v[i].dir)
			continue;
		sfd = openat(fd, l->v[i].name + strlen(prefix), O_RDONLY |
		    O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (sfd == -1)
			continue;
		xasprintf(&sub, "%s/", l->v[i].name);
		list_dir(sfd, sub, false, true, l);
		close(sfd);
		free(sub);
	}
}

int
device_disk_list(const struct device *dev, const char *path,
    bool recursive, struct disk_list *l)
{
	char		*copy;
	const char	*leaf;
	struct stat	 st;
	int		 fd, dfd;

	memset(l, 0, sizeof *l);
	if ((fd = walk(dev, NULL, path, &copy, &leaf)) == -1)
		return -1;
	if (leaf_stat(fd, leaf, &st) != 0)
		goto fail;
	if (!S_ISDIR(st.st_mode)) {
		/* dir of one file lists that file. */
		list_add(l, leaf, &st);
		close(fd);
		free(copy);
		return 0;
	}
	dfd = leaf == NULL ? fd : openat(fd, leaf, O_RDONLY | O_DIRECTORY |
	    O_NOFOLLOW | O_CLOEXEC);
	if (dfd == -1)
		goto fail;
	list_dir(dfd, "", leaf == NULL, recursive, l);
	if (dfd != fd)
		close(dfd);
	/* Numbers as a FAT directory's entries: stable, in list order. */
	for (size_t i = 0; i < l->n; i++)
		l->v[i].index = (unsigned)(i + 11);
	close(fd);
	free(copy);
	return 0;
fail:
	close(fd);
	free(copy);
	return -1;
}

void
disk_list_release(struct disk_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].name);
	free(l->v);
	memset(l, 0, sizeof *l);
}

int
device_disk_stat(const struct device *dev, const char *host,
    const char *path, struct disk_entry *e)
{
	char		*copy;
	const char	*leaf;
	struct stat	 st;
	int		 fd, rc = -1;

	if ((fd = walk(dev, host, path, &copy, &leaf)) == -1)
		return -1;
	if (leaf_stat(fd, leaf, &st) == 0) {
		memset(e, 0, sizeof *e);
		e->dir = S_ISDIR(st.st_mode);
		e->size = e->dir ? CLUSTER : (uint64_t)st.st_size;
		e->mtime = (int64_t)st.st_mtime;
		rc = 0;
	}
	close(fd);
	free(copy);
	return rc;
}

static uint64_t
used_bytes(const struct disk_list *l)
{
	uint64_t used = 0;

	for (size_t i = 0; i < l->n; i++)
		used += (l->v[i].size + CLUSTER - 1) / CLUSTER * CLUSTER;
	return used;
}

void
device_disk_space(const struct device *dev, uint64_t *total,
    uint64_t *avail)
{
	struct disk_list l;
	uint64_t	 used = 0;

	*total = dev->platform->flash_bytes;
	if (device_disk_list(dev, "", true, &l) == 0) {
		used = used_bytes(&l);
		disk_list_release(&l);
	}
	*avail = used < *total ? *total - used : 0;
}

int
device_disk_read(const struct device *dev, const char *host,
    const char *path, char **data, size_t *len)
{
	char		*copy, *buf = NULL;
	const char	*leaf;
	struct stat	 st;
	size_t		 got = 0;
	int		 fd, ffd = -1, rc = -1;

	*data = NULL;
	*len = 0;
	if ((fd = walk(dev, host, path, &copy, &leaf)) == -1)
		return -1;
	if (leaf == NULL) {
		errno = EISDIR;
		goto out;
	}
	ffd = openat(fd, leaf, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (ffd == -1) {
		if (errno == ELOOP)
			errno = EACCES;
		goto out;
	}
	if (fstat(ffd, &st) != 0)
		goto out;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		goto out;
	}
	if (!S_ISREG(st.st_mode) || (uint64_t)st.st_size > READ_MAX) {
		errno = EFBIG;
		goto out;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		ssize_t n = read(ffd, buf + got, (size_t)st.st_size - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	buf[got] = '\0';
	*data = buf;
	*len = got;
	rc = 0;
out:
	if (ffd != -1)
		close(ffd);
	close(fd);
	free(copy);
	return rc;
}

/* Write len bytes, leaving holes for aligned runs of zeros. */
static int
write_sparse(int fd, const char *data, size_t len)
{
	static const char zero[CLUSTER];
	size_t		 off = 0;

	while (off < len) {
		size_t	 n = len - off < CLUSTER ? len - off : CLUSTER;
		ssize_t	 w;

		if (n == CLUSTER && memcmp(data + off, zero, CLUSTER) == 0) {
			if (lseek(fd, (off_t)n, SEEK_CUR) == (off_t)-1)
				return -1;
			off += n;
			continue;
		}
		w = write(fd, data + off, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		off += (size_t)w;
	}
	return ftruncate(fd, (off_t)len);
}

int
device_disk_write(const struct device *dev, const char *host,
    const char *path, const char *data, size_t len)
{
	char		*copy, *tmp = NULL;
	const char	*leaf;
	struct stat	 st;
	uint64_t	 total, avail, oldsz = 0;
	struct timespec	 dt[2];
	int		 fd, ffd, rc = -1, saved;

	if ((fd = walk(dev, host, path, &copy, &leaf)) == -1)
		return -1;
	if (leaf == NULL) {
		errno = EISDIR;
		goto out;
	}
	if (fstatat(fd, leaf, &st, AT_SYMLINK_NOFOLLOW) == 0) {
		if (S_ISDIR(st.st_mode) || S_ISLNK(st.st_mode)) {
			errno = S_ISDIR(st.st_mode) ? EISDIR : EACCES;
			goto out;
		}
		oldsz = (uint64_t)st.st_size;
	}
	if (host == NULL) {
		device_disk_space(dev, &total, &avail);
		oldsz = (oldsz + CLUSTER - 1) / CLUSTER * CLUSTER;
		if ((uint64_t)len > avail + oldsz) {
			errno = ENOSPC;
			goto out;
		}
	}
	dir_times(fd, dt, false);
	xasprintf(&tmp, "%s%d", TMP_PREFIX, (int)getpid());
	ffd = openat(fd, tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW |
	    O_CLOEXEC, 0644);
	if (ffd == -1)
		goto out;
	if (write_sparse(ffd, data, len) != 0 || fsync(ffd) != 0) {
		saved = errno;
		close(ffd);
		unlinkat(fd, tmp, 0);
		errno = saved;
		goto out;
	}
	if (close(ffd) != 0 || renameat(fd, tmp, fd, leaf) != 0) {
		saved = errno;
		unlinkat(fd, tmp, 0);
		errno = saved;
		goto out;
	}
	fsync(fd);
	stamp(dev, fd, leaf);
	dir_times(fd, dt, true);
	rc = 0;
out:
	free(tmp);
	close(fd);
	free(copy);
	return rc;
}

/*
 * Remove the file (dir false) or empty folder (dir true) at path, keeping
 * the folder's times but for the change; errno as rm and rmdir give it.
 */
static int
remove_entry(const struct device *dev, const char *path, bool dir)
{
	char		*copy;
	const char	*leaf;
	struct stat	 st;
	struct timespec	 dt[2];
	int		 fd, rc = -1;

	if ((fd = walk(dev, NULL, path, &copy, &leaf)) == -1)
		return -1;
	if (leaf == NULL)
		errno = dir ? EBUSY : EISDIR;
	else if (leaf_stat(fd, leaf, &st) == 0) {
		if (S_ISDIR(st.st_mode) != dir)
			errno = dir ? ENOTDIR : EISDIR;
		else {
			dir_times(fd, dt, false);
			if ((rc = unlinkat(fd, leaf, dir ? AT_REMOVEDIR : 0)) ==
			    0)
				dir_times(fd, dt, true);
		}
	}
	close(fd);
	free(copy);
	return rc;
}

int
device_disk_remove(const struct device *dev, const char *path)
{
	return remove_entry(dev, path, false);
}

int
device_disk_mkdir(const struct device *dev, const char *path)
{
	char		*copy;
	const char	*leaf;
	struct timespec	 dt[2];
	int		 fd, rc = -1;

	if ((fd = walk(dev, NULL, path, &copy, &leaf)) == -1)
		return -1;
	if (leaf == NULL)
		errno = EEXIST;
	else {
		dir_times(fd, dt, false);
		if ((rc = mkdirat(fd, leaf, 0755)) == 0) {
			stamp(dev, fd, leaf);
			dir_times(fd, dt, true);
		}
	}
	close(fd);
	free(copy);
	return rc;
}

int
device_disk_rmdir(const struct device *dev, const char *path)
{
	int	 rc = remove_entry(dev, path, true);

	if (rc != 0 && errno == EEXIST)
		errno = ENOTEMPTY;
	return rc;
}

int
device_disk_rename(const struct device *dev, const char *from,
    const char *to)
{
	char		*c1 = NULL, *c2 = NULL;
	const char	*l1, *l2;
	struct stat	 st;
	struct timespec	 t1[2], t2[2];
	int		 f1, f2 = -1, rc = -1;

	if ((f1 = walk(dev, NULL, from, &c1, &l1)) == -1)
		return -1;
	if ((f2 = walk(dev, NULL, to, &c2, &l2)) == -1)
		goto out;
	if (l1 == NULL || l2 == NULL) {
		errno = EBUSY;
		goto out;
	}
	if (leaf_stat(f1, l1, &st) != 0)
		goto out;
	if (fstatat(f2, l2, &st, AT_SYMLINK_NOFOLLOW) == 0) {
		errno = EEXIST;
		goto out;
	}
	dir_times(f1, t1, false);
	dir_times(f2, t2, false);
	if ((rc = renameat(f1, l1, f2, l2)) == 0) {
		dir_times(f1, t1, true);
		dir_times(f2, t2, true);
	}
out:
	if (f2 != -1)
		close(f2);
	close(f1);
	free(c1);
	free(c2);
	return rc;
}

int
device_disk_md5(const struct device *dev, const char *path,
    unsigned char md[16])
{
	char		*data;
	size_t		 len;
	MD5_CTX		 c;

	if (device_disk_read(dev, NULL, path, &data, &len) != 0)
		return -1;
	MD5Init(&c);
	MD5Update(&c, (const unsigned char *)data, len);
	MD5Final(md, &c);
	free(data);
	return 0;
}

const char *
device_lab_dir(const struct device *dev)
{
	if (dev->lab != NULL)
		return lab_dir(dev->lab);
	return dev->labdir != NULL ? dev->labdir : dev->flash;
}
