/* SPDX-License-Identifier: MIT */
/*
 * Boot: the factory images a new flash gets, the choice of the image a
 * (re)load runs, and the reboot itself. As the ASA's boot loader does
 * (reference 2, "Auto-boot"): with "boot system" lines in the startup
 * configuration, the first of them that loads, in order; without them,
 * the first image found in disk0:/ ("Searching / for images to boot.").
 * An image loads when it checks (device/image.c) and carries a release
 * the platform runs. None loads: ROMMON. A reboot is plain data work:
 * the running configuration and uptime start again for the release
 * booted; the caller replays the startup configuration and the keys.
 */
#include "device/device.h"
#include "device/boot.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "device/device_int.h"
#include "device/cluster.h"
#include "device/failover.h"
#include "util/util.h"

#define FACTORY_FILE	"factory"	/* .private: the factory release */
#define STARTUP_FILE	"startup-config"

/*
 * A new flash (or one made before asaemu had images) gets the image of
 * its factory release and the ASDM image shipped with it.
 */
int
device_factory_images(struct device *dev, uint32_t v, const char *asdm)
{
	char	*mark = device_flash_read(dev, FACTORY_FILE, NULL);
	char	 name[64], ver[32], *img;
	size_t	 len;
	bool	 smp;
	uint32_t av;

	if (mark != NULL) {
		free(mark);
		return 0;
	}
	if (image_build_for(dev->platform, v, &smp) &&
	    image_make(IMAGE_ASA, v, smp, &img, &len) == 0) {
		image_name(IMAGE_ASA, v, smp, name, sizeof name);
		(void)device_disk_write(dev, NULL, name, img, len);
		free(img);
	}
	if (asdm != NULL && lic_version_parse(asdm, &av) == 0 &&
	    image_make(IMAGE_ASDM, av, false, &img, &len) == 0) {
		image_name(IMAGE_ASDM, av, false, name, sizeof name);
		(void)device_disk_write(dev, NULL, name, img, len);
		free(img);
	}
	lic_version_format(v, ver, sizeof ver);
	strcat(ver, "\n");
	return device_flash_write(dev, FACTORY_FILE, ver, strlen(ver));
}

/* Open path on disk0: (host NULL) or a lab server, read-only, refusing
 * what disk.c refuses. */
