#!/usr/bin/env python3
"""Single source of the Guided Touch body geometry.

This script defines the figure ONCE (a smooth outline through hand-placed control
points, plus the straight cut lines that divide it into muscle regions) and writes
both the data and the art from the very same sampled coordinates:

    assets/bodymap/posterior.json   assets/bodymap/posterior.svg
    assets/bodymap/anterior.json    assets/bodymap/anterior.svg

Rerun after any change (standard library only):

    python3 scripts/make_bodymap.py

Never edit the generated files by hand; region ids are a contract with the lessons
(docs/formats.md section 1), so change shapes freely but keep the ids.

Frame: centimetres on a life-size 170 cm model, view 100 x 180, origin top-left,
y down, crown at y=5, soles at y=175, body centred on x=50.  Only the viewer-left
half is described; the right half is its mirror image.  In the posterior view the
viewer-left half is the model's left ("-l"), in the anterior view the model's right.
"""
import json
import math
import os

W, H = 100.0, 180.0
MID = 50.0
STEP = 0.4      # sampling step of the smooth outline (cm)
INSET = 0.2     # regions sit this far inside the silhouette edge (cm)

SKIN, OUTLINE, MUSCLE = "#F3D9C4", "#B08968", "#A4624A"


# ----------------------------------------------------------------------------- helpers
def mirror(p):
    return (2 * MID - p[0], p[1])


def catmull_rom_closed(ctrl, step=STEP):
    """Centripetal Catmull-Rom through closed control points, sampled every ~step cm."""
    n, out = len(ctrl), []
    for i in range(n):
        p0, p1, p2, p3 = ctrl[i - 1], ctrl[i], ctrl[(i + 1) % n], ctrl[(i + 2) % n]

        def tj(ti, a, b):
            return ti + max(math.dist(a, b), 1e-6) ** 0.5
        t0 = 0.0
        t1 = tj(t0, p0, p1)
        t2 = tj(t1, p1, p2)
        t3 = tj(t2, p2, p3)
        k = max(1, int(math.ceil(math.dist(p1, p2) / step)))
        for j in range(k):
            t = t1 + (t2 - t1) * j / k
            pt = []
            for d in range(2):
                a1 = ((t1 - t) * p0[d] + (t - t0) * p1[d]) / (t1 - t0)
                a2 = ((t2 - t) * p1[d] + (t - t1) * p2[d]) / (t2 - t1)
                a3 = ((t3 - t) * p2[d] + (t - t2) * p3[d]) / (t3 - t2)
                b1 = ((t2 - t) * a1 + (t - t0) * a2) / (t2 - t0)
                b2 = ((t3 - t) * a2 + (t - t1) * a3) / (t3 - t1)
                pt.append(((t2 - t) * b1 + (t - t1) * b2) / (t2 - t1))
            out.append(tuple(pt))
    return out


def area(poly):
    return 0.5 * sum(poly[i - 1][0] * p[1] - p[0] * poly[i - 1][1] for i, p in enumerate(poly))


def inset(poly, d):
    """Move every vertex d cm inward along its (smoothed) normal."""
    sgn = 1 if area(poly) > 0 else -1
    out = []
    for i in range(len(poly)):
        a, b = poly[i - 1], poly[(i + 1) % len(poly)]
        tx, ty = b[0] - a[0], b[1] - a[1]
        ln = math.hypot(tx, ty) or 1.0
        out.append((poly[i][0] - sgn * ty / ln * d, poly[i][1] + sgn * tx / ln * d))
    return out


def cross(p, q, r):
    return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])


def hp(p, q, ref):
    """Half-plane bounded by the line p-q, on the side of point ref."""
    return (p, q, 1 if cross(p, q, ref) > 0 else -1)


def hp_mirror(h):
    p, q, s = h
    return (mirror(p), mirror(q), -s)


