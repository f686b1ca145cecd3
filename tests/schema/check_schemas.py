#!/usr/bin/env python3
"""check_schemas: keeps the editor schemas in lessons/schema/ in agreement
with the C loaders, which are the authority on the file formats.

Usage: check_schemas.py SOURCE_DIR GUIDEDTOUCH_BINARY

It asserts that
  1. each schema is a valid JSON Schema (draft 2020-12) and every property has a description;
  2. every bundled lesson, technique and body map, the clean files in tests/data/bad/base/ and a
     replay written by `guidedtouch demo lower-back-basics 1` validate against their schema;
  3. the malformed files in BAD_FILES (each breaks one rule a schema can express) are rejected
     by the schema, by the keyword and at the place named, and by `guidedtouch validate`;
  4. the keys and enum values each schema allows are exactly those the loaders' sources list;
  5. configuration files (a full one and probes around each rule) are accepted or rejected alike
     by lessons/schema/config.schema.json and by `guidedtouch print-config`;
  6. boundary probes (clean files with one value set just inside or just outside a limit, or with
     a pattern-dependent key added or removed) are accepted or rejected alike by the schema and by
     `guidedtouch validate`.
What no schema can check (ids of other files, geometry, min < max, time order, duplicate keys,
syntax) is left to `guidedtouch validate` and tests/test_malformed.c.

Needs python3-jsonschema (Debian 12: 4.10; scripts/setup.sh installs it). Prints one line per
failure and ends with "schemas: N passed, M failed"; exits 1 when anything failed.
"""
import copy
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import traceback

try:
    import jsonschema
    from jsonschema import Draft202012Validator
except ImportError:
    # The `python3` first on PATH (a pyenv one, say) may not see Debian's package: use Debian's own.
    SYSTEM_PYTHON = "/usr/bin/python3"
    if os.path.exists(SYSTEM_PYTHON) and not os.environ.get("GT_SCHEMAS_SYSTEM_PYTHON"):
        os.environ["GT_SCHEMAS_SYSTEM_PYTHON"] = "1"
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON] + sys.argv)
    print("FAIL: python3-jsonschema is missing; run scripts/setup.sh (or apt-get install python3-jsonschema)")
    print("schemas: 0 passed, 1 failed")
    sys.exit(1)

SCHEMAS = {
    "lesson": "lessons/schema/lesson.schema.json",
    "technique": "lessons/schema/technique.schema.json",
    "bodymap": "lessons/schema/bodymap.schema.json",
    "replay": "lessons/schema/replay.schema.json",
    "config": "lessons/schema/config.schema.json",
}

