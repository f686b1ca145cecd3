/* test_malformed: every malformed file under tests/data/bad/ gets its own specific, located
 * error (file, line, column, JSON path and the words a user needs), with no crash and no
 * leak; several problems in one file are all reported; a file cut short at any byte is
 * reported, never crashed on; and a broken lesson does not stop the rest of a library from
 * loading.
 *
 * Each file under tests/data/bad/ is one of the clean files in tests/data/bad/base/ (taken
 * from the bundled lessons, techniques and body maps, shortened) with exactly one thing
 * broken, so each must give exactly one message (rows marked WARNS: a valid file whose one message
 * is a warning, which does not stop it from loading). Lines and columns are 1-based, columns in
 * bytes; JSON paths are 0-based like jq. A message fragment may hold '*' to skip any text. */
#include "test_support.h"
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* How a row's file is loaded. */
typedef enum Loader {
    BY_FORMAT, /* gt_library_validate_file: chosen by its "format", checked against the library */
    AS_REPLAY, /* gt_load_replay: read as a replay, whatever it says it is */
    WARNS,     /* gt_library_validate_file: a valid file whose one message is a warning */
    AS_CONFIG  /* gt_config_load: read as the system configuration file (no user file, no options) */
} Loader;

/* One malformed file and the one message it must give. */
typedef struct Case {
    const char *file;       /* under tests/data/bad/ */
    Loader loader;
    const char *diag_file;  /* file the message names, under tests/data/bad/; NULL: `file` */
    int line, column;       /* of the offending value (or key) */
    const char *json_path;  /* "" for the whole document or a syntax error outside any value */
    const char *message;    /* fragment the message must contain ('*' skips any text) */
} Case;

