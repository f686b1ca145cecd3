"""Geometry for scripts/make_bodymap.py: smooth curves, cutting curves and polygon clipping.

Standard library only.  Coordinates are centimetres, y down; MID is the body's midline."""
import math

MID = 50.0
STEP = 0.4      # sampling step of the smooth outline (cm)


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


class Loop:
    """A closed cutting curve: a polygon that bites into the cells it overlaps.

    The polygon must run out of every cell it overlaps at least once (a loop wholly inside
    a cell would leave a hole, which a region cannot have), and it is measured from its
    first vertex, which must lie outside every cell it touches (put it off the body).
    Side +1 keeps what lies outside the loop, -1 what lies inside."""

    def __init__(self, ctrl):
        self.kind, self.sym = "loop", False
        self.pts = [tuple(map(float, c)) for c in ctrl]
        self.acc = [0.0]
        for a, b in zip(self.pts, self.pts[1:] + self.pts[:1]):
            self.acc.append(self.acc[-1] + math.dist(a, b))

    def _inside(self, p):
        x, y, hit = p[0], p[1], False
        for a, b in zip(self.pts, self.pts[1:] + self.pts[:1]):
            if (a[1] > y) != (b[1] > y) and x < a[0] + (y - a[1]) * (b[0] - a[0]) / (b[1] - a[1]):
                hit = not hit
        return hit

    def _nearest(self, p):
        """(distance, arclength) of the nearest point of the loop to p."""
        best = (1e18, 0.0)
        for i, (a, b) in enumerate(zip(self.pts, self.pts[1:] + self.pts[:1])):
            dx, dy = b[0] - a[0], b[1] - a[1]
            ln2 = dx * dx + dy * dy or 1e-12
            t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / ln2))
            d = math.dist(p, (a[0] + t * dx, a[1] + t * dy))
            if d < best[0]:
                best = (d, self.acc[i] + t * math.sqrt(ln2))
        return best

    def dist(self, p):
        d = self._nearest(p)[0]
        return -d if self._inside(p) else d

    def pos(self, p):
        return self._nearest(p)[1]

    def between(self, u0, u1):
        """Loop vertices strictly between arclengths u0 and u1, in that order."""
        pts = [(u, q) for u, q in zip(self.acc, self.pts) if min(u0, u1) < u < max(u0, u1)]
        pts = pts if u0 < u1 else pts[::-1]
        return [q for _, q in pts]

    def mirrored(self):
        return Loop([mirror(p) for p in self.pts])


# A side is (cut, +1 | -1): +1 keeps points below a "y" cut or right of an "x" cut.
def below(c):
    return (c, 1)


def above(c):
    return (c, -1)


right_of, left_of = below, above
outside = below


def inside(c):
    return (c, -1)


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
    """The one piece of poly on the kept side of every cut; loops go last, so they bite a
    cell already bounded by the straight-through cuts (a ValueError when not one piece)."""
    pieces = [poly]
    for sd in sorted(sides, key=lambda sd: sd[0].kind == "loop"):
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


