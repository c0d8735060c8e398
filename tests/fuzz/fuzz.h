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

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct device;
struct event_loop;
struct lab;
struct model_db;

int	 LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* The shipped model data, loaded once (aborts when it does not load). */
const struct model_db *fuzz_db(void);
/* The data directory fuzz_db() loads. */
const char *fuzz_data_dir(void);
/* data as a NUL-terminated string (the caller frees). */
char	*fuzz_strndup(const uint8_t *data, size_t size);
/*
 * A new folder $TMPDIR/asaemu-fuzz-TAG-XXXXXX ($TMPDIR: /tmp unless set;
 * a tmpfs makes the flash's fsyncs cheap), removed with everything in it
 * when the process exits (the caller frees the name); aborts when it
 * cannot be made.
 */
char	*fuzz_tmpdir(const char *tag);
/*
 * An ASA 5520 (9.1(7)12) of serial on a fresh flash, in lab (NULL: on
 * its own) on the lab's frozen clock of 2013-03-01, its startup done
 * and, in a lab, on loop's network; aborts when it does not start.
 */
struct device *fuzz_device(struct lab *, struct event_loop *,
	    const char *serial);
/* The same for another platform (a lic_platform id). */
struct device *fuzz_device_model(struct lab *, struct event_loop *,
	    const char *model, const char *serial);
/*
 * Type lines in configuration mode of dev (as a batch session does,
 * output dropped); aborts when a line is refused.
 */
void	 fuzz_configure(struct device *, const char *lines);
/*
 * Accept what connected to the n listeners fds (lab_listen) and read it
 * to its end: shown on stderr with show (ASAEMU_FUZZ_SHOW), dropped.
 */
void	 fuzz_drain(const int *fds, size_t n, bool show);
/* Run what is due on loop now (0 ms timers) and free what was deleted. */
void	 fuzz_loop_flush(struct event_loop *);

#endif
