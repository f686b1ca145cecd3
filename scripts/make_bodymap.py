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
import sys

W, H = 100.0, 180.0
INSET = 0.2     # regions sit this far inside the silhouette edge (cm)

# Skin tones the trainer can choose (bodyview's gt_bodyview_set_skin_tone): the body is painted
# with the gradient "skin-<tone>", outlined with "edge-<tone>", and its muscle outlines and
# details drawn with "muscle-<tone>" and "line-<tone>" (dark lines on the light tones, light ones
# on the dark tones, so they read on each); the names without a tone are the default's.
# Name: (skin at the centre, skin at the sides, outline, muscle outlines, details).
SKIN_TONES = {
    "light": ("#F3D9C4", "#E9C9B0", "#B08968", "#6E4030", "#5A4032"),
    "light-medium": ("#E6BE98", "#D9AC84", "#9C7150", "#6E4030", "#5A4032"),
    "medium": ("#C6946A", "#B5835A", "#7E5638", "#4A2616", "#3A2418"),
    "medium-dark": ("#99663F", "#885833", "#5A381F", "#F2D6BC", "#F6E2CE"),
    "dark": ("#6B4430", "#5D3926", "#38231A", "#F2D6BC", "#F6E2CE"),
}
DEFAULT_TONE = "light"
OUTLINE = "#B08968"                 # the hair's edge
HAIR = "#8A6A58"


from bodymap_geom import (MID, STEP, mirror, catmull_rom_closed, catmull_rom_open, area, inset, Cut,
                          Loop, below, above, right_of, left_of, inside, outside, side_mirror, hline, vline,
                          clip_all, cleanup)


# ----------------------------------------------------------------------------- the figure
# Arm: a bent axis from the shoulder joint; widths are measured across it.
SHOULDER = (32.6, 38.8)
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
ARM_LATERAL = [(3, 3.9), (7, 3.85), (11, 3.5), (16, 3.3), (22, 3.4), (27, 3.75), (31, 3.7),
               (34, 4.0), (38, 4.05), (44, 3.5), (50, 2.9), (55, 2.45),
               (57.5, 2.7), (59.5, 3.45), (61.5, 4.05), (63.3, 3.85), (64.5, 3.0), (65.6, 2.6),
               (68, 2.6), (71, 2.35), (73.2, 1.6)]
ARM_MEDIAL = [(73.2, 1.5), (71, 2.3), (66, 2.65), (61, 2.6), (58, 2.45), (56, 2.25), (50, 2.5),
              (44, 3.1), (37, 3.6), (33, 3.45), (30, 3.3), (24, 3.6), (18, 4.1), (13, 4.4), (10, 4.4)]

HEAD = [(50.0, 5.0), (46.6, 5.6), (44.0, 7.6), (42.7, 11.0), (42.4, 14.5), (42.7, 18.5),
        (43.5, 22.0), (44.6, 24.6)]
NECK_SHOULDER = [(45.1, 26.3), (44.6, 28.2), (44.4, 30.0), (43.3, 31.5), (40.5, 32.8),
                 (37.0, 33.7), (33.6, 34.5), (31.6, 35.5), (29.9, 36.9), (28.7, 39.3)]
ARMPIT = [(33.9, 48.6)]
TORSO_SIDE = [(34.5, 51.2), (34.8, 54.0), (35.3, 58.5), (35.9, 65.0), (36.1, 70.0), (35.6, 76.0),
              (33.4, 82.0), (31.8, 87.5), (31.3, 93.0), (31.6, 99.0)]
