/* SPDX-License-Identifier: MIT */
/*
 * Shared by the output sink tests (test_output.c, test_output_pager.c):
 * numbered lines into a sink, and what a pipe holds.
 */
#ifndef ASA_TESTS_UNIT_OUTPUT_FIXTURE_H
#define ASA_TESTS_UNIT_OUTPUT_FIXTURE_H

struct out;

/* Lines "lFROM" to "lTO", one out_printf each. */
void	 write_lines(struct out *out, int from, int to);
/* Everything readable from a pipe's read end (the write end closed). */
char	*pipe_slurp(int fd);
/*
 * What a pipe's read end holds at this moment (nothing written yet: ""),
 * the write end still open; the caller frees.
 */
char	*pipe_now(int fd);
/* pipe_now() is want. */
void	 assert_pipe_now(int fd, const char *want);

#endif