static const Case CASES[] = {
    /* lessons */
    { "lessons/empty.json", BY_FORMAT, NULL, 1, 1, "",
      "the file is empty; expected a JSON object starting with '{'" },
    { "lessons/truncated.json", BY_FORMAT, NULL, 18, 38, "steps[0].instruction",
      "the file ends inside the string that starts at line 18, column 22 (truncated?); restore the "
      "missing end of the file, which must close the string with '\"' and then the brackets with "
      "\"}]}\"" },
    { "lessons/trailing-text.json", BY_FORMAT, NULL, 33, 1, "",
      "unexpected '}' after the end of the JSON object; a file holds exactly one object, so remove "
      "what follows its closing '}'" },
    { "lessons/version-2.json", BY_FORMAT, NULL, 3, 14, "version",
      "version 2 is not understood by this trainer, which reads version 1; update Guided Touch or "
      "write the file as version 1" },
    { "lessons/root-array.json", BY_FORMAT, NULL, 1, 1, "",
      "expected a JSON object ({...}), found an array" },
    { "lessons/cp1252-dash.json", BY_FORMAT, NULL, 5, 24, "",
      "byte 0x96 is not valid UTF-8; save the file as UTF-8 text (is it in another encoding, or a "
      "binary file?)" },
    { "lessons/summary-overlong.json", BY_FORMAT, NULL, 9, 24, "",
      "byte 0xE0 is not valid UTF-8; save the file as UTF-8 text" },
    { "lessons/summary-surrogate.json", BY_FORMAT, NULL, 9, 24, "",
      "byte 0xED is not valid UTF-8; save the file as UTF-8 text" },
    { "lessons/title-nul.json", BY_FORMAT, NULL, 5, 12, "title",
      "holds \\u0000, a NUL character that would cut the text short; remove it" },
    { "lessons/title-tab.json", BY_FORMAT, NULL, 5, 12, "title",
      "holds a control character (a line break, a tab or a byte below 32); write it as plain text on one line "
      "(character 6)" },
    { "lessons/unknown-format.json", BY_FORMAT, NULL, 2, 13, "format",
      "unknown format \"guidedtouch-leson\" (did you mean \"guidedtouch-lesson\"?)" },
    { "lessons/missing-format.json", BY_FORMAT, NULL, 1, 1, "",
      "missing required key \"format\"; start the object with \"format\": \"guidedtouch-lesson\"" },
    { "lessons/pass-mark-infinity.json", BY_FORMAT, NULL, 17, 20, "steps[0].pass_mark",
      "Infinity is not a number in JSON (NaN and Infinity cannot be written); write an ordinary number "
      "such as 0.5" },
    { "lessons/comment.json", BY_FORMAT, NULL, 8, 22, "",
      "comments are not allowed in JSON; remove this comment" },
    { "lessons/missing-comma.json", BY_FORMAT, NULL, 7, 3, "level",
      "expected ',' before this, after the value that ends at line 6, column 21; add the missing comma" },
    { "lessons/mismatched-bracket.json", BY_FORMAT, NULL, 15, 64, "steps[0].guide.polyline[2]",
      "'}' does not close the '[' at line 15, column 29; close that one with ']' first" },
    { "lessons/pass-mark-string.json", BY_FORMAT, NULL, 17, 20, "steps[0].pass_mark",
      "expected a number, found the string \"65\"; remove the quotes" },
    { "lessons/guide-array.json", BY_FORMAT, NULL, 15, 16, "steps[0].guide",
      "expected an object ({...}), found an array" },
    { "lessons/repetitions-fraction.json", BY_FORMAT, NULL, 16, 22, "steps[0].repetitions",
      "4.5 is not a whole number; use 5" },
    { "lessons/technique-true.json", BY_FORMAT, NULL, 12, 20, "steps[0].technique",
      "expected a string in quotes, found true" },
    { "lessons/pass-mark-0.json", BY_FORMAT, NULL, 27, 20, "steps[1].pass_mark",
      "0 is out of range; use a value from 1 to 100" },
    { "lessons/duration-500.json", BY_FORMAT, NULL, 8, 19, "duration_min",
      "500 is out of range; use a value from 1 to 120" },
    { "lessons/unknown-technique.json", BY_FORMAT, NULL, 12, 20, "steps[0].technique",
      "unknown technique \"efleurage\" (did you mean \"effleurage\"?)" },
    { "lessons/unknown-region.json", BY_FORMAT, NULL, 24, 17, "steps[1].region",
      "unknown region \"erector-spinae-x\" in the posterior view (did you mean \"erector-spinae-l\"?)" },
    { "lessons/unknown-landmark.json", BY_FORMAT, NULL, 16, 17, "steps[0].toward",
      "unknown landmark \"axilary-nodes-l\" in the anterior view (did you mean \"axillary-nodes-l\"?)" },
    { "lessons/view-typo.json", BY_FORMAT, NULL, 23, 15, "steps[1].view",
      "unknown view \"posteror\" (did you mean \"posterior\"?)" },
    { "lessons/level-unknown.json", BY_FORMAT, NULL, 6, 12, "level",
      "unknown level \"expert\"; use one of \"beginner\", \"advanced\"" },
    { "lessons/bad-id.json", BY_FORMAT, NULL, 4, 9, "id",
      "\"Lower Back Basics\" is not a valid id: use lower-case letters, digits and '-' only (for "
      "example \"lower-back-basics\")" },
    { "lessons/key-typo.json", BY_FORMAT, NULL, 17, 7, "steps[0].pass-mark",
      "unknown key \"pass-mark\" (did you mean \"pass_mark\"?)" },
    { "lessons/caution-key-typo.json", BY_FORMAT, NULL, 9, 160, "cautions[0].sorce",
      "unknown key \"sorce\" (did you mean \"source\"?)" },
    { "lessons/caution-kind-unknown.json", BY_FORMAT, NULL, 9, 150, "cautions[0].kind",
      "unknown kind \"red flag\" (did you mean \"red-flag\"?)" },
    { "lessons/cautions-object.json", BY_FORMAT, NULL, 9, 96, "cautions",
      "expected an array of at most 16 cautions, found an object" },
    { "lessons/unknown-key.json", BY_FORMAT, NULL, 9, 3, "author",
      "unknown key \"author\"; remove it (see docs/formats.md for the keys this object takes)" },
    { "lessons/duplicate-key.json", BY_FORMAT, NULL, 20, 7, "steps[0].hint",
      "key \"hint\" appears twice (first at line 19, column 7); keep only one" },
    { "lessons/missing-instruction.json", BY_FORMAT, NULL, 21, 5, "steps[1]",
      "missing required key \"instruction\"" },
    { "lessons/missing-steps.json", BY_FORMAT, NULL, 1, 1, "",
      "missing required key \"steps\"" },
    { "lessons/reps-and-duration.json", BY_FORMAT, NULL, 27, 7, "steps[1].duration_s",
      "give either \"repetitions\" or \"duration_s\", not both; remove one" },
    { "lessons/guide-point-and-polyline.json", BY_FORMAT, NULL, 25, 38, "steps[1].guide.polyline",
      "give either \"polyline\" (a path to trace) or \"point\" (a spot), not both; remove one" },
    { "lessons/guide-off-body.json", BY_FORMAT, NULL, 25, 26, "steps[1].guide.point",
      "[90.0, 20.0] is off the body in the posterior view; move the guide onto the body" },
    { "lessons/guide-on-kidney.json", BY_FORMAT, NULL, 25, 26, "steps[1].guide.point",
      "[45.4, 60.2] is on \"kidney-l\" (Kidney area (left)), which tapotement must avoid; move the "
      "guide at least 3.0 cm further away" },
    { "lessons/segment-crosses-kidney.json", BY_FORMAT, NULL, 25, 30, "steps[1].guide.polyline[0]",
      "the segment from this point to the next passes [46.8, 60.2], 1.4 cm from \"kidney-l\" (Kidney "
      "area (left)), which tapotement must avoid by 3.0 cm; move the segment at least 1.6 cm further "
      "away" },
    { "lessons/hold-polyline.json", BY_FORMAT, NULL, 25, 29, "steps[1].guide.polyline",
      "trigger-point-compression is a hold: give the spot as \"point\": [x_cm, y_cm]" },
    { "lessons/glide-point.json", BY_FORMAT, NULL, 15, 26, "steps[0].guide.point",
      "effleurage moves along a path: give it as \"polyline\": [[x, y], ...]" },
    { "lessons/guide-outside-region.json", BY_FORMAT, NULL, 15, 30, "steps[0].guide.polyline[0]",
      "[46.5, 83.0] lies 16.3 cm outside region \"hamstrings-l\"; keep the guide on the region the "
      "step names" },
    { "lessons/polyline-one-point.json", BY_FORMAT, NULL, 15, 29, "steps[0].guide.polyline",
      "has 1 point; it needs 2 to 64" },
    { "lessons/point-three-numbers.json", BY_FORMAT, NULL, 25, 26, "steps[1].guide.point",
      "a point is [x_cm, y_cm], but this has 3 values" },
    { "lessons/across-fibres-no-fibre.json", BY_FORMAT, NULL, 24, 17, "steps[1].region",
      "cross-fibre-friction works across the muscle fibres, but region \"upper-back\" has no fibre "
      "direction; choose a muscle region" },
    { "lessons/toward-not-allowed.json", BY_FORMAT, NULL, 16, 17, "steps[0].toward",
      "effleurage does not head toward a landmark (its direction rule is not toward-landmark); remove "
      "\"toward\"" },
    { "lessons/missing-demo.json", BY_FORMAT, NULL, 16, 15, "steps[0].demo",
      "demonstration \"demos/step-1.json\": cannot read the file: No such file or directory; the path is "
      "relative to the lesson file and stays inside its folder (for example \"demos/lower-back-basics-1.json\")" },
    { "lessons/demo-escapes-up.json", BY_FORMAT, NULL, 16, 15, "steps[0].demo",
      "demonstration \"../../../../etc/passwd\": must not start with / or go up with ..; the path is relative to "
      "the lesson file and stays inside its folder (for example \"demos/lower-back-basics-1.json\")" },
    { "lessons/demo-absolute.json", BY_FORMAT, NULL, 16, 15, "steps[0].demo",
      "demonstration \"/etc/shadow\": must not start with / or go up with ..; the path is relative to the lesson "
      "file and stays inside its folder (for example \"demos/lower-back-basics-1.json\")" },
    { "lessons/step-band-outside.json", BY_FORMAT, NULL, 17, 43, "steps[0].pressure_level.max",
      "level 6 is above effleurage's band, level 2-5; a step can only narrow its technique's band, so use a "
      "max of level 5 or less" },
    { "lessons/step-band-not-scored.json", BY_FORMAT, NULL, 27, 7, "steps[1].speed_cm_s",
      "circular-friction has no speed band to narrow (only glides and rolls are scored on speed; it is a "
      "circle technique); remove \"speed_cm_s\"" },
    { "lessons/step-tempo-unit.json", BY_FORMAT, NULL, 27, 7, "steps[1].tempo_hz",
      "circular-friction states its tempo per minute; write \"tempo_per_min\": {\"min\": 60, \"max\": 66} "
      "instead" },
    { "lessons/level-range-mismatch.json", WARNS, NULL, 18, 88, "steps[0].instruction",
      "warning: the text says \"level 2-3\", but this step is scored on level 2-5; say level 2-5, or narrow "
      "the step with \"pressure_level\": {\"min\": 2, \"max\": 3}" },
    { "lessons/demo-wrong-step.json", BY_FORMAT, "lessons/demos/lower-back-step-2.json", 5, 11, "step",
      "this demonstration is for lesson \"lower-back-basics\" step 2 (effleurage, posterior), but "
      "step 1 (steps[0]) of lower-back-basics is effleurage on the posterior view; record the "
      "demonstration for this step or point \"demo\" at the right file" },
    /* techniques */
    { "techniques/missing-format.json", BY_FORMAT, NULL, 1, 1, "",
      "missing required key \"format\"; start the object with \"format\": \"guidedtouch-technique\"" },
    { "techniques/binary-nul.json", BY_FORMAT, NULL, 5, 15, "",
      "byte 0x00 (NUL) cannot appear in a text file; is this a binary file?" },
    { "techniques/truncated.json", BY_FORMAT, NULL, 9, 36, "speed_cm_s.max",
      "the file ends while the '{' at line 9, column 17 is still open (truncated?); restore the "
      "missing end of the file, which must close the brackets with \"}}\"" },
    { "techniques/trailing-comma.json", BY_FORMAT, NULL, 14, 111, "tolerances.advanced.lifts",
      "a ',' before '}' is not allowed in JSON; remove this comma after the last item" },
    { "techniques/unquoted-key.json", BY_FORMAT, NULL, 7, 3, "",
      "keys need double quotes: write \"pattern\"" },
    { "techniques/nan.json", BY_FORMAT, NULL, 10, 24, "regularity_cv_max",
      "NaN is not a number in JSON (NaN and Infinity cannot be written); write an ordinary number such "
      "as 0.5" },
    { "techniques/huge-number.json", BY_FORMAT, NULL, 8, 39, "pressure_level.max",
      "1e999 is too large to use (it reads as infinity); use a value from 0 to 10" },
    { "techniques/pressure-min-over-max.json", BY_FORMAT, NULL, 8, 39, "pressure_level.max",
      "max (2) must be greater than min (5); are they swapped?" },
    { "techniques/pressure-level-11.json", BY_FORMAT, NULL, 8, 39, "pressure_level.max",
      "11 is out of range; use a value from 0 to 10" },
    { "techniques/negative-speed.json", BY_FORMAT, NULL, 9, 25, "speed_cm_s.min",
      "-2 is out of range; use a value from 0.01 to 100" },
    { "techniques/pressure-array.json", BY_FORMAT, NULL, 8, 21, "pressure_level",
      "expected a band {\"min\": ..., \"max\": ...}, found an array" },
    { "techniques/sources-string.json", BY_FORMAT, NULL, 17, 14, "sources",
      "expected an array of 1 to 64 strings, found a string" },
    { "techniques/regularity-1.5.json", BY_FORMAT, NULL, 10, 24, "regularity_cv_max",
      "1.5 is out of range; use a value from 0.01 to 0.99" },
    { "techniques/key-typo.json", BY_FORMAT, NULL, 8, 3, "presure_level",
      "unknown key \"presure_level\" (did you mean \"pressure_level\"?)" },
    { "techniques/caution-missing-source.json", BY_FORMAT, NULL, 7, 16, "cautions[0]",
      "missing required key \"source\"" },
    { "techniques/duplicate-key.json", BY_FORMAT, NULL, 9, 3, "pressure_level",
      "key \"pressure_level\" appears twice (first at line 8, column 3); keep only one" },
    { "techniques/hold-with-speed.json", BY_FORMAT, NULL, 12, 3, "speed_cm_s",
      "\"speed_cm_s\" does not apply here: only glides and rolls are scored on speed; other rhythmic "
      "patterns use a tempo; remove it" },
    { "techniques/glide-with-tempo.json", BY_FORMAT, NULL, 10, 3, "tempo_per_min",
      "\"tempo_per_min\" does not apply here: only repeated movements (circle, knead, cross-fibre, "
      "tap, roll) have one; remove it" },
    { "techniques/missing-sources.json", BY_FORMAT, NULL, 1, 1, "",
      "missing required key \"sources\"" },
    { "techniques/missing-tempo.json", BY_FORMAT, NULL, 1, 1, "",
      "missing required key \"tempo_per_min\" (or \"tempo_hz\"): a circle technique repeats, so it "
      "needs a tempo" },
    { "techniques/tempo-key-typo.json", BY_FORMAT, NULL, 9, 3, "tempo_per_minute",
      "unknown key \"tempo_per_minute\" (did you mean \"tempo_per_min\"?)" },
    { "techniques/two-tempos.json", BY_FORMAT, NULL, 10, 3, "tempo_hz",
      "give the tempo once: either tempo_per_min or tempo_hz" },
    { "techniques/weight-not-applicable.json", BY_FORMAT, NULL, 13, 54, "weights.continuity",
      "\"continuity\" is not scored for this technique (pattern tap, direction none); remove its weight" },
    { "techniques/weight-missing.json", BY_FORMAT, NULL, 11, 14, "weights",
      "missing weight for \"speed\", which applies to a glide technique" },
    { "techniques/advanced-looser.json", BY_FORMAT, NULL, 14, 29, "tolerances.advanced.path_cm",
      "advanced tolerance 2 is looser than the beginner one (1.5); advanced students should get the "
      "same or less room" },
    { "techniques/tolerance-not-applicable.json", BY_FORMAT, NULL, 15, 100, "tolerances.beginner.lifts",
      "\"lifts\" belongs to the continuity criterion, which this technique does not score; remove it" },
    { "techniques/unknown-landmark.json", BY_FORMAT, NULL, 10, 56, "direction.landmark",
      "unknown landmark \"axilary-nodes-l\" (did you mean \"axillary-nodes-l\"?)" },
    { "techniques/contraindicated-typo.json", BY_FORMAT, NULL, 18, 31, "contraindicated[1]",
      "unknown landmark or kind \"kidny-l\" (did you mean \"kidney-l\"?)" },
    { "techniques/pattern-typo.json", BY_FORMAT, NULL, 7, 14, "pattern",
      "unknown pattern \"glid\" (did you mean \"glide\"?)" },
    { "techniques/turning-on-none.json", BY_FORMAT, NULL, 12, 33, "direction.turning",
      "\"turning\" does not apply here: only the \"turning\" rule has a turning sense; remove it" },
    { "techniques/reversal-on-turning.json", BY_FORMAT, NULL, 12, 57, "direction.reversal_fails",
      "\"reversal_fails\" does not apply here: only the \"along-guide\" and \"toward-landmark\" rules have a "
      "way to go that a stroke could reverse; remove it" },
    { "techniques/reversal-string.json", BY_FORMAT, NULL, 10, 58, "direction.reversal_fails",
      "expected true or false, found the string \"true\"; remove the quotes" },
    /* replays */
    { "replays/whitespace.json", AS_REPLAY, NULL, 1, 1, "",
      "the file holds only blank space; expected a JSON object starting with '{'" },
    { "replays/truncated.json", AS_REPLAY, NULL, 14, 15, "contacts[0].samples[2][1]",
      "the file ends while the '[' at line 14, column 7 is still open (truncated?); restore the "
      "missing end of the file, which must close the brackets with \"]]}]}\"" },
    { "replays/deep-nesting.json", AS_REPLAY, NULL, 1, 1059, "contacts[0][0][0][0][0][0][0][0][0][0][0]",
      "brackets are nested more than 1000 levels deep here; these files need only a few levels" },
    { "replays/is-a-lesson.json", AS_REPLAY, NULL, 2, 13, "format",
      "this is a \"guidedtouch-lesson\" file, but a \"guidedtouch-replay\" file was expected here" },
    { "replays/version-string.json", AS_REPLAY, NULL, 3, 14, "version",
      "expected a number, found the string \"1\"; remove the quotes" },
    { "replays/time-backwards.json", AS_REPLAY, NULL, 14, 8, "contacts[0].samples[2][0]",
      "t_ms 10 goes back in time (the previous sample was at 16); samples of a contact must be in time "
      "order" },
    { "replays/pressure-1.5.json", AS_REPLAY, NULL, 13, 24, "contacts[0].samples[1][3]",
      "pressure 1.5 is outside 0..1 (level 0-10 is 10 x pressure); clamp device force before recording" },
    { "replays/sample-three-numbers.json", AS_REPLAY, NULL, 13, 7, "contacts[0].samples[1]",
      "a sample is [t_ms, x_cm, y_cm, pressure], but this has 3 values" },
    { "replays/sample-string.json", AS_REPLAY, NULL, 15, 24, "contacts[0].samples[3][3]",
      "pressure must be a number, found a string (remove the quotes)" },
    { "replays/unknown-device.json", AS_REPLAY, NULL, 8, 13, "device",
      "unknown device \"trackball\"; use one of \"mouse\", \"touch\", \"pen\", \"synthetic\"" },
    { "replays/key-typo.json", AS_REPLAY, NULL, 9, 3, "pressure_sorce",
      "unknown key \"pressure_sorce\" (did you mean \"pressure_source\"?)" },
    { "replays/minus-infinity.json", AS_REPLAY, NULL, 18, 13, "contacts[1].samples[0][1]",
      "-Infinity is not a number in JSON (NaN and Infinity cannot be written); write an ordinary "
      "number such as 0.5" },
    { "replays/huge-time.json", AS_REPLAY, NULL, 19, 8, "contacts[1].samples[1][0]",
      "t_ms 1e999 is too large to use (it reads as infinity); write a finite number" },
    { "replays/contact-id-negative.json", AS_REPLAY, NULL, 17, 12, "contacts[1].id",
      "-1 is out of range; use a value from 0 to 1000" },
    { "replays/contact-id-twice.json", AS_REPLAY, NULL, 17, 12, "contacts[1].id",
      "contact id 0 is pressed twice at once (contacts 0 and 1 overlap from 40 ms)" },
    { "replays/missing-contacts.json", AS_REPLAY, NULL, 1, 1, "",
      "missing required key \"contacts\"" },
    { "replays/contacts-object.json", AS_REPLAY, NULL, 10, 15, "contacts",
      "expected an array of up to 4096 contacts, found an object" },
    /* bodymaps */
    { "bodymaps/truncated.json", BY_FORMAT, NULL, 10, 20, "regions[1].id",
      "the file ends inside the string that starts at line 10, column 12 (truncated?); restore the "
      "missing end of the file, which must close the string with '\"' and then the brackets with "
      "\"}]}\"" },
    { "bodymaps/binary-png.json", BY_FORMAT, NULL, 1, 1, "",
      "byte 0x89 is not valid UTF-8; save the file as UTF-8 text (is it in another encoding, or a "
      "binary file?)" },
    { "bodymaps/region-name-number.json", BY_FORMAT, NULL, 8, 34, "regions[0].name",
      "expected a string in quotes, found a number" },
    { "bodymaps/width-with-unit.json", BY_FORMAT, NULL, 3, 15, "width_cm",
      "expected a number, found the string \"100 cm\"; write the number alone, without quotes (the "
      "key's name gives the unit)" },
    { "bodymaps/fibre-typo.json", BY_FORMAT, NULL, 11, 61, "regions[1].fiber_deg",
      "unknown key \"fiber_deg\" (did you mean \"fibre_deg\"?)" },
    { "bodymaps/polygon-crossing.json", BY_FORMAT, NULL, 9, 17, "regions[0].polygon",
      "the polygon's edges cross each other; reorder its points so the outline goes round once" },
    /* the crossing edges are far apart in the list (the 2nd and the 16th): the sweep finds them too */
    { "bodymaps/silhouette-crossing-far.json", BY_FORMAT, NULL, 5, 5, "silhouette[0]",
      "the polygon's edges cross each other; reorder its points so the outline goes round once" },
    { "bodymaps/duplicate-region-id.json", BY_FORMAT, NULL, 10, 12, "regions[1].id",
      "region id \"upper-back\" is used twice (also regions[0]); ids must be unique" },
    { "bodymaps/landmark-kind.json", BY_FORMAT, NULL, 14, 62, "landmarks[0].kind",
      "unknown kind \"danger\"; use one of \"target\", \"avoid\", \"bony\"" },
    { "bodymaps/region-off-silhouette.json", BY_FORMAT, NULL, 9, 28, "regions[0].polygon[1]",
      "point [75.0, 20.0] of region \"upper-back\" lies outside the body silhouette; move it onto the "
      "body" },
    { "bodymaps/regions-overlap.json", BY_FORMAT, NULL, 11, 17, "regions[1].polygon",
      "region \"erector-spinae-l\" overlaps region \"upper-back\" by about 150.0 cm2; regions may "
      "share edges but not area" },
    { "bodymaps/silhouette-two-points.json", BY_FORMAT, NULL, 5, 5, "silhouette[0]",
      "has 2 points; it needs 3 to 4000" },
    { "bodymaps/landmark-region-typo.json", BY_FORMAT, NULL, 15, 56, "landmarks[0].region",
      "unknown region \"erector-spinae-x\" (did you mean \"erector-spinae-l\"?)" },
    { "bodymaps/landmark-outside-region.json", BY_FORMAT, NULL, 15, 17, "landmarks[0].points[0]",
      "landmark \"kidney-l\" should lie in region \"erector-spinae-l\" but [45.0, 40.0] is outside it" },
    { "bodymaps/radius-negative.json", BY_FORMAT, NULL, 17, 52, "landmarks[1].radius_cm",
      "-1.2 is out of range; use a value from 0.1 to 50" },
    { "bodymaps/missing-landmarks.json", BY_FORMAT, NULL, 1, 1, "",
      "missing required key \"landmarks\"" },
    /* configuration files (fuzz_config found this one: the database beside such a data_dir was too long
     * for the file `print-config --json` writes to be read back) */
    { "configs/data-dir-too-long.json", AS_CONFIG, NULL, 7, 15, "data_dir",
      "the path is too long (3990 characters); keep it to 3896" },
};
enum { CASE_COUNT = sizeof CASES / sizeof CASES[0] };

