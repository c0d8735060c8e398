/* SPDX-License-Identifier: MIT */
/*
 * Software images: asaemu's stand-in for Cisco's asa847-k8.bin and
 * asdm-647.bin. An image is a 4096-byte text header, then a body of
 * zeros to the size of the real image (a sparse file, so it costs no
 * disk):
 *
 *   ASAEMU-IMAGE 1
 *   kind: asa                 (or asdm)
 *   version: 8.4(7)
 *   build: k8                 (or smp-k8)
 *   size: 25159680
 *   digest: <MD5 of the body's non-zero 4 KiB blocks and their offsets>
 *   check: <MD5 of the lines above>
 *
 * "check" catches a damaged header, "size" a truncated or grown file,
 * "digest" a damaged body: for a sparse body it is read without reading
 * the holes, so a boot checks an image in well under a millisecond.
 * Names follow Cisco's rule (nccgroup asadb image list, [V]):
 * asa<major><minor><maint>[-<interim>][-smp]-k8.bin; sizes are near the
 * real images' ([M]).
 */
#define _GNU_SOURCE			/* SEEK_DATA, SEEK_HOLE */

#include "device/device.h"
#include "device/boot.h"

#include <errno.h>
#include <fcntl.h>
#include <md5.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/util.h"

#define HEADER_LEN	4096u
#define BLOCK		4096u
_Static_assert(BLOCK <= HEADER_LEN, "a block reads into the header's buffer");
#define MAGIC		"ASAEMU-IMAGE 1\n"

/* Body bytes of each release train [M: near the real images]. */
static const struct {
	uint32_t	 train;		/* LIC_VERSION(major, minor, 0, 0) */
	uint32_t	 k8, smp;	/* 0: no such build */
} sizes[] = {
	{ LIC_VERSION(8, 0, 0, 0), 14524416, 0 },
	{ LIC_VERSION(8, 1, 0, 0), 0, 23007232 },
	{ LIC_VERSION(8, 2, 0, 0), 15900672, 28246016 },
	{ LIC_VERSION(8, 3, 0, 0), 23990272, 31238144 },
	{ LIC_VERSION(8, 4, 0, 0), 25159680, 32411648 },
	{ LIC_VERSION(8, 5, 0, 0), 0, 36227072 },
	{ LIC_VERSION(8, 6, 0, 0), 0, 37027840 },
	{ LIC_VERSION(8, 7, 0, 0), 0, 37519360 },
	{ LIC_VERSION(9, 0, 0, 0), 26417152, 38080512 },
	{ LIC_VERSION(9, 1, 0, 0), 27113472, 38821888 },
};

static int
train_of(uint32_t v)
{
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
		if (sizes[i].train == (v & 0xffff0000u))
			return (int)i;
	return -1;
}

char *
image_name(enum image_kind kind, uint32_t v, bool smp, char *buf,
    size_t len)
{
	char	 interim[16] = "";

	if ((v & 0xff) != 0)
		snprintf(interim, sizeof interim, "-%u", v & 0xff);
	if (kind == IMAGE_ASDM)
		snprintf(buf, len, "asdm-%u%u%u%s.bin", v >> 24,
		    (v >> 16) & 0xff, (v >> 8) & 0xff, interim);
	else
		snprintf(buf, len, "asa%u%u%u%s-%sk8.bin", v >> 24,
		    (v >> 16) & 0xff, (v >> 8) & 0xff, interim,
		    smp ? "smp-" : "");
	return buf;
}

/* MD5 over the body's non-zero blocks, each after its offset. */
static void
digest_feed(MD5_CTX *c, const char *block, size_t n, uint64_t off)
{
	static const char zero[BLOCK];
	unsigned char	 le[8];

	if (n == BLOCK && memcmp(block, zero, BLOCK) == 0)
		return;
	if (n < BLOCK && memcmp(block, zero, n) == 0)
		return;
	for (int i = 0; i < 8; i++)
		le[i] = (unsigned char)(off >> (8 * i));
	MD5Update(c, le, sizeof le);
	MD5Update(c, (const unsigned char *)block, n);
}

static void
md5_hex(const void *data, size_t len, char out[33])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char	 md[MD5_DIGEST_LENGTH];
	MD5_CTX		 c;

	MD5Init(&c);
	MD5Update(&c, data, len);
	MD5Final(md, &c);
	for (unsigned i = 0; i < 16; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 0xf];
	}
	out[32] = '\0';
}

