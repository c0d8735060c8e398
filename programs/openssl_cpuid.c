/* SPDX-License-Identifier: MIT */
/*
 * Linked only into the static programs (ASA_STATIC), ahead of libcrypto.a,
 * whose cpuid.o this takes the place of. OpenSSL's x86_64cpuid.o calls
 * OPENSSL_cpuid_setup() from the .init section, before main, to read the
 * processor's features into OPENSSL_ia32cap_P. Every CPUID traps to the
 * hypervisor on a virtual machine: that set-up took 55 us of every run,
 * a batch of two commands among them, whether or not it used OpenSSL.
 * OpenSSL calls it again from its own initialisation (ossl_init_base, once,
 * before its first algorithm), and that call reads the features. Until
 * then the vector is zero, which OpenSSL's assembly takes as the baseline
 * x86-64 instruction set: slower code, the same results. The
 * OPENSSL_ia32cap environment variable is not read.
 */
#include <stdint.h>

/* x86_64cpuid.o's: the vector, and the routine that runs CPUID. */
extern unsigned int OPENSSL_ia32cap_P[4];
uint64_t	OPENSSL_ia32_cpuid(unsigned int *);
void		OPENSSL_cpuid_setup(void);

void
OPENSSL_cpuid_setup(void)
{
	static unsigned	calls;
	uint64_t	vec;

	/* The first call is .init's; the second, OpenSSL's first use. */
	if (calls++ != 1)
		return;
	vec = OPENSSL_ia32_cpuid(OPENSSL_ia32cap_P);
	/* Bit 10, reserved by the processor, marks the vector as read. */
	OPENSSL_ia32cap_P[0] = (unsigned int)vec | (1u << 10);
	OPENSSL_ia32cap_P[1] = (unsigned int)(vec >> 32);
}