LEG_OUTER = [(32.5, 106.0), (34.0, 113.0), (35.9, 119.0), (36.8, 123.5), (37.0, 127.0),
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
# The back's upper half, from the vertebral levels of a 170 cm model: C7 at y 30.5, T1 33,
# T3 (root of the spine of the scapula) 38.3, T7 (its lower angle) 48.7, T12 61.7.
TOPBACK = Cut("y", [(33.4, 35.5), (36.5, 36.0), (40.0, 36.3), (43.0, 36.2), (45.2, 35.4), (47.6, 33.9),
                    (50.0, 33.6)], sym=True)         # upper trapezius and neck | middle trapezius (C7-T1)
D = Cut("x", [(33.2, 33.0), (33.8, 38.0), (34.1, 43.5), (33.9, 48.6), (34.3, 56.0),
              (34.9, 70.0), (33.4, 78.0), (30.5, 86.0), (28.5, 100.0)])            # torso | arm
MTL = Cut("y", [(33.4, 36.4), (37.0, 37.3), (40.5, 38.1), (43.6, 39.0), (46.5, 38.8),
                (50.0, 38.3)], sym=True)              # spine of the scapula, then the middle trapezius to T3
MB = Cut("x", [(43.3, 34.0), (43.6, 40.0), (43.4, 46.0), (43.1, 52.0), (43.1, 62.0), (43.1, 70.0),
               (43.0, 80.0), (43.3, 88.0)])          # medial border of the scapula, erector's outer edge
SB = Cut("y", [(33.9, 46.0), (37.0, 48.8), (40.3, 51.0), (42.0, 51.4), (43.8, 50.4)])  # scapula bottom


def joined_x_cut(upper, lower, at_y):
    """An "x" cut following the smooth curve `upper` down to at_y, then the cut `lower`."""
    pts = [p for p in catmull_rom_open(upper, 0.5) if p[1] < at_y]
    pts += [(x, y) for y, x in lower.uv if y >= at_y]
    return Cut("x", pts, smooth=False)


# outer edge of the erector spinae: a column 3.7 cm wide along the thoracic spine, widening to
# the scapula's line over the lumbar spine
ESL = joined_x_cut([(46.3, 30.0), (46.3, 45.0), (45.9, 50.0), (44.9, 55.0), (43.7, 59.0), (43.1, 62.0)],
                   MB, 62.0)
SPX = Cut("x", [(48.3, -1e3), (48.3, 48.4), (49.8, 48.8), (49.8, 1e3)], smooth=False)  # upper-back strip
UPPER_BACK_END = hline(48.6)                         # the strip over the spinous processes T3-T7
SUBOCC = Cut("y", [(43.0, 29.8), (47.0, 30.0), (50.0, 30.1)], sym=True)  # under the skull: C0-C2
RB = Cut("y", [(43.0, 51.0), (44.6, 48.0), (46.5, 44.5)])   # lower edge of the rhomboids: T5 to the lower angle
LTB = Cut("y", [(43.0, 61.0), (50.0, 61.0)])                # the lower trapezius ends at T12
# The deeper muscles a teacher names are loops biting into the regions over them (see Loop);
# each loop's first point lies off the cells it bites.


def smooth_loop(ctrl):
    """A Loop through the control points, rounded like a muscle belly."""
    return Loop(catmull_rom_closed(ctrl, 0.5))


LEVATOR = smooth_loop([(42.6, 28.8), (46.4, 28.8), (45.7, 32.5), (45.0, 36.5), (42.6, 36.5),
                (41.9, 32.0)])                  # side of the neck (C1-C4) to the scapula's upper angle
QL = Loop([(40.4, 95.0), (40.4, 64.4), (43.6, 62.2), (43.6, 95.0)])   # 12th rib to iliac crest, 6.5-10 cm out
PIRIFORMIS = smooth_loop([(27.0, 85.8), (34.5, 86.4), (46.6, 87.6), (47.6, 91.6), (35.0, 89.0),
                   (27.0, 89.2)])               # lateral sacrum (S2-S4) to the top of the greater trochanter
ITX = Cut("x", [(35.4, 95.0), (36.3, 104.0), (37.3, 112.0), (38.4, 119.0), (39.0, 124.0)])  # IT band | thigh
ADX = Cut("x", [(44.6, 94.0), (45.0, 102.0), (45.7, 110.0), (46.6, 118.0)])  # quadriceps | adductors
SOLE_ARCH, SOLE_BALL = hline(167.6), hline(174.4)   # reflexology zones of the (foreshortened) sole
SOLE_TOES = Cut("y", [(38.5, 176.9), (42.5, 176.3), (46.5, 176.0)])
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
SCM = smooth_loop([(42.0, 22.0), (45.8, 24.8), (49.4, 36.4), (49.6, 39.0), (44.0, 39.0),
           (43.2, 30.0)])                       # mastoid to the sternum and the clavicle's inner third
PEC_MINOR = smooth_loop([(32.0, 38.4), (36.6, 38.0), (43.9, 45.2), (43.7, 51.6), (40.6, 51.0),
                  (32.0, 40.6)])                # coracoid process to ribs 3-5
HIP_FLEXORS = smooth_loop([(30.0, 76.0), (42.5, 78.0), (45.2, 88.0), (45.0, 95.0), (30.0, 95.0)])  # iliacus, psoas
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
        "suboccipitals": ([below(HAIRLINE), above(SUBOCC), right_of(NT), left_of(SPINE_GAP), outside(LEVATOR)],
                          40, "pair"),
        "neck": ([below(SUBOCC), right_of(NT), above(TOPBACK), outside(LEVATOR)], 90, "centre"),
        "levator-scapulae": ([inside(LEVATOR), above(TOPBACK), below(HAIRLINE)], 108, "pair"),
        "upper-trapezius": ([left_of(NT), above(TOPBACK), right_of(D), below(hline(28.5)), outside(LEVATOR)],
                            158, "pair"),
        "middle-trapezius": ([below(TOPBACK), above(MTL), right_of(D), left_of(SPINE_GAP)], 0, "pair"),
        "upper-back": ([below(MTL), above(UPPER_BACK_END), right_of(SPX)], None, "centre"),
        "scapular": ([below(MTL), above(SB), right_of(D), left_of(MB)], 25, "pair"),
        "rhomboids": ([below(MTL), above(RB), right_of(MB), left_of(ESL)], 121, "pair"),
        "lower-trapezius": ([below(RB), above(LTB), right_of(MB), left_of(ESL)], 60, "pair"),
        "latissimus": ([below(SB), above(IL), right_of(D), left_of(MB), outside(QL)], 70, "pair"),
        "quadratus-lumborum": ([inside(QL), above(IL), left_of(MB)], 95, "pair"),
        "erector-spinae": ([below(MTL), above(IL), right_of(ESL), left_of(SPX)], 90, "pair"),
        "gluteal": ([below(IL), above(GF), right_of(LEG_X), left_of(SPINE_GAP), outside(PIRIFORMIS)], 155, "pair"),
        "piriformis": ([inside(PIRIFORMIS), below(IL), above(GF), right_of(LEG_X), left_of(SPINE_GAP)], 11, "pair"),
        "it-band": ([right_of(LEG_X), left_of(ITX), below(GF), above(KNEE_BACK_TOP)], 81, "pair"),
        "hamstrings": (leg_band(GF, KNEE_BACK_TOP) + [right_of(ITX)], 88, "pair"),
        "back-of-knee": (leg_band(KNEE_BACK_TOP, KNEE_BACK_BOT), None, "pair"),
        "calf": (leg_band(KNEE_BACK_BOT, HEEL), 91, "pair"),
        "sole-heel": (leg_band(HEEL, SOLE_ARCH), None, "pair"),
        "foot-sole": (leg_band(SOLE_ARCH, SOLE_BALL), None, "pair"),
        "sole-ball": (leg_band(SOLE_BALL, SOLE_TOES), None, "pair"),
        "sole-toes": (leg_band(SOLE_TOES, None), None, "pair"),
    }
    cells.update({k: (sd, fib, "pair") for k, (sd, fib) in arm_regions().items()})
    return cells