def clip(poly, h):
    """Cut a simple polygon by one half-plane; returns the kept pieces (a list).

    Unlike plain Sutherland-Hodgman this never bridges separate pieces: the kept
    boundary chains are re-joined along the inside intervals of the cut line."""
    p0, q0, s = h
    dist = [s * cross(p0, q0, v) for v in poly]
    n = len(poly)
    if all(d >= 0 for d in dist):
        return [poly]
    start = next(i for i in range(n) if dist[i] < 0)
    chains, cur = [], None
    for k in range(1, n + 1):
        i, j = (start + k - 1) % n, (start + k) % n
        a, b, da, db = poly[i], poly[j], dist[i], dist[j]
        if (da < 0) != (db < 0):
            t = da / (da - db)
            x = (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))
            if da < 0:
                cur = [x]
            else:
                cur.append(x)
                chains.append(cur)
                cur = None
        if db >= 0 and cur is not None:
            cur.append(b)
    ux, uy = q0[0] - p0[0], q0[1] - p0[1]
    ends = []   # (position along the line, chain index, is_entry)
    for ci, c in enumerate(chains):
        ends.append((c[0][0] * ux + c[0][1] * uy, ci, True))
        ends.append((c[-1][0] * ux + c[-1][1] * uy, ci, False))
    ends.sort()
    nxt = {}
    for k in range(0, len(ends), 2):
        (_, c1, e1), (_, c2, e2) = ends[k], ends[k + 1]
        if e1 == e2:
            raise ValueError("degenerate cut")
        nxt[c1 if not e1 else c2] = c2 if e2 else c1   # exit of one chain -> entry of next
    pieces, seen = [], set()
    for ci in range(len(chains)):
        if ci in seen:
            continue
        piece, c = [], ci
        while c not in seen:
            seen.add(c)
            piece += chains[c]
            c = nxt[c]
        pieces.append(piece)
    return pieces


def clip_all(poly, planes, what):
    pieces = [poly]
    for h in planes:
        pieces = [q for p in pieces for q in clip(p, h)]
    pieces = [p for p in pieces if abs(area(p)) > 0.05]
    if len(pieces) != 1:
        raise ValueError(f"{what}: cell gives {len(pieces)} pieces")
    return pieces[0]


def cleanup(poly):
    """Round to 0.1 cm, drop duplicates, collinear points and zero-width spikes."""
    pts = [(round(x, 1), round(y, 1)) for x, y in poly]
    changed = True
    while changed and len(pts) > 3:
        changed = False
        res = []
        for i, p in enumerate(pts):
            a, b = (res[-1] if res else pts[i - 1]), pts[(i + 1) % len(pts)]
            if p == a or abs(cross(a, p, b)) < 1e-9:   # duplicate, collinear or spike
                changed = True
                continue
            res.append(p)
        if res and res[0] == res[-1]:
            res.pop()
        pts = res
    return pts


def merge_mirror(half):
    """Join a viewer-left half polygon with its mirror image along the midline x=50."""
    n = len(half)
    for i in range(n):
        if half[i][0] == MID and half[(i + 1) % n][0] == MID:
            seq = half[i + 1:] + half[:i + 1]
            other = [mirror(p) for p in reversed(seq)]
            return seq + other[1:-1]
    raise ValueError("half region does not touch the midline")


def line(p, d):
    return (p, (p[0] + d[0], p[1] + d[1]))


def H_(y):   # horizontal line at y
    return ((0.0, y), (1.0, y))


def V_(x):   # vertical line at x
    return ((x, 0.0), (x, 1.0))


def above(ln, x=40.0):
    return hp(ln[0], ln[1], (x, -1000.0)) if abs(ln[1][0] - ln[0][0]) > 1e-9 else None


def below(ln, x=40.0):
    return hp(ln[0], ln[1], (x, 1000.0))


def left_of(ln):
    return hp(ln[0], ln[1], (-1000.0, (ln[0][1] + ln[1][1]) / 2))


