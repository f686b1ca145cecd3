/* The trainer's window and main loop. Each turn takes the events that are due, hands each to
 * the router (which sends it to what lies under it on the screen showing now), gives the
 * actions it yields to the session with the event's own time, lays the screen out again after
 * every change, and draws. On the real clock the loop sleeps in SDL_WaitEventTimeout when
 * nothing moves, so an idle trainer uses next to no CPU; on the virtual clock (--script,
 * --frames) it never sleeps and the clock moves only as the loop moves it. */
#include "app_state.h"
#include "renderer_choice.h"
#include "frame_damage.h"
#include "app_reload.h"
#include "app_store.h"
#include "kiosk_session.h"
#include "progress_session.h"

#include <SDL_image.h>
#include <malloc.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The virtual clock starts here (ms), never at 0. */
static const Uint32 VIRTUAL_START_MS = 1000;

/* What the screens read, borrowed from the app. */
static GtScreenContext screen_context(GtApp *app) {
    return (GtScreenContext){ &app->screens, &app->ui, app->views, &app->session, &app->library, &app->progress,
                              app->input, app->router.pressed_action };
}

/* Paints every body view in the session's skin tone when it changed. A tone the art lacks (a
 * lesson pack's own art, say) leaves the figure as it was and is said once on stderr. */
static void apply_skin_tone(GtApp *app) {
    GtSkinTone tone = app->session.skin_tone;
    if (!app->views_ready || app->views_tone == (int)tone) return;
    app->views_tone = (int)tone;
    for (int v = 0; v < GT_VIEW_COUNT; v++)
        if (app->views[v].svg && !gt_bodyview_set_skin_tone(&app->views[v], GT_SKIN_TONE_NAMES[tone]))
            fprintf(stderr, "guidedtouch: the body-map art %s has no skin tone \"%s\"; the figure keeps its own\n",
                    app->views[v].art_path, GT_SKIN_TONE_NAMES[tone]);
}

/* Puts the session's settings in force on the drawing: the skin tone on the body views, larger
 * text and high contrast on the ui, the left-handed layout on the window's regions (laid out
 * again when any of them changed, so the gauge input takes its presses on follows). Never
 * fails. */
static void apply_settings(GtApp *app) {
    const GtSession *s = &app->session;
    apply_skin_tone(app);
    if (app->ui.large_text == s->large_text && app->ui.high_contrast == s->high_contrast &&
        app->screens.left_handed == s->left_handed)
        return;
    gt_ui_set_look(&app->ui, s->large_text, s->high_contrast);
    app->screens.left_handed = s->left_handed;
    if (app->output_w > 0) gt_screens_frame(&app->screens, &app->ui, app->output_w, app->output_h);
}

/* Lays the screen showing now out again, after putting the settings in force: which part of
 * the body each view shows, the screen's hit areas, the list's scroll range, and the tracing
 * area and slider input may use (empty unless the screen declared them). A press begun on
 * another screen is forgotten. */
static void relayout(GtApp *app) {
    apply_settings(app);
    GtScreenContext c = screen_context(app);
    int before = app->hits.screen;
    gt_screens_prepare_views(&c);
    int last_first_row = gt_screens_layout(&c, &app->hits);
    if (last_first_row >= 0) gt_session_set_scroll_limit(&app->session, last_first_row); /* the list keeps its place */
    if (app->hits.screen != before) gt_router_reset(&app->router);
    const GtHit *trace = gt_hits_find(&app->hits, GT_HIT_TRACE), *slider = gt_hits_find(&app->hits, GT_HIT_SLIDER);
    SDL_Rect none = { 0, 0, 0, 0 };
    gt_input_set_geometry(app->input, gt_screens_active_view(&c)->transform, trace ? trace->rect : none,
                          slider ? slider->rect : none, app->window_w, app->window_h, app->output_w, app->output_h);
    app->audio.muted = app->session.muted;
    app->dirty = true;
}

