/* The trainer's window, options and main loop. The loop sleeps in SDL_WaitEventTimeout when
 * nothing moves, so an idle trainer uses next to no CPU. */
#include "app.h"
#include "app_internal.h"
#include "storage.h"

#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char USAGE[] =
    "Usage: guidedtouch [--data DIR] [OPTIONS]\n"
    "\n"
    "Starts the trainer.\n"
    "  --window WxH        window size in points (default 1280x800)\n"
    "  --fullscreen        fill the screen (desktop fullscreen)\n"
    "  --mute              no metronome click\n"
    "  --mode MODE         learn (demo, guide, hints), practice (guide, no demo) or exam (no guide)\n"
    "  --lesson ID         open this lesson straight away (--step N for a later step)\n"
    "  --script FILE       drive the trainer with an input script (see docs/student-guide.md)\n"
    "  --frames N          run N frames, then exit (with --script and no --frames: exit 1 s\n"
    "                      after the script ends); scripted and --frames runs keep a virtual\n"
    "                      clock (16 ms a frame), so they are the same on any machine\n"
    "  --screenshot FILE   save the last frame as a PNG\n"
    "  --card-out FILE     after each attempt, write the score card shown as JSON (as `grade` prints it)\n"
    "Keys: Enter = main button, Esc = back, 1-9 and 0 = pressure level, mouse wheel = pressure.\n";

static const char *const MODE_NAMES[GT_MODE_COUNT] = { "learn", "practice", "exam" };

/* Parses the trainer's options; returns -1 to go on, else an exit code. */
static int parse_options(GtAppOptions *o, int argc, char **argv) {
    *o = (GtAppOptions){ .width = 1280, .height = 800, .mode = GT_MODE_LEARN, .step = 1 };
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) { fputs(USAGE, stdout); return 0; }
        else if (strcmp(a, "--fullscreen") == 0) o->fullscreen = true;
        else if (strcmp(a, "--no-fullscreen") == 0) o->fullscreen = false;
        else if (strcmp(a, "--mute") == 0) o->mute = true;
        else if (strcmp(a, "--no-mute") == 0) o->mute = false;
        else if (value && strcmp(a, "--window") == 0) {
            if (sscanf(value, "%dx%d", &o->width, &o->height) != 2 || o->width < 320 || o->height < 320 ||
                o->width > 16384 || o->height > 16384) {
                fprintf(stderr, "guidedtouch: --window wants WxH, at least 320x320 (got \"%s\")\n", value);
                return 2;
            }
            i++;
        } else if (value && strcmp(a, "--mode") == 0) {
            int m = 0;
            while (m < GT_MODE_COUNT && strcmp(value, MODE_NAMES[m]) != 0) m++;
            if (m == GT_MODE_COUNT) {
                fprintf(stderr, "guidedtouch: --mode is learn, practice or exam (got \"%s\")\n", value);
                return 2;
            }
            o->mode = (GtMode)m;
            i++;
        } else if (value && strcmp(a, "--lesson") == 0) { o->lesson = value; i++; }
        else if (value && strcmp(a, "--step") == 0) { o->step = atoi(value); i++; }
        else if (value && strcmp(a, "--script") == 0) { o->script = value; i++; }
        else if (value && strcmp(a, "--screenshot") == 0) { o->screenshot = value; i++; }
        else if (value && strcmp(a, "--card-out") == 0) { o->card_out = value; i++; }
        else if (value && strcmp(a, "--frames") == 0) { o->frames = atoi(value); i++; }
        else {
            fprintf(stderr, "guidedtouch: unknown option \"%s\"\n\n%s", a, USAGE);
            return 2;
        }
    }
    return -1;
}

/* Physical pixels per millimetre of the window's display, 96 dpi when unknown. */
static double pixels_per_mm(GtApp *app) {
    float ddpi = 0;
    int display = SDL_GetWindowDisplayIndex(app->window);
    if (display < 0 || SDL_GetDisplayDPI(display, &ddpi, NULL, NULL) != 0 || ddpi < 50 || ddpi > 1000) ddpi = 96;
    double points_to_pixels = app->window_w > 0 ? (double)app->output_w / app->window_w : 1.0;
    return ddpi / 25.4 * points_to_pixels;
}

