/* SPDX-License-Identifier: MIT */
/*
 * The binary cache of a data directory (DIR/models.cache): the loaded
 * database as one relocatable image, written at build time from the XML
 * (which stays the source of truth) and read at start instead of parsing
 * it. Checked before use: its format version, the layout of every struct
 * it holds, and the size and modification time of every data file it was
 * made from and of the models folder (a file added or removed there
 * changes the folder's time: no listing at start). Anything else: parse
 * the XML. Its pointers are written for the address CACHE_ADDR: mapped
 * there, it is used in place with no copy and no relocation (a read-only
 * private mapping costs two or three page faults where reading it into
 * fresh heap cost one a page); else it is read and moved.
 */
#include "models/models_int.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * Bump when a struct the cache holds gains or loses a pointer; a change of
 * size or order is caught by the layout signature.
 */
#define CACHE_VERSION	3u	/* 3: pointers for CACHE_ADDR */
#define CACHE_MAGIC	"ASAEMUDB"
#define CACHE_NAME	"models.cache"
#define CACHE_IMAGE_MAX	(8u * 1024u * 1024u)	/* bytes of one image */
#define CACHE_FILES_MAX	256u			/* data files stamped */
/*
 * Where the file is mapped: far from the heap, the stack, the shared
 * objects and the mmap area as Linux lays them out, and in the high
 * application range of AddressSanitizer's (above its shadow, below its
 * allocator's 0x600000000000).
 */
#define CACHE_ADDR	((uintptr_t)0x5a5000000000u)

/* The image's first object: what struct model_db holds. */
struct cache_root {
	struct lic_catalog	 catalog;
	const struct model_entry *models;
	size_t			 nmodels;
	bool			 has_catalog;
};

struct cache_header {
	char		 magic[8];
	uint32_t	 version;
	uint32_t	 nfiles;	/* stamps that follow */
	uint64_t	 layout;	/* cache_layout() of the writer */
	uint64_t	 image_len;	/* bytes, after the stamps */
	uint64_t	 nrelocs;	/* pointer fields, after the image */
	uint64_t	 base;		/* the image's address its pointers
					   are for: the file at CACHE_ADDR */
};

/* One data file the image was made from (a relative path follows). */
struct cache_stamp {
	uint64_t	 size;
	int64_t		 sec;		/* st_mtim */
	int64_t		 nsec;
	uint32_t	 namelen;	/* bytes of the name, NUL included */
	uint32_t	 pad;
};

/* The image being written: a buffer that never moves, and its pointers. */
struct img {
	char		*buf;		/* CACHE_IMAGE_MAX bytes, owned */
	size_t		 len;
	uint64_t	*relocs;	/* offsets of pointer fields, owned */
	size_t		 nrelocs;
	size_t		 arelocs;
	bool		 full;
};

static uint64_t
fnv(uint64_t h, uint64_t v)
{
	for (int i = 0; i < 8; i++, v >>= 8)
		h = (h ^ (v & 0xff)) * 0x100000001b3ull;
	return h;
}

/* A signature of the layout of every struct in the image. */
static uint64_t
cache_layout(void)
{
	static const size_t sizes[] = {
		sizeof(void *), sizeof(size_t), sizeof(bool),
		sizeof(struct cache_root), sizeof(struct model_entry),
		sizeof(struct lic_catalog), sizeof(struct lic_feature),
		sizeof(struct lic_enum_value), sizeof(struct lic_label),
		sizeof(struct lic_layout), sizeof(struct lic_row),
		sizeof(struct lic_reload_rule), sizeof(struct lic_platform),
		sizeof(struct lic_edition), sizeof(struct lic_cell),
		sizeof(struct lic_range), sizeof(struct lic_dhcp),
		sizeof(struct lic_vrange), sizeof(struct lic_change),
		sizeof(struct lic_port), sizeof(struct lic_inv_item),
		sizeof(struct lic_hw_line), offsetof(struct lic_port, address),
		offsetof(struct lic_platform, ports),
		offsetof(struct lic_platform, inventory),
		offsetof(struct lic_feature, requires),
		offsetof(struct lic_row, tail_hi),
	};
	uint64_t	 h = 0xcbf29ce484222325ull;

	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
		h = fnv(h, sizes[i]);
	return h;
}

