/* SPDX-License-Identifier: MIT */
/*
 * The floor of a process start: a static program that does nothing,
 * spawned by asaemu-bench as the reference the start-up figures are
 * divided by.
 */
int
main(void)
{
	return 0;
}
