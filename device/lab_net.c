/* SPDX-License-Identifier: MIT */
/*
 * The lab folder and its simulated network: an endpoint (interface IPv4
 * address and TCP port) that a device listens on is the UNIX stream socket
 * LAB/net/A.B.C.D:PORT. Nobody listening is a refused connection; a killed
 * process leaves a stale socket file that the next listener replaces.
 */
#include "device/lab.h"

#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/util.h"

#define LAB_NET_DIR	"net"
#define LAB_NET_LOCK	".lock"		/* serialises stale-file checks */
#define LAB_ATTACH_SOCK	".private/attach.sock"

/* A socket this lab bound, so unlisten unlinks only its own file. */
struct lab_listener {
	int	 fd;
	dev_t	 dev;			/* of the socket file at bind */
	ino_t	 ino;
	char	*path;			/* owned */
};

struct lab {
	char			*dir;	/* owned */
	struct lab_listener	*ls;	/* owned, nls entries */
	size_t			 nls;
};

static int
mkdir_p(const char *dir, mode_t mode)
{
	char	*p = xstrdup(dir);
	int	 rc = 0;

	for (char *s = p + 1; *s != '\0' && rc == 0; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, mode) != 0 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	if (rc == 0 && mkdir(p, mode) != 0 && errno != EEXIST)
		rc = -1;
	free(p);
	return rc;
}

static int
make_dir(const char *dir, char **cause)
{
	struct stat	 sb;

	if (mkdir_p(dir, 0700) != 0 || stat(dir, &sb) != 0) {
		xasprintf(cause, "cannot create lab %s: %s", dir,
		    strerror(errno));
		return -1;
	}
	if (!S_ISDIR(sb.st_mode)) {
		xasprintf(cause, "cannot create lab %s: %s", dir,
		    strerror(ENOTDIR));
		return -1;
	}
	return 0;
}

struct lab *
lab_open(const char *dir, char **cause)
{
	struct lab	*lab;
	char		*net;
	int		 rc;

	if (make_dir(dir, cause) != 0)
		return NULL;
	xasprintf(&net, "%s/%s", dir, LAB_NET_DIR);
	rc = make_dir(net, cause);
	free(net);
	if (rc != 0)
		return NULL;
	lab = xcalloc(1, sizeof *lab);
	lab->dir = xstrdup(dir);
	return lab;
}

void
lab_free(struct lab *lab)
{
	if (lab == NULL)
		return;
	while (lab->nls > 0)
		lab_unlisten(lab, lab->ls[lab->nls - 1].fd);
	free(lab->ls);
	free(lab->dir);
	free(lab);
}

const char *
lab_dir(const struct lab *lab)
{
	return lab->dir;
}

char *
lab_default_dir(void)
{
	const char	*state = getenv("XDG_STATE_HOME");
	const char	*home = getenv("HOME");
	char		*path;

	if (state != NULL && *state == '/')
		xasprintf(&path, "%s/asaemu", state);
	else
		xasprintf(&path, "%s/.local/state/asaemu",
		    home != NULL ? home : ".");
	return path;
}

void
lab_addr_format(uint32_t ip, uint16_t port, char *buf, size_t len)
{
	snprintf(buf, len, "%u.%u.%u.%u:%u", (unsigned)(ip >> 24) & 0xff,
	    (unsigned)(ip >> 16) & 0xff, (unsigned)(ip >> 8) & 0xff,
	    (unsigned)ip & 0xff, (unsigned)port);
}

/* The socket address of path; -1 with ENAMETOOLONG when it is too long. */
static int
sun_fill(struct sockaddr_un *sun, const char *path)
{
	memset(sun, 0, sizeof *sun);
	sun->sun_family = AF_UNIX;
	if (strlen(path) >= sizeof sun->sun_path) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(sun->sun_path, path, strlen(path) + 1);
	return 0;
}

static int
endpoint_addr(const struct lab *lab, uint32_t ip, uint16_t port,
    struct sockaddr_un *sun)
{
	char	 name[32];
	char	*path;
	int	 rc;

	lab_addr_format(ip, port, name, sizeof name);
	xasprintf(&path, "%s/%s/%s", lab->dir, LAB_NET_DIR, name);
	rc = sun_fill(sun, path);
	free(path);
	return rc;
}

static int
stream_socket(void)
{
	return socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
}

/* Close fd on an error path, keeping errno. */
static void
close_errno(int fd)
{
	int	 saved = errno;

	close(fd);
	errno = saved;
}

/* Connect to a socket file: the fd, or -1 with errno (ENOENT mapped). */
static int
sun_connect(const struct sockaddr_un *sun)
{
	int	 fd;

	if ((fd = stream_socket()) == -1)
		return -1;
	if (connect(fd, (const struct sockaddr *)sun, sizeof *sun) == 0)
		return fd;
	if (errno == ENOENT)
		errno = ECONNREFUSED;
	close_errno(fd);
	return -1;
}

/* Whether something accepts on the socket file (a full backlog counts). */
static int
sun_live(const struct sockaddr_un *sun)
{
	int	 fd = sun_connect(sun);

	if (fd != -1) {
		close(fd);
		return 1;
	}
	return errno == EAGAIN;
}

/* Lock the lab's network folder; the lock fd, or -1 with errno. */
static int
net_lock(const struct lab *lab)
{
	char	*path;
	int	 fd;

	xasprintf(&path, "%s/%s/%s", lab->dir, LAB_NET_DIR, LAB_NET_LOCK);
	fd = file_lock(path);
	free(path);
	return fd;
}