/* ---- Writing: a deep copy whose pointer fields are recorded ---- */

/* A copy of n objects of size bytes in the image (NULL for none). */
static void *
img_copy(struct img *im, const void *src, size_t n, size_t size)
{
	size_t	 len = n * size, at = (im->len + 7) & ~(size_t)7;

	if (src == NULL || n == 0)
		return NULL;
	if (n > CACHE_IMAGE_MAX / size || at + len > CACHE_IMAGE_MAX) {
		im->full = true;
		return NULL;
	}
	memcpy(im->buf + at, src, len);
	im->len = at + len;
	return im->buf + at;
}

/*
 * Replace the pointer at field (inside the image) by a copy of the n
 * objects it points at, and record it. Returns the copy.
 */
static void *
img_ptr(struct img *im, const void *field, size_t n, size_t size)
{
	const void	*old;
	void		*copy;

	memcpy(&old, field, sizeof old);
	copy = img_copy(im, old, n, size);
	memcpy((void *)field, &copy, sizeof copy);
	if (copy != NULL) {
		if (im->nrelocs == im->arelocs) {
			im->arelocs = im->arelocs ? 2 * im->arelocs : 1024;
			im->relocs = xreallocarray(im->relocs, im->arelocs,
			    sizeof *im->relocs);
		}
		im->relocs[im->nrelocs++] =
		    (uint64_t)((const char *)field - im->buf);
	}
	return copy;
}

static void
img_str(struct img *im, const void *field)
{
	const char	*s;

	memcpy(&s, field, sizeof s);
	if (s != NULL)
		img_ptr(im, field, strlen(s) + 1, 1);
}

static void
put_feature(struct img *im, struct lic_feature *f)
{
	struct lic_enum_value	*v;
	struct lic_label	*l;

	img_str(im, &f->id);
	img_str(im, &f->name);
	v = img_ptr(im, &f->values, f->nvalues, sizeof *f->values);
	for (size_t i = 0; v != NULL && i < f->nvalues; i++) {
		img_str(im, &v[i].id);
		img_str(im, &v[i].text);
	}
	l = img_ptr(im, &f->labels, f->nlabels, sizeof *f->labels);
	for (size_t i = 0; l != NULL && i < f->nlabels; i++)
		img_str(im, &l[i].text);
	img_ptr(im, &f->excludes, f->nexcludes, sizeof *f->excludes);
	img_ptr(im, &f->requires, f->nrequires, sizeof *f->requires);
}

static void
put_catalog(struct img *im, struct lic_catalog *c)
{
	struct lic_feature	*f;
	struct lic_layout	*l;
	struct lic_reload_rule	*r;

	f = img_ptr(im, &c->features, c->nfeatures, sizeof *c->features);
	for (size_t i = 0; f != NULL && i < c->nfeatures; i++)
		put_feature(im, &f[i]);
	l = img_ptr(im, &c->layouts, c->nlayouts, sizeof *c->layouts);
	for (size_t i = 0; l != NULL && i < c->nlayouts; i++) {
		struct lic_row *row = img_ptr(im, &l[i].rows, l[i].nrows,
		    sizeof *l[i].rows);

		for (size_t j = 0; row != NULL && j < l[i].nrows; j++) {
			img_str(im, &row[j].label);
			img_str(im, &row[j].only);
			img_str(im, &row[j].except);
			img_str(im, &row[j].tail_lo);
			img_str(im, &row[j].tail_hi);
		}
	}
	r = img_ptr(im, &c->reloads, c->nreloads, sizeof *c->reloads);
	for (size_t i = 0; r != NULL && i < c->nreloads; i++)
		img_str(im, &r[i].models);
}

