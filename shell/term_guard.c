/* SPDX-License-Identifier: MIT */
/*
 * Terminals given back on every exit a signal allows. The line editor
 * puts its terminal in raw mode (no echo, no canonical input, no
 * signals); a clean exit, and the SIGTERM, SIGINT and SIGHUP the device
 * handles, restore it through lineedit_free. Any other signal that ends
 * the process (SIGQUIT, SIGUSR1, SIGALRM, a crash's SIGSEGV or SIGABRT,
 * ...) would leave it raw: for those, a handler puts every registered
 * terminal's modes back (tcsetattr is async-signal-safe), reinstalls
 * whatever handled the signal before (the default, or a sanitizer's) and
 * raises it again. SIGKILL cannot be caught; the thin client (asaemu
 * attach) restores its own terminal when the device goes.
 */
#include "shell/shell.h"

#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "shell/shell_int.h"

#define GUARD_MAX	16	/* terminals at once; more go unguarded */

static struct guard {
	volatile sig_atomic_t	 used;
	int			 fd;
	struct termios		 saved;
} guards[GUARD_MAX];

static const int guard_sigs[] = {
	SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
	SIGXFSZ, SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGSYS,
};
#define GUARD_NSIGS	(sizeof guard_sigs / sizeof guard_sigs[0])

static struct sigaction	 guard_old[GUARD_NSIGS];
static bool		 guard_installed;

static void
guard_handler(int sig, siginfo_t *si, void *uc)
{
	int	 saved = errno;

	for (size_t i = 0; i < GUARD_MAX; i++) {
		if (guards[i].used)
			(void)tcsetattr(guards[i].fd, TCSANOW,
			    &guards[i].saved);
	}
	for (size_t i = 0; i < GUARD_NSIGS; i++) {
		if (guard_sigs[i] == sig) {
			(void)sigaction(sig, &guard_old[i], NULL);
			break;
		}
	}
	errno = saved;
	(void)uc;
	/*
	 * A fault (si_code > 0) happens again when the handler returns, and
	 * meets the old handler; a signal that was sent is sent again
	 * (blocked until this handler returns).
	 */
	if (si == NULL || si->si_code <= 0 || (sig != SIGSEGV &&
	    sig != SIGBUS && sig != SIGFPE && sig != SIGILL))
		(void)raise(sig);
}

static void
guard_install(void)
{
	struct sigaction	 sa;

	guard_installed = true;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = guard_handler;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < GUARD_NSIGS; i++) {
		if (sigaction(guard_sigs[i], NULL, &guard_old[i]) != 0 ||
		    (!(guard_old[i].sa_flags & SA_SIGINFO) &&
		    guard_old[i].sa_handler == SIG_IGN))
			continue;
		(void)sigaction(guard_sigs[i], &sa, NULL);
	}
}

void
term_guard_add(int fd, const struct termios *saved)
{
	if (!guard_installed)
		guard_install();
	for (size_t i = 0; i < GUARD_MAX; i++) {
		if (guards[i].used)
			continue;
		guards[i].fd = fd;
		guards[i].saved = *saved;
		guards[i].used = 1;
		return;
	}
}

void
term_guard_remove(int fd)
{
	for (size_t i = 0; i < GUARD_MAX; i++) {
		if (guards[i].used && guards[i].fd == fd) {
			guards[i].used = 0;
			return;
		}
	}
}
