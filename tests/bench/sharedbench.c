/* SPDX-License-Identifier: MIT */
/*
 * asaemu-sharedbench SOCKET SECRET N SECONDS [PID]: N shared licensing
 * participants in one process (licensing/SHARED.md) against the server
 * listening at the lab endpoint SOCKET (LAB/net/A.B.C.D:PORT). Each
 * connects over TLS, proves the secret and registers; then each asks
 * for 50 sessions (GET) and the time to its GRANT is taken; then for
 * SECONDS every participant refreshes at the interval the server gave,
 * spread evenly, while the server's CPU time (/proc/PID/stat) and
 * memory (/proc/PID/smaps_rollup) are read. Prints the figures.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/ssl.h>

#define EKM_LABEL	"EXPORTER-asaemu-shared"

struct part {
	int		 fd;
	SSL		*ssl;
	unsigned char	 in[2 + 1024];
	size_t		 inlen;
	double		 asked;		/* when GET went, 0: not waiting */
	double		 next;		/* the next refresh */
};

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
die(const char *what)
{
	fprintf(stderr, "asaemu-sharedbench: %s\n", what);
	ERR_print_errors_fp(stderr);
	exit(1);
}

static void
send_msg(struct part *p, const char *text)
{
	unsigned char	 buf[2 + 1024];
	size_t		 n = strlen(text);

	buf[0] = (unsigned char)(n >> 8);
	buf[1] = (unsigned char)n;
	memcpy(buf + 2, text, n);
	if (SSL_write(p->ssl, buf, (int)(n + 2)) != (int)(n + 2))
		die("write");
}

/* One whole message into out (blocking while the socket is). */
static int
recv_msg(struct part *p, char *out)
{
	size_t	 need;
	int	 n;

	for (;;) {
		if (p->inlen >= 2) {
			need = 2 + ((size_t)p->in[0] << 8 | p->in[1]);
			if (p->inlen >= need) {
				memcpy(out, p->in + 2, need - 2);
				out[need - 2] = '\0';
				memmove(p->in, p->in + need, p->inlen - need);
				p->inlen -= need;
				return 1;
			}
		}
		n = SSL_read(p->ssl, p->in + p->inlen,
		    (int)(sizeof p->in - p->inlen));
		if (n <= 0) {
			if (SSL_get_error(p->ssl, n) == SSL_ERROR_WANT_READ)
				return 0;
			die("read: the server closed");
		}
		p->inlen += (size_t)n;
	}
}

static void
hexstr(const unsigned char *b, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", b[i]);
}

/* Connect, register as participant i; the refresh interval. */
static unsigned
join(struct part *p, SSL_CTX *ctx, const char *path, const char *secret,
    int i)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	unsigned char	 ekm[32], mac[EVP_MAX_MD_SIZE], data[15 + 32 + 64];
	char		 msg[1100], nonce[64], proof[65], *s;
	unsigned	 refresh = 0, maclen = 0;

	snprintf(sun.sun_path, sizeof sun.sun_path, "%s", path);
	if ((p->fd = socket(AF_UNIX, SOCK_STREAM, 0)) == -1 ||
	    connect(p->fd, (struct sockaddr *)&sun, sizeof sun) == -1)
		die("connect");
	p->ssl = SSL_new(ctx);
	SSL_set_fd(p->ssl, p->fd);
	if (SSL_connect(p->ssl) != 1)
		die("TLS");
	recv_msg(p, msg);
	if ((s = strstr(msg, "nonce=")) == NULL)
		die("no HELLO");
	snprintf(nonce, sizeof nonce, "%s", s + 6);
	if (SSL_export_keying_material(p->ssl, ekm, sizeof ekm, EKM_LABEL,
	    strlen(EKM_LABEL), NULL, 0, 0) != 1)
		die("EKM");
	memcpy(data, "asaemu-shared-p", 15);
	memcpy(data + 15, ekm, sizeof ekm);
	memcpy(data + 15 + sizeof ekm, nonce, strlen(nonce));
	HMAC(EVP_sha256(), secret, (int)strlen(secret), data,
	    15 + sizeof ekm + strlen(nonce), mac, &maclen);
	hexstr(mac, 32, proof);
	snprintf(msg, sizeof msg, "REGISTER v=1 id=BENCH%05d host=bench%d "
	    "model=ASA5520 local=0 limit=750 addr=10.1.%d.%d proof=%s", i, i,
	    2 + i / 250, 1 + i % 250, proof);
	send_msg(p, msg);
	recv_msg(p, msg);
	if (strncmp(msg, "WELCOME ", 8) != 0 ||
	    (s = strstr(msg, "refresh=")) == NULL)
		die("not welcome");
	refresh = (unsigned)atoi(s + 8);
	fcntl(p->fd, F_SETFL, fcntl(p->fd, F_GETFL) | O_NONBLOCK);
	return refresh;
}