static int
hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* 32 hexadecimal digits into 16 bytes; a byte not in hex is 0. */
static void
hex_to(const char *hex, unsigned char out[16])
{
	for (int i = 0; i < 16; i++) {
		int	 hi = hex_digit(hex[2 * i]);
		int	 lo = hex_digit(hex[2 * i + 1]);

		out[i] = (unsigned char)(hi < 0 ? 0 :
		    lo < 0 ? hi : 16 * hi + lo);
	}
}

int
image_make(enum image_kind kind, uint32_t v, bool smp, char **data,
    size_t *len)
{
	struct strbuf	 sb;
	MD5_CTX		 c;
	unsigned char	 md[MD5_DIGEST_LENGTH];
	char		 ver[32], dig[33], chk[33];
	int		 t = train_of(v);
	uint64_t	 body;

	if (kind == IMAGE_ASDM) {
		/* ASDM 5.x to 7.x: about 10 MB growing to 25 MB. */
		if ((v >> 24) < 5 || (v >> 24) > 7)
			return -1;
		body = 6000000u + ((v >> 24) - 5) * 6500000u +
		    ((v >> 16) & 0xff) * 1100000u;
		body = body / BLOCK * BLOCK;
	} else if (t < 0)
		return -1;
	else
		body = smp ? sizes[t].smp : sizes[t].k8;
	if (body == 0)
		return -1;
	/* Each maintenance release and interim a little larger. */
	body += ((v >> 8) & 0xff) * 28672u + (v & 0xff) * 4096u;
	MD5Init(&c);
	MD5Final(md, &c);
	for (unsigned i = 0; i < 16; i++)
		snprintf(dig + 2 * i, 3, "%02x", md[i]);
	strbuf_init(&sb, HEADER_LEN);
	strbuf_printf(&sb, MAGIC "kind: %s\nversion: %s\nbuild: %s\n"
	    "size: %llu\ndigest: %s\n", kind == IMAGE_ASDM ? "asdm" : "asa",
	    lic_version_format(v, ver, sizeof ver), smp ? "smp-k8" : "k8",
	    (unsigned long long)(HEADER_LEN + body), dig);
	md5_hex(sb.buf, sb.len, chk);
	strbuf_printf(&sb, "check: %s\n", chk);
	*len = HEADER_LEN + (size_t)body;
	*data = xcalloc(1, *len);
	memcpy(*data, sb.buf, sb.len);
	strbuf_release(&sb);
	return 0;
}

/* The value of "name: " in the header, up to its newline, into buf. */
static int
field(const char *hdr, const char *name, char *buf, size_t len)
{
	char		 key[32];
	const char	*p, *nl;

	snprintf(key, sizeof key, "\n%s: ", name);
	if ((p = strstr(hdr, key)) == NULL)
		return -1;
	p += strlen(key);
	if ((nl = strchr(p, '\n')) == NULL || (size_t)(nl - p) >= len)
		return -1;
	memcpy(buf, p, (size_t)(nl - p));
	buf[nl - p] = '\0';
	return 0;
}

/*
 * Parse and check the header, text: its HEADER_LEN bytes and a NUL (len:
 * the file's length).
 */
static enum image_err
header_parse(const char *text, uint64_t len, struct image_info *info)
{
	char		 val[64], chk[33];
	const char	*c;
	unsigned long long size;

	memset(info, 0, sizeof *info);
	if (memcmp(text, MAGIC, strlen(MAGIC)) != 0)
		return IMAGE_E_NOT_IMAGE;
	if ((c = strstr(text, "\ncheck: ")) == NULL)
		return IMAGE_E_DAMAGED;
	md5_hex(text, (size_t)(c - text) + 1, chk);
	if (strncmp(c + 8, chk, 32) != 0)
		return IMAGE_E_DAMAGED;
	if (field(text, "kind", val, sizeof val) != 0)
		return IMAGE_E_DAMAGED;
	info->kind = strcmp(val, "asdm") == 0 ? IMAGE_ASDM : IMAGE_ASA;
	if (field(text, "version", val, sizeof val) != 0 ||
	    lic_version_parse(val, &info->version) != 0)
		return IMAGE_E_DAMAGED;
	if (field(text, "build", val, sizeof val) != 0)
		return IMAGE_E_DAMAGED;
	info->smp = strcmp(val, "smp-k8") == 0;
	if (field(text, "size", val, sizeof val) != 0 ||
	    sscanf(val, "%llu", &size) != 1)
		return IMAGE_E_DAMAGED;
	if (field(text, "digest", val, sizeof val) != 0 || strlen(val) != 32)
		return IMAGE_E_DAMAGED;
	hex_to(val, info->embedded);
	info->size = size;
	if (size != len)
		return IMAGE_E_DAMAGED;
	return IMAGE_OK;
}