static void
put_platform(struct img *im, struct lic_platform *p, size_t nfeatures)
{
	struct lic_edition	*e;
	struct lic_port		*port;
	struct lic_inv_item	*inv;
	struct lic_hw_line	*hw;
	const char		**s;

	img_str(im, &p->id);
	img_str(im, &p->name);
	img_str(im, &p->hw_name);
	img_str(im, &p->table);
	img_str(im, &p->family);
	e = img_ptr(im, &p->editions, p->neditions, sizeof *p->editions);
	for (size_t i = 0; e != NULL && i < p->neditions; i++) {
		struct lic_cell *c = img_ptr(im, &e[i].cells, nfeatures,
		    sizeof *e[i].cells);

		img_str(im, &e[i].id);
		img_str(im, &e[i].sentence);
		for (size_t j = 0; c != NULL && j < nfeatures; j++) {
			img_ptr(im, &c[j].tiers, c[j].ntiers,
			    sizeof *c[j].tiers);
			img_str(im, &c[j].note);
		}
	}
	img_ptr(im, &p->dhcp, p->ndhcp, sizeof *p->dhcp);
	img_ptr(im, &p->sw_gaps, p->nsw_gaps, sizeof *p->sw_gaps);
	img_ptr(im, &p->changes, p->nchanges, sizeof *p->changes);
	hw = img_ptr(im, &p->hw_lines, p->nhw_lines, sizeof *p->hw_lines);
	for (size_t i = 0; hw != NULL && i < p->nhw_lines; i++)
		img_str(im, &hw[i].text);
	port = img_ptr(im, &p->ports, p->nports, sizeof *p->ports);
	for (size_t i = 0; port != NULL && i < p->nports; i++) {
		img_str(im, &port[i].name);
		img_str(im, &port[i].address);
	}
	s = img_ptr(im, &p->footnotes, p->nfootnotes, sizeof *p->footnotes);
	for (size_t i = 0; s != NULL && i < p->nfootnotes; i++)
		img_str(im, &s[i]);
	inv = img_ptr(im, &p->inventory, p->ninventory, sizeof *p->inventory);
	for (size_t i = 0; inv != NULL && i < p->ninventory; i++) {
		img_str(im, &inv[i].name);
		img_str(im, &inv[i].descr);
		img_str(im, &inv[i].pid);
		img_str(im, &inv[i].vid);
		img_str(im, &inv[i].sn);
	}
}

/*
 * The image of db in im, its pointers for an image at base; false when it
 * does not fit.
 */
static bool
img_build(struct img *im, const struct model_db *db, uint64_t base)
{
	struct cache_root	 root = {
		.catalog = db->catalog,
		.models = db->models,
		.nmodels = db->nmodels,
		.has_catalog = db->has_catalog,
	};
	struct cache_root	*r;
	struct model_entry	*m;

	memset(im, 0, sizeof *im);
	im->buf = xcalloc(1, CACHE_IMAGE_MAX);
	r = img_copy(im, &root, 1, sizeof root);
	put_catalog(im, &r->catalog);
	m = img_ptr(im, &r->models, r->nmodels, sizeof *r->models);
	for (size_t i = 0; m != NULL && i < r->nmodels; i++) {
		put_platform(im, &m[i].p, db->catalog.nfeatures);
		img_str(im, &m[i].file);
	}
	/* Pointers become base plus their offset in the image. */
	for (size_t i = 0; i < im->nrelocs; i++) {
		char		*field = im->buf + im->relocs[i], *p;
		uint64_t	 off;

		memcpy(&p, field, sizeof p);
		off = base + (uint64_t)(p - im->buf);
		memcpy(field, &off, sizeof off);
	}
	return !im->full;
}

static bool
is_data_name(const char *name)
{
	size_t	 len = strlen(name);

	return name[0] != '.' && len >= 5 &&
	    strcmp(name + len - 4, ".xml") == 0;
}

#define MODELS_DIR	"models"

/*
 * What the cache stamps in dir: features.xml, the models folder, then
 * models/ *.xml in directory order.
 */
static char **
data_files(const char *dir, size_t *n)
{
	char		*mdir, **names;
	DIR		*dp;
	struct dirent	*de;

	*n = 2;
	names = xreallocarray(NULL, 2, sizeof *names);
	names[0] = xstrdup("features.xml");
	names[1] = xstrdup(MODELS_DIR);
	xasprintf(&mdir, "%s/%s", dir, MODELS_DIR);
	if ((dp = opendir(mdir)) != NULL) {
		while ((de = readdir(dp)) != NULL) {
			if (!is_data_name(de->d_name))
				continue;
			names = xreallocarray(names, *n + 1, sizeof *names);
			xasprintf(&names[(*n)++], "%s/%s", MODELS_DIR,
			    de->d_name);
		}
		closedir(dp);
	}
	free(mdir);
	return names;
}