# Malformed files (under tests/data/bad/) that break a rule a schema can express: the JSON path the
# loader reports the problem at (as in tests/test_malformed.c; "" for the whole document), the schema
# keyword that must catch it ("false": a key the pattern forbids) and why. The schema's error must
# be at that path or at the object holding it (where a validator reports an unknown, missing or
# forbidden key). Files whose problem is syntax, a duplicate key, another file (ids, demos),
# geometry, min > max or time order are left out: see tests/data/bad/README.md and
# tests/test_malformed.c for every file.
BAD_FILES = [
    # lessons
    ("lessons/key-typo.json", "steps[0].pass-mark", "additionalProperties", "unknown key typo \"pass-mark\""),
    ("lessons/unknown-key.json", "author", "additionalProperties", "unknown key \"author\""),
    ("lessons/caution-key-typo.json", "cautions[0].sorce", "additionalProperties", "unknown key typo \"sorce\" in a caution"),
    ("lessons/caution-kind-unknown.json", "cautions[0].kind", "enum", "bad enum: caution kind \"red flag\""),
    ("lessons/cautions-object.json", "cautions", "type", "wrong type: cautions is an object"),
    ("lessons/missing-format.json", "", "required", "missing required key \"format\""),
    ("lessons/unknown-format.json", "format", "const", "bad format value \"guidedtouch-leson\""),
    ("lessons/version-2.json", "version", "const", "version 2 instead of 1"),
    ("lessons/root-array.json", "", "type", "wrong type: the document is an array"),
    ("lessons/pass-mark-string.json", "steps[0].pass_mark", "type", "wrong type: pass_mark is the string \"65\""),
    ("lessons/technique-true.json", "steps[0].technique", "type", "wrong type: technique is true"),
    ("lessons/guide-array.json", "steps[0].guide", "type", "wrong type: guide is an array"),
    ("lessons/repetitions-fraction.json", "steps[0].repetitions", "type", "repetitions 4.5 is not a whole number"),
    ("lessons/pass-mark-0.json", "steps[1].pass_mark", "minimum", "out of range: pass_mark 0"),
    ("lessons/duration-500.json", "duration_min", "maximum", "out of range: duration_min 500"),
    ("lessons/missing-instruction.json", "steps[1]", "required", "missing required key \"instruction\""),
    ("lessons/missing-steps.json", "", "required", "missing required key \"steps\""),
    ("lessons/level-unknown.json", "level", "enum", "bad enum: level \"expert\""),
    ("lessons/view-typo.json", "steps[1].view", "enum", "bad enum: view \"posteror\""),
    ("lessons/bad-id.json", "id", "pattern", "id \"Lower Back Basics\" is not kebab-case"),
    ("lessons/reps-and-duration.json", "steps[1].duration_s", "oneOf", "both repetitions and duration_s"),
    ("lessons/guide-point-and-polyline.json", "steps[1].guide.polyline", "oneOf", "both point and polyline"),
    ("lessons/polyline-one-point.json", "steps[0].guide.polyline", "minItems", "polyline with 1 point"),
    ("lessons/point-three-numbers.json", "steps[1].guide.point", "maxItems", "point with 3 numbers"),
    # techniques
    ("techniques/key-typo.json", "presure_level", "additionalProperties", "unknown key typo \"presure_level\""),
    ("techniques/tempo-key-typo.json", "tempo_per_minute", "additionalProperties",
     "unknown key typo \"tempo_per_minute\""),
    ("techniques/missing-format.json", "", "required", "missing required key \"format\""),
    ("techniques/missing-sources.json", "", "required", "missing required key \"sources\""),
    ("techniques/caution-missing-source.json", "cautions[0]", "required", "a caution without its source"),
    ("techniques/missing-tempo.json", "", "oneOf", "circle without tempo_per_min or tempo_hz"),
    ("techniques/pattern-typo.json", "pattern", "enum", "bad enum: pattern \"glid\""),
    ("techniques/pressure-array.json", "pressure_level", "type", "wrong type: pressure_level is an array"),
    ("techniques/sources-string.json", "sources", "type", "wrong type: sources is a string"),
    ("techniques/pressure-level-11.json", "pressure_level.max", "maximum", "out of range: pressure level 11"),
    ("techniques/huge-number.json", "pressure_level.max", "maximum", "out of range: 1e999 reads as infinity"),
    ("techniques/negative-speed.json", "speed_cm_s.min", "minimum", "out of range: speed -2"),
    ("techniques/regularity-1.5.json", "regularity_cv_max", "maximum", "out of range: regularity_cv_max 1.5"),
    ("techniques/hold-with-speed.json", "speed_cm_s", "false", "speed_cm_s on a hold"),
    ("techniques/glide-with-tempo.json", "tempo_per_min", "false", "tempo_per_min on a glide"),
    ("techniques/two-tempos.json", "tempo_hz", "oneOf", "both tempo_per_min and tempo_hz"),
    ("techniques/weight-not-applicable.json", "weights.continuity", "false", "continuity weight on a tap"),
    ("techniques/weight-missing.json", "weights", "required", "glide without a speed weight"),
    ("techniques/tolerance-not-applicable.json", "tolerances.beginner.lifts", "false", "lifts tolerance on a tap"),
    ("techniques/turning-on-none.json", "direction.turning", "false", "turning with the rule \"none\""),
    ("techniques/reversal-on-turning.json", "direction.reversal_fails", "false",
     "reversal_fails with the rule \"turning\""),
    ("techniques/reversal-string.json", "direction.reversal_fails", "type",
     "wrong type: reversal_fails is the string \"true\""),
    # replays
    ("replays/key-typo.json", "pressure_sorce", "additionalProperties", "unknown key typo \"pressure_sorce\""),
    ("replays/is-a-lesson.json", "format", "const", "format \"guidedtouch-lesson\" in a replay"),
    ("replays/version-string.json", "version", "const", "wrong type: version is the string \"1\""),
    ("replays/missing-contacts.json", "", "required", "missing required key \"contacts\""),
    ("replays/contacts-object.json", "contacts", "type", "wrong type: contacts is an object"),
    ("replays/unknown-device.json", "device", "enum", "bad enum: device \"trackball\""),
    ("replays/contact-id-negative.json", "contacts[1].id", "minimum", "out of range: contact id -1"),
    ("replays/pressure-1.5.json", "contacts[0].samples[1][3]", "maximum", "out of range: pressure 1.5"),
    ("replays/huge-time.json", "contacts[1].samples[1][0]", "maximum",
     "out of range: t_ms 1e999 reads as infinity"),
    ("replays/sample-three-numbers.json", "contacts[0].samples[1]", "minItems", "sample with 3 numbers"),
    ("replays/sample-string.json", "contacts[0].samples[3][3]", "type", "wrong type: pressure is a string"),
    # body maps
    ("bodymaps/fibre-typo.json", "regions[1].fiber_deg", "additionalProperties", "unknown key typo \"fiber_deg\""),
    ("bodymaps/missing-landmarks.json", "", "required", "missing required key \"landmarks\""),
    ("bodymaps/region-name-number.json", "regions[0].name", "type", "wrong type: name is a number"),
    ("bodymaps/width-with-unit.json", "width_cm", "type", "wrong type: width_cm is the string \"100 cm\""),
    ("bodymaps/landmark-kind.json", "landmarks[0].kind", "enum", "bad enum: kind \"danger\""),
    ("bodymaps/radius-negative.json", "landmarks[1].radius_cm", "minimum", "out of range: radius_cm -1.2"),
    ("bodymaps/silhouette-two-points.json", "silhouette[0]", "minItems", "polygon with 2 points"),
]
BAD_SCHEMA_OF_DIR = {"lessons": "lesson", "techniques": "technique", "replays": "replay", "bodymaps": "bodymap"}