/* Re-reads the window and output sizes; re-lays out when they changed. */
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
    gt_app_layout(app);
    app->dirty = true;
}

static bool save_screenshot(GtApp *app, const char *path) {
    SDL_Surface *shot = SDL_CreateRGBSurfaceWithFormat(0, app->output_w, app->output_h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!shot) return false;
    bool ok = SDL_RenderReadPixels(app->renderer, NULL, SDL_PIXELFORMAT_ARGB8888, shot->pixels, shot->pitch) == 0 &&
              IMG_SavePNG(shot, path) == 0;
    if (!ok) fprintf(stderr, "guidedtouch: cannot save screenshot %s: %s\n", path, SDL_GetError());
    SDL_FreeSurface(shot);
    return ok;
}

/* Creates the window and a renderer: hardware first, software when that fails. */
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
    app->renderer = SDL_CreateRenderer(app->window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!app->renderer) app->renderer = SDL_CreateRenderer(app->window, -1, SDL_RENDERER_SOFTWARE);
    if (!app->renderer) {
        fprintf(stderr, "guidedtouch: cannot draw in the window: %s\n", SDL_GetError());
        return false;
    }
    return true;
}

/* Pointer and key events the input layer did not take drive the buttons. */
static void handle_ui_event(GtApp *app, const SDL_Event *e, Uint32 now_ms) {
    double sx = app->window_w ? (double)app->output_w / app->window_w : 1.0;
    double sy = app->window_h ? (double)app->output_h / app->window_h : 1.0;
    switch (e->type) {
    case SDL_QUIT: app->running = false; break;
    case SDL_WINDOWEVENT: app->dirty = true; break;
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT) break;
        app->ui.pressed_id = gt_ui_button_at(&app->ui, (int)(e->button.x * sx), (int)(e->button.y * sy));
        app->dirty = true;
        break;
    case SDL_MOUSEBUTTONUP: {
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT) break;
        int id = gt_ui_button_at(&app->ui, (int)(e->button.x * sx), (int)(e->button.y * sy));
        if (id >= 0 && id == app->ui.pressed_id) gt_app_act(app, id, now_ms);
        app->ui.pressed_id = -1;
        app->dirty = true;
        break;
    }
    case SDL_FINGERDOWN:
        if (e->tfinger.touchId == SDL_MOUSE_TOUCHID) break;
        app->ui.pressed_id = gt_ui_button_at(&app->ui, (int)(e->tfinger.x * app->output_w), (int)(e->tfinger.y * app->output_h));
        app->dirty = true;
        break;
    case SDL_FINGERUP: {
        if (e->tfinger.touchId == SDL_MOUSE_TOUCHID) break;
        int id = gt_ui_button_at(&app->ui, (int)(e->tfinger.x * app->output_w), (int)(e->tfinger.y * app->output_h));
        if (id >= 0 && id == app->ui.pressed_id) gt_app_act(app, id, now_ms);
        app->ui.pressed_id = -1;
        app->dirty = true;
        break;
    }
    case SDL_MOUSEWHEEL:
        if (app->screen == GT_SCREEN_HOME) gt_app_act(app, e->wheel.y > 0 ? GT_ACT_SCROLL_UP : GT_ACT_SCROLL_DOWN, now_ms);
        break;
    case SDL_KEYDOWN: {
        SDL_Keycode key = e->key.keysym.sym;
        int id = gt_ui_button_for_key(&app->ui, key);
        if (id < 0 && key == SDLK_KP_ENTER) id = gt_ui_button_for_key(&app->ui, SDLK_RETURN);
        if (id < 0 && key == SDLK_AC_BACK) id = gt_ui_button_for_key(&app->ui, SDLK_ESCAPE);
        if (id < 0 && app->screen == GT_SCREEN_HOME && key == SDLK_DOWN) id = GT_ACT_SCROLL_DOWN;
        if (id < 0 && app->screen == GT_SCREEN_HOME && key == SDLK_UP) id = GT_ACT_SCROLL_UP;
        if (id >= 0) gt_app_act(app, id, now_ms);
        app->dirty = true;
        break;
    }
    default: break;
    }
}

