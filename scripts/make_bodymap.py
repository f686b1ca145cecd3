#!/usr/bin/env python3
"""Single source of the Guided Touch body geometry.

This script defines the figure ONCE (a smooth outline through hand-placed control
points, plus the smooth cut curves that divide it into muscle regions) and writes
both the data and the art from the very same sampled, rounded coordinates:

    assets/bodymap/posterior.json   assets/bodymap/posterior.svg
    assets/bodymap/anterior.json    assets/bodymap/anterior.svg

Rerun after any change (standard library only):

    python3 scripts/make_bodymap.py

Never edit the generated files by hand; region ids are a contract with the lessons
(docs/formats.md section 1), so change shapes freely but keep the ids.

Frame: centimetres on a life-size 170 cm model, view 100 x 180, origin top-left,
y down, crown at y=5, soles at y=175 (the stylised plantar view of the posterior
feet reaches y=179), body centred on x=50.  Only the viewer-left
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

SKIN, SKIN_SHADE, OUTLINE = "#F3D9C4", "#E9C9B0", "#B08968"
MUSCLE, HAIR = "#A4624A", "#8A6A58"


# ----------------------------------------------------------------------------- helpers
def mirror(p):
    return (2 * MID - p[0], p[1])


def _cr_segment(p0, p1, p2, p3, step):
    """Samples of the centripetal Catmull-Rom segment p1 -> p2 (p2 excluded)."""
    def tj(ti, a, b):
        return ti + max(math.dist(a, b), 1e-6) ** 0.5
    t0 = 0.0
    t1 = tj(t0, p0, p1)
    t2 = tj(t1, p1, p2)
    t3 = tj(t2, p2, p3)
    out = []
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


def catmull_rom_closed(ctrl, step=STEP):
    """Smooth closed curve through the control points, sampled every ~step cm."""
    n = len(ctrl)
    return [q for i in range(n) for q in
            _cr_segment(ctrl[i - 1], ctrl[i], ctrl[(i + 1) % n], ctrl[(i + 2) % n], step)]


def catmull_rom_open(ctrl, step=STEP):
    """Smooth open curve through the control points (ends included)."""
    first = (2 * ctrl[0][0] - ctrl[1][0], 2 * ctrl[0][1] - ctrl[1][1])
    last = (2 * ctrl[-1][0] - ctrl[-2][0], 2 * ctrl[-1][1] - ctrl[-2][1])
    c = [first] + list(ctrl) + [last]
    return [q for i in range(1, len(c) - 2)
            for q in _cr_segment(c[i - 1], c[i], c[i + 1], c[i + 2], step)] + [tuple(ctrl[-1])]


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


class Cut:
    """A cutting curve that is a graph: kind "y" is y = f(x), kind "x" is x = f(y).

    The curve runs smoothly through its control points and continues flat beyond its
    ends.  sym=True adds the mirror image so one curve serves both halves of the body
    (the control points must then end on the midline)."""

    def __init__(self, kind, ctrl, sym=False, smooth=True):
        ctrl = [tuple(map(float, c)) for c in ctrl]
        if sym:
            assert kind == "y" and ctrl[-1][0] == MID, "symmetric cuts end on the midline"
            ctrl = ctrl + [mirror(c) for c in reversed(ctrl[:-1])]
        pts = catmull_rom_open(ctrl, 0.5) if smooth and len(ctrl) > 2 else ctrl
        self.kind, self.sym = kind, sym
        self.uv = [(p[0], p[1]) if kind == "y" else (p[1], p[0]) for p in pts]   # (indep, dep)
        assert all(a[0] < b[0] for a, b in zip(self.uv, self.uv[1:])), "cut is not a graph"

    def f(self, u):
        uv = self.uv
        if u <= uv[0][0]:
            return uv[0][1]
        if u >= uv[-1][0]:
            return uv[-1][1]
        lo, hi = 0, len(uv) - 1
        while hi - lo > 1:
            mid = (lo + hi) // 2
            lo, hi = (mid, hi) if uv[mid][0] <= u else (lo, mid)
        (u0, v0), (u1, v1) = uv[lo], uv[hi]
        return v0 + (v1 - v0) * (u - u0) / (u1 - u0)

    def dist(self, p):
        return p[1] - self.f(p[0]) if self.kind == "y" else p[0] - self.f(p[1])

    def pos(self, p):
        return p[0] if self.kind == "y" else p[1]

    def between(self, u0, u1):
        """Curve vertices strictly between positions u0 and u1, in that order."""
        pts = [q for q in self.uv if min(u0, u1) < q[0] < max(u0, u1)]
        pts = pts if u0 < u1 else pts[::-1]
        return [(u, v) if self.kind == "y" else (v, u) for u, v in pts]

    def mirrored(self):
        if self.sym:
            return self
        c = Cut.__new__(Cut)
        c.kind, c.sym = self.kind, False
        if self.kind == "y":
            c.uv = sorted((2 * MID - u, v) for u, v in self.uv)
        else:
            c.uv = [(u, 2 * MID - v) for u, v in self.uv]
        return c


# A side is (cut, +1 | -1): +1 keeps points below a "y" cut or right of an "x" cut.
def below(c):
    return (c, 1)


def above(c):
    return (c, -1)


right_of, left_of = below, above


def side_mirror(sd):
    c, s = sd
    return (c.mirrored(), -s if c.kind == "x" else s)


def hline(y):
    return Cut("y", [(-1e3, y), (1e3, y)])


def vline(x):
    return Cut("x", [(x, -1e3), (x, 1e3)])


def clip(poly, sd):
    """Cut a simple polygon by one side of a curve; returns the kept pieces (a list).

    The kept boundary chains are re-joined along the inside stretches of the cut
    curve, so separate pieces never get bridged and neighbours share the curve."""
    cut, s = sd
    dist = [s * cut.dist(v) for v in poly]
    n = len(poly)
    if all(d >= 0 for d in dist):
        return [poly]
    start = next(i for i in range(n) if dist[i] < 0)
    chains, cur = [], None
    for k in range(1, n + 1):
        i, j = (start + k - 1) % n, (start + k) % n
        a, b, da, db = poly[i], poly[j], dist[i], dist[j]
        if (da < 0) != (db < 0):
            lo, hi = 0.0, 1.0                  # bisection for the crossing on a -> b
            for _ in range(50):
                t = (lo + hi) / 2
                dt = s * cut.dist((a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])))
                lo, hi = (t, hi) if (dt < 0) == (da < 0) else (lo, t)
            t = (lo + hi) / 2
            x = (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))
            if da < 0:
                cur = [x]
            else:
                cur.append(x)
                chains.append(cur)
                cur = None
        if db >= 0 and cur is not None:
            cur.append(b)
    ends = sorted([(cut.pos(c[0]), ci, True) for ci, c in enumerate(chains)] +
                  [(cut.pos(c[-1]), ci, False) for ci, c in enumerate(chains)])
    nxt = {}
    for k in range(0, len(ends), 2):
        (_, c1, e1), (_, c2, e2) = ends[k], ends[k + 1]
        if e1 == e2:
            raise ValueError("degenerate cut")
        nxt[c1 if not e1 else c2] = c2 if e2 else c1   # exit of one chain -> entry of next
    pieces, seen = [], set()
    for ci in range(len(chains)):
        piece, c = [], ci
        while c not in seen:
            seen.add(c)
            d = nxt[c]
            piece += chains[c] + cut.between(cut.pos(chains[c][-1]), cut.pos(chains[d][0]))
            c = d
        if piece:
            pieces.append(piece)
    return pieces


def clip_all(poly, sides, what):
    pieces = [poly]
    for sd in sides:
        pieces = [q for p in pieces for q in clip(p, sd)]
    pieces = [p for p in pieces if abs(area(p)) > 0.05]
    if len(pieces) != 1:
        raise ValueError(f"{what}: cell gives {len(pieces)} pieces")
    return pieces[0]


def cross(p, q, r):
    return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])


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


# ----------------------------------------------------------------------------- the figure
# Arm: a bent axis from the shoulder joint; widths are measured across it.
SHOULDER = (31.8, 38.6)
# (length cm, abduction from vertical in degrees) of upper arm, forearm and hand
ARM_SEGS = [(31.0, 16.0), (25.0, 13.0), (18.5, 11.0)]


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
    ln = math.hypot(*d)
    return Cut("y", [(p[0] - 100 * d[1] / ln, p[1] + 100 * d[0] / ln),
                     (p[0] + 100 * d[1] / ln, p[1] - 100 * d[0] / ln)])


S_ELBOW, S_WRIST = ARM_SEGS[0][0], ARM_SEGS[0][0] + ARM_SEGS[1][0]
S_TIP = S_WRIST + ARM_SEGS[2][0]
ARM_LATERAL = [(3, 4.7), (7, 4.75), (11, 4.45), (16, 4.05), (22, 3.8), (27, 3.75), (31, 3.7),
               (34, 4.0), (38, 4.05), (44, 3.5), (50, 2.9), (55, 2.45),
               (57.5, 2.7), (59.5, 3.45), (61.5, 4.05), (63.3, 3.85), (64.5, 3.0), (65.6, 2.6),
               (68, 2.6), (71, 2.35), (73.2, 1.6)]
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


# ----------------------------------------------------------------------------- cut curves
# Control points for the viewer-left half.  "y" cuts are y = f(x), "x" cuts x = f(y);
# sym=True cuts run across the midline and serve both halves.
HAIRLINE = Cut("y", [(41.0, 25.4), (45.0, 26.7), (50.0, 27.2)], sym=True)          # scalp | neck
NT = Cut("x", [(43.9, 26.0), (44.2, 30.5), (45.2, 36.0)])                         # neck | shoulder top
NECK_BASE = Cut("y", [(45.2, 36.0), (47.6, 36.4), (50.0, 36.5)], sym=True)       # base of neck (C7)
UT = Cut("y", [(33.5, 37.9), (37.0, 37.0), (41.0, 36.3), (45.2, 36.0)])  # lower edge of upper trapezius
D = Cut("x", [(33.2, 33.0), (33.8, 38.0), (34.1, 43.5), (33.9, 48.6), (34.3, 56.0),
              (34.9, 70.0), (33.4, 78.0), (30.5, 86.0), (28.5, 100.0)])            # torso | arm
SS = Cut("y", [(33.6, 38.9), (36.5, 39.9), (40.0, 41.6), (43.5, 43.8)])           # spine of the scapula
MB = Cut("x", [(43.0, 36.0), (43.4, 44.0), (43.6, 52.0), (43.5, 60.0), (43.1, 70.0),
               (43.0, 80.0), (43.3, 88.0)])                                        # scapula / erector edge
LT1 = Cut("y", [(43.0, 45.3), (46.5, 47.4), (50.0, 49.6)], sym=True)              # upper back | lower trap.
SB = Cut("y", [(33.9, 49.6), (37.0, 52.6), (40.3, 55.0), (42.0, 55.4), (43.8, 54.4)])  # scapula bottom
LT2 = Cut("y", [(43.4, 54.6), (46.6, 58.9), (50.0, 62.4)], sym=True)              # lower trap. | erector
IL = Cut("y", [(33.0, 80.0), (37.0, 80.5), (41.0, 82.0), (45.0, 84.2), (48.0, 85.5),
               (50.0, 86.0)], sym=True)                                            # iliac crest
GF = Cut("y", [(32.5, 98.0), (37.0, 99.6), (42.0, 100.4), (46.5, 100.0), (49.0, 99.1),
               (50.0, 98.7)], sym=True)                                            # gluteal fold
SPINE_GAP = vline(49.8)                     # paired regions stop 2 mm short of the midline
LEG_X, LIMB_X = vline(31.0), vline(30.0)    # hips / thighs vs. hands and forearms
KNEE_BACK_TOP = Cut("y", [(36.0, 120.8), (42.3, 120.0), (48.5, 120.8), (50.0, 121.0)], sym=True)
KNEE_BACK_BOT = Cut("y", [(36.0, 128.2), (42.3, 129.0), (48.5, 128.2), (50.0, 128.0)], sym=True)
HEEL = Cut("y", [(37.5, 164.8), (42.3, 163.8), (47.0, 164.8), (50.0, 165.0)], sym=True)
JAW = Cut("y", [(43.6, 22.5), (45.3, 25.3), (47.7, 27.3), (50.0, 27.9)], sym=True)
CL = Cut("y", [(33.4, 35.4), (36.5, 36.0), (41.0, 36.3), (45.5, 36.8), (48.5, 37.4),
               (50.0, 37.6)], sym=True)                                            # clavicles
CB = Cut("y", [(34.0, 50.3), (36.6, 53.7), (40.5, 56.4), (45.0, 57.4), (48.5, 57.3),
               (50.0, 57.5)], sym=True)                                            # lower edge of pectorals
IG = Cut("y", [(32.5, 84.0), (37.0, 86.4), (41.5, 89.6), (46.0, 93.3), (48.5, 95.1),
               (50.0, 95.7)], sym=True)                                            # inguinal line
KNEE_TOP = Cut("y", [(36.0, 120.0), (42.3, 119.2), (48.5, 120.0), (50.0, 120.2)], sym=True)
KNEE_BOT = Cut("y", [(36.0, 128.4), (42.3, 129.4), (48.5, 128.4), (50.0, 128.2)], sym=True)
ANKLE = Cut("y", [(37.5, 163.6), (42.3, 164.8), (47.0, 163.6), (50.0, 163.4)], sym=True)
ARM_DELTOID = Cut("y", [arm_pt(9.5, -7.0), arm_pt(13.8, -0.8), arm_pt(10.0, 6.5)])  # V insertion
ARM_ELBOW = arm_cut(S_ELBOW)
ARM_WRIST = arm_cut(S_WRIST)


def arm_regions():
    return {
        "deltoid": ([left_of(D), above(ARM_DELTOID), above(hline(60.0))], 106),
        "upper-arm": ([left_of(D), below(ARM_DELTOID), above(ARM_ELBOW)], 106),
        "forearm": ([left_of(LIMB_X), below(ARM_ELBOW), above(ARM_WRIST)], 103),
        "hand": ([left_of(LIMB_X), below(ARM_WRIST)], None),
    }


def leg_band(top, bottom):
    sides = [right_of(LEG_X), left_of(SPINE_GAP)]
    return sides + ([below(top)] if top else []) + ([above(bottom)] if bottom else [])


# Each entry: id stem -> (sides for the viewer-left half, fibre_deg there, kind).
# kind "pair": an -l/-r pair (the right one mirrored); "centre": one region spanning
# the midline (its sides plus their mirrors); "single": sides used exactly as given.
def posterior_cells():
    cells = {
        "scalp": ([above(HAIRLINE)], None, "single"),
        "neck": ([below(HAIRLINE), right_of(NT), above(NECK_BASE)], 90, "centre"),
        "upper-trapezius": ([left_of(NT), above(UT), right_of(D), below(hline(28.5))], 158, "pair"),
        "middle-trapezius": ([below(UT), above(SS), right_of(D), left_of(MB)], 0, "pair"),
        "upper-back": ([below(UT), below(NECK_BASE), right_of(MB), above(LT1)], None, "centre"),
        "scapular": ([below(SS), above(SB), right_of(D), left_of(MB)], 25, "pair"),
        "lower-trapezius": ([below(LT1), above(LT2), right_of(MB), left_of(SPINE_GAP)], 60, "pair"),
        "latissimus": ([below(SB), above(IL), right_of(D), left_of(MB)], 70, "pair"),
        "erector-spinae": ([below(LT2), above(IL), right_of(MB), left_of(SPINE_GAP)], 90, "pair"),
        "gluteal": ([below(IL), above(GF), right_of(LEG_X), left_of(SPINE_GAP)], 155, "pair"),
        "hamstrings": (leg_band(GF, KNEE_BACK_TOP), 88, "pair"),
        "back-of-knee": (leg_band(KNEE_BACK_TOP, KNEE_BACK_BOT), None, "pair"),
        "calf": (leg_band(KNEE_BACK_BOT, HEEL), 91, "pair"),
        "foot-sole": (leg_band(HEEL, None), None, "pair"),
    }
    cells.update({k: (sd, fib, "pair") for k, (sd, fib) in arm_regions().items()})
    return cells


def anterior_cells():
    cells = {
        "face": ([above(JAW)], None, "single"),
        "neck": ([below(JAW), right_of(NT), above(CL)], 90, "centre"),
        "upper-trapezius": ([left_of(NT), above(CL), right_of(D), below(hline(28.5))], 158, "pair"),
        "chest": ([below(CL), above(CB), right_of(D), left_of(SPINE_GAP)], 10, "pair"),
        "abdomen": ([below(CB), above(IG), right_of(D), left_of(D.mirrored())], None, "single"),
        "quadriceps": (leg_band(IG, KNEE_TOP), 88, "pair"),
        "knee": (leg_band(KNEE_TOP, KNEE_BOT), None, "pair"),
        "shin": (leg_band(KNEE_BOT, ANKLE), 91, "pair"),
        "foot": (leg_band(ANKLE, None), None, "pair"),
    }
    cells.update({k: (sd, fib, "pair") for k, (sd, fib) in arm_regions().items()})
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
        if kind == "pair":
            for suffix, planes, f in ((vl, hs, fib), (vr, [side_mirror(h) for h in hs],
                                                       None if fib is None else (180 - fib) % 180)):
                poly = clip_all(body_in, planes, f"{stem}-{suffix}")
                regions.append({"id": f"{stem}-{suffix}",
                                "name": f"{NAMES[stem]} ({side_name[suffix]})",
                                "polygon": cleanup(poly), "fibre_deg": f})
        else:
            planes = hs + ([side_mirror(h) for h in hs] if kind == "centre" else [])
            poly = cleanup(clip_all(body_in, planes, stem))
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
         f'<stop offset="0" stop-color="{SKIN_SHADE}"/><stop offset="0.5" stop-color="{SKIN}"/>'
         f'<stop offset="1" stop-color="{SKIN_SHADE}"/></linearGradient></defs>']
    # Union trick: thick outline under every piece, then the fills on top.
    o.append(f'<g fill="{OUTLINE}" stroke="{OUTLINE}" stroke-width="0.7" stroke-linejoin="round">')
    o += [f'<path d="{path_d(p)}"/>' for p in silhouette]
    o.append('</g>')
    o.append('<g fill="url(#skin)" stroke="none">')
    o += [f'<path d="{path_d(p)}"/>' for p in silhouette]
    o.append('</g>')
    o.append(hair(view, silhouette[0]))
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


HAIR_FRONT = Cut("y", [(41.0, 16.5), (42.6, 13.0), (45.0, 10.6), (47.5, 9.9), (50.0, 9.8)],
                 sym=True)


def hair(view, body):
    """Soft hair cap (art only): the whole scalp from behind, a fringe from the front."""
    cut = HAIRLINE if view == "posterior" else HAIR_FRONT
    cap = cleanup(clip_all(body, [above(cut)], "hair"))
    return (f'<path d="{path_d(cap)}" fill="{HAIR}" fill-opacity="0.55" stroke="{OUTLINE}" '
            'stroke-opacity="0.4" stroke-width="0.2"/>')


def detail_lines(view):
    """Small non-region strokes that make the figure read (spine, navel, fingers...)."""
    out = []

    def both(pts, closed=False):
        for f in (lambda p: p, mirror):
            q = [f(p) for p in pts]
            out.append(f'<path d="{path_d([(round(x, 1), round(y, 1)) for x, y in q], closed)}"/>')

    for k in (-1.0, 0.0, 1.0):   # three finger creases on each hand
        both([arm_pt(S_WRIST + 11.5, k * 0.85), arm_pt(S_TIP - 0.6 - abs(k) * 0.8, k * 0.8)])
    both([(42.9, 15.6), (42.0, 16.6), (42.1, 18.6)])           # ear rim
    if view == "posterior":
        out.append('<path d="M50 28 L50 85" stroke-width="0.35"/>')   # spine and vertebrae
        for y in range(30, 86, 3):
            out.append(f'<path d="M49.4 {y} L50.6 {y}"/>')
        out.append('<path d="M46.8 86 L53.2 86 L50 94 Z"/>')          # sacrum
        out.append('<path d="M50 94 L50 97.2"/>')                     # natal cleft
        both(catmull_rom_open([(40.2, 131.5), (41.6, 137.0), (42.0, 143.5)], 0.5))  # calf heads
    else:
        out.append('<ellipse cx="50" cy="73" rx="0.55" ry="0.8"/>')   # navel
        out.append('<path d="M50 58.5 L50 71.5 M50 74.5 L50 90" stroke-opacity="0.35"/>')
        both(catmull_rom_closed([(42.3, 121.6), (44.3, 124.0), (42.3, 126.9), (40.3, 124.0)], 0.5),
             True)                                                     # kneecap
        for x0, x1 in ((44.2, 44.5), (42.4, 42.5), (40.6, 40.4), (39.0, 38.7)):
            both([(x0, 173.6), (x1, 175.3)])                           # toes
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