# The keys each object takes, as the loaders list them: (C file, function, array of keys) and the
# schema node (JSON pointer) whose "properties" must be exactly those keys.
C_KEYS = [
    ("game/load/files/load_bodymap.c", "gt_load_bodymap", "keys", "bodymap", ""),
    ("game/load/files/load_bodymap.c", "load_regions", "keys", "bodymap", "/$defs/region"),
    ("game/load/files/load_bodymap.c", "load_landmarks", "keys", "bodymap", "/$defs/landmark"),
    ("game/load/files/load_technique.c", "gt_load_technique", "keys", "technique", ""),
    ("game/load/files/load_technique.c", "load_direction", "keys", "technique", "/$defs/direction"),
    ("game/load/files/load_technique.c", "load_tolerances", "level_keys", "technique", "/properties/tolerances"),
    ("game/load/files/load_lesson.c", "gt_load_lesson", "keys", "lesson", ""),
    ("game/load/files/load_lesson.c", "load_step", "keys", "lesson", "/$defs/step"),
    ("game/load/files/load_lesson.c", "load_guide", "keys", "lesson", "/$defs/step/properties/guide"),
    ("game/load/files/load_cautions.c", "load_caution", "keys", "lesson", "/$defs/caution"),
    ("game/load/files/load_cautions.c", "load_caution", "keys", "technique", "/$defs/caution"),
    ("game/load/files/load_replay.c", "gt_load_replay_located", "REPLAY_KEYS", "replay", ""),
    ("game/load/files/load_replay.c", "load_contacts", "keys", "replay", "/$defs/contact"),
    # keys built from a names table defined anywhere under game/ (function None)
    (None, None, "GT_CRITERION_NAMES", "technique", "/properties/weights"),
    (None, None, "TOLERANCE_KEYS", "technique", "/$defs/tolerance_set"),
    ("game/config/config_file.c", "gt_config_read_file", "keys", "config", ""),
]
# The values of each enum key: (C file, function, key) whose gt_json_enum call names the table of
# values, and the schema node whose "enum" must hold exactly those values.
C_ENUMS = [
    ("game/load/files/load_bodymap.c", "gt_load_bodymap", "view", "bodymap", "/properties/view"),
    ("game/load/files/load_bodymap.c", "load_landmarks", "kind", "bodymap", "/$defs/landmark/properties/kind"),
    ("game/load/files/load_technique.c", "gt_load_technique", "pattern", "technique", "/properties/pattern"),
    ("game/load/files/load_technique.c", "load_direction", "rule", "technique", "/$defs/direction/properties/rule"),
    ("game/load/files/load_technique.c", "load_direction", "turning", "technique",
     "/$defs/direction/properties/turning"),
    ("game/load/files/load_lesson.c", "gt_load_lesson", "level", "lesson", "/properties/level"),
    ("game/load/files/load_lesson.c", "load_step", "view", "lesson", "/$defs/step/properties/view"),
    ("game/load/files/load_cautions.c", "load_caution", "kind", "lesson", "/$defs/caution/properties/kind"),
    ("game/load/files/load_cautions.c", "load_caution", "kind", "technique", "/$defs/caution/properties/kind"),
    ("game/load/files/load_replay.c", "gt_load_replay_located", "view", "replay", "/properties/view"),
    ("game/load/files/load_replay.c", "gt_load_replay_located", "device", "replay", "/properties/device"),
    ("game/load/files/load_replay.c", "gt_load_replay_located", "pressure_source", "replay", "/properties/pressure_source"),
    ("game/config/config_file.c", "read_keys", "mode", "config", "/properties/mode"),
    ("game/config/config_file.c", "read_keys", "skin_tone", "config", "/properties/skin_tone"),
]

# Configuration files (read by `guidedtouch print-config`, not by validate): (changes to a full
# config, accepted?). Each is checked against the schema and against print-config's exit status.
CONFIG_FULL = {
    "format": "guidedtouch-config", "version": 1, "kiosk": True, "fullscreen": True, "mute": False,
    "mode": "practice", "lesson": "lower-back-basics", "idle_timeout_s": 120, "data_dir": "/var/lib/guidedtouch",
    "database": "~/progress.db", "lesson_packs": ["/srv/lessons", "~/more-lessons"],
    "pin_hash": "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
    "large_text": True, "high_contrast": False, "left_handed": True, "skin_tone": "medium-dark",
}
CONFIG_PROBES = [
    ({}, True), ({"idle_timeout_s": 0}, True), ({"idle_timeout_s": 86400}, True), ({"lesson_packs": []}, True),
    ({"idle_timeout_s": 86401}, False), ({"idle_timeout_s": -1}, False), ({"idle_timeout_s": "120"}, False),
    ({"idle_timeout_s": 1.5}, False), ({"kiosk": "true"}, False), ({"kisok": True}, False),
    ({"mode": "exsm"}, False), ({"lesson": "Lower Back"}, False), ({"data_dir": "data"}, False),
    ({"database": ""}, False), ({"lesson_packs": "/srv/lessons"}, False), ({"lesson_packs": ["lessons"]}, False),
    ({"lesson_packs": ["/srv/l"] * 32}, True), ({"lesson_packs": ["/srv/l"] * 33}, False),
    ({"pin_hash": "1234"}, False), ({"format": "guidedtouch-lesson"}, False), ({"version": 2}, False),
    ({"format": None}, False), ({"skin_tone": "dark"}, True), ({"skin_tone": "drak"}, False),
    ({"skin_tone": "Dark"}, False), ({"skin_tone": 3}, False),
]

DELETE = object()  # a probe value that removes the key
T_CIRCLE = "lessons/techniques/circular-friction.json"
T_GLIDE = "lessons/techniques/effleurage.json"
T_HOLD = "lessons/techniques/acupressure-hold.json"
T_TAP = "lessons/techniques/tapotement.json"
T_TOWARD = "lessons/techniques/lymphatic-drainage.json"
LESSON = "lessons/lower-back-basics.json"
# small copies for the body map and the replay: jsonschema takes its time over thousands of points
BODYMAP = "tests/data/bad/base/bodymap.json"
REPLAY = "tests/data/bad/base/replay.json"


def edge(base, path, inside, outside):
    """Two probes: `path` set to the limit itself (accepted) and just past it (rejected)."""
    return [(base, [(path, inside)], True), (base, [(path, outside)], False)]


