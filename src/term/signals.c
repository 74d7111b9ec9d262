/*
 * The signals that end quire while the screen is up.  Every signal whose
 * default action ends the process and that can be caught only sets a
 * flag here (SIGINT a flag of its own, which reads as Ctrl-C); the key
 * loop sees it, saves the reading position, restores the terminal and
 * exits with 128 + the signal.  The crash signals (SEGV, BUS, FPE, ILL,
 * ABRT, TRAP, SYS) cannot wait for the loop: their handler writes the
 * terminal's leaving sequence prepared at the start and puts back the
 * shell's terminal modes (write and tcsetattr only, both safe in a
 * handler), then lets the signal take its former course (a core dump, or
 * a sanitizer's report).
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "signals.h"

/* The signals that end quire by default, caught to a flag. */
static const int ending[] = {
	SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE,
	SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ,
#ifdef SIGPOLL
	SIGPOLL,
#endif
#ifdef SIGSTKFLT
	SIGSTKFLT,
#endif
#ifdef SIGPWR
	SIGPWR,
#endif
};

/* The signals of a crash: restored on the spot, then let through. */
static const int crash[] = {
	SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP, SIGSYS,
};

#define NSIG_MAX 65 /* signals 1-64, the real-time ones included */

static volatile sig_atomic_t quit_sig;
static volatile sig_atomic_t intr;
static volatile sig_atomic_t armed;     /* the screen is up */
static struct sigaction before[NSIG_MAX];
static unsigned char caught[NSIG_MAX];
static char leave[256];                 /* the terminal's leaving sequence */
static size_t leave_len;
static struct termios shell;            /* the modes before curses */
static int tty_fd = -1;
static char alt_stack[65536];           /* for a crash of stack overflow */

/* Record a request to quit, or Ctrl-C; the key loop acts on it. */
static void
on_ending(int sig)
{
	if (sig == SIGINT)
		intr = 1;
	else if (quit_sig == 0)
		quit_sig = sig;
}

/* A crash: give the terminal back, then let the signal go on as it
 * would have (a fault repeats on return; a sent signal is raised). */
static void
on_crash(int sig, siginfo_t *si, void *ctx)
{
	int e = errno;

	(void)ctx;
	if (armed) {
		armed = 0;
		if (leave_len > 0)
			(void)!write(tty_fd, leave, leave_len);
		tcsetattr(tty_fd, TCSANOW, &shell);
	}
	sigaction(sig, &before[sig], NULL);
	if (si == NULL || si->si_code <= 0 || sig == SIGABRT)
		raise(sig);
	errno = e;
}

/* Catch SIG with HANDLER, or with ACTION given SIGINFO (on the
 * alternate stack), keeping its former action. */
static void
take(int sig, int siginfo, void (*handler)(int),
    void (*action)(int, siginfo_t *, void *))
{
	struct sigaction sa;

	if (sig <= 0 || sig >= NSIG_MAX)
		return;
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	if (siginfo) {
		sa.sa_sigaction = action;
		sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	} else
		sa.sa_handler = handler;
	if (sigaction(sig, &sa, &before[sig]) == 0)
		caught[sig] = 1;
}

void
signals_catch(int fd)
{
	stack_t ss;
	size_t i;
	int sig;

	tty_fd = fd;
	if (tcgetattr(fd, &shell) != 0)
		tty_fd = -1;
	take(SIGINT, 0, on_ending, NULL);
	for (i = 0; i < sizeof(ending) / sizeof(ending[0]); i++)
		take(ending[i], 0, on_ending, NULL);
#ifdef SIGRTMIN
	for (sig = SIGRTMIN; sig <= SIGRTMAX; sig++)
		take(sig, 0, on_ending, NULL);
#endif
	(void)sig;
	if (tty_fd >= 0) {
		memset(&ss, 0, sizeof(ss));
		ss.ss_sp = alt_stack;
		ss.ss_size = sizeof(alt_stack);
		sigaltstack(&ss, NULL);
		for (i = 0; i < sizeof(crash) / sizeof(crash[0]); i++)
			take(crash[i], 1, NULL, on_crash);
	}
}

void
signals_arm(const char *leave_seq)
{
	leave_len = strlen(leave_seq);
	if (leave_len >= sizeof(leave))
		leave_len = 0;
	memcpy(leave, leave_seq, leave_len);
	armed = 1;
}

void
signals_release(void)
{
	int sig;

	armed = 0;
	for (sig = 1; sig < NSIG_MAX; sig++)
		if (caught[sig]) {
			sigaction(sig, &before[sig], NULL);
			caught[sig] = 0;
		}
}

int
signals_quit(void)
{
	return (int)quit_sig;
}

int
signals_interrupted(void)
{
	if (!intr)
		return 0;
	intr = 0;
	return 1;
}