/* Physical pixels per millimetre of the window's display, 96 dpi when unknown. */
static double pixels_per_mm(GtApp *app) {
    float ddpi = 0;
    int display = SDL_GetWindowDisplayIndex(app->window);
    if (display < 0 || SDL_GetDisplayDPI(display, &ddpi, NULL, NULL) != 0 || ddpi < 50 || ddpi > 1000) ddpi = 96;
    double points_to_pixels = app->window_w > 0 ? (double)app->output_w / app->window_w : 1.0;
    return ddpi / 25.4 * points_to_pixels;
}

/* Re-reads the window and output sizes; when they changed, the metrics, the regions and the
 * screen are laid out again. */
static void refresh_geometry(GtApp *app) {
    int ww, wh, ow, oh;
    SDL_GetWindowSize(app->window, &ww, &wh);
    if (SDL_GetRendererOutputSize(app->renderer, &ow, &oh) != 0) { ow = ww; oh = wh; }
    if (ww == app->window_w && wh == app->window_h && ow == app->output_w && oh == app->output_h) return;
    app->window_w = ww;
    app->window_h = wh;
    app->output_w = ow;
    app->output_h = oh;
    gt_ui_resize(&app->ui, ow, oh, pixels_per_mm(app));
    gt_screens_frame(&app->screens, &app->ui, ow, oh);
    relayout(app);
}

/* Does what an action asks at `at_ms` (the time of the event that caused it); a change lays
 * the screen out again at once, so the next event meets the new screen. */
static bool act(GtApp *app, int action, Uint32 at_ms) {
    if (!gt_session_act(&app->session, action, at_ms)) return false;
    relayout(app);
    return true;
}

/* True for the kinds of event a script pushes. */
static bool is_input_event(Uint32 type) {
    return (type >= SDL_KEYDOWN && type <= SDL_KEYUP) || (type >= SDL_MOUSEMOTION && type <= SDL_MOUSEWHEEL) ||
           (type >= SDL_FINGERDOWN && type <= SDL_FINGERMOTION);
}

/* Handles one event at `at_ms`: the router sends it to input or turns it into an action or a
 * scroll of the list. */
static void handle_event(GtApp *app, const SDL_Event *event, Uint32 at_ms) {
    SDL_Event e = *event;
    e.common.timestamp = at_ms;
    if (gt_kiosk_window_event(&app->kiosk_window, &e, at_ms)) return; /* kiosk: no close without staff */
    GtRouterGeometry g = { app->window_w, app->window_h, app->output_w, app->output_h };
    if (is_input_event(e.type)) gt_session_kiosk_input(&app->session, at_ms);
    if (app->kiosk_window.on) gt_corner_press_event(&app->corner, &e, at_ms, g, app->ui.touch * 3 / 2);
    GtRouted r = gt_router_route(&app->router, app->input, &app->hits, &e, g);
    if (r.quit) app->running = false; /* kiosk mode refused it above */
    if (e.type == SDL_WINDOWEVENT || e.type == SDL_RENDER_TARGETS_RESET || e.type == SDL_RENDER_DEVICE_RESET) {
        gt_ui_forget_screen(&app->ui); /* the window's pixels may be new: the next frame is drawn whole */
        app->dirty = true;
    }
    if (r.window_changed) refresh_geometry(app);
    if (r.window_changed || r.to_input || r.redraw) app->dirty = true;
    if (app->options.instructor && e.type == SDL_MOUSEMOTION) app->dirty = true; /* the position readout follows */
    for (int i = 0; i < (r.scroll_rows > 0 ? r.scroll_rows : -r.scroll_rows); i++)
        act(app, r.scroll_rows > 0 ? GT_ACT_SCROLL_DOWN : GT_ACT_SCROLL_UP, at_ms);
    if (r.action != GT_HIT_NO_ACTION) act(app, r.action, at_ms);
}

/* Handles every event in SDL's queue. On the virtual clock the event a script just pushed
 * (stamped `script_stamp`, when `from_script`) keeps its scripted time; any other event (a
 * window event, say) happens at the virtual now. On the real clock events keep SDL's stamps. */
static void drain_events(GtApp *app, bool from_script, Uint32 script_stamp) {
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        Uint32 at = e.common.timestamp;
        if (app->clock.is_virtual) {
            bool scripted = from_script && is_input_event(e.type) && e.common.timestamp == script_stamp;
            if (scripted) from_script = false;
            else at = gt_clock_now(&app->clock);
        }
        handle_event(app, &e, at);
    }
}