def anterior_cells():
    cells = {
        "face": ([above(JAW)], None, "single"),
        "neck": ([below(JAW), right_of(NT), above(CL), outside(SCM)], 90, "centre"),
        "sternocleidomastoid": ([inside(SCM), below(JAW), above(CL), right_of(NT)], 70, "pair"),
        "upper-trapezius": ([left_of(NT), above(CL), right_of(D), below(hline(28.5))], 158, "pair"),
        "chest": ([below(CL), above(CB), right_of(D), left_of(SPINE_GAP), outside(PEC_MINOR)], 10, "pair"),
        "pectoralis-minor": ([inside(PEC_MINOR), below(CL), above(CB), right_of(D)], 55, "pair"),
        "abdomen": ([below(CB), above(IG), right_of(D), left_of(D.mirrored()), outside(HIP_FLEXORS),
                     outside(HIP_FLEXORS.mirrored())], None, "single"),
        "hip-flexors": ([inside(HIP_FLEXORS), below(CB), above(IG), right_of(D)], 70, "pair"),
        "it-band": ([right_of(LEG_X), left_of(ITX), below(IG), above(KNEE_TOP)], 81, "pair"),
        "quadriceps": (leg_band(IG, KNEE_TOP) + [right_of(ITX), left_of(ADX)], 88, "pair"),
        "adductors": (leg_band(IG, KNEE_TOP) + [right_of(ADX)], 106, "pair"),
        "knee": (leg_band(KNEE_TOP, KNEE_BOT), None, "pair"),
        "shin": (leg_band(KNEE_BOT, ANKLE), 91, "pair"),
        "foot": (leg_band(ANKLE, None), None, "pair"),
    }
    cells.update({k: (sd, fib, "pair") for k, (sd, fib) in arm_regions().items()})
    return cells


