/* SPDX-License-Identifier: MIT */
/*
 * asaemu-keygen image: make the software image of a release, as Cisco's
 * download site hands one out, to put on a lab server (LAB/hosts/ADDRESS)
 * or a flash:
 *	asaemu-keygen image --software 8.4(7) --model ASA5520 -o DIR
 * writes DIR/asa847-k8.bin and prints its name; --asdm makes the ASDM
 * image of that number instead (asdm-647.bin); --smp the -smp- build.
 */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "device/device.h"
#include "device/boot.h"
#include "models/models.h"
#include "programs/keygen_int.h"
#include "util/util.h"

static const char image_usage[] =
    "usage: asaemu-keygen image --software VERSION [--model ID | --smp] "
    "[--asdm]\n"
    "                     [--output FILE|DIR] [--data DIR]\n";

static const struct option image_options[] = {
	{ "software",	required_argument,	NULL,	'S' },
	{ "model",	required_argument,	NULL,	'm' },
	{ "smp",	no_argument,		NULL,	'p' },
	{ "asdm",	no_argument,		NULL,	'a' },
	{ "output",	required_argument,	NULL,	'o' },
	{ "data",	required_argument,	NULL,	'D' },
	{ "help",	no_argument,		NULL,	'h' },
	{ NULL,		0,			NULL,	0 },
};

/* The build for the model: -1 when the model is unknown (printed). */
static int
model_build(const char *data, const char *model, uint32_t v, bool *smp,
    bool *exists)
{
	struct diag	 d;
	struct model_db	*db;
	const struct lic_platform *p;

	diag_init(&d);
	db = model_db_load_model(data != NULL ? data : model_default_dir(),
	    model, &d);
	if (db == NULL) {
		diag_print(&d, stderr);
		diag_release(&d);
		return -1;
	}
	diag_release(&d);
	if ((p = model_db_find(db, model)) == NULL) {
		fprintf(stderr, "asaemu-keygen: unknown model %s\n", model);
		model_db_free(db);
		return -1;
	}
	*exists = image_build_for(p, v, smp);
	model_db_free(db);
	return 0;
}

int
keygen_image(int argc, char **argv)
{
	const char	*software = NULL, *model = NULL, *out = ".";
	const char	*data = NULL;
	bool		 smp = false, asdm = false, exists = true;
	char		 name[64], *path, *img;
	size_t		 len;
	uint32_t	 v;
	struct stat	 st;
	int		 c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "S:m:pao:D:h", image_options,
	    NULL)) != -1) {
		switch (c) {
		case 'S': software = optarg; break;
		case 'm': model = optarg; break;
		case 'p': smp = true; break;
		case 'a': asdm = true; break;
		case 'o': out = optarg; break;
		case 'D': data = optarg; break;
		case 'h': fputs(image_usage, stdout); return 0;
		default: fputs(image_usage, stderr); return 2;
		}
	}
	if (software == NULL || optind != argc) {
		fputs(image_usage, stderr);
		return 2;
	}
	if (lic_version_parse(software, &v) != 0) {
		fprintf(stderr, "asaemu-keygen: bad software version %s\n",
		    software);
		return 1;
	}
	if (model != NULL && !asdm && model_build(data, model, v, &smp,
	    &exists) != 0)
		return 1;
	if (!exists || image_make(asdm ? IMAGE_ASDM : IMAGE_ASA, v, smp, &img,
	    &len) != 0) {
		fprintf(stderr, "asaemu-keygen: no %s%s image of release %s\n",
		    asdm ? "ASDM" : "ASA", smp ? " -smp-" : "", software);
		return 1;
	}
	image_name(asdm ? IMAGE_ASDM : IMAGE_ASA, v, smp, name, sizeof name);
	if (stat(out, &st) == 0 && S_ISDIR(st.st_mode))
		xasprintf(&path, "%s/%s", out, name);
	else
		path = xstrdup(out);
	if (image_write_file(path, img, len) != 0) {
		perror(path);
		free(path);
		free(img);
		return 1;
	}
	puts(name);
	free(path);
	free(img);
	return 0;
}
