/* script: input scripts that push real SDL events at their times (see script.h). */
#include "script.h"

#include "library.h"
#include "loaders.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    TAP_MS = 50,           /* a tap: finger down, then up this much later */
    TRACE_STEP_MS = 16,    /* a trace moves its finger this often */
    MAX_TOKENS = 12,
    MAX_FINGERS_TRACKED = 64,
    MAX_ACTIONS = 500000,       /* events a script may push: about 40 MB, over half an hour of traces */
    MAX_SCRIPT_MS = 86400000    /* a script's clock stays within a day (the trainer's ticks are 32-bit) */
};

/* Finger ids the script chooses itself, far from those a script names. */
static const SDL_FingerID TAP_FINGER_ID = (SDL_FingerID)1 << 40;
static const SDL_FingerID REPLAY_FINGER_BASE = (SDL_FingerID)1 << 41;

typedef enum ActionKind { ACT_FINGER, ACT_FINGER_WINDOW, ACT_MOUSE, ACT_MOUSE_WINDOW, ACT_WHEEL, ACT_KEY } ActionKind;
typedef enum Phase { PHASE_DOWN, PHASE_MOVE, PHASE_UP } Phase;

/* One SDL event to push at script time t_ms. */
typedef struct Action {
    double t_ms;            /* since the script started */
    size_t order;           /* position in the file, to keep equal times in written order */
    ActionKind kind;
    Phase phase;            /* fingers and mouse; keys: DOWN or UP */
    bool synthetic;         /* SDL's own duplicate (mouse-from-touch / touch-from-mouse) */
    SDL_FingerID finger;
    double x, y;            /* body-map cm; ACT_*_WINDOW: window fraction 0..1 */
    float pressure;         /* 0..1 */
    int notches;            /* wheel */
    SDL_Keycode key;
} Action;

/* Where a finger was last pushed, for its dx/dy. */
typedef struct FingerPos {
    SDL_TouchID touch;
    SDL_FingerID finger;
    float x, y;
} FingerPos;

struct GtScript {
    Action *actions;        /* count used, capacity allocated; sorted by time once loaded */
    size_t count, capacity;
    size_t next;            /* first action not yet pushed */
    bool started;
    Uint32 start_ticks;
    FingerPos fingers[MAX_FINGERS_TRACKED];
    size_t finger_count;
    int mouse_x, mouse_y;   /* last mouse position pushed, window points */
    bool mouse_down;
    SDL_FingerID next_replay_finger;
};

/* What one line is parsed with. */
typedef struct Parser {
    GtScript *script;
    const char *path;       /* the script file, for messages and relative replay paths */
    int line;
    double clock_ms;        /* when the next command happens */
    char *error;
    size_t error_size;
} Parser;

static bool fail(Parser *p, const char *format, ...) __attribute__((format(printf, 2, 3)));

/* Writes "FILE:LINE: message" into the parser's error buffer; always returns false. */
static bool fail(Parser *p, const char *format, ...) {
    if (!p->error || !p->error_size) return false;
    int n = snprintf(p->error, p->error_size, "%s:%d: ", p->path, p->line);
    if (n < 0 || (size_t)n >= p->error_size) return false;
    va_list args;
    va_start(args, format);
    vsnprintf(p->error + n, p->error_size - (size_t)n, format, args);
    va_end(args);
    return false;
}

/* Appends an action at the parser's order; false (with a message) when memory runs out. */
static bool add_action(Parser *p, Action action) {
    GtScript *s = p->script;
    if (s->count >= MAX_ACTIONS)
        return fail(p, "the script pushes more than %d events; split it into shorter scripts", MAX_ACTIONS);
    if (action.t_ms > MAX_SCRIPT_MS)
        return fail(p, "the script runs past a day (%d ms); scripts drive tests and demonstrations", MAX_SCRIPT_MS);
    if (s->count == s->capacity) {
        size_t capacity = s->capacity ? s->capacity * 2 : 64;
        Action *grown = realloc(s->actions, capacity * sizeof *grown);
        if (!grown) return fail(p, "out of memory");
        s->actions = grown;
        s->capacity = capacity;
    }
    action.order = s->count;
    s->actions[s->count++] = action;
    return true;
}

