/* kiosk_session: the staff PIN, the staff menu, the idle sign-out and the attract screen (see
 * kiosk_session.h). */
#include "kiosk_session.h"
#include "students_session.h"
#include "server_sync.h"

#include <stdio.h>
#include <string.h>

/* Time the attract screen rests on a finished demonstration before the next one starts. */
static const Uint32 ATTRACT_PAUSE_MS = 1500;

/* True for a key of the PIN pad's digits. */
static bool is_pin_digit(int action) {
    return action >= GT_ACT_PIN_DIGIT_BASE && action < GT_ACT_PIN_DIGIT_BASE + 10;
}

int gt_session_kiosk_offers(const GtSession *session, int action) {
    const GtKioskState *k = &session->kiosk;
    GtScreenId s = session->screen;
    bool kiosk_action = (action >= GT_ACT_STAFF && action <= GT_ACT_WAKE) || is_pin_digit(action);
    if (!k->on) return kiosk_action ? 0 : -1; /* outside kiosk mode none of its actions is offered */
    if (s == GT_SCREEN_ATTRACT) return action == GT_ACT_WAKE || action == GT_ACT_STAFF;
    if (is_pin_digit(action)) return s == GT_SCREEN_PIN;
    switch (action) {
    case GT_ACT_STAFF: return s != GT_SCREEN_PIN && s != GT_SCREEN_STAFF;
    case GT_ACT_PIN_DELETE:
    case GT_ACT_PIN_OK: return s == GT_SCREEN_PIN;
    case GT_ACT_QUIT:
    case GT_ACT_STAFF_LESSONS:
    case GT_ACT_STAFF_STUDENTS:
    case GT_ACT_STAFF_LOCK: return s == GT_SCREEN_STAFF && k->staff;
    case GT_ACT_WAKE: return 0;
    case GT_ACT_BACK: return s == GT_SCREEN_PIN || s == GT_SCREEN_STAFF ? 1 : -1;
    default: return -1;
    }
}

/* Shows `screen`; the lesson list leaves any lesson (as Home does). */
static void show(GtSession *session, GtScreenId screen) {
    session->screen = screen;
    if (screen == GT_SCREEN_HOME) {
        session->lesson = NULL;
        session->step = 0;
    }
}

/* The screen the PIN pad and staff menu return to from `from`: the same screen when it shows
 * something still (a step that was running shows its lesson's intro, for its attempt was thrown
 * away); the lesson list from the attract screen. */
static GtScreenId return_screen(GtScreenId from) {
    switch (from) {
    case GT_SCREEN_DEMO:
    case GT_SCREEN_PRACTICE: return GT_SCREEN_INTRO;
    case GT_SCREEN_ATTRACT:
    case GT_SCREEN_PIN:
    case GT_SCREEN_STAFF:
    case GT_SCREEN_COUNT: return GT_SCREEN_HOME;
    default: return from;
    }
}

/* Opens the PIN pad (or, for staff already in, the staff menu), throwing away any attempt. */
static void open_staff(GtSession *session) {
    GtKioskState *k = &session->kiosk;
    gt_session_discard_attempt(session);
    k->back_to = (int)return_screen(session->screen);
    if (session->screen == GT_SCREEN_ATTRACT) show(session, GT_SCREEN_HOME);
    k->typed[0] = '\0';
    k->message[0] = '\0';
    if (!k->config || !k->config->pin_hash[0])
        snprintf(k->message, sizeof k->message,
                 "No staff PIN is set on this kiosk, so staff cannot get in. Set one with `guidedtouch set-pin`.");
    session->screen = k->staff ? GT_SCREEN_STAFF : GT_SCREEN_PIN;
    fprintf(stderr, "guidedtouch: kiosk: %s opened\n", k->staff ? "staff menu" : "staff PIN pad");
}

/* Checks the typed PIN at `at_ms`: the staff menu when right, else what went wrong on the pad.
 * The digits are cleared either way. */
static void check_pin(GtSession *session, Uint32 at_ms) {
    GtKioskState *k = &session->kiosk;
    if (strlen(k->typed) < GT_PIN_MIN_DIGITS) {
        snprintf(k->message, sizeof k->message, "A PIN has %d to %d digits.", GT_PIN_MIN_DIGITS, GT_PIN_MAX_DIGITS);
        return;
    }
    int64_t wait_ms = 0;
    GtPinResult result = gt_config_check_pin(k->config, &k->guard, k->typed, at_ms, &wait_ms);
    k->typed[0] = '\0';
    long wait_s = (long)((wait_ms + 999) / 1000);
    switch (result) {
    case GT_PIN_ACCEPTED:
        k->staff = true;
        k->message[0] = '\0';
        session->screen = GT_SCREEN_STAFF;
        fprintf(stderr, "guidedtouch: kiosk: staff PIN accepted\n");
        break;
    case GT_PIN_WRONG:
        if (wait_s > 0) snprintf(k->message, sizeof k->message, "Wrong PIN. Try again in %ld s.", wait_s);
        else snprintf(k->message, sizeof k->message, "Wrong PIN. Try again.");
        fprintf(stderr, "guidedtouch: kiosk: wrong staff PIN\n");
        break;
    case GT_PIN_WAIT:
        snprintf(k->message, sizeof k->message, "Too many wrong PINs: try again in %ld s.", wait_s);
        break;
    case GT_PIN_NOT_SET:
        snprintf(k->message, sizeof k->message,
                 "No staff PIN is set on this kiosk, so staff cannot get in. Set one with `guidedtouch set-pin`.");
        break;
    }
}