/* Plays the script up to `until_ms`, one event at a time: hold samples due before the event
 * are added first, the clock moves to the event's time, the event is pushed (keeping its
 * scripted stamp) and handled, screen changes included, before the next is pushed. */
static void play_script(GtApp *app, Uint32 until_ms) {
    Uint32 due;
    while (app->script && app->running && gt_script_next_due(app->script, &due) && (Sint32)(due - until_ms) <= 0) {
        if ((Sint32)(due - gt_clock_now(&app->clock)) > 0) {
            gt_input_tick(app->input, due - 1);
            gt_clock_advance_to(&app->clock, due);
        }
        GtScreenContext c = screen_context(app);
        GtScriptGeometry g = { gt_screens_active_view(&c)->transform, app->window_w, app->window_h, app->output_w,
                               app->output_h };
        if (!gt_script_push_next(app->script, &g)) break; /* SDL's queue is full: the next frame tries again */
        drain_events(app, true, due);
    }
}

/* True while practice shows something that changes by itself: a hand is down (its trail, speed
 * and hold timer), a lift's cue or a notice is showing. */
static bool practice_live(GtApp *app, Uint32 now) {
    if (!gt_session_recording(&app->session)) return false;
    GtInputLive live = gt_input_live(app->input, now);
    return live.active_contacts > 0 || live.lifted_recently || gt_session_practice_notice_showing(&app->session, now);
}

/* What the frame shows in broad strokes (screen, lesson, step, mode, an attempt running), so a
 * change the session made by itself is drawn. */
static unsigned long screen_signature(const GtSession *s) {
    unsigned long h = (unsigned long)s->screen * 1000003ul ^ (unsigned long)(uintptr_t)s->lesson;
    h = h * 31ul + (unsigned long)s->step;
    h = h * 31ul + (unsigned long)s->mode;
    return h * 2ul + (gt_session_recording(s) ? 1ul : 0ul);
}

/* True when the screen changed with no event of ours since the last frame: something moves,
 * practice's live cues show (or just stopped), a beat's flash started or ended, or the session
 * moved to another screen, lesson, step or mode. Remembers what this frame shows. */
static bool changed_by_itself(GtApp *app, Uint32 now) {
    bool flash = gt_session_beat_flashing(&app->session, now), live = practice_live(app, now);
    unsigned long shown = screen_signature(&app->session);
    bool changed = live || app->live_shown || shown != app->shown_signature || flash != app->beat_flash_shown ||
                   gt_session_animating(&app->session, now);
    app->beat_flash_shown = flash;
    app->live_shown = live;
    if (shown != app->shown_signature) malloc_trim(0); /* another screen or attempt: give back what the last freed */
    app->shown_signature = shown;
    return changed;
}

/* `wait` shortened to reach `due` (a clock time) when that is sooner and still ahead. */
static int until(int wait, Uint32 now, Uint32 due) {
    Sint32 left = (Sint32)(due - now);
    return left > 0 && left < wait ? left : wait;
}

/* On the real clock, how long the loop may sleep waiting for events: a frame while something
 * moves, a hold sample's period while a hand is down in an attempt, else until the next beat or
 * its flash ending (rhythm steps), an idle sign-out or a reload check is due, at most a second. */
static int real_wait_ms(GtApp *app) {
    Uint32 now = gt_clock_now(&app->clock);
    if (gt_session_animating(&app->session, now) || app->corner.down) return GT_FRAME_MS;
    if (practice_live(app, now)) return GT_INPUT_HOLD_SAMPLE_MS;
    int wait = 1000;
    if (gt_session_recording(&app->session)) {
        wait = until(wait, now, app->session.next_beat_ms);
        wait = until(wait, now, app->session.beat_flash_until_ms);
    }
    int idle_left = gt_session_kiosk_idle_left_ms(&app->session, now);
    wait = idle_left >= 0 && idle_left < wait ? idle_left : wait;
    int reload_left = gt_app_reload_wait_ms(app, now);
    return reload_left < wait ? reload_left : wait;
}