NAMES = {"scalp": "Scalp", "face": "Face", "suboccipitals": "Suboccipital muscles", "neck": "Neck",
         "sternocleidomastoid": "Sternocleidomastoid", "levator-scapulae": "Levator scapulae",
         "upper-back": "Upper back (over the spine)", "abdomen": "Abdomen",
         "upper-trapezius": "Upper trapezius", "middle-trapezius": "Middle trapezius",
         "rhomboids": "Rhomboids", "lower-trapezius": "Lower trapezius", "deltoid": "Deltoid",
         "scapular": "Shoulder blade", "latissimus": "Latissimus dorsi",
         "quadratus-lumborum": "Quadratus lumborum", "erector-spinae": "Erector spinae",
         "gluteal": "Gluteal muscles", "piriformis": "Piriformis", "hip-flexors": "Hip flexors (iliopsoas)",
         "it-band": "IT band", "hamstrings": "Hamstrings", "adductors": "Adductors (inner thigh)",
         "back-of-knee": "Back of the knee", "calf": "Calf",
         "sole-heel": "Heel: pelvis and lower back reflex zone",
         "foot-sole": "Sole of the foot, arch: digestive organs reflex zone",
         "sole-ball": "Ball of the foot: chest and lung reflex zone",
         "sole-toes": "Toes: head and sinus reflex zone",
         "upper-arm": "Upper arm", "forearm": "Forearm", "hand": "Hand", "chest": "Chest",
         "pectoralis-minor": "Pectoralis minor", "quadriceps": "Quadriceps", "knee": "Knee",
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
def point_in(poly, p):
    x, y, hit = p[0], p[1], False
    for a, b in zip(poly, poly[1:] + poly[:1]):
        if (a[1] > y) != (b[1] > y) and x < a[0] + (y - a[1]) * (b[0] - a[0]) / (b[1] - a[1]):
            hit = not hit
    return hit


# Places to avoid.  Each is (stem, name, points for the viewer-left side, radius cm); a
# polyline makes a band (a capsule) of that radius, which suits nerves, vessels and organs
# longer than they are wide.  Sizes follow the surface anatomy of a 170 cm adult.
FRONT_AVOID = [
    # the common carotid artery and the internal jugular vein run under the front edge of the
    # sternocleidomastoid, from behind the angle of the jaw to the sternoclavicular joint;
    # with the vagus nerve and the carotid sinus they make the anterior triangle
    ("carotid", "Front of the neck and carotid", [(46.0, 26.8), (47.2, 31.0), (48.4, 35.6)], 1.8),
    # brachial plexus, axillary artery and vein in the hollow between the chest and the arm
    ("axilla", "Armpit", [(34.6, 48.2)], 2.5),
    # brachial artery, median nerve and the veins used for blood tests, at the elbow crease
    ("cubital-fossa", "Inside of the elbow", None, 2.0),
    # femoral artery, vein and nerve under the inguinal ligament, down to the triangle's apex
    # about 10 cm below it
    ("femoral-triangle", "Femoral triangle", [(42.3, 91.8), (43.1, 102.4)], 2.0),
]
BACK_AVOID = [
    # the kidneys lie either side of T12-L3, their upper poles under the 11th and 12th ribs, from
    # about 3 to 10 cm out from the midline, the lower pole further out; the left sits about
    # 1.5 cm higher than the right (viewer-left is the model's left here)
    ("kidney", "Kidney area", [(45.4, 60.2), (42.9, 70.6)], 3.0),
    # the sciatic nerve leaves the pelvis through the greater sciatic notch below the piriformis,
    # runs midway between the ischial tuberosity and the greater trochanter, and is most exposed
    # to pressure in the buttock before the hamstrings cover it
    ("sciatic-nerve", "Sciatic nerve", [(45.3, 92.2), (39.8, 93.1), (40.5, 100.6)], 2.0),
    # below the gluteal fold it runs down the middle of the back of the thigh, deep under the
    # hamstrings, to the top of the back of the knee, where it divides
    ("sciatic-nerve-thigh", "Sciatic nerve in the thigh", [(40.5, 100.6), (41.3, 108.5), (42.2, 117.6)], 1.5),
    ("popliteal", "Back of the knee", [(42.3, 124.8)], 2.0),
]
KIDNEY_RIGHT_DROP_CM = 1.5


def landmarks(view, regions):
    """Viewer-left landmarks are mirrored; names use the model's side.  A landmark names the
    region it lies in when one region holds all its points."""
    vl, vr = ("l", "r") if view == "posterior" else ("r", "l")
    out = []

    def add(id_, name, kind, pts, r):
        lm = {"id": id_, "name": name, "kind": kind,
              "points": [[round(p[0], 1), round(p[1], 1)] for p in pts], "radius_cm": r}
        homes = [g["id"] for g in regions if all(point_in(g["polygon"], p) for p in lm["points"])]
        if len(homes) == 1:
            lm["region"] = homes[0]
        out.append(lm)

    def pair(stem, name, kind, pts, r, right_shift=(0.0, 0.0)):
        for suf, f in ((vl, lambda p: p), (vr, mirror)):
            side_word = "left" if suf == "l" else "right"
            shift = right_shift if side_word == "right" else (0.0, 0.0)
            add(f"{stem}-{suf}", f"{name} ({side_word})", kind,
                [(f(p)[0] + shift[0], f(p)[1] + shift[1]) for p in pts], r)

    if view == "posterior":
        add("spine", "Spine", "bony", [(50.0, 28.0), (50.0, 85.0)], 1.2)
        add("sacrum", "Sacrum", "bony", [(50.0, 89.5)], 3.0)
        pair("scapular-spine", "Spine of the shoulder blade", "bony", [(43.2, 39.4), (38.7, 38.4), (35.6, 38.0)], 1.0)
        for stem, name, pts, r in BACK_AVOID:
            drop = (0.0, KIDNEY_RIGHT_DROP_CM) if stem == "kidney" else (0.0, 0.0)
            pair(stem, name, "avoid", pts, r, drop)
        pair("cervical-nodes", "Neck lymph nodes", "target", [(45.8, 31.5)], 1.5)
    else:
        heart_x = 53.5   # model's left = viewer's right in the anterior view
        add("heart", "Heart", "target", [(heart_x, 50.0)], 3.0)
        add("sternum", "Breastbone", "bony", [(50.0, 37.5), (50.0, 57.0)], 1.5)
        pair("axillary-nodes", "Armpit lymph nodes", "target", [(35.8, 49.4)], 2.0)
        pair("inguinal-nodes", "Groin lymph nodes", "target", [(43.8, 93.2)], 2.0)
        pair("cervical-nodes", "Neck lymph nodes", "target", [(45.8, 31.5)], 1.5)
        pair("patella", "Kneecap", "bony", [(42.3, 124.0)], 2.5)
        for stem, name, pts, r in FRONT_AVOID:
            pair(stem, name, "avoid", pts or [arm_axis(S_ELBOW + 0.3)[0]], r)
        # the windpipe and larynx on the midline, and below the breastbone the xiphoid process,
        # which breaks off under pressure, over the liver's left lobe, the stomach and the aorta
        add("throat", "Front of the throat", "avoid", [(50.0, 28.6), (50.0, 35.4)], 1.6)
        add("xiphoid", "Xiphoid and upper abdomen", "avoid", [(50.0, 57.8), (50.0, 64.0)], 3.0)
    return out


# ----------------------------------------------------------------------------- art
def path_d(pts, closed=True):
    s = "M" + " L".join(f"{x:g} {y:g}" for x, y in pts)
    return s + (" Z" if closed else "")


def skin_defs():
    """Every skin tone's gradients, and the default's under the plain names."""
    def grad(id_, centre, side):
        return (f'<linearGradient id="{id_}" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="{side}"/>'
                f'<stop offset="0.5" stop-color="{centre}"/><stop offset="1" stop-color="{side}"/></linearGradient>')
    out = ["<defs>"]
    for name, (centre, side, edge, muscle, line) in [(None, SKIN_TONES[DEFAULT_TONE])] + list(SKIN_TONES.items()):
        suffix = f"-{name}" if name else ""
        out.append(grad(f"skin{suffix}", centre, side))
        out.append(grad(f"edge{suffix}", edge, edge))
        # plain colours for lines, in the drawing's own units: a straight line has no area, and a
        # gradient sized to a shape's box would not paint it
        # (the lines' opacity goes on the stops: a gradient's paint keeps its own alpha)
        for family, colour, alpha in (("muscle", muscle, 0.45), ("line", line, 0.5)):
            stop = f'stop-color="{colour}" stop-opacity="{alpha:g}"'
            out.append(f'<linearGradient id="{family}{suffix}" gradientUnits="userSpaceOnUse" x1="0" y1="0" '
                       f'x2="{W:g}" y2="0"><stop offset="0" {stop}/><stop offset="1" {stop}/></linearGradient>')
    out.append("</defs>")
    return "\n".join(out)


def svg(view, silhouette, regions):
    o = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W:g} {H:g}" '
         f'width="{W:g}" height="{H:g}">',
         skin_defs()]
    # Union trick: thick outline under every piece, then the fills on top.
    o.append('<g fill="url(#edge)" stroke="url(#edge)" stroke-width="0.7" stroke-linejoin="round">')
    o += [f'<path d="{path_d(p)}"/>' for p in silhouette]
    o.append('</g>')
    o.append('<g fill="url(#skin)" stroke="none">')
    o += [f'<path d="{path_d(p)}"/>' for p in silhouette]
    o.append('</g>')
    o.append(hair(view, silhouette[0]))
    o.append('<g fill="none" stroke="url(#muscle)" stroke-width="0.25" '
             'stroke-linejoin="round">')
    o += [f'<path d="{path_d(r["polygon"])}"/>' for r in regions]
    o.append('</g>')
    o.append('<g fill="none" stroke="url(#line)" stroke-width="0.25" '
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
            "landmarks": landmarks(view, regions)}
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
    """Writes the four files into assets/bodymap, or into the folder after --out."""
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "bodymap")
    if len(sys.argv) == 3 and sys.argv[1] == "--out":
        root = sys.argv[2]
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
