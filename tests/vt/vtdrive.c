/*
 * vtdrive - scripted pseudo-terminal driver for end-to-end tests of quire.
 *
 * Starts CMD under forkpty() with a fixed window size and TERM=xterm-256color,
 * feeds everything the child writes into a libvterm screen of the same size
 * (answering terminal queries such as DA/DSR back through the pty) and runs a
 * line-oriented script that sends keys and asserts on what the screen shows.
 * Every wait ends as soon as its condition holds and is bounded by a timeout.
 *
 * Usage: vtdrive [-s COLSxROWS] [-t SECS] [-e NAME=VALUE]... SCRIPT -- CMD [ARGS...]
 *   SCRIPT may be "-" (stdin); -e NAME= unsets NAME; LINES and COLUMNS are
 *   removed from the child's environment (they would override the pty size).
 * Commands: send, expect, expect-row, reject, settle, screen, resize, attr-at,
 *   wait-exit, altscreen, raw-log, timeout, signal, shell, sleep; example.vt documents them.
 * Exit status: 0 all passed, 1 an assertion failed, 2 usage/setup/script error.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vterm.h>

#define QUIET_MS 100 /* "settled" means no child output for this long */
#define STEP_MS 20   /* longest single poll; bounds child-exit detection latency */

typedef struct {
    char *s;
    size_t len, cap;
} Buf;

typedef struct {
    VTerm *vt;
    VTermScreen *screen;
    int master;         /* pty master fd, non-blocking */
    pid_t pid;          /* child: session and process group leader */
    int rows, cols;
    int altscreen;      /* tracked from VTERM_PROP_ALTSCREEN */
    int eof;            /* master read gave EOF/EIO: no more output can come */
    int exited, status; /* child reaped; status as a shell reports it */
    int logfd;          /* raw-log file or -1 */
    Buf out;            /* bytes queued for the child: keys and query replies */
    long timeout_ms;
    const char *script, *line; /* for messages */
    long lineno;
} Ctx;

typedef int Pred(Ctx *ctx, const void *arg);

/* Append n bytes to a buffer, keeping it NUL-terminated. */
static void buf_add(Buf *b, const void *p, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        if (!(b->s = realloc(b->s, cap))) {
            fputs("vtdrive: out of memory\n", stderr);
            exit(2);
        }
        b->cap = cap;
    }
    memcpy(b->s + b->len, p, n);
    b->len += n;
    b->s[b->len] = '\0';
}

/* Monotonic clock in milliseconds. */
static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* libvterm output callback: queue query replies and key sequences for the child. */
static void on_output(const char *s, size_t len, void *user)
{
    buf_add(&((Ctx *)user)->out, s, len);
}

/* libvterm screen callback: remember whether the alternate screen is active. */
static int on_termprop(VTermProp prop, VTermValue *val, void *user)
{
    if (prop == VTERM_PROP_ALTSCREEN)
        ((Ctx *)user)->altscreen = val->boolean;
    return 1;
}

/* Reap the child without blocking, recording its exit status. */
static void reap(Ctx *ctx)
{
    int st;
    if (ctx->exited || waitpid(ctx->pid, &st, WNOHANG) != ctx->pid)
        return;
    ctx->exited = 1;
    ctx->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* Poll the master up to ms: write queued input, read and interpret output.
 * Returns 1 if output was read, 0 if not, -1 once the pty reached EOF. */
static int pump(Ctx *ctx, long long ms)
{
    if (ctx->eof) {
        ctx->out.len = 0;
        reap(ctx);
        if (!ctx->exited && ms > 0)
            poll(NULL, 0, (int)(ms < STEP_MS ? ms : STEP_MS));
        return -1;
    }
    struct pollfd p = { .fd = ctx->master, .events = POLLIN | (ctx->out.len ? POLLOUT : 0) };
    int r = poll(&p, 1, (int)(ms < 0 ? 0 : ms)), got = 0;
    if (r < 0 && errno != EINTR && errno != EAGAIN) {
        perror("vtdrive: poll");
        exit(2);
    }
    if (r > 0 && (p.revents & POLLOUT) && ctx->out.len) {
        ssize_t w = write(ctx->master, ctx->out.s, ctx->out.len);
        if (w > 0) {
            memmove(ctx->out.s, ctx->out.s + w, ctx->out.len - (size_t)w);
            ctx->out.len -= (size_t)w;
        } else if (w < 0 && errno != EINTR && errno != EAGAIN) {
            ctx->out.len = 0; /* slave side gone: nobody will read it */
        }
    }
    if (r > 0 && (p.revents & (POLLIN | POLLHUP | POLLERR))) {
        char b[8192];
        ssize_t n = read(ctx->master, b, sizeof b);
        if (n > 0) {
            for (ssize_t off = 0, w; ctx->logfd >= 0 && off < n; off += w > 0 ? w : 0)
                if ((w = write(ctx->logfd, b + off, (size_t)(n - off))) < 0 && errno != EINTR)
                    break; /* raw log is best effort */
            vterm_input_write(ctx->vt, b, (size_t)n);
            got = 1;
        } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
            ctx->eof = 1; /* EIO: every slave fd is closed (child exited) */
        }
    }
    reap(ctx);
    return ctx->eof && !got ? -1 : got;
}