static void set_input_geometry(GtApp *app) {
    const GtBodyView *view = app->lesson ? &app->views[app->lesson->steps[app->step - 1].view] : &app->views[0];
    gt_input_set_geometry(app->input, view->transform, view->rect, app->slider, app->window_w, app->window_h,
                          app->output_w, app->output_h);
}

/* The trainer's clock, ms. SDL ticks normally; for a scripted or --frames run a virtual clock
 * that moves only when the loop moves it, so such a run is the same at any machine load. */
static Uint32 clock_now(const GtApp *app) {
    return app->virtual_clock ? app->clock_ms : SDL_GetTicks();
}

/* Pushes the script's events due at `now_ms` and returns how long the loop may wait for events
 * before it has to move on: until the next scripted event, the next hold sample, the next
 * animation frame, or (when idle) a second; at most one 16 ms frame in scripted and --frames runs. */
static int loop_wait_ms(GtApp *app, Uint32 now_ms) {
    int wait_ms = gt_app_animating(app, now_ms) ? 16 : 1000;
    if (gt_input_recording(app->input)) wait_ms = GT_INPUT_HOLD_SAMPLE_MS;
    if (app->script) {
        const GtBodyView *v = app->lesson ? &app->views[app->lesson->steps[app->step - 1].view] : &app->views[0];
        int due = gt_script_pump(app->script, now_ms, v->transform, app->window_w, app->window_h, app->output_w,
                                 app->output_h);
        if (due >= 0 && due < wait_ms) wait_ms = due;
    }
    if ((app->options.frames > 0 || app->script) && wait_ms > 16) wait_ms = 16;
    return wait_ms < 1 ? 1 : wait_ms;
}

/* Gives every waiting event to the input layer or the interface. On the real clock it first
 * waits up to `wait_ms` for one; on the virtual clock it never waits, and stamps each event
 * with the virtual time, so samples are timed by the script, not by when the machine got to them. */
static void handle_events(GtApp *app, int wait_ms) {
    SDL_Event e;
    bool any = app->virtual_clock ? SDL_PollEvent(&e) : SDL_WaitEventTimeout(&e, wait_ms);
    while (any) {
        Uint32 now = clock_now(app);
        if (app->virtual_clock) e.common.timestamp = now;
        if (gt_input_handle_event(app->input, &e)) app->dirty = true;
        else handle_ui_event(app, &e, now);
        any = SDL_PollEvent(&e);
    }
}

/* True when this frame is the last: N frames drawn (--frames N), or a second after the script
 * ended (a script without --frames). `script_end_ms` remembers when it ended (0: not yet). */
static bool is_last_frame(GtApp *app, int frames, Uint32 now_ms, Uint32 *script_end_ms) {
    if (app->options.frames > 0) return frames + 1 >= app->options.frames;
    if (!app->script || !gt_script_finished(app->script)) return false;
    if (!*script_end_ms) *script_end_ms = now_ms ? now_ms : 1;
    return now_ms - *script_end_ms >= 1000;
}

/* Opens the lesson and step the options name, or says on stderr why the lesson list shows. */
static void open_start_lesson(GtApp *app, Uint32 now_ms) {
    if (!app->options.lesson) return;
    const GtLesson *lesson = gt_library_lesson(&app->library, app->options.lesson);
    if (lesson && app->options.step >= 1 && (size_t)app->options.step <= lesson->step_count)
        gt_app_open_step(app, lesson, app->options.step, now_ms);
    else
        fprintf(stderr, "guidedtouch: no lesson \"%s\" with a step %d; showing all lessons\n", app->options.lesson,
                app->options.step);
}