/* Parses a whole token as a finite number; false (with a message naming `what`) otherwise. */
static bool number(Parser *p, const char *token, const char *what, double *value) {
    char *end = NULL;
    errno = 0;
    double v = strtod(token, &end);
    if (end == token || *end != '\0' || errno == ERANGE || !isfinite(v))
        return fail(p, "%s must be a number, not \"%s\"", what, token);
    *value = v;
    return true;
}

/* A number in [lo, hi]. */
static bool number_in(Parser *p, const char *token, const char *what, double lo, double hi, double *value) {
    if (!number(p, token, what, value)) return false;
    if (*value < lo || *value > hi) return fail(p, "%s must be between %g and %g, not %s", what, lo, hi, token);
    return true;
}

/* A finger id: a whole number 0..999999. */
static bool finger_id(Parser *p, const char *token, SDL_FingerID *id) {
    double v = 0.0;
    if (!number_in(p, token, "the finger ID", 0, 999999, &v)) return false;
    if (v != floor(v)) return fail(p, "the finger ID must be a whole number, not %s", token);
    *id = (SDL_FingerID)v;
    return true;
}

/* Reads down, move or up; false (with a message naming the command) for anything else. */
static bool phase_of(Parser *p, const char *command, const char *token, Phase *phase) {
    if (strcmp(token, "down") == 0) *phase = PHASE_DOWN;
    else if (strcmp(token, "move") == 0) *phase = PHASE_MOVE;
    else if (strcmp(token, "up") == 0) *phase = PHASE_UP;
    else return fail(p, "%s: expected down, move or up, not \"%s\"", command, token);
    return true;
}

/* Checks the token count of a command: between lo and hi arguments after its name. */
static bool arity(Parser *p, int n, int lo, int hi, const char *usage) {
    if (n - 1 < lo) return fail(p, "too few values; usage: %s", usage);
    if (n - 1 > hi) return fail(p, "too many values; usage: %s", usage);
    return true;
}

/* finger down|move|up ID X Y [P] [synthetic] */
static bool parse_finger(Parser *p, char **tok, int n) {
    static const char usage[] = "finger down|move|up ID X Y [P] [synthetic]";
    bool synthetic = n > 1 && strcmp(tok[n - 1], "synthetic") == 0;
    if (synthetic) n--;
    if (!arity(p, n, 4, 5, usage)) return false;
    Action a = { .t_ms = p->clock_ms, .kind = ACT_FINGER, .synthetic = synthetic, .pressure = 1.0f };
    double pressure = 1.0;
    if (!phase_of(p, "finger", tok[1], &a.phase) || !finger_id(p, tok[2], &a.finger) ||
        !number(p, tok[3], "X", &a.x) || !number(p, tok[4], "Y", &a.y) ||
        (n == 6 && !number_in(p, tok[5], "the pressure", 0.0, 1.0, &pressure)))
        return false;
    a.pressure = (float)pressure;
    return add_action(p, a);
}

/* mouse down|move|up X Y [synthetic] */
static bool parse_mouse(Parser *p, char **tok, int n) {
    bool synthetic = n > 1 && strcmp(tok[n - 1], "synthetic") == 0;
    if (synthetic) n--;
    if (!arity(p, n, 3, 3, "mouse down|move|up X Y [synthetic]")) return false;
    Action a = { .t_ms = p->clock_ms, .kind = ACT_MOUSE, .synthetic = synthetic };
    if (!phase_of(p, "mouse", tok[1], &a.phase) || !number(p, tok[2], "X", &a.x) || !number(p, tok[3], "Y", &a.y))
        return false;
    return add_action(p, a);
}