/* The PIN pad's keys: a digit (the eighth checks at once), Delete, OK. */
static bool act_on_pad(GtSession *session, int action, Uint32 at_ms) {
    GtKioskState *k = &session->kiosk;
    size_t n = strlen(k->typed);
    if (is_pin_digit(action)) {
        if (n >= GT_PIN_MAX_DIGITS) return false;
        k->typed[n] = (char)('0' + action - GT_ACT_PIN_DIGIT_BASE);
        k->typed[n + 1] = '\0';
        k->message[0] = '\0';
        if (n + 1 == GT_PIN_MAX_DIGITS) check_pin(session, at_ms);
        return true;
    }
    if (action == GT_ACT_PIN_DELETE) {
        if (!n) return false;
        k->typed[n - 1] = '\0';
        return true;
    }
    check_pin(session, at_ms);
    return true;
}

bool gt_session_kiosk_act(GtSession *session, int action, Uint32 at_ms) {
    GtKioskState *k = &session->kiosk;
    if (action == GT_ACT_PIN_OK || action == GT_ACT_PIN_DELETE || is_pin_digit(action))
        return act_on_pad(session, action, at_ms);
    switch (action) {
    case GT_ACT_STAFF: open_staff(session); return true;
    case GT_ACT_BACK: show(session, (GtScreenId)k->back_to); return true;
    case GT_ACT_QUIT:
        k->quit = true;
        fprintf(stderr, "guidedtouch: kiosk: closed by staff\n");
        return true;
    case GT_ACT_STAFF_LESSONS: show(session, GT_SCREEN_HOME); return true;
    case GT_ACT_STAFF_STUDENTS: return gt_session_students_act(session, GT_ACT_STUDENTS);
    case GT_ACT_STAFF_LOCK:
        k->staff = false;
        show(session, GT_SCREEN_HOME);
        return true;
    case GT_ACT_WAKE:
        show(session, GT_SCREEN_HOME);
        k->idle_since_ms = at_ms;
        return true;
    default: return false;
    }
}

/* Plays the next lesson's first demonstration on the attract screen from `now_ms`. */
static void attract_next(GtSession *session, Uint32 now_ms) {
    GtKioskState *k = &session->kiosk;
    session->screen = GT_SCREEN_ATTRACT;
    session->demo_start_ms = now_ms;
    size_t count = session->library->lesson_count;
    session->lesson = count ? &session->library->lessons[k->attract_next % count] : NULL;
    session->step = count ? 1 : 0;
    k->attract_next = count ? (k->attract_next + 1) % count : 0;
    gt_session_load_reference(session);
}

/* Signs the student out after the idle timeout: the attempt is thrown away, staff are locked
 * out, a guest is signed in and the attract screen starts. */
static void sign_out_idle(GtSession *session, Uint32 now_ms) {
    GtKioskState *k = &session->kiosk;
    gt_session_discard_attempt(session);
    gt_session_sign_in(session, 0, NULL);
    k->attract_since_ms = now_ms;
    k->staff = false;
    k->typed[0] = k->message[0] = '\0';
    session->watching = false;
    fprintf(stderr, "guidedtouch: kiosk: idle for %d s: signed out, attract screen\n", k->config->idle_timeout_s);
    attract_next(session, now_ms);
}

/* True while the attract screen's demonstration (and the pause after it) still runs at `now_ms`. */
static bool attract_playing(const GtSession *session, Uint32 now_ms) {
    double first = 0, last = 0;
    if (!session->has_reference || !gt_replay_time_span(&session->reference, &first, &last)) return false;
    return (double)(Sint32)(now_ms - session->demo_start_ms) <= last + ATTRACT_PAUSE_MS;
}

bool gt_session_kiosk_update(GtSession *session, Uint32 now_ms, bool hand_down) {
    GtKioskState *k = &session->kiosk;
    if (!k->on) return false;
    if (session->screen == GT_SCREEN_ATTRACT) {
        if (attract_playing(session, now_ms) || !session->library->lesson_count ||
            now_ms - k->attract_since_ms >= GT_ATTRACT_PLAY_MS)
            return false;
        attract_next(session, now_ms);
        return true;
    }
    bool busy = hand_down || (session->screen != GT_SCREEN_PRACTICE && gt_session_animating(session, now_ms));
    if (busy) k->idle_since_ms = now_ms;
    if (gt_session_kiosk_idle_left_ms(session, now_ms) != 0) return false;
    sign_out_idle(session, now_ms);
    return true;
}

bool gt_session_kiosk_animating(const GtSession *session, Uint32 now_ms) {
    return session->screen == GT_SCREEN_ATTRACT && now_ms - session->kiosk.attract_since_ms < GT_ATTRACT_PLAY_MS &&
           attract_playing(session, now_ms);
}

void gt_session_kiosk_input(GtSession *session, Uint32 at_ms) {
    session->kiosk.idle_since_ms = at_ms;
}

int gt_session_kiosk_idle_left_ms(const GtSession *session, Uint32 now_ms) {
    const GtKioskState *k = &session->kiosk;
    if (!k->on || !k->config || k->config->idle_timeout_s <= 0 || session->screen == GT_SCREEN_ATTRACT) return -1;
    Sint32 passed = (Sint32)(now_ms - k->idle_since_ms), timeout = k->config->idle_timeout_s * 1000;
    return passed >= timeout ? 0 : timeout - (passed > 0 ? passed : 0);
}

void gt_session_kiosk_server_line(const GtSession *session, char *line, size_t size) {
    if (size) line[0] = '\0';
    if (!session->kiosk.server_sync) return;
    GtServerStatus status;
    gt_server_sync_status(session->kiosk.server_sync, &status);
    gt_server_status_text(&status, line, size);
}