static void run_loop(GtApp *app) {
    int frames = 0;
    Uint32 script_end_ms = 0;
    open_start_lesson(app, clock_now(app));
    app->running = true;
    app->dirty = true;
    while (app->running) {
        refresh_geometry(app);
        gt_app_prepare_view(app);
        set_input_geometry(app);
        int wait_ms = loop_wait_ms(app, clock_now(app));
        handle_events(app, wait_ms);
        Uint32 now = clock_now(app);
        gt_input_tick(app->input, now);
        gt_app_update(app, now);
        if (gt_input_recording(app->input) || gt_app_animating(app, now)) app->dirty = true;
        bool last = is_last_frame(app, frames, now, &script_end_ms);
        if (app->dirty || last || app->options.frames > 0) {
            gt_app_draw(app, now);
            if (last && app->options.screenshot) save_screenshot(app, app->options.screenshot);
            SDL_RenderPresent(app->renderer);
            app->dirty = false;
            frames++;
        }
        if (last) app->running = false;
        if (app->virtual_clock) app->clock_ms += (Uint32)wait_ms;
    }
}

int gt_app_main(const char *data_dir, int argc, char **argv) {
    GtApp *app = calloc(1, sizeof *app);
    if (!app) return 1;
    int code = parse_options(&app->options, argc, argv);
    if (code >= 0) { free(app); return code; }
    app->data_dir = data_dir;
    app->mode = app->options.mode;
    /* scripted and --frames runs keep their own time (see clock_now); it starts at 1 s, never 0 */
    app->virtual_clock = app->options.script || app->options.frames > 0;
    app->clock_ms = 1000;
    snprintf(app->assets_dir, sizeof app->assets_dir, "%s/assets", data_dir);
    for (int i = 0; i < GT_MAX_STEPS; i++) app->step_best[i] = -1;
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS | SDL_INIT_TIMER) != 0) {
        fprintf(stderr, "guidedtouch: cannot start SDL: %s\n", SDL_GetError());
        free(app);
        return 1;
    }
    IMG_Init(IMG_INIT_PNG);
    GtDiag diag;
    gt_diag_init(&diag);
    if (!gt_library_load(&app->library, data_dir, &diag)) gt_diag_print(&diag, stderr);
    gt_diag_free(&diag);
    char error[512] = "";
    code = 1;
    if (open_window(app) && gt_ui_init(&app->ui, app->renderer, app->assets_dir, error, sizeof error)) {
        char bodymap_dir[800];
        snprintf(bodymap_dir, sizeof bodymap_dir, "%s/bodymap", app->assets_dir);
        for (int v = 0; v < GT_VIEW_COUNT; v++) gt_bodyview_init(&app->views[v], gt_library_view(&app->library, (GtView)v), bodymap_dir);
        app->input = gt_input_create();
        gt_audio_open(&app->audio, app->options.mute);
        char dir[768];
        if (gt_storage_data_dir(dir, sizeof dir, error, sizeof error)) {
            if (!gt_progress_load(&app->progress, dir, error, sizeof error)) fprintf(stderr, "guidedtouch: %s\n", error);
        } else fprintf(stderr, "guidedtouch: marks will not be kept: %s\n", error);
        bool script_ok = true;
        if (app->options.script) {
            app->script = gt_script_load(app->options.script, error, sizeof error);
            if (!app->script) { fprintf(stderr, "guidedtouch: %s\n", error); script_ok = false; }
        }
        if (app->input && script_ok) {
            run_loop(app);
            code = 0;
        }
        if (app->script) gt_script_free(app->script);
        gt_progress_free(&app->progress);
        gt_audio_close(&app->audio);
        gt_input_destroy(app->input);
        for (int v = 0; v < GT_VIEW_COUNT; v++) gt_bodyview_free(&app->views[v]);
        gt_ui_free(&app->ui);
    } else if (error[0]) fprintf(stderr, "guidedtouch: %s\n", error);
    if (app->has_reference) gt_replay_free(&app->reference);
    if (app->has_attempt) gt_replay_free(&app->attempt);
    if (app->renderer) SDL_DestroyRenderer(app->renderer);
    if (app->window) SDL_DestroyWindow(app->window);
    gt_library_free(&app->library);
    IMG_Quit();
    SDL_Quit();
    free(app);
    return code;
}
