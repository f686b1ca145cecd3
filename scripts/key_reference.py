#!/usr/bin/env python3
"""key_reference: writes docs/keys.md, the reference of every key of a lesson and a technique
file, from the editor schemas in lessons/schema/ (which tests/schema/check_schemas.py keeps in
agreement with the C loaders). Each key gets its type or values, its unit, its range, whether it
is required and, when it is not, what happens without it.

Usage: key_reference.py SOURCE_DIR            print the reference
       key_reference.py SOURCE_DIR --check    exit 1 when docs/keys.md differs from it, or when an
                                              optional key has no "when absent" entry below

What happens without an optional key is behaviour of the loader, which no schema states; it is
written once here, and --check fails when the schemas gain an optional key this table misses.
"""
import json
import os
import sys

# What the trainer does when an optional key is absent (paths as the reference prints them).
WHEN_ABSENT = {
    "lesson": {
        "cautions": "no cautions of its own (validate warns); the techniques' cautions still show",
        "sources": "no citations of its own; list --json gives an empty list",
        "steps[].guide.polyline": "the guide is a point instead (exactly one of point and polyline)",
        "steps[].guide.point": "the guide is a polyline instead (exactly one of point and polyline)",
        "steps[].repetitions": "duration_s is given instead (exactly one of the two)",
        "steps[].duration_s": "repetitions is given instead (exactly one of the two)",
        "steps[].toward": "the technique's own landmark (required when the technique names none)",
        "steps[].pressure_level": "the technique's pressure band",
        "steps[].speed_cm_s": "the technique's speed band",
        "steps[].tempo_per_min": "the technique's tempo band",
        "steps[].tempo_hz": "the technique's tempo band",
        "steps[].hold_s": "the technique's hold band",
        "steps[].demo": "a demonstration synthesised from the guide and the bands",
    },
    "technique": {
        "speed_cm_s": "not scored (required for glides and rolls, not allowed otherwise)",
        "tempo_per_min": "tempo_hz is given instead (one of the two for circles, kneading, friction, taps and rolls)",
        "tempo_hz": "tempo_per_min is given instead (one of the two for circles, kneading, friction, taps and rolls)",
        "regularity_cv_max": "required with a tempo; not allowed without one",
        "amplitude_cm": "required for circles, kneading, friction and taps; not allowed otherwise",
        "direction.landmark": "each lesson step names its landmark with \"toward\"",
        "direction.turning": "required for the rule \"turning\"; not allowed otherwise",
        "direction.reversal_fails": "true for \"toward-landmark\", false for \"along-guide\"",
        "hold_s": "required for holds; not allowed otherwise",
        "drift_max_cm": "required for holds; not allowed otherwise",
        "weights.direction": "direction not scored (a weight is required for each criterion that applies)",
        "weights.speed": "speed not scored (required for glides and rolls)",
        "weights.rhythm": "rhythm not scored (required with a tempo)",
        "weights.continuity": "continuity not scored (required for every pattern but taps)",
        "weights.hold": "hold not scored (required for holds)",
        "cautions": "none; lessons using the technique list their own",
    },
}
for level in ("beginner", "advanced"):
    for key, criterion in (("path_cm", "path"), ("direction_pct", "direction"), ("pressure_level", "pressure"),
                           ("speed_ratio", "speed"), ("tempo_ratio", "rhythm"), ("regularity_cv", "rhythm"),
                           ("lifts", "continuity"), ("hold_s", "hold"), ("drift_cm", "hold")):
        WHEN_ABSENT["technique"]["tolerances.%s.%s" % (level, key)] = (
            "required exactly when the %s criterion is weighted" % criterion)

UNITS = (("_cm_s", "cm/s"), ("_per_min", "per minute"), ("_hz", "per second"), ("_cm", "cm"), ("_s", "s"),
         ("_pct", "%"), ("_min", "minutes"), ("_deg", "degrees"), ("_ratio", "ratio"), ("pressure_level", "level 0-10"),
         ("lifts", "lifts"))


def resolve(node, defs):
    """The node with a $ref replaced by its definition (the node's own keys win)."""
    if "$ref" not in node:
        return node
    merged = dict(defs[node["$ref"].split("/")[-1]])
    merged.update({k: v for k, v in node.items() if k != "$ref"})
    return merged