static int
image_open(const struct device *dev, const char *host, const char *path)
{
	struct disk_entry e;
	char	*full;
	int	 fd;

	while (*path == '/')
		path++;
	if (device_disk_stat(dev, host, path, &e) != 0 || e.dir)
		return -1;
	if (host == NULL)
		xasprintf(&full, "%s/%s", dev->flash, path);
	else
		xasprintf(&full, "%s/hosts/%s/%s", device_lab_dir(dev), host,
		    path);
	fd = open(full, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	free(full);
	return fd;
}

/* device_image_probe of an image opened (fd, closed here; -1: none). */
static enum boot_result
probe_fd(const struct device *dev, int fd, struct image_info *info)
{
	enum image_err	 e;

	memset(info, 0, sizeof *info);
	if (fd == -1)
		return BOOT_NO_FILE;
	e = image_check_fd(fd, info);
	close(fd);
	if (e == IMAGE_E_NOT_IMAGE || (e == IMAGE_OK &&
	    info->kind != IMAGE_ASA))
		return BOOT_NOT_IMAGE;
	if (e != IMAGE_OK)
		return BOOT_DAMAGED;
	if (!lic_platform_runs(dev->platform, info->version))
		return BOOT_UNSUPPORTED;
	return BOOT_OK;
}

enum boot_result
device_image_probe(const struct device *dev, const char *path,
    struct image_info *info)
{
	return probe_fd(dev, image_open(dev, NULL, path), info);
}

enum boot_result
device_host_image_probe(const struct device *dev, const char *host,
    const char *path, struct image_info *info)
{
	return probe_fd(dev, image_open(dev, host, path), info);
}

/*
 * A file of disk0:'s root as its listing gave it: opened without
 * device_disk_stat's walk (the listing checked it), a folder open less.
 */
static enum boot_result
probe_listed(const struct device *dev, const char *name,
    struct image_info *info)
{
	char	*full;
	int	 fd;

	xasprintf(&full, "%s/%s", dev->flash, name);
	fd = open(full, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	free(full);
	return probe_fd(dev, fd, info);
}

/* "boot system disk0:/x" lines of the startup configuration. */
static void
startup_boot_list(const struct device *dev, struct boot_plan *plan)
{
	char	*text = device_flash_read(dev, STARTUP_FILE, NULL);
	char	*line, *next;

	for (line = text; line != NULL && *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		/* The first byte first: every line of the configuration. */
		if (line[0] != 'b' || strncmp(line, "boot system ", 12) != 0)
			continue;
		line += 12;
		if (strncmp(line, "disk0:", 6) == 0)
			line += 6;
		else if (strncmp(line, "flash:", 6) == 0)
			line += 6;
		while (*line == '/')
			line++;
		if (plan->ntries == BOOT_TRIES_MAX)
			break;
		snprintf(plan->tries[plan->ntries].path,
		    sizeof plan->tries[0].path, "%s", line);
		plan->ntries++;
	}
	free(text);
}

void
device_boot_plan(const struct device *dev, struct boot_plan *plan)
{
	struct disk_list l;

	memset(plan, 0, sizeof *plan);
	plan->chosen = -1;
	startup_boot_list(dev, plan);
	plan->configured = plan->ntries;
	if (plan->ntries == 0 && device_disk_list(dev, "", false, &l) == 0) {
		/* "Searching / for images to boot.": images only. */
		for (size_t i = 0; i < l.n && plan->ntries < BOOT_TRIES_MAX;
		    i++) {
			struct image_info info;
			enum boot_result r;

			if (l.v[i].dir)
				continue;
			r = probe_listed(dev, l.v[i].name, &info);
			if (r == BOOT_NOT_IMAGE || r == BOOT_NO_FILE)
				continue;
			snprintf(plan->tries[plan->ntries].path,
			    sizeof plan->tries[0].path, "%s", l.v[i].name);
			plan->tries[plan->ntries].result = r;
			plan->tries[plan->ntries].info = info;
			plan->ntries++;
			/* The boot stops at it: what follows is never tried. */
			if (r == BOOT_OK)
				break;
		}
		disk_list_release(&l);
	}
	for (size_t i = 0; i < plan->ntries; i++) {
		struct boot_try *t = &plan->tries[i];

		/* The search probed its finds already (a file read each). */
		if (i < plan->configured)
			t->result = device_image_probe(dev, t->path,
			    &t->info);
		if (t->result == BOOT_OK) {
			plan->chosen = (int)i;
			break;
		}
	}
}

/* What every reboot starts again: configuration, boot list, uptime. */
static void
reboot_reset(struct device *dev)
{
	device_contexts_reset(dev);
	device_config_clear(dev);
	device_failover_reset(dev);
	device_cluster_reset(dev);
	device_tls_clear(dev);
	device_boot_list_clear(dev);
	dev->modified = false;
	dev->booted = device_now(dev);
	dev->tftp_booted = false;
	free(dev->boot_var);
	dev->boot_var = NULL;
}

void
device_reboot(struct device *dev, const struct boot_plan *plan)
{
	const struct boot_try *t;

	reboot_reset(dev);
	for (size_t i = 0; i < plan->configured; i++) {
		char *v;

		xasprintf(&v, "%s%s%sdisk0:/%s", dev->boot_var ?
		    dev->boot_var : "", dev->boot_var ? ";" : "",
		    "", plan->tries[i].path);
		free(dev->boot_var);
		dev->boot_var = v;
	}
	if (plan->chosen < 0) {
		dev->rommon = true;
		dev->image[0] = '\0';
		return;
	}
	t = &plan->tries[plan->chosen];
	dev->rommon = false;
	dev->version = t->info.version;
	snprintf(dev->image, sizeof dev->image, "disk0:/%s", t->path);
}

void
device_reboot_tftp(struct device *dev, const struct image_info *info)
{
	reboot_reset(dev);
	dev->rommon = false;
	dev->tftp_booted = true;
	dev->version = info->version;
	dev->image[0] = '\0';
}

void
device_boot_list_clear(struct device *dev)
{
	for (size_t i = 0; i < dev->nboot; i++)
		free(dev->boot[i]);
	free(dev->boot);
	dev->boot = NULL;
	dev->nboot = 0;
	free(dev->asdm_image);
	dev->asdm_image = NULL;
}

void
device_boot_list_set(struct device *dev, const char *path, bool add)
{
	for (size_t i = 0; i < dev->nboot; i++) {
		if (strcmp(dev->boot[i], path) != 0)
			continue;
		free(dev->boot[i]);
		memmove(&dev->boot[i], &dev->boot[i + 1],
		    (dev->nboot - i - 1) * sizeof *dev->boot);
		dev->nboot--;
		break;
	}
	if (!add)
		return;
	dev->boot = xreallocarray(dev->boot, dev->nboot + 1,
	    sizeof *dev->boot);
	dev->boot[dev->nboot++] = xstrdup(path);
}
