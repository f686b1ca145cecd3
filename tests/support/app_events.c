#include "app_events.h"
#include "test_support.h"

void gt_test_push(SDL_Event *event) {
    assert_int_equal(SDL_PushEvent(event), 1);
}

void gt_test_push_wheel(int notches) {
    SDL_Event e;
    SDL_zero(e);
    e.type = SDL_MOUSEWHEEL;
    e.wheel.y = notches;
    e.wheel.preciseY = (float)notches;
    e.wheel.direction = SDL_MOUSEWHEEL_NORMAL;
    gt_test_push(&e);
}

void gt_test_push_key(SDL_Keycode key) {
    SDL_Event e;
    SDL_zero(e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = key;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(key);
    gt_test_push(&e);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    gt_test_push(&e);
}

void gt_test_push_finger(Uint32 type, SDL_FingerID finger, float x, float y) {
    SDL_Event e;
    SDL_zero(e);
    e.type = type;
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = finger;
    e.tfinger.x = x;
    e.tfinger.y = y;
    e.tfinger.pressure = 1.0f;
    gt_test_push(&e);
}