/* Bind fd to sun, replacing a stale socket file; 0 or -1 with errno. */
static int
bind_replacing(int fd, const struct sockaddr_un *sun)
{
	const struct sockaddr	*sa = (const struct sockaddr *)sun;

	if (bind(fd, sa, sizeof *sun) == 0)
		return 0;
	if (errno != EADDRINUSE)
		return -1;
	if (sun_live(sun)) {
		errno = EADDRINUSE;
		return -1;
	}
	if (unlink(sun->sun_path) != 0 && errno != ENOENT)
		return -1;
	return bind(fd, sa, sizeof *sun);
}

int
lab_listen(struct lab *lab, uint32_t ip, uint16_t port)
{
	struct sockaddr_un	 sun;
	struct lab_listener	*l;
	struct stat		 sb;
	int			 fd, lock;

	if (endpoint_addr(lab, ip, port, &sun) != 0)
		return -1;
	if ((fd = stream_socket()) == -1)
		return -1;
	if ((lock = net_lock(lab)) == -1)
		goto fail;
	if (bind_replacing(fd, &sun) != 0 || stat(sun.sun_path, &sb) != 0 ||
	    listen(fd, SOMAXCONN) != 0) {
		close_errno(lock);
		goto fail;
	}
	close(lock);
	lab->ls = xreallocarray(lab->ls, lab->nls + 1, sizeof *lab->ls);
	l = &lab->ls[lab->nls++];
	l->fd = fd;
	l->dev = sb.st_dev;
	l->ino = sb.st_ino;
	l->path = xstrdup(sun.sun_path);
	return fd;

fail:
	close_errno(fd);
	return -1;
}

void
lab_unlisten(struct lab *lab, int fd)
{
	struct lab_listener	*l = NULL;
	struct stat		 sb;
	int			 lock;

	for (size_t i = 0; i < lab->nls; i++) {
		if (lab->ls[i].fd == fd)
			l = &lab->ls[i];
	}
	if (l != NULL) {
		/* Under the lock nobody replaces the file between stat and
		 * unlink; without it, leaving the file is the safe side. */
		if ((lock = net_lock(lab)) != -1) {
			if (stat(l->path, &sb) == 0 && sb.st_dev == l->dev &&
			    sb.st_ino == l->ino)
				unlink(l->path);
			close(lock);
		}
		free(l->path);
		*l = lab->ls[--lab->nls];
	}
	close(fd);
}

int
lab_connect(struct lab *lab, uint32_t ip, uint16_t port)
{
	struct sockaddr_un	 sun;

	if (endpoint_addr(lab, ip, port, &sun) != 0)
		return -1;
	return sun_connect(&sun);
}

int
lab_accept(int listen_fd)
{
	int	 fd, flags;

	/* accept4 is a GNU extension; the device is single-threaded, so
	 * nothing execs between accept and FD_CLOEXEC. */
	do
		fd = accept(listen_fd, NULL, NULL);
	while (fd == -1 && errno == EINTR);
	if (fd == -1) {
		if (errno == EWOULDBLOCK)
			errno = EAGAIN;
		return -1;
	}
	if ((flags = fcntl(fd, F_GETFL)) == -1 ||
	    fcntl(fd, F_SETFL, flags | O_NONBLOCK) == -1 ||
	    fcntl(fd, F_SETFD, FD_CLOEXEC) == -1) {
		close_errno(fd);
		return -1;
	}
	return fd;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether LAB/name/.private/attach.sock is served by a running device. */
static int
device_live(const struct lab *lab, const char *name)
{
	struct sockaddr_un	 sun;
	char			*path;
	int			 rc;

	xasprintf(&path, "%s/%s/%s", lab->dir, name, LAB_ATTACH_SOCK);
	rc = sun_fill(&sun, path) == 0 && sun_live(&sun);
	free(path);
	return rc;
}

char **
lab_devices(const struct lab *lab, size_t *n)
{
	DIR		*d;
	struct dirent	*de;
	char		**names = NULL;

	*n = 0;
	if ((d = opendir(lab->dir)) == NULL)
		return NULL;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' || !device_live(lab, de->d_name))
			continue;
		names = xreallocarray(names, *n + 1, sizeof *names);
		names[(*n)++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (*n > 1)
		qsort(names, *n, sizeof *names, name_cmp);
	return names;
}

void
lab_names_free(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

uint32_t *
lab_listeners(const struct lab *lab, uint16_t port, uint32_t net,
    uint32_t mask, size_t *n)
{
	DIR		*d;
	struct dirent	*de;
	uint32_t	*v = NULL;
	char		*dir;

	*n = 0;
	xasprintf(&dir, "%s/%s", lab->dir, LAB_NET_DIR);
	d = opendir(dir);
	free(dir);
	if (d == NULL)
		return NULL;
	while ((de = readdir(d)) != NULL) {
		unsigned a, b, c, e, p;
		char	 tail;
		uint32_t ip;

		/* A.B.C.D:PORT and nothing after (not the lock). */
		if (sscanf(de->d_name, "%u.%u.%u.%u:%u%c", &a, &b, &c, &e, &p,
		    &tail) != 5 || a > 255 || b > 255 || c > 255 || e > 255 ||
		    p != port)
			continue;
		ip = (uint32_t)a << 24 | (uint32_t)b << 16 | (uint32_t)c << 8 |
		    (uint32_t)e;
		if ((ip & mask) != (net & mask))
			continue;
		v = xreallocarray(v, *n + 1, sizeof *v);
		v[(*n)++] = ip;
	}
	closedir(d);
	return v;
}
