/* pin: hashing and checking the staff PIN, and the rate limit. */
#include "pin.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

bool gt_pin_valid(const char *pin, char *error, size_t error_size) {
    size_t length = pin ? strlen(pin) : 0;
    bool digits = length > 0 && strspn(pin, "0123456789") == length;
    if (digits && length >= GT_PIN_MIN_DIGITS && length <= GT_PIN_MAX_DIGITS) return true;
    snprintf(error, error_size, "A staff PIN is %d to %d digits (0-9)", GT_PIN_MIN_DIGITS, GT_PIN_MAX_DIGITS);
    return false;
}

bool gt_pin_hash(const char *pin, char hash[GT_CONFIG_PIN_HASH_MAX], char *error, size_t error_size) {
    _Static_assert(crypto_pwhash_STRBYTES <= GT_CONFIG_PIN_HASH_MAX, "room for libsodium's hash string");
    hash[0] = '\0';
    if (!gt_pin_valid(pin, error, error_size)) return false;
    if (sodium_init() < 0) {
        snprintf(error, error_size, "the cryptography library could not start");
        return false;
    }
    if (crypto_pwhash_str_alg(hash, pin, strlen(pin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        hash[0] = '\0';
        snprintf(error, error_size, "out of memory while hashing the PIN (it needs %d MiB)",
                 (int)(crypto_pwhash_MEMLIMIT_INTERACTIVE >> 20));
        return false;
    }
    return true;
}

bool gt_pin_matches(const char *hash, const char *pin) {
    if (!hash || !hash[0] || !pin || sodium_init() < 0) return false;
    return crypto_pwhash_str_verify(hash, pin, strlen(pin)) == 0;
}

int64_t gt_pin_delay_ms(int failures) {
    if (failures < GT_PIN_FREE_TRIES) return 0;
    int64_t wait_s = GT_PIN_FIRST_WAIT_S;
    for (int n = GT_PIN_FREE_TRIES; n < failures && wait_s < GT_PIN_MAX_WAIT_S; n++) wait_s *= 2;
    if (wait_s > GT_PIN_MAX_WAIT_S) wait_s = GT_PIN_MAX_WAIT_S;
    return wait_s * 1000;
}

GtPinResult gt_config_check_pin(const GtConfig *config, GtPinGuard *guard, const char *pin, int64_t now_ms,
                                int64_t *wait_ms) {
    if (wait_ms) *wait_ms = 0;
    if (!config->pin_hash[0]) return GT_PIN_NOT_SET;
    if (now_ms < guard->next_try_ms) {
        if (wait_ms) *wait_ms = guard->next_try_ms - now_ms;
        return GT_PIN_WAIT;
    }
    if (gt_pin_matches(config->pin_hash, pin)) {
        guard->failures = 0;
        guard->next_try_ms = 0;
        return GT_PIN_ACCEPTED;
    }
    guard->failures++;
    int64_t delay = gt_pin_delay_ms(guard->failures);
    guard->next_try_ms = now_ms + delay;
    if (wait_ms) *wait_ms = delay;
    return GT_PIN_WRONG;
}