/* The stamp of name in the folder dfd (paths from it: short walks). */
static int
stamp_of(int dfd, const char *name, struct cache_stamp *st)
{
	struct stat	 sb;

	if (fstatat(dfd, name, &sb, 0) != 0)
		return -1;
	memset(st, 0, sizeof *st);
	st->size = (uint64_t)sb.st_size;
	st->sec = (int64_t)sb.st_mtim.tv_sec;
	st->nsec = (int64_t)sb.st_mtim.tv_nsec;
	st->namelen = (uint32_t)strlen(name) + 1;
	return 0;
}

int
model_cache_write(const struct model_db *db, const char *dir,
    struct diag *d)
{
	struct cache_header	 h;
	struct img		 im;
	struct strbuf		 sb;
	char			**names, *path = NULL, *tmp = NULL;
	size_t			 n;
	int			 rc = -1, dfd;

	names = data_files(dir, &n);
	strbuf_init(&sb, 0);
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	for (size_t i = 0; i < n; i++) {
		struct cache_stamp	 st;
		static const char	 zero[8];

		if (dfd == -1 || stamp_of(dfd, names[i], &st) != 0) {
			diag_add(d, names[i], 0, "cannot stat");
			goto out;
		}
		strbuf_add(&sb, (const char *)&st, sizeof st);
		strbuf_add(&sb, names[i], st.namelen);
		strbuf_add(&sb, zero, (8 - st.namelen % 8) % 8);
	}
	if (!img_build(&im, db, CACHE_ADDR + sizeof h + sb.len)) {
		diag_add(d, dir, 0, "data too large for the cache");
		goto release;
	}
	memset(&h, 0, sizeof h);
	memcpy(h.magic, CACHE_MAGIC, sizeof h.magic);
	h.version = CACHE_VERSION;
	h.nfiles = (uint32_t)n;
	h.layout = cache_layout();
	h.image_len = (im.len + 7) & ~(size_t)7;
	h.nrelocs = im.nrelocs;
	h.base = CACHE_ADDR + sizeof h + sb.len;
	xasprintf(&path, "%s/%s", dir, CACHE_NAME);
	xasprintf(&tmp, "%s.%ld", path, (long)getpid());
	{
		FILE	*f = fopen(tmp, "wb");
		bool	 ok = f != NULL;

		ok = ok && fwrite(&h, sizeof h, 1, f) == 1;
		ok = ok && fwrite(sb.buf, 1, sb.len, f) == sb.len;
		ok = ok && fwrite(im.buf, 1, h.image_len, f) == h.image_len;
		ok = ok && fwrite(im.relocs, sizeof *im.relocs, im.nrelocs,
		    f) == im.nrelocs;
		if (f != NULL && fclose(f) != 0)
			ok = false;
		if (!ok || rename(tmp, path) != 0) {
			diag_add(d, path, 0, "cannot write: %s",
			    strerror(errno));
			unlink(tmp);
			goto release;
		}
	}
	rc = 0;
release:
	free(im.buf);
	free(im.relocs);
out:
	if (dfd != -1)
		close(dfd);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	strbuf_release(&sb);
	free(path);
	free(tmp);
	return rc;
}

/* ---- Reading ---- */

/* Whether the stamps at p (len bytes, nfiles of them) match dir now. */
static bool
stamps_match(const char *dir, const char *p, size_t len, size_t nfiles)
{
	size_t	 at = 0;
	int	 dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	bool	 ok = dfd != -1, folder = false;

	for (size_t i = 0; ok && i < nfiles; i++) {
		struct cache_stamp	 st, now;
		const char		*name;

		if (len - at < sizeof st) {
			ok = false;
			break;
		}
		memcpy(&st, p + at, sizeof st);
		name = p + at + sizeof st;
		if (st.namelen == 0 || st.namelen > len - at - sizeof st ||
		    name[st.namelen - 1] != '\0') {
			ok = false;
			break;
		}
		ok = stamp_of(dfd, name, &now) == 0 && now.size == st.size &&
		    now.sec == st.sec && now.nsec == st.nsec;
		folder = folder || strcmp(name, MODELS_DIR) == 0;
		at += sizeof st + st.namelen + (8 - st.namelen % 8) % 8;
	}
	if (dfd != -1)
		close(dfd);
	/* The folder's time says no platform file came or went. */
	return ok && at == len && folder;
}