/* Read the output available right now without waiting, for at most ms. */
static void drain(Ctx *ctx, long long ms)
{
    long long end = now_ms() + ms;
    while (pump(ctx, 0) > 0 && now_ms() < end)
        ;
}

/* Pump until no output for QUIET_MS or EOF; returns 0 if the timeout hit first. */
static int settle(Ctx *ctx)
{
    long long deadline = now_ms() + ctx->timeout_ms, last = now_ms();
    for (;;) {
        long long t = now_ms(), w = last + QUIET_MS - t;
        if (ctx->eof || w <= 0)
            return 1;
        if (t >= deadline)
            return 0;
        if (pump(ctx, w < deadline - t ? w : deadline - t) > 0)
            last = now_ms();
    }
}

/* Pump until pred holds (1) or the timeout passes or output has ended (0). */
static int wait_for(Ctx *ctx, Pred *pred, const void *arg)
{
    long long deadline = now_ms() + ctx->timeout_ms;
    for (;;) {
        if (pred(ctx, arg))
            return 1;
        long long left = deadline - now_ms();
        if (left <= 0 || ctx->eof)
            return 0;
        if (pump(ctx, left < STEP_MS ? left : STEP_MS) > 0)
            drain(ctx, STEP_MS); /* check once per burst, not per read */
    }
}

/* Append code point c to b as UTF-8. */
static void put_utf8(Buf *b, uint32_t c)
{
    static const unsigned char lead[5] = { 0, 0, 0xC0, 0xE0, 0xF0 };
    unsigned char t[4];
    size_t n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    for (size_t i = n - 1; i > 0; i--, c >>= 6)
        t[i] = (unsigned char)(0x80 | (c & 0x3F));
    t[0] = (unsigned char)(lead[n] | c);
    buf_add(b, t, n);
}

/* Append the text of one cell (empty cell: space; right half of a wide char: nothing). */
static void cell_text(const VTermScreenCell *c, Buf *b)
{
    if (c->chars[0] == (uint32_t)-1)
        return;
    if (c->chars[0] == 0)
        buf_add(b, " ", 1);
    for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && c->chars[i]; i++)
        put_utf8(b, c->chars[i]);
}

/* Return rows [from, to) as a malloc'd string: rows right-trimmed, joined by \n. */
static char *screen_text(Ctx *ctx, int from, int to)
{
    Buf b = { 0 };
    buf_add(&b, "", 0);
    for (int row = from; row < to; row++) {
        if (row > from)
            buf_add(&b, "\n", 1);
        size_t start = b.len;
        for (int col = 0; col < ctx->cols;) {
            VTermScreenCell c;
            vterm_screen_get_cell(ctx->screen, (VTermPos){ .row = row, .col = col }, &c);
            cell_text(&c, &b);
            col += c.width > 1 ? c.width : 1;
        }
        while (b.len > start && b.s[b.len - 1] == ' ')
            b.len--;
        b.s[b.len] = '\0';
    }
    return b.s;
}

/* Print the numbered screen plus cursor and modes to f (for failure reports). */
static void dump_screen(Ctx *ctx, FILE *f)
{
    VTermPos cur;
    vterm_state_get_cursorpos(vterm_obtain_state(ctx->vt), &cur);
    fprintf(f, "--- screen %dx%d, cursor row %d col %d, altscreen %s, child %s ---\n",
            ctx->cols, ctx->rows, cur.row, cur.col, ctx->altscreen ? "on" : "off",
            ctx->exited ? "exited" : "running");
    for (int row = 0; row < ctx->rows; row++) {
        char *t = screen_text(ctx, row, row + 1);
        fprintf(f, "%3d|%s\n", row, t);
        free(t);
    }
    fputs("---\n", f);
}

