/* SPDX-License-Identifier: MIT */
/*
 * Shared by the device and lab tests: the model data, a fresh folder
 * under /tmp per test, and its removal with everything in it.
 */
#ifndef ASA_TESTS_UNIT_FIXTURE_H
#define ASA_TESTS_UNIT_FIXTURE_H

#include <stddef.h>

struct model_db;

/* The shipped data: one model's, or all of it (model NULL); NULL after
 * printing the diagnostics. */
struct model_db *fixture_models(const char *model);
/* A new folder /tmp/asaemu-TAG-XXXXXX in buf: 0, or -1. */
int	 fixture_tmpdir(char *buf, size_t len, const char *tag);
/* Remove path and everything under it (symlinks are not followed). */
void	 fixture_rmrf(const char *path);

#endif
