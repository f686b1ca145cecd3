/* students_session: picking, adding and signing in students (see students_session.h). */
#include "students_session.h"

#include <stdio.h>
#include <string.h>

int gt_session_students_offers(const GtSession *session, int action) {
    GtScreenId s = session->screen;
    if (action >= GT_ACT_KEY_BASE) return s == GT_SCREEN_NAME && action - GT_ACT_KEY_BASE < 128;
    if (action >= GT_ACT_STUDENT_BASE)
        return s == GT_SCREEN_STUDENTS && (size_t)(action - GT_ACT_STUDENT_BASE) < session->students.count;
    switch (action) {
    case GT_ACT_STUDENTS: return s == GT_SCREEN_HOME;
    case GT_ACT_GUEST: return s == GT_SCREEN_STUDENTS;
    case GT_ACT_ADD_STUDENT: return s == GT_SCREEN_STUDENTS && session->db;
    case GT_ACT_KEY_BACKSPACE:
    case GT_ACT_KEY_SPACE:
    case GT_ACT_NAME_OK: return s == GT_SCREEN_NAME;
    case GT_ACT_BACK: return s == GT_SCREEN_STUDENTS || s == GT_SCREEN_NAME ? 1 : -1;
    case GT_ACT_SCROLL_UP:
    case GT_ACT_SCROLL_DOWN: return s == GT_SCREEN_STUDENTS ? 1 : -1;
    default: return -1;
    }
}

/* Reads the students from the database into the session's list (empty without a database, or
 * on failure, which goes to the notice) and shows "Who is practising?". */
static void open_picker(GtSession *session) {
    gt_student_list_free(&session->students);
    memset(&session->students, 0, sizeof session->students);
    char error[GT_DB_ERROR_MAX];
    if (session->db && !gt_students_list(session->db, &session->students, error, sizeof error)) {
        snprintf(session->notice, sizeof session->notice, "The students' names could not be read: %s", error);
        fprintf(stderr, "guidedtouch: %s\n", session->notice);
    }
    session->picker_page = 0;
    session->screen = GT_SCREEN_STUDENTS;
}

void gt_session_students_scroll_limit(GtSession *session, int last_page) {
    session->picker_page_max = last_page > 0 ? last_page : 0;
    if (session->picker_page > session->picker_page_max) session->picker_page = session->picker_page_max;
    if (session->picker_page < 0) session->picker_page = 0;
}

/* Shows the page before (-1) or after (+1) the one showing, within the pages there are;
 * returns whether it moved. */
static bool turn_page(GtSession *session, int by) {
    int page = session->picker_page + by;
    if (page < 0 || page > session->picker_page_max) return false;
    session->picker_page = page;
    return true;
}

/* Adds one typed character: a capital at the start of a word, else small; nothing once the name
 * is as long as a name may be. Returns whether it was added. */
static bool type_char(GtSession *session, char c) {
    char *name = session->typed_name;
    size_t n = strlen(name);
    if (n >= GT_STUDENT_NAME_CHARS) return false;
    if (c == ' ' && (n == 0 || name[n - 1] == ' ')) return false;
    bool word_start = n == 0 || name[n - 1] == ' ' || name[n - 1] == '-';
    if (c >= 'a' && c <= 'z' && word_start) c = (char)(c - 'a' + 'A');
    if (c >= 'A' && c <= 'Z' && !word_start) c = (char)(c - 'A' + 'a');
    name[n] = c;
    name[n + 1] = '\0';
    session->name_problem[0] = '\0';
    return true;
}

/* Adds the typed name as a student and signs them in (the home screen returns); on failure the
 * reason is kept in name_problem and the keyboard stays. */
static void add_typed_name(GtSession *session) {
    GtStudent student;
    if (!session->db ||
        !gt_students_add(session->db, session->typed_name, false, &student, session->name_problem,
                         sizeof session->name_problem)) {
        if (!session->db) snprintf(session->name_problem, sizeof session->name_problem, "%s", session->db_problem);
        return;
    }
    gt_session_sign_in(session, student.id, student.name);
    session->screen = GT_SCREEN_HOME;
}

bool gt_session_students_act(GtSession *session, int action) {
    if (action >= GT_ACT_KEY_BASE) return type_char(session, (char)(action - GT_ACT_KEY_BASE));
    if (action >= GT_ACT_STUDENT_BASE) {
        const GtStudent *st = &session->students.items[action - GT_ACT_STUDENT_BASE];
        gt_session_sign_in(session, st->id, st->name);
        session->screen = GT_SCREEN_HOME;
        return true;
    }
    size_t n = strlen(session->typed_name);
    switch (action) {
    case GT_ACT_STUDENTS: open_picker(session); return true;
    case GT_ACT_GUEST:
        gt_session_sign_in(session, 0, NULL);
        session->screen = GT_SCREEN_HOME;
        return true;
    case GT_ACT_ADD_STUDENT:
        session->typed_name[0] = session->name_problem[0] = '\0';
        session->screen = GT_SCREEN_NAME;
        return true;
    case GT_ACT_KEY_SPACE: return type_char(session, ' ');
    case GT_ACT_KEY_BACKSPACE:
        if (!n) return false;
        session->typed_name[n - 1] = '\0';
        session->name_problem[0] = '\0';
        return true;
    case GT_ACT_NAME_OK: add_typed_name(session); return true;
    case GT_ACT_SCROLL_UP: return turn_page(session, -1);
    case GT_ACT_SCROLL_DOWN: return turn_page(session, 1);
    case GT_ACT_BACK:
        if (session->screen == GT_SCREEN_NAME) session->screen = GT_SCREEN_STUDENTS;
        else session->screen = GT_SCREEN_HOME;
        return true;
    default: return false;
    }
}