/* Terminate (if still running) and reap the child, then release everything. */
static void finish(Ctx *ctx)
{
    reap(ctx);
    if (!ctx->exited) {
        if (kill(-ctx->pid, SIGTERM) < 0)
            kill(ctx->pid, SIGTERM);
        for (long long end = now_ms() + 2000; !ctx->exited && now_ms() < end;)
            pump(ctx, STEP_MS); /* keep reading so the child cannot block on output */
        if (!ctx->exited) {
            if (kill(-ctx->pid, SIGKILL) < 0)
                kill(ctx->pid, SIGKILL);
            while (waitpid(ctx->pid, NULL, 0) < 0 && errno == EINTR)
                ;
            ctx->exited = 1;
        }
    }
    close(ctx->master);
    if (ctx->logfd >= 0)
        close(ctx->logfd);
    vterm_free(ctx->vt);
    free(ctx->out.s);
}

/* Report a failure at the current script line, clean up and exit with code
 * (1 = assertion failed, also dumps the screen; 2 = script error). */
static void fail(Ctx *ctx, int code, const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fputs("vtdrive: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nvtdrive: at %s:%ld: %.200s%s\n", ctx->script, ctx->lineno, ctx->line,
            strlen(ctx->line) > 200 ? "..." : "");
    if (code == 1)
        dump_screen(ctx, stderr);
    finish(ctx);
    exit(code);
}

static const struct {
    const char *name, *seq;
    VTermKey key; /* seq NULL: generated by libvterm, which honours DECCKM */
} KEYS[] = {
    { "Up", NULL, VTERM_KEY_UP },     { "Down", NULL, VTERM_KEY_DOWN },
    { "Left", NULL, VTERM_KEY_LEFT }, { "Right", NULL, VTERM_KEY_RIGHT },
    { "Home", NULL, VTERM_KEY_HOME }, { "End", NULL, VTERM_KEY_END },
    { "PgUp", "\033[5~", 0 },         { "PgDn", "\033[6~", 0 },
    { "Ins", "\033[2~", 0 },          { "Del", "\033[3~", 0 },
    { "Enter", "\r", 0 },             { "Esc", "\033", 0 },
    { "Tab", "\t", 0 },               { "BTab", "\033[Z", 0 },
    { "BS", "\177", 0 },              { "Space", " ", 0 },
    { "F1", "\033OP", 0 },            { "F2", "\033OQ", 0 },
    { "F3", "\033OR", 0 },            { "F4", "\033OS", 0 },
    { "F5", "\033[15~", 0 },          { "F6", "\033[17~", 0 },
    { "F7", "\033[18~", 0 },          { "F8", "\033[19~", 0 },
    { "F9", "\033[20~", 0 },          { "F10", "\033[21~", 0 },
    { "F11", "\033[23~", 0 },         { "F12", "\033[24~", 0 },
};

/* Queue the key called name[0..len) for the child; 0 if the name is unknown. */
static int add_key(Ctx *ctx, const char *name, size_t len)
{
    if (len == 3 && (name[0] == 'C' || name[0] == 'c') && name[1] == '-' &&
        (isalpha((unsigned char)name[2]) || strchr("@[\\]^_", name[2]))) {
        char c = (char)(toupper((unsigned char)name[2]) & 0x1f);
        buf_add(&ctx->out, &c, 1);
        return 1;
    }
    for (size_t i = 0; i < sizeof KEYS / sizeof KEYS[0]; i++) {
        if (strlen(KEYS[i].name) != len || strncasecmp(KEYS[i].name, name, len))
            continue;
        if (KEYS[i].seq)
            buf_add(&ctx->out, KEYS[i].seq, strlen(KEYS[i].seq));
        else
            vterm_keyboard_key(ctx->vt, KEYS[i].key, VTERM_MOD_NONE); /* -> on_output */
        return 1;
    }
    return 0;
}