/* trace ID X0 Y0 X1 Y1 MS [P]: down, a move every TRACE_STEP_MS along the line, up. */
static bool parse_trace(Parser *p, char **tok, int n) {
    if (!arity(p, n, 6, 7, "trace ID X0 Y0 X1 Y1 MS [P]")) return false;
    SDL_FingerID id = 0;
    double x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0, ms = 0.0, pressure = 1.0;
    if (!finger_id(p, tok[1], &id) || !number(p, tok[2], "X0", &x0) || !number(p, tok[3], "Y0", &y0) ||
        !number(p, tok[4], "X1", &x1) || !number(p, tok[5], "Y1", &y1) ||
        !number_in(p, tok[6], "the duration MS", 1, 3600000, &ms) ||
        (n == 8 && !number_in(p, tok[7], "the pressure", 0.0, 1.0, &pressure)))
        return false;
    Action a = { .kind = ACT_FINGER, .finger = id, .pressure = (float)pressure };
    double t0 = p->clock_ms;
    for (double dt = 0.0;; dt += TRACE_STEP_MS) {
        if (dt > ms) dt = ms;
        double f = dt / ms;
        a.t_ms = t0 + dt;
        a.phase = dt == 0.0 ? PHASE_DOWN : PHASE_MOVE;
        a.x = x0 + (x1 - x0) * f;
        a.y = y0 + (y1 - y0) * f;
        if (!add_action(p, a)) return false;
        if (dt >= ms) break;
    }
    a.phase = PHASE_UP;
    if (!add_action(p, a)) return false;
    p->clock_ms = t0 + ms;
    return true;
}

/* A press and release at a window fraction FX FY (tokens 1 and 2), TAP_MS apart or held for
 * the MS of token 3, made by `a`'s kind of pointer: the one shape of "tap FX FY [MS]" and
 * "click FX FY [MS]". False with a message when the tokens are wrong or memory runs out. */
static bool parse_press_at(Parser *p, char **tok, int n, Action a, const char *usage) {
    double held = TAP_MS;
    if (!arity(p, n, 2, 3, usage)) return false;
    if (!number_in(p, tok[1], "FX", 0.0, 1.0, &a.x) || !number_in(p, tok[2], "FY", 0.0, 1.0, &a.y)) return false;
    if (n > 3 && !number_in(p, tok[3], "the time held MS", 1, 600000, &held)) return false;
    a.phase = PHASE_DOWN;
    if (!add_action(p, a)) return false;
    a.t_ms += held;
    a.phase = PHASE_UP;
    if (!add_action(p, a)) return false;
    p->clock_ms += held;
    return true;
}

/* tap FX FY [MS]: a finger down and up at a window fraction, for buttons (held MS: a long press). */
static bool parse_tap(Parser *p, char **tok, int n) {
    Action a = { .t_ms = p->clock_ms, .kind = ACT_FINGER_WINDOW, .finger = TAP_FINGER_ID, .pressure = 1.0f };
    return parse_press_at(p, tok, n, a, "tap FX FY [MS]");
}

/* click FX FY [MS]: the left mouse button down and up at a window fraction, for buttons. */
static bool parse_click(Parser *p, char **tok, int n) {
    Action a = { .t_ms = p->clock_ms, .kind = ACT_MOUSE_WINDOW };
    return parse_press_at(p, tok, n, a, "click FX FY [MS]");
}

/* replay FILE: every contact becomes a finger with its own id, timing and pressures. */
static bool parse_replay(Parser *p, const char *file) {
    char full[4096];
    const char *slash = strrchr(p->path, '/');
    if (file[0] == '/' || !slash)
        snprintf(full, sizeof full, "%s", file);
    else
        snprintf(full, sizeof full, "%.*s/%s", (int)(slash - p->path), p->path, file);
    GtDiag diag;
    gt_diag_init(&diag);
    GtReplay replay;
    if (!gt_load_replay_file(full, &diag, &replay)) {
        char first[1024] = "unknown problem";
        if (diag.count) gt_diag_format(&diag, 0, first, sizeof first);
        gt_diag_free(&diag);
        return fail(p, "cannot use replay \"%s\": %s", file, first);
    }
    gt_diag_free(&diag);
    bool ok = true;
    double end_ms = 0.0;
    for (size_t c = 0; c < replay.contact_count && ok; c++) {
        const GtContact *contact = &replay.contacts[c];
        if (!contact->count) continue;
        Action a = { .kind = ACT_FINGER, .finger = REPLAY_FINGER_BASE + p->script->next_replay_finger++ };
        for (size_t k = 0; k < contact->count && ok; k++) {
            const GtSample *s = &contact->samples[k];
            a.t_ms = p->clock_ms + s->t_ms;
            a.phase = k == 0 ? PHASE_DOWN : k + 1 == contact->count ? PHASE_UP : PHASE_MOVE;
            a.x = s->x_cm;
            a.y = s->y_cm;
            a.pressure = (float)s->pressure;
            ok = add_action(p, a);
            if (ok && contact->count == 1) { /* a single-sample touch: down, then straight up */
                a.phase = PHASE_UP;
                ok = add_action(p, a);
            }
        }
        end_ms = fmax(end_ms, contact->samples[contact->count - 1].t_ms);
    }
    gt_replay_free(&replay);
    p->clock_ms += end_ms;
    return ok;
}