/* utime + stime of pid, seconds; -1 without it. */
static double
cpu_of(long pid)
{
	char	 path[64], buf[1024], *s;
	unsigned long ut, st;
	FILE	*f;

	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	if (pid <= 0 || (f = fopen(path, "r")) == NULL)
		return -1;
	s = fgets(buf, sizeof buf, f);
	fclose(f);
	if (s == NULL || (s = strrchr(buf, ')')) == NULL || sscanf(s + 2,
	    "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut,
	    &st) != 2)
		return -1;
	return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
}

static long
kib_of(long pid, const char *field)
{
	char	 path[64], line[256];
	long	 v = -1;
	FILE	*f;

	snprintf(path, sizeof path, "/proc/%ld/smaps_rollup", pid);
	if (pid <= 0 || (f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (strncmp(line, field, strlen(field)) == 0)
			v = atol(line + strlen(field));
	fclose(f);
	return v;
}

static int
cmp_double(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Read what came on every ready participant; GRANTs end a wait. */
static size_t
pump(struct part *v, struct pollfd *pfd, int n, int ms, double *lat,
    size_t nlat)
{
	char	 msg[1100];

	for (int i = 0; i < n; i++)
		pfd[i] = (struct pollfd){ .fd = v[i].fd, .events = POLLIN };
	if (poll(pfd, (nfds_t)n, ms) <= 0)
		return nlat;
	for (int i = 0; i < n; i++) {
		if (!(pfd[i].revents & POLLIN) && SSL_pending(v[i].ssl) == 0)
			continue;
		while (recv_msg(&v[i], msg) == 1) {
			if (strncmp(msg, "GRANT ", 6) != 0)
				continue;
			if (v[i].asked > 0)
				lat[nlat++] = now() - v[i].asked;
			v[i].asked = 0;
		}
	}
	return nlat;
}

int
main(int argc, char **argv)
{
	struct part	*v;
	struct pollfd	*pfd;
	double		*lat, t0, end, cpu0, cpu1, t1;
	unsigned	 refresh = 10;
	size_t		 nlat = 0, refreshes = 0;
	long		 pid;
	int		 n, secs;
	SSL_CTX		*ctx;

	if (argc < 5)
		die("usage: SOCKET SECRET N SECONDS [PID]");
	n = atoi(argv[3]);
	secs = atoi(argv[4]);
	pid = argc > 5 ? atol(argv[5]) : 0;
	if ((ctx = SSL_CTX_new(TLS_client_method())) == NULL)
		die("TLS context");
	SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
	v = calloc((size_t)n, sizeof *v);
	pfd = calloc((size_t)n, sizeof *pfd);
	lat = calloc((size_t)n, sizeof *lat);
	t0 = now();
	for (int i = 0; i < n; i++)
		refresh = join(&v[i], ctx, argv[1], argv[2], i);
	printf("  %d participants registered in %.2f s (TLS, proof, "
	    "REGISTER, WELCOME; refresh %u s)\n", n, now() - t0, refresh);
	/* Demand to grant, one participant at a time (nothing else queued). */
	for (int i = 0; i < n; i++) {
		v[i].asked = now();
		send_msg(&v[i], "GET want=50");
		while (v[i].asked > 0)
			nlat = pump(v, pfd, n, 1000, lat, nlat);
	}
	qsort(lat, nlat, sizeof *lat, cmp_double);
	if (nlat > 0)
		printf("  demand to grant (GET to GRANT): median %.3f ms, "
		    "p99 %.3f ms, max %.3f ms\n", lat[nlat / 2] * 1e3,
		    lat[nlat * 99 / 100] * 1e3, lat[nlat - 1] * 1e3);
	/* Steady state: a REFRESH each interval from each, spread evenly. */
	t1 = now();
	for (int i = 0; i < n; i++)
		v[i].next = t1 + (double)refresh * i / n;
	cpu0 = cpu_of(pid);
	end = t1 + secs;
	while (now() < end) {
		double	 t = now();

		for (int i = 0; i < n; i++) {
			if (v[i].next > t)
				continue;
			send_msg(&v[i], "REFRESH want=50 usage=50");
			v[i].next += refresh;
			refreshes++;
		}
		nlat = pump(v, pfd, n, 5, lat, 0);
	}
	cpu1 = cpu_of(pid);
	printf("  %zu refreshes in %d s (%.0f/s)\n", refreshes, secs,
	    refreshes / (double)secs);
	if (cpu0 >= 0 && cpu1 >= 0)
		printf("  server CPU: %.1f%% of a core (goal: under 20%%)\n",
		    (cpu1 - cpu0) * 100 / (now() - t1));
	if (pid > 0)
		printf("  server memory: RSS %ld KiB, PSS %ld KiB\n",
		    kib_of(pid, "Rss:"), kib_of(pid, "Pss:"));
	for (int i = 0; i < n; i++) {
		SSL_free(v[i].ssl);
		close(v[i].fd);
	}
	SSL_CTX_free(ctx);
	free(v);
	free(pfd);
	free(lat);
	return 0;
}