def kind(node):
    """Type or values, in a few words."""
    if "const" in node:
        return json.dumps(node["const"])
    if "enum" in node:
        return " / ".join(json.dumps(v) for v in node["enum"])
    t = node.get("type", "")
    if t == "array":
        return "list"
    return {"number": "number", "integer": "whole number", "string": "text", "object": "object",
            "boolean": "true / false"}.get(t, t or "see below")


def span(node):
    """The range of a number, a text's length or a list's size."""
    lo = node.get("minimum", node.get("exclusiveMinimum"))
    hi = node.get("maximum", node.get("exclusiveMaximum"))
    if lo is not None or hi is not None:
        left = "(" if "exclusiveMinimum" in node else ""
        return "%s%s to %s" % (left, "" if lo is None else ("%g" % lo), "" if hi is None else ("%g" % hi))
    if "maxLength" in node:
        return "%d-%d characters" % (node.get("minLength", 0), node["maxLength"])
    if "maxItems" in node and node.get("minItems") == node["maxItems"]:
        return "exactly %d items" % node["maxItems"]
    if "maxItems" in node or "minItems" in node:
        return "%s-%s items" % (node.get("minItems", 0), node.get("maxItems", "any"))
    return ""


def unit(path):
    """The unit the key's name carries."""
    parts = [p.replace("[]", "") for p in path.split(".")]
    last = parts[-2] if parts[-1] in ("min", "max") and len(parts) > 1 else parts[-1]
    for suffix, name in UNITS:
        if last.endswith(suffix):
            return name
    return ""


def walk(node, path, defs, required, rows):
    """Appends a row per key under node (depth first, in the schema's order)."""
    node = resolve(node, defs)
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        items = resolve(node["items"], defs)
        if "properties" in items:
            walk(items, path + "[]", defs, set(items.get("required", [])), rows)
        return
    for key, child in node.get("properties", {}).items():
        child_path = path + "." + key if path else key
        full = resolve(child, defs)
        rows.append((child_path, key in required, full))
        walk(full, child_path, defs, set(full.get("required", [])), rows)


def reference(source):
    """The markdown reference, and the optional keys without a "when absent" entry."""
    out = ["# Every key of a lesson and a technique",
           "",
           "Generated by `scripts/key_reference.py` from the editor schemas in `lessons/schema/`, which a",
           "test keeps in agreement with the trainer's loaders; the test also fails when this file is",
           "out of date. Units are in the key names (`_cm`, `_s`, `_cm_s`, `_per_min`); pressure is a",
           "level from 0 to 10. `guidedtouch validate` checks everything here and what no schema can",
           "(ids of other files, where guides lie on the body, min below max). How to use the keys:",
           "[authoring.md](authoring.md); the file formats in prose: [formats.md](formats.md).",
           ""]
    missing = []
    for name, title in (("lesson", "Lesson (`lessons/<id>.json`)"), ("technique", "Technique (`lessons/techniques/<id>.json`)")):
        schema = json.load(open(os.path.join(source, "lessons", "schema", name + ".schema.json")))
        rows = []
        walk(schema, "", schema.get("$defs", {}), set(schema.get("required", [])), rows)
        out += ["## " + title, "", "| Key | Type or values | Unit | Range | Without it | Meaning |",
                "|---|---|---|---|---|---|"]
        for path, required, node in rows:
            absent = "required" if required else WHEN_ABSENT[name].get(path)
            if absent is None:
                missing.append("%s: %s" % (name, path))
                absent = "?"
            meaning = " ".join(node.get("description", "").split()).replace("|", "\\|")
            out.append("| `%s` | %s | %s | %s | %s | %s |" % (path, kind(node).replace("|", "\\|"), unit(path),
                                                             span(node), absent, meaning))
        out.append("")
    return "\n".join(out), missing


def main():
    source = sys.argv[1]
    text, missing = reference(source)
    if "--check" not in sys.argv:
        sys.stdout.write(text)
        return 0
    failed = 0
    for key in missing:
        print("FAIL: optional key %s has no entry in WHEN_ABSENT (scripts/key_reference.py)" % key)
        failed += 1
    path = os.path.join(source, "docs", "keys.md")
    if not os.path.exists(path) or open(path).read() != text:
        print("FAIL: docs/keys.md is out of date; run: python3 scripts/key_reference.py . > docs/keys.md")
        failed += 1
    print("key reference: %s" % ("up to date" if not failed else "%d problems" % failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