/* Parses one line (comment already removed); blank lines are fine. */
static bool parse_line(Parser *p, char *line) {
    char *tok[MAX_TOKENS + 1];
    int n = 0;
    char *rest = NULL; /* the text after the command word, for `key` and `replay` */
    for (char *s = line; *s;) {
        while (*s == ' ' || *s == '\t' || *s == '\r') s++;
        if (!*s) break;
        if (n == 1 && !rest) rest = s;
        if (n == MAX_TOKENS) return fail(p, "too many values on one line");
        tok[n++] = s;
        while (*s && *s != ' ' && *s != '\t' && *s != '\r') s++;
        if (*s) *s++ = '\0';
    }
    if (n == 0) return true;
    const char *cmd = tok[0];
    if (strcmp(cmd, "at") == 0 || strcmp(cmd, "wait") == 0) {
        double ms;
        if (!arity(p, n, 1, 1, cmd[0] == 'a' ? "at T" : "wait MS") ||
            !number_in(p, tok[1], cmd[0] == 'a' ? "the time T" : "the wait MS", 0, 86400000, &ms))
            return false;
        p->clock_ms = cmd[0] == 'a' ? ms : p->clock_ms + ms;
        if (p->clock_ms > MAX_SCRIPT_MS)
            return fail(p, "the script runs past a day (%d ms); scripts drive tests and demonstrations", MAX_SCRIPT_MS);
        return true;
    }
    if (strcmp(cmd, "finger") == 0) return parse_finger(p, tok, n);
    if (strcmp(cmd, "mouse") == 0) return parse_mouse(p, tok, n);
    if (strcmp(cmd, "trace") == 0) return parse_trace(p, tok, n);
    if (strcmp(cmd, "tap") == 0) return parse_tap(p, tok, n);
    if (strcmp(cmd, "click") == 0) return parse_click(p, tok, n);
    if (strcmp(cmd, "wheel") == 0) {
        double notches;
        if (!arity(p, n, 1, 1, "wheel N") || !number_in(p, tok[1], "the notches N", -1000, 1000, &notches))
            return false;
        if (notches != floor(notches)) return fail(p, "the notches N must be a whole number, not %s", tok[1]);
        return add_action(p, (Action){ .t_ms = p->clock_ms, .kind = ACT_WHEEL, .notches = (int)notches });
    }
    if (strcmp(cmd, "key") == 0 || strcmp(cmd, "replay") == 0) {
        if (n < 2) return fail(p, "%s needs a %s", cmd, cmd[0] == 'k' ? "key name" : "file name");
        /* the rest of the line, spaces included ("Keypad 1"), rejoined and trimmed */
        for (int i = 1; i < n - 1; i++) tok[i][strlen(tok[i])] = ' ';
        if (cmd[0] == 'r') return parse_replay(p, rest);
        SDL_Keycode key = SDL_GetKeyFromName(rest);
        if (key == SDLK_UNKNOWN) return fail(p, "unknown key \"%s\" (use a name SDL knows, e.g. 5, Return, Escape)", rest);
        Action a = { .t_ms = p->clock_ms, .kind = ACT_KEY, .key = key, .phase = PHASE_DOWN };
        if (!add_action(p, a)) return false;
        a.phase = PHASE_UP;
        return add_action(p, a);
    }
    return fail(p, "unknown command \"%s\" (expected at, wait, finger, mouse, trace, tap, click, wheel, key or replay)", cmd);
}