static GtLibrary library;

static int load_library(void **state) {
    (void)state;
    gt_test_load_library(&library);
    return 0;
}

static int free_library(void **state) {
    (void)state;
    gt_library_free(&library);
    return 0;
}

/* Absolute path of a file under tests/data/bad/, written into `buffer`, which it returns. */
static const char *bad_path(const char *relative, char *buffer, size_t size) {
    snprintf(buffer, size, "%s", gt_test_path("tests/data/bad"));
    size_t used = strlen(buffer);
    snprintf(buffer + used, size - used, "/%s", relative);
    return buffer;
}

/* True when `text` holds the pieces of `pattern` (split at '*') in order. */
static bool matches(const char *text, const char *pattern) {
    char piece[512];
    while (*pattern) {
        const char *star = strchr(pattern, '*');
        size_t n = star ? (size_t)(star - pattern) : strlen(pattern);
        if (n >= sizeof piece) return false;
        memcpy(piece, pattern, n);
        piece[n] = '\0';
        const char *found = strstr(text, piece);
        if (!found) return false;
        text = found + n;
        pattern += n + (star ? 1 : 0);
    }
    return true;
}

/* Loads one file the way the row says; the problems go to diag (for WARNS, the warnings go to
 * diag and false means it had a problem or no warning). */