/* Decode backslash escapes into dst; with keys set also <Key> names (dst must be &ctx->out). */
static void decode(Ctx *ctx, const char *s, Buf *dst, int keys)
{
    static const char from[] = "nrte\\<", to[] = "\n\r\t\033\\<";
    while (*s) {
        if (*s == '\\') {
            const char *e = s[1] ? strchr(from, s[1]) : NULL;
            char c;
            if (e) {
                c = to[e - from];
                s += 2;
            } else if (s[1] == 'x' && isxdigit((unsigned char)s[2]) &&
                       isxdigit((unsigned char)s[3])) {
                c = (char)strtol((char[]){ s[2], s[3], 0 }, NULL, 16);
                s += 4;
            } else {
                fail(ctx, 2, "bad escape \\%.3s", s + 1);
                return;
            }
            buf_add(dst, &c, 1);
            continue;
        }
        size_t n = keys && *s == '<' ? strspn(s + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                     "abcdefghijklmnopqrstuvwxyz0123456789-@[]^_\\")
                                     : 0;
        if (n > 0 && s[1 + n] == '>') {
            if (!add_key(ctx, s + 1, n))
                fail(ctx, 2, "unknown key <%.*s> (write \\< for a literal <)", (int)n, s + 1);
            s += n + 2;
            continue;
        }
        buf_add(dst, s++, 1);
    }
}

typedef struct {
    int row; /* -1: whole screen */
    const char *text;
} Want;

/* Predicate: the screen (or one row) contains the wanted text. */
static int has_text(Ctx *ctx, const void *arg)
{
    const Want *w = arg;
    char *t = w->row < 0 ? screen_text(ctx, 0, ctx->rows) : screen_text(ctx, w->row, w->row + 1);
    int ok = strstr(t, w->text) != NULL;
    free(t);
    return ok;
}

/* Predicate: the alternate screen state equals *(const int *)arg. */
static int alt_is(Ctx *ctx, const void *arg)
{
    return ctx->altscreen == *(const int *)arg;
}

/* Format a colour as "default", a palette index, or #rrggbb. */
static void fmt_color(const VTermColor *c, int is_fg, char *out, size_t n)
{
    if (is_fg ? VTERM_COLOR_IS_DEFAULT_FG(c) : VTERM_COLOR_IS_DEFAULT_BG(c))
        snprintf(out, n, "default");
    else if (VTERM_COLOR_IS_INDEXED(c))
        snprintf(out, n, "%d", c->indexed.idx);
    else
        snprintf(out, n, "#%02x%02x%02x", c->rgb.red, c->rgb.green, c->rgb.blue);
}

typedef struct {
    int row, col;
    char **want; /* K=V tokens, NULL-terminated */
    char line[256], bad[160];
} AttrQuery;

/* Predicate: describe the cell into q->line and check every q->want against it. */
static int attr_match(Ctx *ctx, const void *arg)
{
    AttrQuery *q = (AttrQuery *)arg;
    static const char *const keys[9] = { "char", "bold", "underline", "italic", "reverse",
                                         "strike", "blink", "fg", "bg" };
    char vals[9][32];
    VTermScreenCell c;
    Buf ch = { 0 };
    vterm_screen_get_cell(ctx->screen, (VTermPos){ .row = q->row, .col = q->col }, &c);
    buf_add(&ch, "", 0);
    cell_text(&c, &ch);
    const unsigned v[6] = { c.attrs.bold, c.attrs.underline, c.attrs.italic,
                            c.attrs.reverse, c.attrs.strike, c.attrs.blink };
    snprintf(vals[0], sizeof vals[0], "%s", ch.s);
    for (int i = 0; i < 6; i++)
        snprintf(vals[i + 1], sizeof vals[i + 1], "%u", v[i]);
    fmt_color(&c.fg, 1, vals[7], sizeof vals[7]);
    fmt_color(&c.bg, 0, vals[8], sizeof vals[8]);
    free(ch.s);
    int len = snprintf(q->line, sizeof q->line, "%d %d '%s'", q->row, q->col, vals[0]);
    for (int i = 1; i < 9 && len > 0 && (size_t)len < sizeof q->line; i++)
        len += snprintf(q->line + len, sizeof q->line - (size_t)len, " %s=%s", keys[i], vals[i]);
    for (char **w = q->want; *w; w++) {
        size_t klen = strcspn(*w, "=");
        int i = 0;
        while (i < 9 && (strlen(keys[i]) != klen || strncmp(keys[i], *w, klen)))
            i++;
        if (i == 9 || (*w)[klen] != '=')
            fail(ctx, 2, "attr-at: bad KEY=VALUE '%s'", *w);
        if (strcmp(*w + klen + 1, vals[i])) {
            snprintf(q->bad, sizeof q->bad, "%s, got %s=%s", *w, keys[i], vals[i]);
            return 0;
        }
    }
    return 1;
}