/*
 * The database in the cache file of size bytes at buf, or NULL when the
 * file is not current or not sound. Every pointer field must point into
 * the image; moved when the image is not at the address they are for,
 * which a mapped file (read-only) must be at.
 */
static struct model_db *
cache_use(const char *dir, char *buf, size_t size, bool mapped)
{
	struct cache_header	 h;
	const struct cache_root	*r;
	struct model_db		*db;
	char			*image;
	const uint64_t		*relocs;
	size_t			 stamps;

	memcpy(&h, buf, sizeof h);
	if (memcmp(h.magic, CACHE_MAGIC, sizeof h.magic) != 0 ||
	    h.version != CACHE_VERSION || h.layout != cache_layout() ||
	    h.nfiles > CACHE_FILES_MAX || h.image_len % 8 != 0 ||
	    h.image_len < sizeof *r || h.image_len > CACHE_IMAGE_MAX ||
	    h.nrelocs > h.image_len / 8 ||
	    h.image_len + h.nrelocs * 8 > (uint64_t)size - sizeof h)
		return NULL;
	stamps = (size_t)((uint64_t)size - sizeof h - h.image_len -
	    h.nrelocs * 8);
	image = buf + sizeof h + stamps;
	if (mapped && (uintptr_t)image != h.base)
		return NULL;
	if (!stamps_match(dir, buf + sizeof h, stamps, h.nfiles))
		return NULL;
	relocs = (const uint64_t *)(void *)(image + h.image_len);
	for (uint64_t i = 0; i < h.nrelocs; i++) {
		uint64_t	 at = relocs[i], off;
		char		*p;

		if (at % 8 != 0 || at > h.image_len - 8)
			return NULL;
		memcpy(&off, image + at, sizeof off);
		off -= h.base;
		if (off >= h.image_len)
			return NULL;
		if (!mapped) {
			p = image + off;
			memcpy(image + at, &p, sizeof p);
		}
	}
	r = (const struct cache_root *)(void *)image;
	db = model_db_new();
	db->image = buf;
	db->image_mapped = mapped ? size : 0;
	db->catalog = r->catalog;
	db->has_catalog = r->has_catalog;
	db->nmodels = r->nmodels;
	/* In the image, read-only when mapped: nothing changes a cached db. */
	db->models = (struct model_entry *)(uintptr_t)r->models;
	return db;
}

struct model_db *
model_cache_read(const char *dir)
{
	struct stat		 sb;
	struct model_db		*db = NULL;
	char			*path, *buf;
	size_t			 size;
	int			 fd;

	xasprintf(&path, "%s/%s", dir, CACHE_NAME);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	free(path);
	if (fd == -1)
		return NULL;
	if (fstat(fd, &sb) != 0 ||
	    sb.st_size < (off_t)sizeof(struct cache_header) ||
	    sb.st_size > (off_t)(2 * CACHE_IMAGE_MAX))
		goto out;
	size = (size_t)sb.st_size;
	/*
	 * A kernel that does not know MAP_FIXED_NOREPLACE takes the address
	 * as a hint: elsewhere, the copy is moved.
	 */
	buf = mmap((void *)CACHE_ADDR, size, PROT_READ,
	    MAP_PRIVATE | MAP_FIXED_NOREPLACE, fd, 0);
	if (buf != MAP_FAILED && (uintptr_t)buf != CACHE_ADDR) {
		munmap(buf, size);
		buf = MAP_FAILED;
	}
	if (buf != MAP_FAILED) {
		if ((db = cache_use(dir, buf, size, true)) == NULL)
			munmap(buf, size);
		goto out;
	}
	buf = xmalloc(size);
	if (read(fd, buf, size) == (ssize_t)size)
		db = cache_use(dir, buf, size, false);
	if (db == NULL)
		free(buf);
out:
	close(fd);
	return db;
}