def right_of(ln):
    return hp(ln[0], ln[1], (1000.0, (ln[0][1] + ln[1][1]) / 2))


def through(a, b):
    return (a, b)


# ----------------------------------------------------------------------------- the figure
# Arm: a bent axis from the shoulder joint; widths are measured across it.
SHOULDER = (31.8, 38.6)
ARM_SEGS = [(31.0, 16.0), (25.0, 13.0), (18.5, 11.0)]   # (length cm, abduction deg): arm, forearm, hand


def arm_axis(s):
    """Point and unit direction of the left arm axis at arclength s from the shoulder."""
    p, acc = SHOULDER, 0.0
    for i, (ln, deg) in enumerate(ARM_SEGS):
        d = (-math.sin(math.radians(deg)), math.cos(math.radians(deg)))
        if s <= acc + ln or i == len(ARM_SEGS) - 1:
            return (p[0] + d[0] * (s - acc), p[1] + d[1] * (s - acc)), d
        p, acc = (p[0] + d[0] * ln, p[1] + d[1] * ln), acc + ln
    raise AssertionError


def arm_pt(s, w):
    """w > 0: towards the body (medial), w < 0: lateral."""
    p, d = arm_axis(s)
    n = (d[1], -d[0])                                   # perpendicular pointing to +x
    return (p[0] + n[0] * w, p[1] + n[1] * w)


def arm_cut(s):
    """Line across the arm at station s (perpendicular to the mean local axis)."""
    _, d1 = arm_axis(s - 0.5)
    _, d2 = arm_axis(s + 0.5)
    d = (d1[0] + d2[0], d1[1] + d2[1])
    p, _ = arm_axis(s)
    return line(p, (d[1], -d[0]))


S_ELBOW, S_WRIST = ARM_SEGS[0][0], ARM_SEGS[0][0] + ARM_SEGS[1][0]
S_TIP = S_WRIST + ARM_SEGS[2][0]
ARM_LATERAL = [(3, 4.7), (7, 4.75), (11, 4.45), (16, 4.05), (22, 3.8), (27, 3.75), (31, 3.7),
               (34, 4.0), (38, 4.05), (44, 3.5), (50, 2.9), (55, 2.45),
               (57.5, 2.7), (59.5, 3.4), (61.5, 3.85), (63.5, 3.5), (65.5, 2.75), (68, 2.6),
               (71, 2.35), (73.2, 1.6)]
ARM_MEDIAL = [(73.2, 1.5), (71, 2.3), (66, 2.65), (61, 2.6), (58, 2.45), (56, 2.25), (50, 2.5),
              (44, 3.1), (37, 3.6), (33, 3.45), (30, 3.3), (24, 3.6), (18, 4.1), (13, 4.4), (10, 4.4)]

HEAD = [(50.0, 5.0), (46.6, 5.6), (44.0, 7.6), (42.7, 11.0), (42.4, 14.5), (42.7, 18.5),
        (43.5, 22.0), (44.6, 24.6)]
NECK_SHOULDER = [(45.1, 26.3), (44.6, 28.2), (44.4, 30.0), (43.3, 31.5), (40.5, 32.8),
                 (37.0, 33.7), (33.6, 34.5), (31.0, 35.4), (28.9, 36.7), (27.5, 39.0)]
ARMPIT = [(33.9, 48.6)]
TORSO_SIDE = [(34.5, 51.2), (34.8, 54.0), (35.3, 58.5), (35.9, 65.0), (36.1, 70.0), (35.6, 76.0),
              (34.2, 82.0), (32.9, 87.5), (32.5, 93.0), (32.7, 99.0)]
LEG_OUTER = [(33.3, 106.0), (34.5, 113.0), (35.9, 119.0), (36.8, 123.5), (37.0, 127.0),
             (36.6, 132.0), (36.4, 137.0), (36.8, 143.0), (37.8, 150.0), (38.8, 156.0),
             (39.3, 161.0)]