/* Parse a decimal integer argument or fail with a script error. */
static long parse_long(Ctx *ctx, const char *s, const char *what)
{
    char *end;
    errno = 0;
    long v = s ? strtol(s, &end, 10) : 0;
    if (!s || end == s || *end || errno)
        fail(ctx, 2, "bad %s: '%s'", what, s ? s : "");
    return v;
}

/* Resolve a possibly negative index against n, or fail with a script error. */
static int resolve_index(Ctx *ctx, long i, int n, const char *what)
{
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        fail(ctx, 2, "%s out of range (0..%d)", what, n - 1);
    return (int)i;
}

/* Parse a positive number of seconds into milliseconds; -1 if malformed. */
static long parse_secs(const char *s)
{
    char *end;
    double v = strtod(s, &end);
    return end == s || *end || !(v > 0 && v < 1e6) ? -1 : (long)(v * 1000);
}

/* Execute one script line (modifiable copy, newline stripped). */
static void run_line(Ctx *ctx, char *line)
{
    char *arg = line + strcspn(line, " \t");
    if (*arg)
        *arg++ = '\0'; /* arg: everything after exactly one separator */
    const char *cmd = line;
    Buf text = { 0 };
    buf_add(&text, "", 0);
    if (!strcmp(cmd, "send")) {
        drain(ctx, ctx->timeout_ms); /* so DECCKM reflects all output so far */
        if (ctx->exited || ctx->eof)
            fail(ctx, 1, "send: child has already exited");
        decode(ctx, arg, &ctx->out, 1);
        long long deadline = now_ms() + ctx->timeout_ms;
        while (ctx->out.len && !ctx->eof && now_ms() < deadline)
            pump(ctx, STEP_MS);
        if (ctx->out.len && !ctx->eof)
            fail(ctx, 1, "send: child did not read its input within the timeout");
        /* A lone Esc at the end is followed by a pause, as a person's is:
         * quire reads Esc and a key within 60 ms as one (Esc-u, Alt-7). */
        size_t al = strlen(arg);
        if (al >= 5 && strcasecmp(arg + al - 5, "<Esc>") == 0) {
            long long until = now_ms() + 150;
            while (now_ms() < until && !ctx->eof)
                pump(ctx, STEP_MS);
        }
    } else if (!strcmp(cmd, "expect") || !strcmp(cmd, "reject")) {
        decode(ctx, arg, &text, 0);
        Want w = { -1, text.s };
        if (cmd[0] == 'e' && !wait_for(ctx, has_text, &w))
            fail(ctx, 1, "expect failed: %s", arg);
        if (cmd[0] == 'r' && (settle(ctx), has_text(ctx, &w)))
            fail(ctx, 1, "reject failed: %s", arg);
    } else if (!strcmp(cmd, "expect-row")) {
        char *rest = arg + strcspn(arg, " \t");
        if (*rest)
            *rest++ = '\0';
        Want w = { resolve_index(ctx, parse_long(ctx, arg, "row"), ctx->rows, "row"), NULL };
        decode(ctx, rest, &text, 0);
        w.text = text.s;
        if (!wait_for(ctx, has_text, &w))
            fail(ctx, 1, "expect-row failed: row %d does not contain: %s", w.row, rest);
    } else if (!strcmp(cmd, "settle")) {
        if (!settle(ctx))
            fprintf(stderr, "vtdrive: %s:%ld: warning: output did not settle\n", ctx->script,
                    ctx->lineno);
    } else if (!strcmp(cmd, "screen")) {
        settle(ctx);
        char *t = screen_text(ctx, 0, ctx->rows);
        printf("%s\n----\n", t);
        free(t);
    } else if (!strcmp(cmd, "resize")) {
        long cols = parse_long(ctx, strtok(arg, " \t"), "columns");
        long rows = parse_long(ctx, strtok(NULL, " \t"), "rows");
        if (cols < 1 || rows < 1 || cols > 1000 || rows > 1000)
            fail(ctx, 2, "bad size %ldx%ld", cols, rows);
        drain(ctx, ctx->timeout_ms); /* interpret pending output at the old size */
        ctx->cols = (int)cols;
        ctx->rows = (int)rows;
        vterm_set_size(ctx->vt, ctx->rows, ctx->cols);
        struct winsize ws = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };
        if (ioctl(ctx->master, TIOCSWINSZ, &ws) < 0)
            fail(ctx, 2, "TIOCSWINSZ: %s", strerror(errno));
    } else if (!strcmp(cmd, "attr-at")) {
        char *toks[64];
        int n = 0;
        for (char *t = strtok(arg, " \t"); t && n < 63; t = strtok(NULL, " \t"))
            toks[n++] = t;
        toks[n] = NULL;
        if (n < 2)
            fail(ctx, 2, "usage: attr-at ROW COL [KEY=VALUE]...");
        AttrQuery q = { .want = toks + 2 };
        q.row = resolve_index(ctx, parse_long(ctx, toks[0], "row"), ctx->rows, "row");
        q.col = resolve_index(ctx, parse_long(ctx, toks[1], "column"), ctx->cols, "column");
        if (n == 2)
            settle(ctx);
        if (!wait_for(ctx, attr_match, &q))
            fail(ctx, 1, "attr-at failed: expected %s\nvtdrive: cell %s", q.bad, q.line);
        printf("%s\n", q.line);
    } else if (!strcmp(cmd, "wait-exit")) {
        long want = *arg ? parse_long(ctx, arg, "exit status") : -1;
        long long deadline = now_ms() + ctx->timeout_ms;
        while (reap(ctx), !ctx->exited) {
            long long left = deadline - now_ms();
            if (left <= 0)
                fail(ctx, 1, "wait-exit: child still running after the timeout");
            pump(ctx, left < STEP_MS ? left : STEP_MS);
        }
        settle(ctx); /* collect output still in flight */
        if (want >= 0 && ctx->status != want)
            fail(ctx, 1, "wait-exit: exit status %d, expected %ld", ctx->status, want);
    } else if (!strcmp(cmd, "altscreen")) {
        int on = !strcmp(arg, "on");
        if (!on && strcmp(arg, "off"))
            fail(ctx, 2, "usage: altscreen on|off");
        if (!wait_for(ctx, alt_is, &on))
            fail(ctx, 1, "altscreen: expected %s", arg);
    } else if (!strcmp(cmd, "raw-log")) {
        if (!*arg)
            fail(ctx, 2, "usage: raw-log FILE");
        if (ctx->logfd >= 0)
            close(ctx->logfd);
        if ((ctx->logfd = open(arg, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644)) < 0)
            fail(ctx, 2, "raw-log: %s: %s", arg, strerror(errno));
    } else if (!strcmp(cmd, "timeout")) {
        if ((ctx->timeout_ms = parse_secs(arg)) < 0)
            fail(ctx, 2, "bad timeout '%s'", arg);
    } else if (!strcmp(cmd, "signal")) {
        static const struct { const char *name; int sig; } sigs[] = {
            { "TERM", SIGTERM }, { "INT", SIGINT }, { "HUP", SIGHUP },
            { "CONT", SIGCONT }, { "TSTP", SIGTSTP }, { "WINCH", SIGWINCH },
            { "KILL", SIGKILL },
        };
        size_t i;
        for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
            if (!strcmp(arg, sigs[i].name))
                break;
        if (i == sizeof(sigs) / sizeof(sigs[0]))
            fail(ctx, 2, "signal: unknown signal '%s'", arg);
        if (kill(-ctx->pid, sigs[i].sig) < 0)
            kill(ctx->pid, sigs[i].sig);
    } else if (!strcmp(cmd, "shell")) {
        int rc = system(arg);
        if (rc != 0)
            fail(ctx, 1, "shell: '%s' exited with %d", arg, rc);
    } else if (!strcmp(cmd, "sleep")) {
        long long end = now_ms() + parse_long(ctx, arg, "milliseconds");
        for (long long left; (left = end - now_ms()) > 0;)
            pump(ctx, left < STEP_MS ? left : STEP_MS);
    } else {
        fail(ctx, 2, "unknown command '%s'", cmd);
    }
    fflush(stdout);
    free(text.s);
}