def probes():
    """(base file, [(path, value)...], valid?) rows; a path is a tuple of keys and indexes."""
    rows = []
    band_edges = [
        (T_CIRCLE, "pressure_level", 0, 10), (T_GLIDE, "speed_cm_s", 0.01, 100),
        (T_CIRCLE, "tempo_per_min", 1, 1800), (T_TAP, "tempo_hz", 0.01, 30), (T_HOLD, "hold_s", 0.5, 1800),
    ]
    for base, key, lo, hi in band_edges:
        rows += edge(base, (key, "min"), lo, lo - (0.005 if lo < 1 else 0.5))
        rows += edge(base, (key, "max"), hi, hi + 0.5)
    for base, key, lo, hi in [(T_CIRCLE, "regularity_cv_max", 0.01, 0.99), (T_CIRCLE, "amplitude_cm", 0.2, 15),
                              (T_HOLD, "drift_max_cm", 0.05, 20), (T_CIRCLE, ("weights", "path"), 0.01, 100)]:
        path = key if isinstance(key, tuple) else (key,)
        rows += edge(base, path, lo, lo / 2)
        rows += edge(base, path, hi, hi + 0.005 if hi < 1 else hi + 0.5)
    # tolerances: the limits of each key (advanced at the low end, so it stays <= beginner)
    for base, key, lo, hi in [(T_CIRCLE, "path_cm", 0.05, 20), (T_CIRCLE, "direction_pct", 1, 100),
                              (T_CIRCLE, "pressure_level", 0.05, 10), (T_GLIDE, "speed_ratio", 1.01, 10),
                              (T_CIRCLE, "tempo_ratio", 1.01, 10), (T_CIRCLE, "regularity_cv", 0.01, 2),
                              (T_CIRCLE, "lifts", 0.1, 10), (T_HOLD, "hold_s", 0.1, 600),
                              (T_HOLD, "drift_cm", 0.05, 20)]:
        rows += edge(base, ("tolerances", "advanced", key), lo, lo - 0.005 if lo < 1.5 else lo - 0.5)
        rows += edge(base, ("tolerances", "beginner", key), hi, hi + 0.5)
    rows += edge(T_CIRCLE, ("name",), "n" * 80, "n" * 81)
    rows += edge(T_CIRCLE, ("summary",), "s" * 600, "s" * 601)
    rows += edge(T_CIRCLE, ("id",), "c" * 63, "c" * 64)
    rows += edge(T_CIRCLE, ("id",), "circular-friction-2", "Circular-friction")
    rows += edge(T_CIRCLE, ("contraindicated",), ["bony"] * 64, ["bony"] * 65)
    rows += edge(T_CIRCLE, ("sources",), ["a source"] * 64, ["a source"] * 65)
    rows += edge(T_CIRCLE, ("sources",), ["a source"], [])
    rows += edge(T_CIRCLE, ("pattern",), "knead", "kneading")
    # pattern-dependent keys
    rows += [
        (T_CIRCLE, [(("direction", "turning"), DELETE)], False),
        (T_CIRCLE, [(("direction", "turning"), "counterclockwise")], True),
        (T_CIRCLE, [(("speed_cm_s",), {"min": 1, "max": 2})], False),
        (T_CIRCLE, [(("hold_s",), {"min": 1, "max": 2})], False),
        (T_CIRCLE, [(("drift_max_cm",), 1)], False),
        (T_CIRCLE, [(("tempo_hz",), {"min": 1, "max": 2})], False),
        (T_CIRCLE, [(("tempo_per_min",), DELETE), (("tempo_hz",), {"min": 1, "max": 1.2})], True),
        (T_CIRCLE, [(("amplitude_cm",), DELETE)], False),
        (T_CIRCLE, [(("regularity_cv_max",), DELETE)], False),
        (T_CIRCLE, [(("weights", "rhythm"), DELETE)], False),
        (T_CIRCLE, [(("tolerances", "advanced", "tempo_ratio"), DELETE)], False),
        (T_CIRCLE, [(("tolerances", "beginner", "speed_ratio"), 1.5)], False),
        (T_CIRCLE, [(("weights", "hold"), 1)], False),
        (T_CIRCLE, [(("pattern",), "tap")], False),
        (T_CIRCLE, [(("pattern",), "tap"), (("weights", "continuity"), DELETE),
                    (("tolerances", "beginner", "lifts"), DELETE),
                    (("tolerances", "advanced", "lifts"), DELETE)], True),
        (T_CIRCLE, [(("direction", "rule"), "none")], False),
        (T_CIRCLE, [(("direction",), {"rule": "none"}), (("weights", "direction"), DELETE),
                    (("tolerances", "beginner", "direction_pct"), DELETE),
                    (("tolerances", "advanced", "direction_pct"), DELETE)], True),
        (T_CIRCLE, [(("direction",), {"rule": "along-guide"})], True),
        (T_CIRCLE, [(("direction",), {"rule": "turning", "turning": "sideways"})], False),
        (T_GLIDE, [(("speed_cm_s",), DELETE)], False),
        (T_GLIDE, [(("weights", "speed"), DELETE)], False),
        (T_GLIDE, [(("tolerances", "beginner", "speed_ratio"), DELETE)], False),
        (T_GLIDE, [(("amplitude_cm",), 1)], False),
        (T_GLIDE, [(("regularity_cv_max",), 0.2)], False),
        (T_GLIDE, [(("weights", "rhythm"), 1)], False),
        (T_GLIDE, [(("direction", "landmark"), "heart")], False),
        (T_GLIDE, [(("direction", "turning"), "either")], False),
        (T_GLIDE, [(("pressure_level", "mid"), 3)], False),
        (T_TAP, [(("weights", "continuity"), 1)], False),
        (T_TAP, [(("tolerances", "advanced", "lifts"), 0.5)], False),
        (T_TAP, [(("tempo_hz",), DELETE)], False),
        (T_HOLD, [(("drift_max_cm",), DELETE)], False),
        (T_HOLD, [(("hold_s",), DELETE)], False),
        (T_HOLD, [(("weights", "hold"), DELETE)], False),
        (T_HOLD, [(("tolerances", "advanced", "drift_cm"), DELETE)], False),
        (T_HOLD, [(("weights", "continuity"), DELETE)], False),
        (T_HOLD, [(("weights", "speed"), 1)], False),
        (T_HOLD, [(("tempo_per_min",), {"min": 10, "max": 20})], False),
        (T_TOWARD, [(("direction", "landmark"), DELETE)], True),
        (T_TOWARD, [(("direction", "landmark"), "Heart")], False),
        (T_TOWARD, [(("direction", "reversal_fails"), False)], True),
        (T_TOWARD, [(("direction", "reversal_fails"), "true")], False),
        (T_GLIDE, [(("direction", "reversal_fails"), DELETE)], True),
        (T_CIRCLE, [(("direction", "reversal_fails"), True)], False),
        (T_HOLD, [(("direction", "reversal_fails"), False)], False),
    ]
    # an unknown key in each kind of object
    rows += [
        (T_CIRCLE, [(("weights", "speeed"), 1)], False),
        (T_CIRCLE, [(("direction", "rules"), "turning")], False),
        (T_CIRCLE, [(("tolerances", "expert"), {})], False),
        (T_CIRCLE, [(("tolerances", "beginner", "path"), 1)], False),
        (T_CIRCLE, [(("tempo_per_min", "mid"), 65)], False),
        (LESSON, [(("steps", 0, "guide", "line"), [[46.5, 83], [46.1, 72]])], False),
        (BODYMAP, [(("landmarks", 0, "note"), "x")], False),
        (BODYMAP, [(("author",), "x")], False),
        (REPLAY, [(("contacts", 0, "finger"), 1)], False),
        (REPLAY, [(("author",), "x")], False),
    ]
    # lessons
    # cautions, in a lesson and in a technique: optional, up to 16, each with text, kind and source
    caution = {"text": "Say when it hurts.", "kind": "advice", "source": "domain text 003"}
    rows += edge(LESSON, ("cautions",), [dict(caution, text=f"c{i}") for i in range(16)],
                 [dict(caution, text=f"c{i}") for i in range(17)])
    rows += edge(LESSON, ("cautions", 0, "text"), "t" * 240, "t" * 241)
    rows += edge(LESSON, ("cautions", 0, "source"), "s" * 300, "s" * 301)
    rows += edge(LESSON, ("cautions", 0, "kind"), "red-flag", "Red flag")
    rows += edge(LESSON, ("cautions", 0, "text"), "x", "")
    rows += [
        (LESSON, [(("cautions",), DELETE)], True),
        (LESSON, [(("cautions",), [])], True),
        (LESSON, [(("cautions", 0, "kind"), "contraindication")], True),
        (LESSON, [(("cautions", 0, "kind"), DELETE)], False),
        (LESSON, [(("cautions", 0, "text"), DELETE)], False),
        (LESSON, [(("cautions", 0, "note"), "x")], False),
        (LESSON, [(("cautions", 0), "Say when it hurts.")], False),
        (T_CIRCLE, [(("cautions",), [caution])], True),
        (T_CIRCLE, [(("cautions",), [dict(caution, kind="warning")])], False),
        (T_CIRCLE, [(("cautions",), "none")], False),
    ]
    rows += edge(LESSON, ("duration_min",), 1, 0.5)
    rows += edge(LESSON, ("duration_min",), 120, 120.5)
    rows += edge(LESSON, ("title",), "t" * 80, "t" * 81)
    rows += edge(LESSON, ("condition",), "c" * 120, "c" * 121)
    rows += edge(LESSON, ("summary",), "s" * 600, "s" * 601)
    # a lesson's own citations: optional, 1 to 64 non-empty strings of at most 600 bytes
    rows += edge(LESSON, ("sources",), ["domain text 002 (15-20 minutes daily)"], [])
    rows += edge(LESSON, ("sources",), ["c" * 600], ["c" * 601])
    rows += edge(LESSON, ("sources",), ["c"] * 64, ["c"] * 65)
    rows += edge(LESSON, ("sources",), ["c"], [""])
    rows.append((LESSON, [(("sources",), "domain text 002")], False))
    rows += edge(LESSON, ("level",), "advanced", "Advanced")
    rows += edge(LESSON, ("steps", 0, "repetitions"), 1, 0)
    rows += edge(LESSON, ("steps", 0, "repetitions"), 200, 201)
    rows += edge(LESSON, ("steps", 0, "repetitions"), 5.0, 5.5)
    rows += edge(LESSON, ("steps", 0, "pass_mark"), 1, 0.5)
    rows += edge(LESSON, ("steps", 0, "pass_mark"), 100, 100.5)
    rows += edge(LESSON, ("steps", 0, "pass_mark"), 65.5, "65.5")
    rows += edge(LESSON, ("steps", 0, "instruction"), "i" * 600, "i" * 601)
    rows += edge(LESSON, ("steps", 0, "hint"), "h" * 600, "")
    rows += edge(LESSON, ("steps", 0, "region"), "erector-spinae-l", "Erector-spinae-l")
    for seconds, ok in [(1, True), (0.5, False), (600, True), (600.5, False)]:
        rows.append((LESSON, [(("steps", 0, "repetitions"), DELETE), (("steps", 0, "duration_s"), seconds)], ok))
    rows.append((LESSON, [(("steps", 0, "repetitions"), DELETE)], False))
    rows.append((LESSON, [(("steps", 0, "guide", "point"), [46.1, 72])], False))
    rows.append((LESSON, [(("steps", 0, "guide"), {})], False))
    line = [[46.5, 83]] * 62 + [[46.1, 72], [45.6, 62]]
    rows += edge(LESSON, ("steps", 0, "guide", "polyline"), line, [[46.5, 83]] + line)
    rows += edge(LESSON, ("steps",), "steps*30", "steps*31")
    rows += edge(LESSON, ("steps",), "steps*1", [])
    # a step narrowing its technique's bands (steps[0] effleurage 2-5 and 1-10 cm/s, steps[2] petrissage
    # 30-60 per minute, steps[4] trigger point 30-60 s): shapes and the limits any file takes; whether a
    # band lies inside the technique's is for `guidedtouch validate` (tests/test_malformed.c)
    rows += [
        (LESSON, [(("steps", 0, "pressure_level"), {"min": 3, "max": 4})], True),
        (LESSON, [(("steps", 0, "pressure_level"), {"min": 2, "max": 5})], True),
        (LESSON, [(("steps", 0, "pressure_level"), {"min": 3})], False),
        (LESSON, [(("steps", 0, "pressure_level"), [3, 4])], False),
        (LESSON, [(("steps", 0, "pressure_level"), {"min": 3, "max": 4, "mid": 3.5})], False),
        (LESSON, [(("steps", 0, "pressure_level"), {"min": 3, "max": "4"})], False),
        (LESSON, [(("steps", 0, "speed_cm_s"), {"min": 2, "max": 4})], True),
        (LESSON, [(("steps", 2, "tempo_per_min"), {"min": 40, "max": 50})], True),
        (LESSON, [(("steps", 2, "tempo_per_min"), {"min": 40, "max": 50}), (("steps", 2, "tempo_hz"),
                                                                            {"min": 0.7, "max": 0.8})], False),
        (LESSON, [(("steps", 4, "hold_s"), {"min": 40, "max": 50})], True),
    ]
    rows += edge(LESSON, ("steps", 4, "pressure_level"), {"min": 7, "max": 8}, {"min": 7, "max": 10.5})
    rows += edge(LESSON, ("steps", 4, "hold_s"), {"min": 30, "max": 60}, {"min": 0.25, "max": 60})
    # body maps
    rows += edge(BODYMAP, ("width_cm",), 10, 9.5)
    rows += edge(BODYMAP, ("width_cm",), 1000, 1000.5)
    rows += edge(BODYMAP, ("height_cm",), 10, 9.5)
    rows += edge(BODYMAP, ("height_cm",), 1000, 1000.5)
    rows += edge(BODYMAP, ("art",), "a" * 200, "a" * 201)
    rows += edge(BODYMAP, ("view",), "anterior", "back")
    rows += edge(BODYMAP, ("regions", "having:fibre_deg", "fibre_deg"), 0, -0.5)
    rows += edge(BODYMAP, ("regions", "having:fibre_deg", "fibre_deg"), 180, 180.5)
    rows += edge(BODYMAP, ("regions", 0, "name"), "n" * 120, "n" * 121)
    rows += edge(BODYMAP, ("landmarks", 0, "radius_cm"), 0.1, 0.05)
    rows += edge(BODYMAP, ("landmarks", 0, "radius_cm"), 50, 50.5)
    rows += edge(BODYMAP, ("landmarks", 0, "kind"), "target", "Target")
    rows += edge(BODYMAP, ("landmarks", 0, "points"), [[45, 80]], [])
    rows += edge(BODYMAP, ("landmarks",), [], {})
    rows += edge(BODYMAP, ("silhouette",), "silhouette*20", "silhouette*21")
    rows.append((BODYMAP, [(("regions", "having:fibre_deg", "fibre_deg"), DELETE)], True))
    rows.append((BODYMAP, [(("landmarks", "having:region", "region"), DELETE)], True))
    # replays
    rows += edge(REPLAY, ("contacts", 0, "id"), 1000, 1001)
    rows += edge(REPLAY, ("contacts", 0, "samples", -1, 0), 3600000, 3600000.5)
    rows += edge(REPLAY, ("contacts", 0, "samples", 0, 1), 1000, 1000.5)
    rows += edge(REPLAY, ("contacts", 0, "samples", 0, 2), -1000, -1000.5)
    rows += edge(REPLAY, ("contacts", 0, "samples", 0, 3), 0, -0.01)
    rows += edge(REPLAY, ("contacts", 0, "samples", 0, 3), 1, 1.01)
    rows += edge(REPLAY, ("contacts", 0, "samples"), [[0, 50, 80, 0.3]], [])
    rows += edge(REPLAY, ("contacts",), [], {})
    rows += edge(REPLAY, ("contacts",), "contacts*4096", "contacts*4097")
    rows += edge(REPLAY, ("device",), "pen", "Pen")
    rows += edge(REPLAY, ("pressure_source",), "slider", "mouse")
    rows += edge(REPLAY, ("version",), 1, 2)
    return rows


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, what, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL: {what}" + (f": {detail}" if detail else ""))
        return ok


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def json_path(parts):
    """A jsonschema error path as the loaders write JSON paths: steps[0].guide.polyline[2]."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def schema_errors(validator, instance):
    """(JSON path, keyword) of every error, including those inside oneOf/anyOf alternatives."""
    found, stack = set(), list(validator.iter_errors(instance))
    while stack:
        error = stack.pop()
        found.add((json_path(error.absolute_path), error.validator or "false"))
        stack.extend(error.context or [])
    return found


def first_error(validator, instance):
    error = jsonschema.exceptions.best_match(validator.iter_errors(instance))
    return None if error is None else f"{json_path(error.absolute_path) or '(document)'}: {error.message[:200]}"


def pointer(schema, ptr):
    node = schema
    for part in [p for p in ptr.split("/") if p]:
        node = node[part]
    return node


class CSource:
    """The string tables of a C file, by (array name, enclosing function or None), and its functions."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            self.text = f.read()
        starts = [(m.start(), m.group(1)) for m in
                  re.finditer(r"^[A-Za-z][\w \t\*]*?\b(\w+)\(([^;{}]*?)\)\s*\{", self.text, re.M)]
        self.functions = {name: (start, end) for (start, name), (end, _) in
                          zip(starts, starts[1:] + [(len(self.text), None)])}
        self.arrays = {}
        for m in re.finditer(r"^([ \t]*)(?:static\s+)?const\s+[\w\s\*]*?\b(\w+)\[\w*\]\s*=\s*\{(.*?)\};",
                             self.text, re.M | re.S):
            function = None
            if m.group(1):
                function = next((f for f, (a, b) in self.functions.items() if a < m.start() < b), None)
            self.arrays[(m.group(2), function)] = re.findall(r'"([^"\\]*)"', m.group(3))

    def enum_table(self, function, key):
        """Name of the table of values the gt_json_enum call for "key" in `function` uses."""
        start, end = self.functions.get(function, (0, 0))
        m = re.search(r'gt_json_enum\([^;]*?"%s",\s*\w+,\s*(\w+)' % re.escape(key), self.text[start:end])
        return m.group(1) if m else None