FOOT_FRONT = [(38.9, 164.0), (38.4, 166.5), (37.6, 169.5), (37.0, 172.0), (37.0, 174.0),
              (38.0, 175.2), (40.2, 175.7), (43.0, 175.6), (45.2, 175.2), (46.6, 174.1),
              (46.9, 172.2), (46.4, 169.4), (45.7, 166.8), (45.8, 164.2)]
FOOT_SOLE = [(39.0, 164.0), (38.8, 166.5), (38.4, 169.5), (38.1, 172.5), (38.1, 175.2),
             (38.8, 177.5), (40.3, 178.7), (42.5, 179.1), (44.6, 178.7), (46.1, 177.5),
             (46.8, 175.4), (46.6, 173.0), (45.7, 170.8), (45.6, 168.0), (45.9, 165.6),
             (45.8, 164.0)]
LEG_INNER = [(45.4, 161.0), (45.8, 156.0), (46.6, 150.0), (47.3, 143.0), (47.5, 137.0),
             (47.1, 131.0), (47.3, 127.0), (47.6, 122.0), (48.2, 115.0), (48.8, 108.0),
             (49.1, 102.0), (49.4, 98.2)]
EAR = [(42.6, 14.2), (41.6, 14.6), (41.2, 16.5), (41.5, 18.9), (42.2, 20.6), (43.0, 20.4)]


def outline(view):
    """Control points of the whole body outline (clockwise on screen from the crown)."""
    arm = [arm_pt(s, -w) for s, w in ARM_LATERAL] + [arm_pt(S_TIP, 0)] + \
          [arm_pt(s, w) for s, w in ARM_MEDIAL]
    foot = FOOT_SOLE if view == "posterior" else FOOT_FRONT
    half = HEAD + NECK_SHOULDER + arm + ARMPIT + TORSO_SIDE + LEG_OUTER + foot + LEG_INNER
    other = [mirror(p) for p in reversed(half) if p[0] != MID]
    return half + other


# ----------------------------------------------------------------------------- cut lines
# All lines below describe the viewer-left half; the right half uses their mirror.
D = through((33.6, 33.0), ARMPIT[0])                   # torso | arm (through the armpit)
NT = through((43.6, 27.0), (45.2, 36.0))               # neck | shoulder top
UT = through((45.2, 36.0), (33.7, 37.6))               # upper trapezius | back below
SS = through((43.5, 43.6), (33.8, 38.9))               # spine of the scapula
SB = through((43.5, 54.5), (33.9, 49.6))               # lower edge of the scapula
MB = V_(43.5)                                          # medial border of scapula / erector edge
LT1 = through((50.0, 49.5), (43.5, 45.5))              # upper back | lower trapezius
LT2 = through((49.8, 62.0), (43.5, 54.5))              # lower trapezius | erector spinae
IL = through((50.0, 85.5), (33.0, 80.5))               # iliac crest
GF = through((49.8, 99.6), (33.0, 99.2))               # gluteal fold
SPINE_GAP = V_(49.8)                                   # left regions stop 2 mm short of midline
CL = through((50.0, 37.0), (33.7, 36.0))               # clavicle (anterior)
JAW = through((44.6, 24.5), (50.0, 28.3))              # jaw line (anterior)
CB = through((49.8, 57.5), (33.9, 50.6))               # lower edge of pectoralis (anterior)
IG = through((50.0, 95.5), (32.5, 84.5))               # inguinal line (anterior)
LIMB_X = V_(30.0)                                      # separates hands/forearms from hips
KNEE_TOP, KNEE_BOT, ANKLE = 120.5, 128.5, 164.0
HEAD_CUT_POST = 27.0
ARM_DELTOID = arm_cut(12.0)
ARM_ELBOW = arm_cut(S_ELBOW)
ARM_WRIST = arm_cut(S_WRIST)
IN_ARM = (25.0, 60.0)          # reference points for choosing sides
IN_TORSO = (44.0, 60.0)
BIG_Y = 1000.0