static bool load_file(const char *path, Loader loader, GtDiag *diag) {
    if (loader == BY_FORMAT) return gt_library_validate_file(&library, path, diag, NULL);
    if (loader == WARNS) {
        GtDiag problems;
        gt_diag_init(&problems);
        bool valid = gt_library_validate_file(&library, path, &problems, diag);
        gt_diag_print(&problems, stderr);
        gt_diag_free(&problems);
        return valid && diag->count > 0;
    }
    if (loader == AS_CONFIG) {
        GtConfig *config = malloc(sizeof *config);
        assert_non_null(config);
        GtConfigPaths paths = { path, "/nonexistent-guidedtouch-test/config.json" };
        bool ok = gt_config_load(config, &paths, 0, NULL, diag);
        gt_config_free(config);
        free(config);
        return ok;
    }
    char *text = NULL;
    size_t length = 0;
    if (!gt_read_file(path, &text, &length, diag)) return false;
    GtReplay replay;
    bool ok = gt_load_replay(path, text, length, diag, &replay);
    if (ok) gt_replay_free(&replay);
    free(text);
    return ok;
}

/* Checks one entry against what is expected; prints both when they differ. */
static bool entry_is(const GtDiag *diag, size_t index, const char *file, int line, int column, const char *json_path,
                     const char *message) {
    const GtDiagEntry *e = &diag->entries[index];
    bool ok = strcmp(e->file, file) == 0 && e->line == line && e->column == column &&
              strcmp(e->json_path, json_path) == 0 && matches(e->message, message);
    if (!ok)
        fprintf(stderr, "expected %s:%d:%d: %s: %s\n     got %s:%d:%d: %s: %s\n", file, line, column, json_path,
                message, e->file, e->line, e->column, e->json_path, e->message);
    return ok;
}

