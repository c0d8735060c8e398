/* SPDX-License-Identifier: MIT */
/*
 * Software images, the boot loader and ROMMON's variables: what a
 * device can run and how it comes to run it (image.c, boot.c, rommon.c).
 */
#ifndef ASA_DEVICE_BOOT_H
#define ASA_DEVICE_BOOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "device/device.h"

/* ---- Software images (image.c) ---- */

enum image_kind {
	IMAGE_ASA,
	IMAGE_ASDM,
};

enum image_err {
	IMAGE_OK,
	IMAGE_E_NOT_IMAGE,	/* no image header at all */
	IMAGE_E_DAMAGED,	/* header, size or body do not check */
};

struct image_info {
	enum image_kind	 kind;
	uint32_t	 version;	/* the release it carries */
	bool		 smp;		/* a -smp- build */
	uint64_t	 size;		/* as the header says */
	unsigned char	 embedded[16];	/* the header's digest */
	unsigned char	 computed[16];	/* the body's (full checks) */
};

/* Cisco's file name: "asa847-k8.bin", "asa917-12-smp-k8.bin", "asdm-647.bin". */
char	*image_name(enum image_kind, uint32_t version, bool smp, char *buf,
	    size_t len);
/*
 * Make an image of release version (caller frees *data). -1 when asaemu
 * knows no such build (an 8.1 image without -smp-).
 */
int	 image_make(enum image_kind, uint32_t version, bool smp, char **data,
	    size_t *len);
/* Write an image to a host file (sparse), for asaemu-keygen image. */
int	 image_write_file(const char *path, const char *data, size_t len);
/* Check an image in memory; full also checks the body's digest. */
enum image_err image_check(const char *data, size_t len, bool full,
	    struct image_info *);
/* Check the image file open on fd, fully, without reading its holes. */
enum image_err image_check_fd(int fd, struct image_info *);
/*
 * Whether release version has a build for platform p, and whether it is
 * the -smp- one (the multi-core platforms; 8.1 and 8.5 on had only that).
 */
bool	 image_build_for(const struct lic_platform *p, uint32_t version,
	    bool *smp);

/* ---- Boot (boot.c) ---- */

enum boot_result {
	BOOT_OK,
	BOOT_NO_FILE,		/* no such file on disk0: */
	BOOT_NOT_IMAGE,		/* not an ASA image */
	BOOT_DAMAGED,		/* does not check: header, size or body */
	BOOT_UNSUPPORTED,	/* a release the platform does not run */
};

#define BOOT_TRIES_MAX	16

struct boot_try {
	char			 path[256];	/* on disk0:, no leading '/' */
	enum boot_result	 result;
	struct image_info	 info;
};

/* What a boot tries, in order, and what it found. */
struct boot_plan {
	struct boot_try		 tries[BOOT_TRIES_MAX];
	size_t			 ntries;
	size_t			 configured;	/* from "boot system" lines;
						   0: searched disk0:/ */
	int			 chosen;	/* index of the image loaded;
						   -1: none (ROMMON) */
};

/*
 * The images of factory release v (and ASDM asdm, "7.6(2)") on a flash
 * that has never had them. 0, or -1 with errno.
 */
int	 device_factory_images(struct device *, uint32_t v, const char *asdm);
/* Whether path on disk0: is an image this platform can load. */
enum boot_result device_image_probe(const struct device *, const char *path,
	    struct image_info *);
/* The boot loader's choice, from the startup configuration and disk0:. */
void	 device_boot_plan(const struct device *, struct boot_plan *);
/*
 * Reboot into the plan's image (or ROMMON): running configuration,
 * boot list and uptime start again. The caller then loads the keys and
 * replays the startup configuration (as a first start does).
 */
void	 device_reboot(struct device *, const struct boot_plan *);
/*
 * Reboot into an image that ROMMON fetched from server host (tftpdnld):
 * nothing on disk0: runs, "show version" says so.
 */
void	 device_reboot_tftp(struct device *, const struct image_info *);
/* Whether path on lab server host is an image this platform can load. */
enum boot_result device_host_image_probe(const struct device *,
	    const char *host, const char *path, struct image_info *);
/* "boot system" of the running configuration: add (last) or remove. */
void	 device_boot_list_set(struct device *, const char *path, bool add);
void	 device_boot_list_clear(struct device *);

/* ---- ROMMON's variables (rommon.c) ---- */

enum rommon_var {
	RV_ADDRESS, RV_SERVER, RV_GATEWAY, RV_PORT, RV_VLAN, RV_IMAGE,
	RV_CONFIG, RV_LINKTIMEOUT, RV_PKTTIMEOUT, RV_RETRY, RV_COUNT
};

struct rommon_vars {
	char		 v[RV_COUNT][64];	/* as "set" shows them */
};

const char *rommon_var_name(enum rommon_var);
/* The variable of upper-case name (len bytes), or -1. */
int	 rommon_var_lookup(const char *name, size_t len);
/* The variables: the synced ones over the defaults, loaded on first use. */
struct rommon_vars *device_rommon_vars(struct device *);
void	 device_rommon_free(struct device *);
/* Set v (checked: addresses, a port of the platform, numbers); -1: bad. */
int	 device_rommon_set(struct device *, enum rommon_var v,
	    const char *value);
/* Store the variables in "NVRAM" (.private/rommon). 0, or -1 with errno. */
int	 device_rommon_sync(struct device *);

#endif
