/* SPDX-License-Identifier: MIT */
/*
 * asaemu-keygen's parts: the key portal (asaemu_keygen.c) and the image
 * maker (keygen_image.c).
 */
#ifndef ASA_PROGRAMS_KEYGEN_INT_H
#define ASA_PROGRAMS_KEYGEN_INT_H

/* asaemu-keygen image ...: argv[0] is "image"; the exit status. */
int	keygen_image(int argc, char **argv);

#endif
