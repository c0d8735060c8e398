/* SPDX-License-Identifier: MIT */
/*
 * The attach protocol: small framed messages over the device's UNIX
 * socket, the terminal's descriptors riding on the first one (SCM_RIGHTS),
 * as tmux's client hands its terminal to the server. The device does all
 * terminal work on them; this side only waits, relays window changes and
 * hang-ups, and restores the terminal however the device ends.
 */
#include "shell/shell.h"

#include <assert.h>
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "shell/shell_int.h"

int
attach_send(int fd, uint32_t type, const void *data, size_t len,
    const int *fds, size_t nfds)
{
	struct attach_hdr	 h = { .type = type, .len = (uint32_t)len };
	struct iovec		 iov[2];
	struct msghdr		 m;
	char			 cbuf[CMSG_SPACE(2 * sizeof(int))];
	ssize_t			 n;

	assert(len <= ATTACH_MSG_MAX && nfds <= 2);
	memset(&m, 0, sizeof m);
	iov[0].iov_base = &h;
	iov[0].iov_len = sizeof h;
	iov[1].iov_base = (void *)data;
	iov[1].iov_len = len;
	m.msg_iov = iov;
	m.msg_iovlen = len > 0 ? 2 : 1;
	if (nfds > 0) {
		struct cmsghdr *c;

		memset(cbuf, 0, sizeof cbuf);
		m.msg_control = cbuf;
		m.msg_controllen = CMSG_SPACE(nfds * sizeof(int));
		c = CMSG_FIRSTHDR(&m);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(nfds * sizeof(int));
		memcpy(CMSG_DATA(c), fds, nfds * sizeof(int));
	}
	do
		n = sendmsg(fd, &m, MSG_NOSIGNAL);
	while (n == -1 && errno == EINTR);
	if (n != (ssize_t)(sizeof h + len)) {
		if (n >= 0)
			errno = EPIPE;
		return -1;
	}
	return 0;
}

/* The descriptors of a control message, closed when unexpected. */
static size_t
take_fds(struct msghdr *m, int *fds, size_t max)
{
	size_t	 n = 0;

	for (struct cmsghdr *c = CMSG_FIRSTHDR(m); c != NULL;
	    c = CMSG_NXTHDR(m, c)) {
		size_t k;
		int    v[4];

		if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
			continue;
		k = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		if (k > 4)
			k = 4;
		memcpy(v, CMSG_DATA(c), k * sizeof(int));
		for (size_t i = 0; i < k; i++) {
			if (n < max)
				fds[n++] = v[i];
			else
				close(v[i]);
		}
	}
	return n;
}

/* Read exactly len bytes; waits through fiber_wait (a fiber or poll). */
static int
read_full(int fd, void *buf, size_t len)
{
	char	*p = buf;

	while (len > 0) {
		ssize_t n = read(fd, p, len);

		if (n == 0)
			return -1;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno != EAGAIN)
				return -1;
			if (fiber_wait(fd, POLLIN, 5000) <= 0)
				return -1;
			continue;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int
attach_recv(int fd, struct attach_msg *msg)
{
	struct attach_hdr	 h;
	struct iovec		 iov = { .iov_base = &h, .iov_len = sizeof h };
	struct msghdr		 m;
	char			 cbuf[CMSG_SPACE(4 * sizeof(int))];
	ssize_t			 n;

	memset(msg, 0, sizeof *msg);
	memset(&m, 0, sizeof m);
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = cbuf;
	m.msg_controllen = sizeof cbuf;
	do
		n = recvmsg(fd, &m, MSG_CMSG_CLOEXEC | MSG_WAITALL);
	while (n == -1 && errno == EINTR);
	if (n <= 0)
		return n == 0 ? 0 : -1;
	msg->nfds = take_fds(&m, msg->fds, 2);
	if (n != (ssize_t)sizeof h || (m.msg_flags & MSG_CTRUNC) ||
	    h.len > ATTACH_MSG_MAX) {
		attach_msg_release(msg);
		errno = EPROTO;
		return -1;
	}
	msg->type = h.type;
	msg->len = h.len;
	if (h.len > 0 && read_full(fd, msg->data, h.len) != 0) {
		attach_msg_release(msg);
		errno = EPROTO;
		return -1;
	}
	msg->data[h.len] = '\0';
	return 1;
}

void
attach_msg_release(struct attach_msg *msg)
{
	for (size_t i = 0; i < msg->nfds; i++)
		close(msg->fds[i]);
	msg->nfds = 0;
}

int
attach_connect(const char *path)
{
	struct sockaddr_un	 sun;
	int			 fd;

	memset(&sun, 0, sizeof sun);
	sun.sun_family = AF_UNIX;
	if (strlen(path) >= sizeof sun.sun_path) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(sun.sun_path, path);
	/* No socket file, no device: a lookup costs less than a socket. */
	if (access(path, F_OK) != 0 && errno == ENOENT) {
		errno = ECONNREFUSED;
		return -1;
	}
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1)
		return -1;
	if (connect(fd, (struct sockaddr *)&sun, sizeof sun) != 0) {
		int saved = errno;

		close(fd);
		errno = saved == ENOENT ? ECONNREFUSED : saved;
		return -1;
	}
	return fd;
}

bool
attach_running(const char *path)
{
	int	 fd = attach_connect(path);

	if (fd == -1)
		return false;
	close(fd);
	return true;
}