/* Print usage and exit 2. */
static void usage(void)
{
    fputs("usage: vtdrive [-s COLSxROWS] [-t TIMEOUT_SECS] [-e NAME=VALUE]... "
          "SCRIPT -- CMD [ARGS...]\n", stderr);
    exit(2);
}

/* In the forked child: set up environment and signals, then exec the command. */
static void exec_child(char **env, int nenv, char **cmd)
{
    static const int sigs[] = { SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGHUP, SIGCHLD, SIGWINCH };
    sigset_t none;
    setenv("TERM", "xterm-256color", 1);
    unsetenv("LINES");
    unsetenv("COLUMNS");
    for (int i = 0; i < nenv; i++) {
        char *eq = strchr(env[i], '=');
        *eq = '\0';
        if (eq[1])
            setenv(env[i], eq + 1, 1);
        else
            unsetenv(env[i]);
    }
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        signal(sigs[i], SIG_DFL);
    execvp(cmd[0], cmd);
    fprintf(stderr, "vtdrive: exec %s: %s\r\n", cmd[0], strerror(errno));
    _exit(127);
}

int main(int argc, char **argv)
{
    Ctx ctx = { .rows = 24, .cols = 80, .logfd = -1, .timeout_ms = 5000, .line = "" };
    char **env = calloc((size_t)argc, sizeof *env), extra;
    int nenv = 0, opt;
    if (!env)
        return 2;
    while ((opt = getopt(argc, argv, "+s:t:e:")) != -1) {
        if (opt == 's') {
            if (sscanf(optarg, "%dx%d%c", &ctx.cols, &ctx.rows, &extra) != 2 || ctx.cols < 1 ||
                ctx.rows < 1 || ctx.cols > 1000 || ctx.rows > 1000)
                usage();
        } else if (opt == 't') {
            if ((ctx.timeout_ms = parse_secs(optarg)) < 0)
                usage();
        } else if (opt == 'e' && strchr(optarg, '=') && optarg[0] != '=') {
            env[nenv++] = optarg;
        } else {
            usage();
        }
    }
    if (optind >= argc)
        usage();
    ctx.script = argv[optind++];
    if (optind < argc && !strcmp(argv[optind], "--"))
        optind++;
    if (optind >= argc)
        usage();
    FILE *sf = strcmp(ctx.script, "-") ? fopen(ctx.script, "r") : stdin;
    if (!sf) {
        fprintf(stderr, "vtdrive: %s: %s\n", ctx.script, strerror(errno));
        free(env);
        return 2;
    }

    ctx.vt = vterm_new(ctx.rows, ctx.cols); /* note: rows first */
    vterm_set_utf8(ctx.vt, 1);
    vterm_output_set_callback(ctx.vt, on_output, &ctx);
    ctx.screen = vterm_obtain_screen(ctx.vt);
    static const VTermScreenCallbacks cbs = { .settermprop = on_termprop };
    vterm_screen_set_callbacks(ctx.screen, &cbs, &ctx);
    vterm_screen_enable_altscreen(ctx.screen, 1);
    vterm_screen_reset(ctx.screen, 1);

    fflush(NULL);
    struct winsize ws = { .ws_row = (unsigned short)ctx.rows, .ws_col = (unsigned short)ctx.cols };
    if ((ctx.pid = forkpty(&ctx.master, NULL, NULL, &ws)) < 0) {
        perror("vtdrive: forkpty");
        return 2;
    }
    if (ctx.pid == 0)
        exec_child(env, nenv, argv + optind);
    fcntl(ctx.master, F_SETFL, fcntl(ctx.master, F_GETFL) | O_NONBLOCK);
    fcntl(ctx.master, F_SETFD, FD_CLOEXEC);

    char *line = NULL;
    size_t cap = 0;
    for (ssize_t n; (n = getline(&line, &cap, sf)) >= 0;) {
        ctx.lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        char *p = line + strspn(line, " \t"), *copy;
        if (!*p || *p == '#')
            continue;
        if (!(copy = strdup(p))) /* run_line splits its copy in place */
            return 2;
        ctx.line = p;
        run_line(&ctx, copy);
        free(copy);
    }
    free(line);
    if (sf != stdin)
        fclose(sf);
    free(env);
    finish(&ctx);
    return 0;
}