def side(ln, ref):
    return hp(ln[0], ln[1], ref)


def arm_regions():
    return {
        "deltoid": ([side(D, IN_ARM), side(ARM_DELTOID, (28, 30)), above(H_(60))], 106),
        "upper-arm": ([side(D, IN_ARM), side(ARM_DELTOID, (20, 80)), side(ARM_ELBOW, (28, 30))], 106),
        "forearm": ([side(LIMB_X, (0, 80)), side(ARM_ELBOW, (20, 90)), side(ARM_WRIST, (20, 60))], 103),
        "hand": ([side(LIMB_X, (0, 80)), side(ARM_WRIST, (10, 120))], None),
    }


def leg_band(y0, y1):
    return [side(V_(31.0), (40, 0)), side(SPINE_GAP, (0, 0)),
            below(H_(y0)) if y0 else None, above(H_(y1)) if y1 else None]


# Each entry: id-stem -> (half-planes for the viewer-left half, fibre_deg for that half, kind)
# kind "pair": an -l/-r pair; "centre": one region spanning the midline given by its
# half-planes and their mirrors; "merge": viewer-left half merged with its mirror.
def posterior_cells():
    t = IN_TORSO
    cells = {
        "scalp": ([above(H_(HEAD_CUT_POST))], None, "merge"),
        "neck": ([below(H_(HEAD_CUT_POST)), side(NT, (50, 30)), above(H_(36.0))], 90, "centre"),
        "upper-trapezius": ([side(NT, (30, 30)), side(UT, (40, 0)), side(D, t),
                             below(H_(28.5))], 158, "pair"),
        "middle-trapezius": ([side(UT, (40, 60)), side(SS, (40, 0)), side(D, t),
                              side(MB, (0, 0))], 0, "pair"),
        "upper-back": ([side(UT, (40, 60)), below(H_(36.0)), side(MB, (60, 0)),
                        side(LT1, (50, 0))], None, "centre"),
        "scapular": ([side(SS, (40, 60)), side(SB, (40, 0)), side(D, t), side(MB, (0, 0))], 25, "pair"),
        "lower-trapezius": ([side(LT1, (50, 90)), side(LT2, (50, 0)), side(MB, (60, 0)),
                             side(SPINE_GAP, (0, 0))], 60, "pair"),
        "latissimus": ([side(SB, (40, 90)), side(IL, (40, 0)), side(D, t), side(MB, (0, 0))], 70, "pair"),
        "erector-spinae": ([side(LT2, (48, 90)), side(IL, (40, 0)), side(MB, (60, 0)),
                            side(SPINE_GAP, (0, 0))], 90, "pair"),
        "gluteal": ([side(IL, (40, 100)), side(GF, (40, 0)), side(V_(31.0), (40, 0)),
                     side(SPINE_GAP, (0, 0))], 155, "pair"),
        "hamstrings": (leg_band(None, KNEE_TOP) + [side(GF, (40, 200))], 88, "pair"),
        "back-of-knee": (leg_band(KNEE_TOP, KNEE_BOT), None, "pair"),
        "calf": (leg_band(KNEE_BOT, ANKLE), 91, "pair"),
        "foot-sole": (leg_band(ANKLE, None), None, "pair"),
    }
    for k, (hs, fib) in arm_regions().items():
        cells[k] = (hs, fib, "pair")
    return cells