/* header_parse of the first hlen bytes at hdr. */
static enum image_err
header_check(const char *hdr, size_t hlen, uint64_t len,
    struct image_info *info)
{
	char	 text[HEADER_LEN + 1];

	memset(info, 0, sizeof *info);
	if (hlen < HEADER_LEN)
		return IMAGE_E_NOT_IMAGE;
	memcpy(text, hdr, HEADER_LEN);
	text[HEADER_LEN] = '\0';
	return header_parse(text, len, info);
}

enum image_err
image_check(const char *data, size_t len, bool full,
    struct image_info *info)
{
	enum image_err	 e = header_check(data, len, len, info);
	MD5_CTX		 c;
	unsigned char	 md[MD5_DIGEST_LENGTH];

	if (e == IMAGE_E_NOT_IMAGE || (e != IMAGE_OK && !full))
		return e;
	MD5Init(&c);
	for (size_t off = HEADER_LEN; off < len; off += BLOCK)
		digest_feed(&c, data + off, len - off < BLOCK ? len - off :
		    BLOCK, off);
	MD5Final(md, &c);
	memcpy(info->computed, md, 16);
	if (e == IMAGE_OK && memcmp(info->computed, info->embedded, 16) != 0)
		e = IMAGE_E_DAMAGED;
	return e;
}

/*
 * Check the image in file fd without reading its holes: the header, the
 * size, then the data regions of the body (SEEK_DATA).
 */
enum image_err
image_check_fd(int fd, struct image_info *info)
{
	/* The header, NUL-terminated, then each block of the body. */
	char		 buf[HEADER_LEN + 1], *block = buf;
	struct stat	 st;
	enum image_err	 e;
	MD5_CTX		 c;
	unsigned char	 md[MD5_DIGEST_LENGTH];
	off_t		 off = HEADER_LEN, end;

	memset(info, 0, sizeof *info);
	if (fstat(fd, &st) != 0 || pread(fd, buf, HEADER_LEN, 0) !=
	    (ssize_t)HEADER_LEN)
		return IMAGE_E_NOT_IMAGE;
	buf[HEADER_LEN] = '\0';
	if ((e = header_parse(buf, (uint64_t)st.st_size, info)) != IMAGE_OK)
		return e;
	MD5Init(&c);
	while (off < st.st_size) {
		off = lseek(fd, off, SEEK_DATA);
		if (off == (off_t)-1)
			break;			/* ENXIO: holes to the end */
		end = lseek(fd, off, SEEK_HOLE);
		if (end == (off_t)-1)
			end = st.st_size;
		off = off / BLOCK * BLOCK;
		for (; off < end; off += BLOCK) {
			ssize_t r = pread(fd, block, BLOCK, off);

			if (r <= 0)
				break;
			digest_feed(&c, block, (size_t)r, (uint64_t)off);
		}
	}
	MD5Final(md, &c);
	memcpy(info->computed, md, 16);
	return memcmp(info->computed, info->embedded, 16) == 0 ? IMAGE_OK :
	    IMAGE_E_DAMAGED;
}

bool
image_build_for(const struct lic_platform *p, uint32_t v, bool *smp)
{
	const char	*f = p->family != NULL ? p->family : "";
	int		 t = train_of(v);

	*smp = strcmp(f, "asa5500-x") == 0 || strcmp(f, "asa5585-x") == 0 ||
	    strcmp(f, "asasm") == 0 || strcmp(f, "asa5580") == 0;
	if (t < 0)
		return false;
	/* A release without a 32-bit build: the -smp- one (8.1, 8.5+). */
	if (!*smp && sizes[t].k8 == 0)
		*smp = true;
	return (*smp ? sizes[t].smp : sizes[t].k8) != 0;
}

int
image_write_file(const char *path, const char *data, size_t len)
{
	static const char zero[BLOCK];
	size_t		 off = 0;
	int		 fd, saved;

	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd == -1)
		return -1;
	while (off < len) {
		size_t	 n = len - off < BLOCK ? len - off : BLOCK;
		ssize_t	 w;

		if (n == BLOCK && memcmp(data + off, zero, BLOCK) == 0) {
			if (lseek(fd, (off_t)n, SEEK_CUR) == (off_t)-1)
				goto fail;
			off += n;
			continue;
		}
		if ((w = write(fd, data + off, n)) < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		off += (size_t)w;
	}
	if (ftruncate(fd, (off_t)len) != 0)
		goto fail;
	return close(fd);
fail:
	saved = errno;
	close(fd);
	errno = saved;
	return -1;
}