/* One row: the file fails to load with exactly the one message the row describes. */
static void test_case(void **state) {
    const Case *c = *state;
    char path[1024], diag_file[1024];
    bad_path(c->file, path, sizeof path);
    bad_path(c->diag_file ? c->diag_file : c->file, diag_file, sizeof diag_file);
    GtDiag diag;
    gt_diag_init(&diag);
    bool loaded = load_file(path, c->loader, &diag);
    bool one = diag.count == 1 && diag.dropped == 0;
    bool right = one && entry_is(&diag, 0, diag_file, c->line, c->column, c->json_path, c->message);
    if (!one) {
        fprintf(stderr, "expected exactly one message, got %zu:\n", diag.count);
        gt_diag_print(&diag, stderr);
    }
    gt_diag_free(&diag);
    assert_true(c->loader == WARNS ? loaded : !loaded);
    assert_true(one);
    assert_true(right);
}

/* The clean files the malformed ones were made from load without a word, so the one thing
 * broken in each malformed file is the only problem in it. */
static void test_bases_are_clean(void **state) {
    (void)state;
    static const struct { const char *file; Loader loader; } bases[] = {
        { "base/lesson.json", BY_FORMAT }, { "base/lymph-lesson.json", BY_FORMAT },
        { "base/effleurage.json", BY_FORMAT }, { "base/tapotement.json", BY_FORMAT },
        { "base/acupressure-hold.json", BY_FORMAT }, { "base/circular-friction.json", BY_FORMAT },
        { "base/lymphatic-drainage.json", BY_FORMAT }, { "base/bodymap.json", BY_FORMAT },
        { "base/replay.json", AS_REPLAY }, { "base/replay.json", BY_FORMAT },
        { "lessons/demos/lower-back-step-2.json", AS_REPLAY },
        { "base/config.json", AS_CONFIG },
    };
    for (size_t i = 0; i < sizeof bases / sizeof bases[0]; i++) {
        char path[1024];
        GtDiag diag;
        gt_diag_init(&diag);
        bool ok = load_file(bad_path(bases[i].file, path, sizeof path), bases[i].loader, &diag);
        if (!ok) gt_diag_print(&diag, stderr);
        gt_diag_free(&diag);
        assert_true(ok);
    }
}