/* Kiosk mode's turn: a long press in a corner opens the staff's way in, the idle timeout signs
 * the student out, the attract screen moves on, and staff closing the trainer ends the loop. */
static void kiosk_turn(GtApp *app, Uint32 now) {
    if (!app->kiosk_window.on) return;
    if (gt_corner_press_due(&app->corner, now)) {
        gt_router_reset(&app->router); /* the press gives nothing more when it lifts */
        act(app, GT_ACT_STAFF, now);
    }
    bool hand_down = gt_input_live(app->input, now).active_contacts > 0 || app->corner.down;
    if (gt_session_kiosk_update(&app->session, now, hand_down)) relayout(app);
    if (gt_corner_press_progress(&app->corner, now) > 0) app->dirty = true;
    if (app->session.kiosk.quit) app->running = false;
}

/* Draws how far a long press in a corner has come: a ring in the corner that fills. */
static void draw_corner_press(GtApp *app, Uint32 now) {
    double share = gt_corner_press_progress(&app->corner, now);
    if (share < 0.15) return; /* a short touch of a corner shows nothing */
    SDL_Rect c = app->corner.corner;
    double cx = c.x + c.w / 2.0, cy = c.y + c.h / 2.0, r = c.w * 0.4;
    gt_ui_fill_circle(&app->ui, cx, cy, r, GT_COL_PANEL, 230);
    gt_ui_fill_circle(&app->ui, cx, cy, r * share, GT_COL_ACCENT, 255);
    gt_ui_ring(&app->ui, cx, cy, r, fmax(2.0, r / 8), GT_COL_TEXT, 255);
}

/* True when this turn is the last: N turns (--frames N), or a second after the script ended
 * (a script without --frames). */
static bool is_last_frame(GtApp *app, Uint32 now_ms) {
    if (app->options.frames > 0) return app->frames + 1 >= app->options.frames;
    if (!app->script || !gt_script_finished(app->script)) return false;
    if (!app->script_end_ms) app->script_end_ms = now_ms ? now_ms : 1;
    return now_ms - app->script_end_ms >= 1000;
}

/* Saves the frame just drawn as a PNG; false (said on stderr) when it cannot. */
static bool save_screenshot(GtApp *app, const char *path) {
    SDL_Surface *shot = SDL_CreateRGBSurfaceWithFormat(0, app->output_w, app->output_h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!shot) return false;
    bool ok = SDL_RenderReadPixels(app->renderer, NULL, SDL_PIXELFORMAT_ARGB8888, shot->pixels, shot->pitch) == 0 &&
              IMG_SavePNG(shot, path) == 0;
    if (!ok) fprintf(stderr, "guidedtouch: cannot save screenshot %s: %s\n", path, SDL_GetError());
    SDL_FreeSurface(shot);
    return ok;
}

/* True when the renderer's screen keeps its pixels from one frame to the next (SDL's software
 * renderer draws straight into the window's surface), so part of it may be drawn again alone. */
static bool screen_keeps_pixels(SDL_Renderer *renderer) {
    SDL_RendererInfo info;
    return SDL_GetRendererInfo(renderer, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE);
}

/* Draws the screen showing now (and saves it on the last frame when asked). Where the screen
 * keeps its pixels, only the parts that differ from the last frame are drawn again
 * (frame_damage.h). */
static void draw(GtApp *app, Uint32 now_ms, bool last) {
    GtScreenContext c = screen_context(app);
    gt_screens_draw(&c, &app->hits, now_ms);
    draw_corner_press(app, now_ms);
    gt_ui_end_frame(&app->ui);
    if (last && app->options.screenshot) save_screenshot(app, app->options.screenshot);
    SDL_RenderPresent(app->renderer);
    app->dirty = false;
}