/* Orders actions by time, and by their place in the file when times are equal. */
static int compare_actions(const void *a, const void *b) {
    const Action *x = a, *y = b;
    if (x->t_ms != y->t_ms) return x->t_ms < y->t_ms ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

GtScript *gt_script_load(const char *path, char *error, size_t error_size) {
    if (error && error_size) error[0] = '\0';
    GtDiag diag;
    gt_diag_init(&diag);
    char *text = NULL;
    size_t length = 0;
    if (!gt_read_file(path, &text, &length, &diag)) {
        if (error && error_size) {
            char reason[1024] = "cannot read the file";
            if (diag.count) snprintf(reason, sizeof reason, "%s", diag.entries[0].message);
            snprintf(error, error_size, "%s:0: %s", path, reason);
        }
        gt_diag_free(&diag);
        return NULL;
    }
    gt_diag_free(&diag);
    GtScript *script = gt_script_parse(path, text, length, error, error_size);
    free(text);
    return script;
}

GtScript *gt_script_parse(const char *path, char *text, size_t length, char *error, size_t error_size) {
    if (error && error_size) error[0] = '\0';
    GtScript *script = calloc(1, sizeof *script);
    if (!script) {
        if (error && error_size) snprintf(error, error_size, "%s:0: out of memory", path);
        return NULL;
    }
    Parser p = { script, path, 0, 0.0, error, error_size };
    bool ok = strnlen(text, length) == length && text[length] == '\0';
    if (!ok) {
        p.line = 1;
        fail(&p, "the file contains a NUL byte; scripts are plain text");
    }
    for (char *line = text; ok && line && *line;) {
        char *end = strchr(line, '\n');
        if (end) *end = '\0';
        p.line++;
        char *hash = strchr(line, '#');
        if (hash) *hash = '\0';
        ok = parse_line(&p, line);
        line = end ? end + 1 : NULL;
    }
    if (!ok) {
        gt_script_free(script);
        return NULL;
    }
    if (script->count) qsort(script->actions, script->count, sizeof *script->actions, compare_actions);
    return script;
}

void gt_script_free(GtScript *script) {
    if (!script) return;
    free(script->actions);
    free(script);
}

bool gt_script_finished(const GtScript *script) {
    return script->next >= script->count;
}

/* The dx/dy bookkeeping for fingers: returns the slot for (touch, finger), making one. */
static FingerPos *finger_pos(GtScript *s, SDL_TouchID touch, SDL_FingerID finger, float x, float y) {
    for (size_t i = 0; i < s->finger_count; i++)
        if (s->fingers[i].touch == touch && s->fingers[i].finger == finger) return &s->fingers[i];
    if (s->finger_count == MAX_FINGERS_TRACKED) return NULL;
    FingerPos *f = &s->fingers[s->finger_count++];
    *f = (FingerPos){ touch, finger, x, y };
    return f;
}

/* Drops a lifted finger from the dx/dy bookkeeping. */
static void forget_finger(GtScript *s, const FingerPos *f) {
    size_t i = (size_t)(f - s->fingers);
    s->fingers[i] = s->fingers[--s->finger_count];
}

/* The window whose events these are: the focused one when there is one, else 0. */
static Uint32 focus_window_id(void) {
    SDL_Window *window = SDL_GetMouseFocus();
    if (!window) window = SDL_GetKeyboardFocus();
    return window ? SDL_GetWindowID(window) : 0;
}

/* Builds the SDL event for one action, stamped `stamp_ms`, and adds it to SDL's queue with
 * SDL_PeepEvents, which keeps the stamp (SDL_PushEvent would overwrite it with SDL_GetTicks).
 * Returns false when the queue would not take it. */
static bool push_action(GtScript *s, const Action *a, const GtScriptGeometry *g, Uint32 stamp_ms) {
    SDL_Event e;
    SDL_zero(e);
    double px = g->transform.origin_x_px + a->x * g->transform.px_per_cm;
    double py = g->transform.origin_y_px + a->y * g->transform.px_per_cm;
    switch (a->kind) {
    case ACT_FINGER:
    case ACT_FINGER_WINDOW: {
        static const Uint32 types[] = { SDL_FINGERDOWN, SDL_FINGERMOTION, SDL_FINGERUP };
        float fx = (float)(a->kind == ACT_FINGER ? px / g->output_w_px : a->x);
        float fy = (float)(a->kind == ACT_FINGER ? py / g->output_h_px : a->y);
        SDL_TouchID touch = a->synthetic ? SDL_MOUSE_TOUCHID : 1;
        FingerPos *last = finger_pos(s, touch, a->finger, fx, fy);
        e.type = types[a->phase];
        e.tfinger.touchId = touch;
        e.tfinger.fingerId = a->finger;
        e.tfinger.x = fx;
        e.tfinger.y = fy;
        e.tfinger.dx = last && a->phase != PHASE_DOWN ? fx - last->x : 0.0f;
        e.tfinger.dy = last && a->phase != PHASE_DOWN ? fy - last->y : 0.0f;
        e.tfinger.pressure = a->pressure;
        e.tfinger.windowID = focus_window_id();
        if (last) {
            last->x = fx;
            last->y = fy;
            if (a->phase == PHASE_UP) forget_finger(s, last);
        }
        break;
    }
    case ACT_MOUSE:
    case ACT_MOUSE_WINDOW: {
        int x = (int)lround(a->kind == ACT_MOUSE ? px * g->window_w_pt / g->output_w_px : a->x * g->window_w_pt);
        int y = (int)lround(a->kind == ACT_MOUSE ? py * g->window_h_pt / g->output_h_px : a->y * g->window_h_pt);
        Uint32 which = a->synthetic ? SDL_TOUCH_MOUSEID : 0;
        if (a->phase == PHASE_MOVE) {
            e.type = SDL_MOUSEMOTION;
            e.motion.which = which;
            e.motion.state = s->mouse_down ? SDL_BUTTON_LMASK : 0;
            e.motion.x = x;
            e.motion.y = y;
            e.motion.xrel = x - s->mouse_x;
            e.motion.yrel = y - s->mouse_y;
            e.motion.windowID = focus_window_id();
        } else {
            e.type = a->phase == PHASE_DOWN ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
            e.button.which = which;
            e.button.button = SDL_BUTTON_LEFT;
            e.button.state = a->phase == PHASE_DOWN ? SDL_PRESSED : SDL_RELEASED;
            e.button.clicks = 1;
            e.button.x = x;
            e.button.y = y;
            e.button.windowID = focus_window_id();
            s->mouse_down = a->phase == PHASE_DOWN;
        }
        s->mouse_x = x;
        s->mouse_y = y;
        break;
    }
    case ACT_WHEEL:
        e.type = SDL_MOUSEWHEEL;
        e.wheel.which = 0;
        e.wheel.y = a->notches;
        e.wheel.preciseY = (float)a->notches;
        e.wheel.direction = SDL_MOUSEWHEEL_NORMAL;
        e.wheel.mouseX = s->mouse_x;
        e.wheel.mouseY = s->mouse_y;
        e.wheel.windowID = focus_window_id();
        break;
    case ACT_KEY:
        e.type = a->phase == PHASE_DOWN ? SDL_KEYDOWN : SDL_KEYUP;
        e.key.state = a->phase == PHASE_DOWN ? SDL_PRESSED : SDL_RELEASED;
        e.key.keysym.sym = a->key;
        e.key.keysym.scancode = SDL_GetScancodeFromKey(a->key);
        e.key.windowID = focus_window_id();
        break;
    }
    e.common.timestamp = stamp_ms;
    return SDL_PeepEvents(&e, 1, SDL_ADDEVENT, 0, 0) == 1;
}

void gt_script_start(GtScript *script, Uint32 now_ms) {
    if (script->started) return;
    script->started = true;
    script->start_ticks = now_ms;
}

/* The time an action is due on the caller's clock: the script's start plus its whole ms. */
static Uint32 due_ms(const GtScript *script, const Action *a) {
    return script->start_ticks + (Uint32)ceil(a->t_ms);
}

bool gt_script_next_due(const GtScript *script, Uint32 *due) {
    if (!script->started || script->next >= script->count) return false;
    *due = due_ms(script, &script->actions[script->next]);
    return true;
}

bool gt_script_push_next(GtScript *script, const GtScriptGeometry *geometry) {
    if (!script->started || script->next >= script->count) return false;
    GtScriptGeometry g = *geometry;
    if (g.window_w_pt <= 0) g.window_w_pt = 1;
    if (g.window_h_pt <= 0) g.window_h_pt = 1;
    if (g.output_w_px <= 0) g.output_w_px = 1;
    if (g.output_h_px <= 0) g.output_h_px = 1;
    const Action *a = &script->actions[script->next];
    if (!push_action(script, a, &g, due_ms(script, a))) return false;
    script->next++;
    return true;
}
