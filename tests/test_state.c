/*
 * Tests of the reading positions file (src/state.c): concurrent quire
 * processes saving at once lose nothing (the lock), the file never grows
 * past what the reader takes (oldest out first), a damaged file is moved
 * aside rather than overwritten, an empty file is empty, a place's step
 * is kept, and a FIFO or a
 * directory at the path neither hangs quire nor is replaced.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "quire/state.h"

#define PROCS 20
#define ROUNDS 8

static char dir[256], pos_path[300], bad_path[300];

/* Write LEN bytes of DATA as the positions file. */
static void
put_file(const char *data, size_t len)
{
	FILE *f = fopen(pos_path, "wb");

	fwrite(data, 1, len, f);
	fclose(f);
}

/* Count the entries (lines after the header) of the positions file. */
static size_t
entries(void)
{
	size_t len, n = 0, i;
	char *s = t_slurp(pos_path, &len);

	if (s == NULL)
		return 0;
	for (i = 0; i < len; i++)
		n += s[i] == '\n';
	free(s);
	return n > 0 ? n - 1 : 0;
}

/* Whether the file at PATH exists. */
static int
exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

/* PROCS processes each save a position for a key of their own, started
 * together; ROUNDS times.  Every one must be there after. */
static void
concurrent(void)
{
	int round, i, status, failed = 0, fds[2];
	char key[64], err[256], go;
	struct state_pos p;
	pid_t pid;

	for (round = 0; round < ROUNDS; round++) {
		if (pipe(fds) != 0)
			abort();
		for (i = 0; i < PROCS; i++) {
			if ((pid = fork()) == 0) {
				close(fds[1]);
				(void)!read(fds[0], &go, 1); /* all start at once */
				snprintf(key, sizeof(key), "path:/doc/%d/%d",
				    round, i);
				p.block = (uint32_t)i;
				p.off = (uint32_t)round;
				p.step = 0;
				_exit(state_put(key, &p, err, sizeof(err)) == 0 ?
				    0 : 1);
			}
		}
		close(fds[0]);
		close(fds[1]); /* EOF: every child reads at once */
		for (i = 0; i < PROCS; i++)
			if (wait(&status) < 0 || !WIFEXITED(status) ||
			    WEXITSTATUS(status) != 0)
				failed++;
	}
	INT_EQ(failed, 0, "%d processes x %d rounds saved without an error",
	    PROCS, ROUNDS);
	INT_EQ(entries(), PROCS * ROUNDS,
	    "no position lost to processes saving at once");
	snprintf(key, sizeof(key), "path:/doc/%d/%d", ROUNDS - 1, PROCS - 1);
	OK(state_get(key, &p, err, sizeof(err)) == 1 &&
	    p.block == PROCS - 1 && p.off == ROUNDS - 1,
	    "a position saved concurrently reads back");
}

/* Long keys: the file stays within what the reader takes, and the
 * newest are kept. */
static void
capped(void)
{
	char key[4100], err[256], warn[256];
	struct state_pos p = { 1, 2, 0 };
	struct stat st;
	int i, ok = 1;

	unlink(pos_path);
	for (i = 0; i < 300; i++) {
		snprintf(key, sizeof(key), "path:/%0*d", 4000, i);
		ok &= state_put(key, &p, err, sizeof(err)) == 0;
	}
	OK(ok, "300 positions of 4 KB keys saved");
	if (stat(pos_path, &st) != 0)
		st.st_size = -1;
	OK(st.st_size > 1000 * 1000 && st.st_size <= 1024 * 1024,
	    "the file stays within 1 MiB (%lld bytes)",
	    (long long)st.st_size);
	OK(state_get(key, &p, warn, sizeof(warn)) == 1 && warn[0] == '\0',
	    "the newest is kept and the file reads without a warning: %s",
	    warn);
	snprintf(key, sizeof(key), "path:/%0*d", 4000, 0);
	OK(state_get(key, &p, warn, sizeof(warn)) == 0,
	    "the oldest went out first");
}

/* A NUL byte, a bad header, an empty file. */
static void
damaged(void)
{
	static const char nul[] = "quire-positions 1\n1\t2\t3\tpath:/a\n\0x\n";
	static const char hdr[] = "not-quire 9\n1\t2\t3\tpath:/a\n";
	struct state_pos p = { 5, 6, 0 };
	char warn[512], err[512];
	size_t len;
	char *s;

	put_file(nul, sizeof(nul) - 1);
	unlink(bad_path);
	OK(state_get("path:/a", &p, warn, sizeof(warn)) == 0 &&
	    strstr(warn, "a NUL byte") && strstr(warn, "moved to") &&
	    strstr(warn, "positions.bad"),
	    "a NUL byte: the note says the file was moved aside: %s", warn);
	s = t_slurp(bad_path, &len);
	OK(s != NULL && len == sizeof(nul) - 1 && memcmp(s, nul, len) == 0,
	    "positions.bad holds the damaged file as it was");
	free(s);
	OK(!exists(pos_path), "nothing is left at the positions path");

	put_file(hdr, sizeof(hdr) - 1);
	OK(state_put("path:/b", &p, err, sizeof(err)) == 0 &&
	    strstr(err, "no header") && strstr(err, "moved to"),
	    "a bad header at saving: moved aside, and said: %s", err);
	s = t_slurp(bad_path, &len);
	OK(s != NULL && strcmp(s, hdr) == 0,
	    "positions.bad holds the file with the bad header");
	free(s);
	OK(state_get("path:/b", &p, warn, sizeof(warn)) == 1 &&
	    warn[0] == '\0', "the new position was saved in a fresh file");

	put_file("", 0);
	unlink(bad_path);
	OK(state_get("path:/b", &p, warn, sizeof(warn)) == 0 &&
	    warn[0] == '\0' && !exists(bad_path),
	    "an empty file is empty, not damaged: '%s'", warn);
	OK(state_put("path:/b", &p, err, sizeof(err)) == 0 && err[0] == '\0' &&
	    entries() == 1, "an empty file takes a position: '%s'", err);
}

