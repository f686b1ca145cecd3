/* reload_session: the session's side of a live reload of the lesson library (library_watch.h,
 * app_reload.c): when a swap may happen, and finding the student's place again afterwards. */
#include "reload_session.h"

#include <stdio.h>

bool gt_session_can_swap_library(const GtSession *session) {
    switch (session->screen) {
    case GT_SCREEN_HOME:
    case GT_SCREEN_INTRO:
    case GT_SCREEN_DEMO: return true;
    case GT_SCREEN_PRACTICE: return !gt_session_recording(session);
    default: return false;
    }
}

void gt_session_place(const GtSession *session, GtSessionPlace *place) {
    place->screen = session->screen;
    place->step = session->step;
    snprintf(place->lesson_id, sizeof place->lesson_id, "%s", session->lesson ? session->lesson->id : "");
}

void gt_session_library_swapped(GtSession *session, const GtSessionPlace *place, Uint32 now_ms) {
    const GtLesson *lesson = place->lesson_id[0] ? gt_library_lesson(session->library, place->lesson_id) : NULL;
    gt_session_discard_attempt(session);
    if (place->screen == GT_SCREEN_HOME || !lesson) {
        session->screen = GT_SCREEN_HOME;
        session->lesson = NULL;
        session->step = 0;
        gt_session_load_reference(session); /* none off a lesson: frees the old one */
        return;
    }
    int count = (int)lesson->step_count;
    int step = place->step < 1 ? 1 : place->step > count ? count : place->step;
    session->lesson = lesson; /* the same lesson, newly loaded: its run's marks are kept */
    if (place->screen == GT_SCREEN_INTRO) {
        session->step = step;
        session->screen = GT_SCREEN_INTRO;
        gt_session_load_reference(session);
        return;
    }
    gt_session_open(session, lesson->id, step, now_ms);
    if (place->screen == GT_SCREEN_PRACTICE && session->screen != GT_SCREEN_PRACTICE)
        gt_session_act(session, GT_ACT_PRACTISE, now_ms);
}