def c_table(sources, c_file, function, name):
    """The strings of table `name`: local to `function` in `c_file`, else file-level anywhere in game/."""
    if c_file and (name, function) in sources[c_file].arrays:
        return sources[c_file].arrays[(name, function)]
    for source in ([sources[c_file]] if c_file else []) + list(sources.values()):
        if (name, None) in source.arrays:
            return source.arrays[(name, None)]
    return None


def check_structure(checks, name, node, where="", conditional=False):
    """Every object of the schema's own structure (not of an if/then rule) rejects unknown keys, as
    every loader does, and each of its properties has a description."""
    if isinstance(node, list):
        for i, item in enumerate(node):
            check_structure(checks, name, item, f"{where}/{i}", conditional)
        return
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        inside = conditional or key in ("if", "then", "else", "not", "oneOf", "anyOf", "allOf")
        if key == "properties" and not inside:
            checks.check(node.get("additionalProperties") is False,
                         f"{name}: {where or '/'} has \"additionalProperties\": false")
            for prop, sub in value.items():
                checks.check(isinstance(sub, dict) and bool(sub.get("description")),
                             f"{name}: {where}/properties/{prop} has a description")
        check_structure(checks, name, value, f"{where}/{key}", inside)


def set_path(doc, path, value):
    node = doc
    for part in path[:-1]:
        if isinstance(node, list) and isinstance(part, str) and part.startswith("having:"):
            part = next(i for i, item in enumerate(node) if part[7:] in item)  # first item with that key
        node = node[part]
    last = path[-1]
    if value is DELETE:
        del node[last]
    else:
        node[last] = value