/* A step is kept (a heading's rule, not the heading); one of 0 is
 * written as before, so a quire that knows no steps reads it. */
static void
steps(void)
{
	static const char old[] = "quire-positions 1\n1\t2\t3\tpath:/a\n"
	    "1\t4\t5:-2\tpath:/b\n1\t6\t7:x\tpath:/c\n";
	struct state_pos p = { 8, 9, 1 };
	char warn[512], err[512], *s;
	size_t len;

	unlink(pos_path);
	OK(state_put("path:/s", &p, err, sizeof(err)) == 0, "saved: %s", err);
	p.step = 0;
	OK(state_get("path:/s", &p, warn, sizeof(warn)) == 1 &&
	    p.block == 8 && p.off == 9 && p.step == 1,
	    "block, offset and step read back (%d)", (int)p.step);
	p.step = 0;
	OK(state_put("path:/z", &p, err, sizeof(err)) == 0, "saved: %s", err);
	s = t_slurp(pos_path, &len);
	OK(s != NULL && strstr(s, "\t8\t9:1\tpath:/s\n") != NULL &&
	    strstr(s, "\t8\t9\tpath:/z\n") != NULL,
	    "a step after the offset, none when it is 0: %s", s ? s : "");
	free(s);
	p.step = 200000; /* past what is read back: not written */
	OK(state_put("path:/far", &p, err, sizeof(err)) == 0 &&
	    state_get("path:/far", &p, warn, sizeof(warn)) == 1 &&
	    warn[0] == '\0' && p.step == 0,
	    "a step too large to read back is left out: '%s'", warn);
	put_file(old, sizeof(old) - 1);
	OK(state_get("path:/a", &p, warn, sizeof(warn)) == 1 && p.step == 0,
	    "a line without a step reads as step 0");
	OK(state_get("path:/b", &p, warn, sizeof(warn)) == 1 &&
	    p.off == 5 && p.step == -2, "a step back reads (%d)", (int)p.step);
	OK(state_get("path:/c", &p, warn, sizeof(warn)) == 0,
	    "a step that is no number: the line is left out");
}

/* A FIFO or a directory at the positions path: no hang, not replaced. */
static void
not_regular(void)
{
	struct state_pos p = { 1, 1, 0 };
	char warn[512], err[512];
	struct stat st;

	unlink(pos_path);
	if (mkfifo(pos_path, 0600) != 0) {
		OK(0, "mkfifo");
		return;
	}
	alarm(20); /* a hang fails the test rather than the suite's timeout */
	OK(state_get("path:/a", &p, warn, sizeof(warn)) == 0 &&
	    strstr(warn, "not a regular file"),
	    "a FIFO at the path is not read: %s", warn);
	OK(state_put("path:/a", &p, err, sizeof(err)) == -1 &&
	    strstr(err, "not a regular file"),
	    "a FIFO at the path: the save fails, saying why: %s", err);
	OK(stat(pos_path, &st) == 0 && S_ISFIFO(st.st_mode),
	    "the FIFO is not replaced");
	unlink(pos_path);
	mkdir(pos_path, 0700);
	OK(state_get("path:/a", &p, warn, sizeof(warn)) == 0 &&
	    strstr(warn, "not a regular file"), "a directory: %s", warn);
	OK(state_put("path:/a", &p, err, sizeof(err)) == -1,
	    "a directory at the path: the save fails: %s", err);
	rmdir(pos_path);
	alarm(0);
}

int
main(void)
{
	char tmpl[] = "/tmp/quire-state-XXXXXX";

	if (mkdtemp(tmpl) == NULL)
		return 1;
	setenv("XDG_STATE_HOME", tmpl, 1);
	snprintf(dir, sizeof(dir), "%s/quire", tmpl);
	snprintf(pos_path, sizeof(pos_path), "%s/positions", dir);
	snprintf(bad_path, sizeof(bad_path), "%s/positions.bad", dir);
	concurrent();
	capped();
	damaged();
	steps();
	not_regular();
	unlink(pos_path);
	unlink(bad_path);
	snprintf(bad_path, sizeof(bad_path), "%s/positions.lock", dir);
	unlink(bad_path);
	rmdir(dir);
	rmdir(tmpl);
	return t_done();
}