def anterior_cells():
    t = IN_TORSO
    cells = {
        "face": ([side(JAW, (46, 0))], None, "merge"),
        "neck": ([side(JAW, (46, 40)), side(NT, (50, 30)), side(CL, (46, 0))], 90, "centre"),
        "upper-trapezius": ([side(NT, (30, 30)), side(CL, (40, 0)), side(D, t),
                             below(H_(28.5))], 158, "pair"),
        "chest": ([side(CL, (40, 60)), side(CB, (40, 0)), side(D, t), side(SPINE_GAP, (0, 0))], 10, "pair"),
        "abdomen": ([side(CB, (40, 90)), side(IG, (40, 0)), side(D, t), side(V_(MID), (0, 0))],
                    None, "merge"),
        "quadriceps": (leg_band(None, KNEE_TOP) + [side(IG, (40, 200))], 88, "pair"),
        "knee": (leg_band(KNEE_TOP, KNEE_BOT), None, "pair"),
        "shin": (leg_band(KNEE_BOT, ANKLE), 91, "pair"),
        "foot": (leg_band(ANKLE, None), None, "pair"),
    }
    for k, (hs, fib) in arm_regions().items():
        cells[k] = (hs, fib, "pair")
    return cells


NAMES = {"scalp": "Scalp", "face": "Face", "neck": "Neck", "upper-back": "Upper back",
         "abdomen": "Abdomen", "upper-trapezius": "Upper trapezius",
         "middle-trapezius": "Middle trapezius", "lower-trapezius": "Lower trapezius",
         "deltoid": "Deltoid", "scapular": "Shoulder blade", "latissimus": "Latissimus dorsi",
         "erector-spinae": "Erector spinae", "gluteal": "Gluteal muscles",
         "hamstrings": "Hamstrings", "back-of-knee": "Back of the knee", "calf": "Calf",
         "foot-sole": "Sole of the foot", "upper-arm": "Upper arm", "forearm": "Forearm",
         "hand": "Hand", "chest": "Chest", "quadriceps": "Quadriceps", "knee": "Knee",
         "shin": "Shin", "foot": "Foot"}


def build_regions(view, body_in):
    cells = posterior_cells() if view == "posterior" else anterior_cells()
    vl, vr = ("l", "r") if view == "posterior" else ("r", "l")
    side_name = {"l": "left", "r": "right"}
    regions = []
    for stem, (hs, fib, kind) in cells.items():
        hs = [h for h in hs if h]
        if kind == "pair":
            for suffix, planes, f in ((vl, hs, fib), (vr, [hp_mirror(h) for h in hs],
                                                       None if fib is None else (180 - fib) % 180)):
                poly = clip_all(body_in, planes, f"{stem}-{suffix}")
                regions.append({"id": f"{stem}-{suffix}",
                                "name": f"{NAMES[stem]} ({side_name[suffix]})",
                                "polygon": cleanup(poly), "fibre_deg": f})
        else:
            planes = hs + ([hp_mirror(h) for h in hs] if kind == "centre" else
                           [hp(V_(MID)[0], V_(MID)[1], (0, 0))])
            poly = cleanup(clip_all(body_in, planes, stem))
            if kind == "merge":
                poly = merge_mirror(poly)
            regions.append({"id": stem, "name": NAMES[stem], "polygon": poly, "fibre_deg": fib})
    order = {stem: i for i, stem in enumerate(NAMES)}
    regions.sort(key=lambda r: (order[r["id"].rsplit("-", 1)[0] if r["id"][-2:] in ("-l", "-r")
                                      else r["id"]], r["id"]))
    for r in regions:
        if r["fibre_deg"] is None:
            del r["fibre_deg"]
    return regions