/* Every file in the malformed directories has a row, so none is left unchecked. */
static void test_every_bad_file_has_a_row(void **state) {
    (void)state;
    static const char *const dirs[] = { "lessons", "techniques", "replays", "bodymaps", "configs" };
    size_t total = 0;
    for (size_t d = 0; d < sizeof dirs / sizeof dirs[0]; d++) {
        char dir[1024];
        char **files = NULL;
        size_t count = gt_list_json_files(bad_path(dirs[d], dir, sizeof dir), &files);
        for (size_t i = 0; i < count; i++) {
            const char *relative = files[i] + strlen(dir) - strlen(dirs[d]);
            bool found = false;
            for (size_t k = 0; k < CASE_COUNT && !found; k++) found = strcmp(CASES[k].file, relative) == 0;
            if (!found) fprintf(stderr, "%s has no row in CASES\n", relative);
            total += found;
            assert_true(found);
        }
        gt_free_file_list(files, count);
    }
    assert_int_equal(total, CASE_COUNT);
    assert_true(total >= 50);
}

/* One expected message of a file with several problems. */
typedef struct Expected {
    int line, column;
    const char *json_path;
    const char *message;
} Expected;

/* Loads a file with several independent problems and checks every one is reported, in
 * order, and nothing else. */
static void expect_all(const char *file, Loader loader, const Expected *expected, size_t count) {
    char path[1024];
    bad_path(file, path, sizeof path);
    GtDiag diag;
    gt_diag_init(&diag);
    bool loaded = load_file(path, loader, &diag);
    bool right = diag.count == count;
    for (size_t i = 0; right && i < count; i++)
        right = entry_is(&diag, i, path, expected[i].line, expected[i].column, expected[i].json_path,
                         expected[i].message);
    if (!right) gt_diag_print(&diag, stderr);
    gt_diag_free(&diag);
    assert_false(loaded);
    assert_true(right);
}