bool gt_app_frame(GtApp *app) {
    if (!app || !app->running) return false;
    refresh_geometry(app);
    if (app->clock.is_virtual) {
        Uint32 frame_end = gt_clock_now(&app->clock) + GT_FRAME_MS;
        play_script(app, frame_end);
        gt_input_tick(app->input, frame_end - 1);
        gt_clock_advance_to(&app->clock, frame_end);
        drain_events(app, false, 0);
    } else {
        SDL_Event e;
        if (SDL_WaitEventTimeout(&e, real_wait_ms(app))) handle_event(app, &e, e.common.timestamp);
        drain_events(app, false, 0);
    }
    Uint32 now = gt_clock_now(&app->clock);
    gt_input_tick(app->input, now);
    if (gt_session_end_full_attempt(&app->session)) relayout(app);
    if (gt_session_update(&app->session, now)) gt_audio_click(&app->audio);
    gt_audio_keep_while(&app->audio, gt_session_beat_running(&app->session));
    kiosk_turn(app, now);
    if (gt_app_reload_turn(app, now)) relayout(app);
    if (changed_by_itself(app, now)) app->dirty = true;
    bool last = is_last_frame(app, now);
    if (app->dirty || last) draw(app, now, last);
    app->frames++;
    if (last) app->running = false;
    return app->running;
}

/* Creates the window and its renderer (renderer_choice.h: the graphics hardware, else SDL's
 * software renderer). False (said on
 * stderr) when neither opens; whatever did open is left for gt_app_close. */
static bool open_window(GtApp *app) {
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (app->options.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    app->window = SDL_CreateWindow("Guided Touch", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                   app->options.width, app->options.height, flags);
    if (!app->window) {
        fprintf(stderr, "guidedtouch: cannot open a window: %s\n", SDL_GetError());
        return false;
    }
    SDL_SetWindowMinimumSize(app->window, 320, 320);
    gt_kiosk_window_start(&app->kiosk_window, app->window);
    app->renderer = gt_renderer_open(app->window);
    if (!app->renderer) {
        fprintf(stderr, "guidedtouch: cannot draw in the window: %s\n", SDL_GetError());
        return false;
    }
    return true;
}

/* Opens everything after SDL: window, fonts, views, input, audio, marks, script, session.
 * False (said on stderr) when the trainer cannot run. */
static bool open_parts(GtApp *app) {
    char error[512] = "";
    if (!open_window(app)) return false;
    if (!gt_ui_init(&app->ui, app->renderer, app->assets_dir, error, sizeof error)) {
        fprintf(stderr, "guidedtouch: %s\n", error);
        return false;
    }
    app->ui_ready = true;
    gt_ui_record_frames(&app->ui, screen_keeps_pixels(app->renderer));
    char bodymap_dir[800];
    snprintf(bodymap_dir, sizeof bodymap_dir, "%s/bodymap", app->assets_dir);
    for (int v = 0; v < GT_VIEW_COUNT; v++)
        gt_bodyview_init(&app->views[v], gt_library_view(&app->library, (GtView)v), bodymap_dir);
    app->views_ready = true;
    app->input = gt_input_create();
    if (!app->input) {
        fprintf(stderr, "guidedtouch: out of memory\n");
        return false;
    }
    gt_audio_open(&app->audio, app->options.mute);
    if (app->options.script) {
        app->script = gt_script_load(app->options.script, error, sizeof error);
        if (!app->script) {
            fprintf(stderr, "guidedtouch: %s\n", error);
            return false;
        }
    }
    GtSessionSetup setup = { &app->library, app->input, &app->progress, app->options.mode, app->options.mute,
                             app->options.card_out, app->db, app->db_problem, &app->config,
                             app->options.instructor };
    gt_session_init(&app->session, &setup);
    gt_session_kiosk_input(&app->session, gt_clock_now(&app->clock)); /* the idle timeout counts from the start */
    gt_session_progress_fix_today(&app->session, app->options.today_ms);
    gt_app_store_sign_in_start(app);
    return true;
}

/* Opens the lesson and step the options name, or says on stderr why the lesson list shows. */
static void open_start_lesson(GtApp *app) {
    if (!app->options.lesson) return;
    if (!gt_session_open(&app->session, app->options.lesson, app->options.step, gt_clock_now(&app->clock)))
        fprintf(stderr, "guidedtouch: no lesson \"%s\" with a step %d; showing all lessons\n", app->options.lesson,
                app->options.step);
}

GtApp *gt_app_open(const char *data_dir, int argc, char **argv, int *exit_code) {
    *exit_code = 1;
    /* Large blocks (a body view's pixels while its art is made, a layer, a long paragraph's
     * text) are mapped on their own and given back to the system when freed, so a kiosk's
     * memory stays near what it uses: glibc would otherwise raise this threshold after the
     * first large free and keep such blocks in the heap. */
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    GtApp *app = calloc(1, sizeof *app);
    if (!app) return NULL;
    app->lock.fd = -1;
    app->views_tone = -1;
    int code = gt_app_config_load(app, argc, argv);
    if (code >= 0) {
        *exit_code = code;
        gt_app_store_close(app);
        free(app);
        return NULL;
    }
    app->data_dir = data_dir;
    snprintf(app->assets_dir, sizeof app->assets_dir, "%s/assets", data_dir);
    gt_clock_init(&app->clock, app->options.script || app->options.frames > 0, VIRTUAL_START_MS);
    if (!gt_app_lock(app)) { /* another trainer runs on this data folder: said on stderr (and on screen) */
        gt_app_store_close(app);
        free(app);
        return NULL;
    }
    gt_router_init(&app->router);
    gt_screens_init(&app->screens);
    gt_hits_clear(&app->hits, -1);
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    gt_kiosk_window_prepare(&app->kiosk_window, app->config.kiosk);
    gt_corner_press_init(&app->corner);
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS | SDL_INIT_TIMER) != 0) {
        fprintf(stderr, "guidedtouch: cannot start SDL: %s\n", SDL_GetError());
        gt_app_store_close(app);
        free(app);
        return NULL;
    }
    IMG_Init(IMG_INIT_PNG);
    GtDiag diag;
    gt_diag_init(&diag);
    if (!gt_library_load_packs(&app->library, data_dir, (const char *const *)app->config.lesson_packs,
                               app->config.lesson_pack_count, &diag))
        gt_diag_print(&diag, stderr);
    gt_diag_free(&diag);
    gt_app_store_open(app);
    if (!open_parts(app)) {
        gt_app_close(app);
        return NULL;
    }
    open_start_lesson(app);
    gt_app_reload_start(app, gt_clock_now(&app->clock));
    if (app->script) gt_script_start(app->script, gt_clock_now(&app->clock));
    app->running = true;
    refresh_geometry(app);
    relayout(app);
    *exit_code = 0;
    return app;
}