def build_probe(base_doc, changes):
    doc = copy.deepcopy(base_doc)
    for path, value in changes:
        if isinstance(value, str) and re.fullmatch(r"(steps|silhouette|contacts)\*\d+", value):
            key, count = value.split("*")
            value = [copy.deepcopy(doc[key][i % len(doc[key])]) for i in range(int(count))]
            if key == "contacts":  # one press per finger at a time: ids reused only after a lift
                for i, contact in enumerate(value):
                    contact["id"] = i % 1000
                    for sample in contact["samples"]:
                        sample[0] += (i // 1000) * 10000
        set_path(doc, path, value)
    return doc


def run_validate(binary, source, paths):
    """The files among `paths` that `guidedtouch validate` reports a problem in (None on a harness error)."""
    bad = set()
    for start in range(0, len(paths), 40):  # a diag holds 500 messages: keep each run well below
        chunk = paths[start:start + 40]
        result = subprocess.run([binary, "--data", source, "validate"] + chunk, capture_output=True, text=True)
        if result.returncode not in (0, 1) or "more problems not shown" in result.stderr:
            print(result.stderr[-2000:])
            return None
        for path in chunk:
            if result.returncode == 1 and any(line.startswith(path + ":") and ": warning: " not in line
                                              for line in result.stderr.splitlines()):
                bad.add(path)
    return bad


def check_config(checks, binary, validator):
    """Full and probed configuration files: the schema and `guidedtouch print-config` agree."""
    with tempfile.TemporaryDirectory(prefix="gt-schema-config-") as work:
        for n, (changes, valid) in enumerate(CONFIG_PROBES):
            doc = dict(CONFIG_FULL)
            for key, value in changes.items():
                if value is None:
                    del doc[key]
                else:
                    doc[key] = value
            path = os.path.join(work, f"config-{n:02d}.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(doc, f, indent=1)
            env = dict(os.environ, GUIDEDTOUCH_SYSTEM_CONFIG=path, HOME=work, XDG_CONFIG_HOME=work + "/none")
            result = subprocess.run([binary, "print-config"], capture_output=True, text=True, env=env)
            shown = json.dumps(changes)[:60] or "{}"
            message = first_error(validator, doc)
            checks.check((message is None) == valid, f"config probe {shown}: schema {'accepts' if valid else 'rejects'} it",
                         message or "the schema accepts it")
            checks.check((result.returncode == 0) == valid and result.returncode in (0, 1),
                         f"config probe {shown}: print-config {'accepts' if valid else 'rejects'} it",
                         result.stderr.strip()[:300])


def main():
    if len(sys.argv) != 3:
        print(__doc__.split("\n\n")[1])
        return 2
    source, binary = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    checks = Checks()
    try:
        run(checks, source, binary)
    except Exception:  # a missing or unreadable file: report it and still print the totals
        checks.check(False, "the checks ran to the end", traceback.format_exc().strip())
    print(f"schemas: {checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


def run(checks, source, binary):
    validators, schemas = {}, {}

    # 1. the schemas themselves
    for kind, relative in SCHEMAS.items():
        schema = load_json(os.path.join(source, relative))
        try:
            Draft202012Validator.check_schema(schema)
            ok, detail = True, ""
        except jsonschema.exceptions.SchemaError as error:
            ok, detail = False, error.message
        checks.check(ok and schema.get("$schema") == "https://json-schema.org/draft/2020-12/schema",
                     f"{relative} is a draft 2020-12 schema", detail)
        schemas[kind] = schema
        validators[kind] = Draft202012Validator(schema)
        check_structure(checks, relative, schema)

    def accepts(kind, doc, what):
        message = first_error(validators[kind], doc)
        return checks.check(message is None, f"{what} validates against the {kind} schema", message or "")

    # 2. clean files
    bundled = [("lesson", p) for p in sorted(glob.glob(os.path.join(source, "lessons", "*.json")))]
    bundled += [("technique", p) for p in
                sorted(glob.glob(os.path.join(source, "lessons", "techniques", "*.json")))]
    bundled += [("bodymap", os.path.join(source, "assets", "bodymap", view + ".json"))
                for view in ("posterior", "anterior")]
    kinds = {"guidedtouch-" + k: k for k in SCHEMAS}
    for path in sorted(glob.glob(os.path.join(source, "tests", "data", "bad", "base", "*.json"))):
        bundled.append((kinds[load_json(path)["format"]], path))
    bundled.append(("replay", os.path.join(source, "tests", "data", "bad", "lessons", "demos",
                                           "lower-back-step-2.json")))
    checks.check(sum(k == "lesson" for k, _ in bundled) >= 8 and sum(k == "technique" for k, _ in bundled) >= 14,
                 "the bundled lessons and techniques were found", source)
    for kind, path in bundled:
        accepts(kind, load_json(path), os.path.relpath(path, source))
    demo = subprocess.run([binary, "--data", source, "demo", "lower-back-basics", "1"], capture_output=True,
                          text=True)
    demo_doc = None
    if checks.check(demo.returncode == 0, "guidedtouch demo lower-back-basics 1 runs", demo.stderr.strip()):
        demo_doc = json.loads(demo.stdout)
        accepts("replay", demo_doc, "the replay from guidedtouch demo lower-back-basics 1")

    # 3. malformed files the schemas (and the loader) must reject
    checks.check(len(BAD_FILES) >= 12, "at least 12 malformed files are checked")
    bad_paths = [os.path.join(source, "tests", "data", "bad", relative) for relative, *_ in BAD_FILES]
    loader_bad = run_validate(binary, source, bad_paths)
    for (relative, where, keyword, reason), path in zip(BAD_FILES, bad_paths):
        kind = BAD_SCHEMA_OF_DIR[relative.split("/")[0]]
        doc = load_json(path)
        if kinds.get(doc.get("format") if isinstance(doc, dict) else None, kind) == kind:
            # (validate reads a file by its own "format": replays/is-a-lesson.json is a fine lesson)
            checks.check(loader_bad is not None and path in loader_bad,
                         f"tests/data/bad/{relative} ({reason}) is rejected by guidedtouch validate")
        found = schema_errors(validators[kind], doc)
        parent = re.sub(r"(^|\.)[^.\[\]]+$|\[\d+\]$", "", where)
        checks.check((where, keyword) in found or (parent, keyword) in found,
                     f"tests/data/bad/{relative} ({reason}) is rejected by {keyword} at {where or '(document)'}",
                     "errors " + (", ".join(f"{k} at {p or '(document)'}" for p, k in sorted(found)) or "none"))

    # 4. keys and enums agree with the loaders' sources
    sources = {os.path.relpath(p, source): CSource(p)
               for p in sorted(glob.glob(os.path.join(source, "game", "**", "*.c"), recursive=True))}
    for c_file, function, array, kind, ptr in C_KEYS:
        expected = c_table(sources, c_file, function, array)
        found = sorted(pointer(schemas[kind], ptr).get("properties", {}))
        where = f"{array} in {c_file} ({function})" if c_file else f"{array} under game/"
        checks.check(expected is not None and sorted(expected) == found,
                     f"{SCHEMAS[kind]}#{ptr or '/'} takes the keys of {where}",
                     f"loader {sorted(expected or []) or 'not found'}, schema {found}")
    config_keys = c_table(sources, "game/config/config_file.c", "gt_config_read_file", "keys") or []
    settings = c_table(sources, None, None, "GT_CONFIG_KEY_NAMES") or []
    checks.check(sorted(config_keys) == sorted(settings + ["format", "version"]),
                 "the config file takes format, version and every setting of GT_CONFIG_KEY_NAMES",
                 f"file keys {sorted(config_keys)}, settings {sorted(settings)}")
    for c_file, function, key, kind, ptr in C_ENUMS:
        table = sources[c_file].enum_table(function, key)
        expected = c_table(sources, c_file, function, table) if table else None
        found = sorted(pointer(schemas[kind], ptr).get("enum", []))
        checks.check(expected is not None and sorted(expected) == found,
                     f"{SCHEMAS[kind]}#{ptr} has the values {c_file} ({function}) reads for \"{key}\""
                     + (f" from {table}" if table else ""), f"loader {sorted(expected or []) or 'not found'}, "
                     f"schema {found}")

    # 5. configuration files: the schema and `guidedtouch print-config` agree
    check_config(checks, binary, validators["config"])

    # 6. boundary probes: the schema and `guidedtouch validate` agree
    bases = {}
    rows = probes()
    with tempfile.TemporaryDirectory(prefix="gt-schema-probes-") as work:
        files = []
        for n, (base, changes, valid) in enumerate(rows):
            if base not in bases:
                bases[base] = load_json(os.path.join(source, base))
            doc = build_probe(bases[base], changes)
            # a lesson or technique is named after its id (validate checks that), each in its own folder
            ident = doc.get("id") if isinstance(doc, dict) else None
            name = ident if isinstance(ident, str) and ident and "/" not in ident and ident[0] != "." else "probe"
            os.makedirs(os.path.join(work, f"probe-{n:03d}"))
            path = os.path.join(work, f"probe-{n:03d}", f"{name}.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(doc, f, indent=1)
            kind = kinds[bases[base]["format"]]
            files.append((path, kind, doc, base, changes, valid))
        loader_bad = run_validate(binary, source, [f[0] for f in files])
        checks.check(loader_bad is not None, "guidedtouch validate runs on the probes")
        for path, kind, doc, base, changes, valid in files:
            shown = ", ".join(f"{json_path(p)}={'(removed)' if v is DELETE else json.dumps(v)[:40]}"
                              for p, v in changes)
            message = first_error(validators[kind], doc)
            what = f"probe {os.path.relpath(path, work)} ({base}: {shown})"
            checks.check((message is None) == valid, f"{what}: schema {'accepts' if valid else 'rejects'} it",
                         message or "the schema accepts it")
            if loader_bad is not None:
                checks.check((path not in loader_bad) == valid,
                             f"{what}: guidedtouch validate {'accepts' if valid else 'rejects'} it")


if __name__ == "__main__":
    sys.exit(main())
