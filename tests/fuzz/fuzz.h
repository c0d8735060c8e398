/* SPDX-License-Identifier: MIT */
/*
 * The fuzz targets' common ground: each target is one file defining
 * LLVMFuzzerTestOneInput; libFuzzer drives it (clang, scripts/fuzz.sh),
 * or driver.c replays files and folders through it (any compiler: the
 * smoke tests of the default suite). The data directory is
 * $ASAEMU_DATA, else the build tree's.
 */
#ifndef ASA_TESTS_FUZZ_FUZZ_H
#define ASA_TESTS_FUZZ_FUZZ_H

#include <stddef.h>
#include <stdint.h>

struct model_db;

int	 LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* The shipped model data, loaded once (aborts when it does not load). */
const struct model_db *fuzz_db(void);
/* The data directory fuzz_db() loads. */
const char *fuzz_data_dir(void);
/* data as a NUL-terminated string (the caller frees). */
char	*fuzz_strndup(const uint8_t *data, size_t size);

#endif
