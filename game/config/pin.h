/* pin: the staff PIN that lets staff leave kiosk mode. A PIN is 4 to 8 digits; only its salted
 * hash is kept (Argon2id through libsodium's crypto_pwhash_str, which carries its own random
 * salt and cost settings), in the config file's "pin_hash". Wrong PINs are rate-limited: from
 * the GT_PIN_FREE_TRIES-th wrong PIN in a row on, each one makes the next try wait, doubling from
 * GT_PIN_FIRST_WAIT_S up to GT_PIN_MAX_WAIT_S; a right PIN clears the count. The count lives
 * in memory (a GtPinGuard), so restarting the program resets it: the kiosk itself never quits
 * without the PIN. Times are passed in, so the policy is exact in tests.
 *
 * Ownership: nothing is allocated; hashes are written into the caller's buffers. */
#ifndef GT_PIN_H
#define GT_PIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "config.h"

enum { GT_PIN_MIN_DIGITS = 4, GT_PIN_MAX_DIGITS = 8, GT_PIN_FREE_TRIES = 3, GT_PIN_FIRST_WAIT_S = 30,
       GT_PIN_MAX_WAIT_S = 900 };

/* True when `pin` is 4 to 8 digits; else false with a sentence for the person typing it. */
bool gt_pin_valid(const char *pin, char *error, size_t error_size);

/* Hashes a valid PIN with a fresh salt into `hash` (GT_CONFIG_PIN_HASH_MAX bytes). False with the
 * reason (an invalid PIN, or out of memory for the hash's work area). */
bool gt_pin_hash(const char *pin, char hash[GT_CONFIG_PIN_HASH_MAX], char *error, size_t error_size);

/* True when `pin` is the one `hash` was made from. */
bool gt_pin_matches(const char *hash, const char *pin);

/* How long to wait, in ms, before the next try after `failures` wrong PINs in a row: 0 after 1
 * or 2, then 30 s after the 3rd, 60 s after the 4th, 120 s after the 5th, ... at most 15 min. */
int64_t gt_pin_delay_ms(int failures);

typedef struct GtPinGuard {
    int failures;                  /* wrong PINs in a row */
    int64_t next_try_ms;           /* no PIN is checked before this time (ms, any clock) */
} GtPinGuard;

typedef enum GtPinResult {
    GT_PIN_ACCEPTED,               /* the right PIN: staff may go on; the count is cleared */
    GT_PIN_WRONG,                  /* counted; *wait_ms says how long before the next try */
    GT_PIN_WAIT,                   /* too soon after wrong PINs: not checked, not counted */
    GT_PIN_NOT_SET                 /* no PIN is configured: run `guidedtouch set-pin` */
} GtPinResult;

/* Checks a PIN typed at `now_ms` against the configured hash, through the guard. *wait_ms (may be
 * NULL) gets the time left before another try may be made (0 when one may be made now). */
GtPinResult gt_config_check_pin(const GtConfig *config, GtPinGuard *guard, const char *pin, int64_t now_ms,
                                int64_t *wait_ms);

#endif