# ----------------------------------------------------------------------------- landmarks
def landmarks(view):
    """Viewer-left landmarks are mirrored; names use the model's side."""
    vl, vr = ("l", "r") if view == "posterior" else ("r", "l")
    out = []

    def pair(stem, name, kind, pts, r, region=None):
        for suf, f in ((vl, lambda p: p), (vr, mirror)):
            side_word = "left" if suf == "l" else "right"
            lm = {"id": f"{stem}-{suf}", "name": f"{name} ({side_word})", "kind": kind,
                  "points": [[round(f(p)[0], 1), round(f(p)[1], 1)] for p in pts], "radius_cm": r}
            if region:
                lm["region"] = f"{region}-{suf}" if region != "neck" else "neck"
            out.append(lm)

    def one(id_, name, kind, pts, r, region=None):
        lm = {"id": id_, "name": name, "kind": kind, "points": [list(p) for p in pts], "radius_cm": r}
        if region:
            lm["region"] = region
        out.append(lm)

    if view == "posterior":
        one("spine", "Spine", "bony", [(50.0, 28.0), (50.0, 85.0)], 1.2)
        one("sacrum", "Sacrum", "bony", [(50.0, 89.5)], 3.0)
        pair("scapular-spine", "Spine of the shoulder blade", "bony",
             [(43.2, 43.5), (38.7, 41.3), (34.4, 39.2)], 1.0)
        pair("kidney", "Kidney area", "avoid", [(45.8, 65.0)], 3.5, "erector-spinae")
        pair("popliteal", "Back of the knee", "avoid", [(42.3, 124.8)], 2.0, "back-of-knee")
        pair("cervical-nodes", "Neck lymph nodes", "target", [(45.8, 31.5)], 1.5, "neck")
    else:
        heart_x = 53.5   # model's left = viewer's right in the anterior view
        one("heart", "Heart", "target", [(heart_x, 50.0)], 3.0, "chest-l")
        one("sternum", "Breastbone", "bony", [(50.0, 37.5), (50.0, 57.0)], 1.5)
        pair("axillary-nodes", "Armpit lymph nodes", "target", [(35.8, 49.4)], 2.0, "chest")
        pair("inguinal-nodes", "Groin lymph nodes", "target", [(43.8, 93.2)], 2.0, "quadriceps")
        pair("cervical-nodes", "Neck lymph nodes", "target", [(45.8, 31.5)], 1.5, "neck")
        pair("patella", "Kneecap", "bony", [(42.3, 124.0)], 2.5, "knee")
    return out


# ----------------------------------------------------------------------------- art
def path_d(pts, closed=True):
    s = "M" + " L".join(f"{x:g} {y:g}" for x, y in pts)
    return s + (" Z" if closed else "")


def svg(view, silhouette, regions):
    o = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W:g} {H:g}" '
         f'width="{W:g}" height="{H:g}">',
         '<defs><linearGradient id="skin" x1="0" y1="0" x2="1" y2="0">'
         '<stop offset="0" stop-color="#EDCDB4"/><stop offset="0.5" stop-color="#F6E0CE"/>'
         '<stop offset="1" stop-color="#EDCDB4"/></linearGradient></defs>']
    # Union trick: thick outline under every piece, then the fills on top.
    o.append(f'<g fill="{OUTLINE}" stroke="{OUTLINE}" stroke-width="0.7" stroke-linejoin="round">')
    o += [f'<path d="{path_d(p)}"/>' for p in silhouette]
    o.append('</g>')
    o.append('<g fill="url(#skin)" stroke="none">')
    o += [f'<path d="{path_d(p)}"/>' for p in silhouette]
    o.append('</g>')
    o.append(f'<g fill="none" stroke="{MUSCLE}" stroke-opacity="0.45" stroke-width="0.25" '
             'stroke-linejoin="round">')
    o += [f'<path d="{path_d(r["polygon"])}"/>' for r in regions]
    o.append('</g>')
    o.append(f'<g fill="none" stroke="{OUTLINE}" stroke-opacity="0.6" stroke-width="0.25" '
             'stroke-linecap="round">')
    o += detail_lines(view)
    o.append('</g>')
    o.append('</svg>')
    return "\n".join(o) + "\n"