static void test_lesson_reports_every_problem(void **state) {
    (void)state;
    static const Expected expected[] = {
        { 1, 1, "", "missing required key \"format\"; start the object with \"format\": \"guidedtouch-lesson\"" },
        { 8, 3, "autor", "unknown key \"autor\"; remove it" },
        { 12, 20, "steps[0].technique", "unknown technique \"efleurage\" (did you mean \"effleurage\"?)" },
        { 27, 20, "steps[1].pass_mark", "0 is out of range; use a value from 1 to 100" },
    };
    expect_all("multi/lesson-four-problems.json", BY_FORMAT, expected, 4);
}

static void test_technique_reports_every_problem(void **state) {
    (void)state;
    static const Expected expected[] = {
        { 8, 3, "presure_level", "unknown key \"presure_level\" (did you mean \"pressure_level\"?)" },
        { 9, 25, "speed_cm_s.min", "-2 is out of range; use a value from 0.01 to 100" },
        { 14, 29, "tolerances.advanced.path_cm", "advanced tolerance 2 is looser than the beginner one (1.5)" },
        { 16, 38, "contraindicated[1]", "unknown landmark or kind \"poplitael-r\" (did you mean \"popliteal-r\"?)" },
    };
    expect_all("multi/technique-four-problems.json", BY_FORMAT, expected, 4);
}

static void test_replay_reports_every_problem(void **state) {
    (void)state;
    static const Expected expected[] = {
        { 8, 13, "device", "unknown device \"trackball\"; use one of \"mouse\", \"touch\", \"pen\", \"synthetic\"" },
        { 14, 8, "contacts[0].samples[2][0]", "t_ms 10 goes back in time (the previous sample was at 16)" },
        { 19, 25, "contacts[1].samples[1][3]", "pressure 1.5 is outside 0..1" },
    };
    expect_all("multi/replay-three-problems.json", AS_REPLAY, expected, 3);
}

/* Loads `text` cut to `length` bytes as the kind `name` says; the problems go to diag. */
static bool load_prefix(const char *name, const char *text, size_t length, GtDiag *diag) {
    GtReferences refs = gt_library_references(&library);
    GtArena arena;
    gt_arena_init(&arena);
    bool ok;
    if (strstr(name, "replay")) {
        GtReplay replay;
        ok = gt_load_replay(name, text, length, diag, &replay);
        if (ok) gt_replay_free(&replay);
    } else if (strstr(name, "lesson.json")) {
        GtLesson lesson;
        ok = gt_load_lesson(name, text, length, &refs, &arena, diag, &lesson);
    } else if (strstr(name, "bodymap")) {
        GtBodyMap map;
        ok = gt_load_bodymap(name, text, length, &arena, diag, &map);
    } else {
        GtTechnique technique;
        ok = gt_load_technique(name, text, length, &refs, &arena, diag, &technique);
    }
    gt_arena_free(&arena);
    return ok;
}

/* A file cut short at any byte is reported (at a place inside what is left), never loaded
 * and never crashed on. */
static void test_every_truncation_is_reported(void **state) {
    (void)state;
    static const char *const bases[] = { "base/lesson.json", "base/lymph-lesson.json", "base/effleurage.json",
        "base/tapotement.json", "base/acupressure-hold.json", "base/circular-friction.json",
        "base/lymphatic-drainage.json", "base/bodymap.json", "base/replay.json" };
    for (size_t b = 0; b < sizeof bases / sizeof bases[0]; b++) {
        char path[1024];
        char *text = NULL;
        size_t length = 0;
        GtDiag diag;
        gt_diag_init(&diag);
        assert_true(gt_read_file(bad_path(bases[b], path, sizeof path), &text, &length, &diag));
        const char *last = strrchr(text, '}');
        assert_non_null(last);
        for (size_t cut = 0; cut <= (size_t)(last - text); cut++) {
            int lines = 1;
            for (size_t i = 0; i < cut; i++) lines += text[i] == '\n';
            bool ok = load_prefix(bases[b], text, cut, &diag);
            bool located = diag.count >= 1;
            for (size_t i = 0; i < diag.count; i++)
                located = located && diag.entries[i].line >= 1 && diag.entries[i].line <= lines &&
                          diag.entries[i].column >= 1;
            if (ok || !located) {
                fprintf(stderr, "%s cut to %zu bytes:\n", bases[b], cut);
                gt_diag_print(&diag, stderr);
            }
            assert_false(ok);
            assert_true(located);
            gt_diag_free(&diag);
        }
        free(text);
    }
}

/* ---- a broken file in a data directory ---- */

/* Copies file `from` to `to`; false when either cannot be opened. */
static bool copy_file(const char *from, const char *to) {
    FILE *in = fopen(from, "rb"), *out = in ? fopen(to, "wb") : NULL;
    bool ok = in && out;
    char buffer[8192];
    size_t n;
    while (ok && (n = fread(buffer, 1, sizeof buffer, in)) > 0) ok = fwrite(buffer, 1, n, out) == n;
    if (in) fclose(in);
    if (out) ok = fclose(out) == 0 && ok;
    return ok;
}

