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
    gt_test_push_touch(type, 1, finger, x, y, 1.0f);
}

void gt_test_push_touch(Uint32 type, SDL_TouchID touch, SDL_FingerID finger, float x, float y, float pressure) {
    SDL_Event e;
    SDL_zero(e);
    e.type = type;
    e.tfinger.touchId = touch;
    e.tfinger.fingerId = finger;
    e.tfinger.x = x;
    e.tfinger.y = y;
    e.tfinger.pressure = pressure;
    gt_test_push(&e);
}

void gt_test_push_mouse(Uint32 type, Uint8 button, int x, int y) {
    SDL_Event e;
    SDL_zero(e);
    e.type = type;
    if (type == SDL_MOUSEMOTION) {
        e.motion.x = x;
        e.motion.y = y;
        e.motion.state = button ? SDL_BUTTON(button) : 0;
    } else {
        e.button.button = button;
        e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
        e.button.clicks = 1;
        e.button.x = x;
        e.button.y = y;
    }
    gt_test_push(&e);
}
