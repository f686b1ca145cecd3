/* uuid: random identifiers for attempts, so attempts made on different kiosks can later be
 * merged on a school server without clashing (RFC 4122 version 4, from the kernel's CSPRNG). */
#ifndef GT_UUID_H
#define GT_UUID_H

#include <stdbool.h>

enum { GT_UUID_TEXT = 37 }; /* 36 characters and the NUL */

/* Writes a new lower-case UUID ("xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx") into `text`.
 * Reads getrandom(), else /dev/urandom; false (text "") when neither gives 16 bytes. */
bool gt_uuid_v4(char text[GT_UUID_TEXT]);

/* True when `text` is a UUID written as above (any version, either case). */
bool gt_uuid_valid(const char *text);

#endif