void gt_app_close(GtApp *app) {
    if (!app) return;
    gt_session_free(&app->session);
    if (app->script) gt_script_free(app->script);
    gt_progress_free(&app->progress);
    gt_app_store_close(app);
    gt_audio_close(&app->audio);
    gt_input_destroy(app->input);
    if (app->views_ready)
        for (int v = 0; v < GT_VIEW_COUNT; v++) gt_bodyview_free(&app->views[v]);
    if (app->ui_ready) gt_ui_free(&app->ui);
    if (app->renderer) SDL_DestroyRenderer(app->renderer);
    if (app->window) SDL_DestroyWindow(app->window);
    gt_library_free(&app->library);
    IMG_Quit();
    SDL_Quit();
    free(app);
}

int gt_app_main(const char *data_dir, int argc, char **argv) {
    int code = 1;
    GtApp *app = gt_app_open(data_dir, argc, argv, &code);
    if (!app) return code;
    while (gt_app_frame(app)) {}
    gt_app_close(app);
    return 0;
}

const GtSession *gt_app_session(const GtApp *app) {
    return &app->session;
}

const GtHitMap *gt_app_hits(const GtApp *app) {
    return &app->hits;
}

bool gt_app_act(GtApp *app, int action) {
    return act(app, action, gt_clock_now(&app->clock));
}

void gt_app_sizes(const GtApp *app, int *window_w_pt, int *window_h_pt, int *output_w_px, int *output_h_px) {
    if (window_w_pt) *window_w_pt = app->window_w;
    if (window_h_pt) *window_h_pt = app->window_h;
    if (output_w_px) *output_w_px = app->output_w;
    if (output_h_px) *output_h_px = app->output_h;
}

uint32_t gt_app_now(const GtApp *app) {
    return gt_clock_now(&app->clock);
}