def detail_lines(view):
    """Small non-region strokes that make the figure read (spine, navel, fingers)."""
    out = []

    def both(pts, closed=False):
        for f in (lambda p: p, mirror):
            q = [f(p) for p in pts]
            out.append(f'<path d="{path_d([(round(x, 1), round(y, 1)) for x, y in q], closed)}"/>')

    for k in (-1.0, 0.0, 1.0):   # three finger creases on each hand
        both([arm_pt(S_WRIST + 11.5, k * 0.85), arm_pt(S_TIP - 0.6 - abs(k) * 0.8, k * 0.8)])
    both([(42.9, 15.6), (42.0, 16.6), (42.1, 18.6)])           # ear rim
    if view == "posterior":
        out.append(f'<path d="M50 28 L50 85" stroke-width="0.35"/>')
        for y in range(30, 86, 3):
            out.append(f'<path d="M49.4 {y} L50.6 {y}"/>')
        out.append('<path d="M46.8 85.5 L53.2 85.5 L50 94 Z"/>')          # sacrum
        out.append('<path d="M50 94 L50 97.4"/>')                         # natal cleft
        both([(43.3, 43.6), (38.7, 41.3), (34.4, 39.2)])                  # scapular spine
    else:
        out.append('<ellipse cx="50" cy="73" rx="0.55" ry="0.8"/>')       # navel
        both([(49.2, 37.1), (44.0, 36.7), (38.5, 36.3), (34.5, 35.8)])    # clavicle
        both([(46.6, 25.9), (48.6, 27.4), (50.0, 27.7)])                  # chin
    return out


# ----------------------------------------------------------------------------- output
def build(view):
    body = catmull_rom_closed(outline(view))
    ear_l = catmull_rom_closed(EAR, 0.3)
    ear_r = [mirror(p) for p in reversed(ear_l)]
    silhouette = [cleanup(body), cleanup(ear_l), cleanup(ear_r)]
    regions = build_regions(view, inset(silhouette[0], INSET))
    data = {"format": "guidedtouch-bodymap", "version": 1, "view": view,
            "width_cm": W, "height_cm": H, "art": f"{view}.svg",
            "silhouette": [[list(p) for p in s] for s in silhouette],
            "regions": [dict(r, polygon=[list(p) for p in r["polygon"]]) for r in regions],
            "landmarks": landmarks(view)}
    return data, svg(view, silhouette, regions)


def dump(data):
    """Compact but diff-friendly JSON: one region / landmark per line."""
    def pts(ps):
        return "[" + ",".join(f"[{x:g},{y:g}]" for x, y in ps) + "]"
    lines = ["{", f'  "format": "{data["format"]}", "version": 1, "view": "{data["view"]}",',
             f'  "width_cm": {data["width_cm"]:g}, "height_cm": {data["height_cm"]:g}, '
             f'"art": "{data["art"]}",',
             '  "silhouette": [', ",\n".join("    " + pts(s) for s in data["silhouette"]), "  ],",
             '  "regions": [']
    regs = []
    for r in data["regions"]:
        head = f'{{"id": "{r["id"]}", "name": "{r["name"]}"'
        if "fibre_deg" in r:
            head += f', "fibre_deg": {r["fibre_deg"]:g}'
        regs.append(f'    {head}, "polygon": {pts(r["polygon"])}}}')
    lines += [",\n".join(regs), "  ],", '  "landmarks": [']
    lines.append(",\n".join("    " + json.dumps(lm) for lm in data["landmarks"]))
    lines += ["  ]", "}"]
    text = "\n".join(lines) + "\n"
    json.loads(text)   # must stay valid JSON
    return text


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "bodymap")
    os.makedirs(root, exist_ok=True)
    for view in ("posterior", "anterior"):
        data, art = build(view)
        with open(os.path.join(root, f"{view}.json"), "w", encoding="utf-8") as f:
            f.write(dump(data))
        with open(os.path.join(root, f"{view}.svg"), "w", encoding="utf-8") as f:
            f.write(art)
        print(f"wrote {view}.json ({len(data['regions'])} regions, "
              f"{len(data['landmarks'])} landmarks) and {view}.svg")


if __name__ == "__main__":
    main()
