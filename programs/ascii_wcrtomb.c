/* SPDX-License-Identifier: MIT */
/*
 * Linked only into the static programs (ASA_STATIC), ahead of libc.a.
 * libedit converts every character it writes with wcrtomb(3) (and some
 * with wctomb(3)), and glibc's goes through its converter machinery for
 * each one: in the C locale asaemu runs in, a quarter of the
 * instructions of a command typed on a terminal (9,300 of 37,000 for
 * "show curpriv"). ASCII is the C locale's character set and the same
 * byte in every locale glibc offers, so it is written here; anything else
 * goes to glibc's own (__wcrtomb, the strong name its weak wcrtomb is an
 * alias of), which says what the locale says.
 */
#include <stdlib.h>
#include <wchar.h>

size_t	__wcrtomb(char *, wchar_t, mbstate_t *);

size_t
wcrtomb(char *s, wchar_t wc, mbstate_t *ps)
{
	if (s != NULL && wc >= 0 && wc < 0x80) {
		*s = (char)wc;
		return 1;
	}
	return __wcrtomb(s, wc, ps);
}

int
wctomb(char *s, wchar_t wc)
{
	static mbstate_t state;

	if (s == NULL)
		return 0;		/* no shift states */
	return (int)wcrtomb(s, wc, &state);
}