/* Copies every *.json file directly inside `from` into `to`; returns how many. */
static size_t copy_json_files(const char *from, const char *to) {
    char **files = NULL;
    size_t count = gt_list_json_files(from, &files);
    for (size_t i = 0; i < count; i++) {
        char target[1024];
        snprintf(target, sizeof target, "%s/%s", to, strrchr(files[i], '/') + 1);
        assert_true(copy_file(files[i], target));
    }
    gt_free_file_list(files, count);
    return count;
}

/* Makes a temporary data directory holding the bundled body maps, techniques and lessons
 * plus `extra` (a file under tests/data/bad/) as lessons/<extra_name>. */
static void make_data_dir(char *dir, size_t size, const char *extra, const char *extra_name) {
    snprintf(dir, size, "%s", "/tmp/gt-malformed-XXXXXX");
    assert_non_null(mkdtemp(dir));
    static const char *const subdirs[] = { "assets", "assets/bodymap", "lessons", "lessons/techniques" };
    for (size_t i = 0; i < sizeof subdirs / sizeof subdirs[0]; i++) {
        char sub[1024];
        snprintf(sub, sizeof sub, "%s/%s", dir, subdirs[i]);
        assert_int_equal(mkdir(sub, 0700), 0);
        if (i == 0) continue;
        char to[1024];
        snprintf(to, sizeof to, "%s/%s", dir, subdirs[i]);
        assert_true(copy_json_files(gt_test_path(subdirs[i]), to) > 0);
    }
    char from[1024], to[1024];
    snprintf(to, sizeof to, "%s/lessons/%s", dir, extra_name);
    assert_true(copy_file(bad_path(extra, from, sizeof from), to));
}

/* Removes what make_data_dir made. */
static void remove_data_dir(const char *dir) {
    static const char *const subdirs[] = { "lessons/techniques", "lessons", "assets/bodymap", "assets" };
    for (size_t i = 0; i < sizeof subdirs / sizeof subdirs[0]; i++) {
        char sub[1024];
        snprintf(sub, sizeof sub, "%s/%s", dir, subdirs[i]);
        char **files = NULL;
        size_t count = gt_list_json_files(sub, &files);
        for (size_t k = 0; k < count; k++) unlink(files[k]);
        gt_free_file_list(files, count);
        rmdir(sub);
    }
    rmdir(dir);
}

/* Loads a data directory holding the bundled files plus one bad lesson and checks that
 * only that lesson is missing and its first problem is the one expected. */
static void expect_one_broken_lesson(const char *extra, const char *extra_name, const char *problem) {
    char dir[64];
    make_data_dir(dir, sizeof dir, extra, extra_name);
    GtLibrary copy;
    GtDiag diag;
    gt_diag_init(&diag);
    bool clean = gt_library_load(&copy, dir, &diag);
    char broken_file[1024];
    snprintf(broken_file, sizeof broken_file, "%s/lessons/%s", dir, extra_name);
    bool right = !clean && copy.broken_count == 1 && copy.lesson_count == library.lesson_count &&
                 copy.technique_count == library.technique_count && diag.count >= 1 &&
                 strcmp(copy.broken[0].file, broken_file) == 0 && matches(copy.broken[0].problem, problem);
    for (size_t i = 0; right && i < library.lesson_count; i++)
        right = gt_library_lesson(&copy, library.lessons[i].id) != NULL;
    if (!right) {
        fprintf(stderr, "lessons %zu (bundled %zu), broken %zu\n", copy.lesson_count, library.lesson_count,
                copy.broken_count);
        gt_diag_print(&diag, stderr);
    }
    gt_diag_free(&diag);
    gt_library_free(&copy);
    remove_data_dir(dir);
    assert_true(right);
}

static void test_broken_lesson_leaves_the_others(void **state) {
    (void)state;
    assert_true(library.lesson_count >= 1);
    expect_one_broken_lesson("library/broken-lesson.json", "broken-lesson.json",
                             "/lessons/broken-lesson.json:12:20: steps[0].technique: unknown technique "
                             "\"efleurage\" (did you mean \"effleurage\"?)");
}

static void test_misnamed_lesson_is_located(void **state) {
    (void)state;
    expect_one_broken_lesson("library/misnamed-lesson.json", "misnamed-lesson.json",
                             "/lessons/misnamed-lesson.json:4:9: id: id \"lower-back-basics\" does not match the "
                             "file name \"misnamed-lesson.json\"; rename the file or change the id");
}

int main(void) {
    static const struct CMUnitTest whole[] = {
        cmocka_unit_test(test_bases_are_clean),
        cmocka_unit_test(test_every_bad_file_has_a_row),
        cmocka_unit_test(test_lesson_reports_every_problem),
        cmocka_unit_test(test_technique_reports_every_problem),
        cmocka_unit_test(test_replay_reports_every_problem),
        cmocka_unit_test(test_every_truncation_is_reported),
        cmocka_unit_test(test_broken_lesson_leaves_the_others),
        cmocka_unit_test(test_misnamed_lesson_is_located),
    };
    /* one registered test per row, named after its file */
    static struct CMUnitTest rows[CASE_COUNT];
    for (size_t i = 0; i < CASE_COUNT; i++) {
        rows[i].name = CASES[i].file;
        rows[i].test_func = test_case;
        rows[i].initial_state = (void *)&CASES[i];
    }
    int failed = _cmocka_run_group_tests("malformed files", rows, CASE_COUNT, load_library, free_library);
    failed += _cmocka_run_group_tests("malformed, all at once", whole, sizeof whole / sizeof whole[0], load_library,
                                      free_library);
    return failed;
}
