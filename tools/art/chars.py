#!/usr/bin/env python3
"""Generator for Drum Diplomacy character frames (hand-tuned SVG primitives).

Writes <art>/characters/<who>-<pose>.svg, where <art> is the repository's assets/art (found from
this file's own location) or the directory given with --out. Run through `npm run art`.
"""
import argparse, math, os, sys

# assets/art of the repository this file sits in (tools/art/chars.py -> ../../assets/art).
ART = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), 'assets', 'art')
OL = '#1c1633'   # outline
SW = 3.5         # outline width

P = {
    'metal': '#d5dce6', 'metal2': '#98a3b4',
    'gold': '#f4c653', 'gold2': '#cf962c',
    'head': '#f8f1e1', 'head2': '#e2d6bb',
    'wood': '#f0cf8f', 'spark': '#fff3b0', 'spark2': '#ffb13b',
    'blush': '#f59a9a', 'sweat': '#8fd3ff', 'shoe': '#f7f7f7',
}

CH = {
    'takaichi': {
        'skin': '#f8dac4', 'skin2': '#ebb89a',
        'hair': '#2a2134', 'hair2': '#4d3f63',
        'jacket': '#26316f', 'jacket2': '#18204c', 'stripe': '#e3303f',
        'pants': '#1d2245',
        'shell': '#b8233a', 'shell2': '#7f1628', 'mouth': '#c9475a',
    },
    'lee': {
        'skin': '#f2cba8', 'skin2': '#dfa982',
        'hair': '#383b44', 'hair2': '#959aa4',
        'jacket': '#f5f8fc', 'jacket2': '#cddcec', 'stripe': '#2c6bc7',
        'sky': '#8fcbf0', 'pants': '#2b3550',
        'shell': '#2a66c2', 'shell2': '#1a4488', 'mouth': '#b8485a',
    },
}


def f(v):
    return ('%.1f' % v).rstrip('0').rstrip('.')


def pt(p):
    return f(p[0]) + ',' + f(p[1])


# ---------------------------------------------------------------- kit
def cyl(cx, top, rx, ry, h, shell, shell2, hit=False, hoop=None):
    """Drum seen slightly from above: body + top head ellipse."""
    hoop = hoop or P['metal']
    s = []
    x0, x1 = cx - rx, cx + rx
    s.append(f'<path d="M{f(x0)},{f(top)} L{f(x0)},{f(top+h)} A{f(rx)},{f(ry)} 0 0 0 {f(x1)},{f(top+h)} L{f(x1)},{f(top)} Z" fill="{shell}" stroke="{OL}" stroke-width="{SW}"/>')
    # shade band on right
    s.append(f'<path d="M{f(cx+rx*0.45)},{f(top+ry*0.9)} L{f(cx+rx*0.45)},{f(top+h+ry*0.9)} A{f(rx)},{f(ry)} 0 0 0 {f(x1-1.5)},{f(top+h)} L{f(x1-1.5)},{f(top)} Z" fill="{shell2}" opacity=".55"/>')
    # highlight stripe
    s.append(f'<rect x="{f(cx-rx*0.62)}" y="{f(top+ry+2)}" width="{f(rx*0.12)}" height="{f(h-ry-4)}" rx="3" fill="#fff" opacity=".35"/>')
    # bottom hoop
    s.append(f'<path d="M{f(x0)},{f(top+h-5)} A{f(rx)},{f(ry)} 0 0 0 {f(x1)},{f(top+h-5)}" fill="none" stroke="{hoop}" stroke-width="5"/>')
    # lugs
    for i in (-0.6, 0, 0.6):
        lx = cx + rx * i
        s.append(f'<rect x="{f(lx-3)}" y="{f(top+ry+h*0.25)}" width="6" height="{f(h*0.3)}" rx="2.5" fill="{P["metal"]}" stroke="{OL}" stroke-width="1.5"/>')
    # top head
    s.append(f'<ellipse cx="{f(cx)}" cy="{f(top)}" rx="{f(rx)}" ry="{f(ry)}" fill="{P["head"] if not hit else "#fffbe8"}" stroke="{OL}" stroke-width="{SW}"/>')
    s.append(f'<ellipse cx="{f(cx)}" cy="{f(top)}" rx="{f(rx-4)}" ry="{f(ry-3)}" fill="none" stroke="{hoop}" stroke-width="2.5"/>')
    if not hit:
        s.append(f'<ellipse cx="{f(cx+rx*0.18)}" cy="{f(top+1.5)}" rx="{f(rx*0.55)}" ry="{f(ry*0.45)}" fill="{P["head2"]}" opacity=".7"/>')
    return ''.join(s)


def stand(x, y0, y1, spread=16):
    return (f'<path d="M{f(x)},{f(y0)} L{f(x)},{f(y1-14)} M{f(x)},{f(y1-16)} L{f(x-spread)},{f(y1)} M{f(x)},{f(y1-16)} L{f(x+spread)},{f(y1)}" '
            f'stroke="{OL}" stroke-width="7" stroke-linecap="round" fill="none"/>'
            f'<path d="M{f(x)},{f(y0)} L{f(x)},{f(y1-14)} M{f(x)},{f(y1-16)} L{f(x-spread)},{f(y1)} M{f(x)},{f(y1-16)} L{f(x+spread)},{f(y1)}" '
            f'stroke="{P["metal2"]}" stroke-width="3" stroke-linecap="round" fill="none"/>')


def cymbal(cx, cy, rx, ry, rot=0):
    return (f'<g transform="rotate({f(rot)} {f(cx)} {f(cy)})">'
            f'<ellipse cx="{f(cx)}" cy="{f(cy)}" rx="{f(rx)}" ry="{f(ry)}" fill="{P["gold"]}" stroke="{OL}" stroke-width="{SW}"/>'
            f'<ellipse cx="{f(cx+rx*0.2)}" cy="{f(cy+ry*0.25)}" rx="{f(rx*0.6)}" ry="{f(ry*0.45)}" fill="{P["gold2"]}" opacity=".55"/>'
            f'<path d="M{f(cx-rx*0.7)},{f(cy-ry*0.2)} Q{f(cx-rx*0.3)},{f(cy-ry*0.7)} {f(cx+rx*0.1)},{f(cy-ry*0.6)}" stroke="#fff" stroke-width="2.5" fill="none" stroke-linecap="round" opacity=".7"/>'
            f'<ellipse cx="{f(cx)}" cy="{f(cy-ry*0.1)}" rx="{f(rx*0.16)}" ry="{f(ry*0.5)}" fill="{P["gold2"]}" stroke="{OL}" stroke-width="2"/>'
            f'</g>')


def burst(x, y, r=18, rot=0):
    pts = []
    for i in range(16):
        a = math.radians(rot + i * 360 / 16)
        rr = r if i % 2 == 0 else r * 0.45
        pts.append((x + rr * math.cos(a), y + rr * math.sin(a)))
    d = 'M' + ' L'.join(pt(p) for p in pts) + 'Z'
    lines = ''
    for i in range(6):
        a = math.radians(rot + 15 + i * 60)
        lines += f'M{pt((x+(r+5)*math.cos(a), y+(r+5)*math.sin(a)))} L{pt((x+(r+13)*math.cos(a), y+(r+13)*math.sin(a)))} '
    return (f'<path d="{lines}" stroke="{P["spark2"]}" stroke-width="4" stroke-linecap="round"/>'
            f'<path d="{d}" fill="{P["spark"]}" stroke="{P["spark2"]}" stroke-width="2.5" stroke-linejoin="round"/>')


def kit(c, hit=None, kick=False):
    s = []
    sh, sh2 = c['shell'], c['shell2']
    # crash cymbal (back right)
    s.append(stand(356, 186, 432, 18))
    s.append(cymbal(356, 182, 44, 10, -14))
    # hi-hat stand + pedal foot
    s.append(stand(48, 246, 432, 18))
    # floor tom (right)
    s.append('<path d="M292,372 L284,432 M348,372 L356,432" stroke="%s" stroke-width="7" stroke-linecap="round"/>' % OL)
    s.append('<path d="M292,372 L284,432 M348,372 L356,432" stroke="%s" stroke-width="3" stroke-linecap="round"/>' % P['metal2'])
    s.append(cyl(320, 292, 50, 14, 82, sh, sh2, hit == 'tom'))
    # snare (left)
    s.append(stand(100, 330, 432, 20))
    s.append(cyl(100, 290, 44, 12, 36, P['metal'], P['metal2'], hit == 'snare', hoop=P['metal2']))
    # hi-hat cymbals
    if hit == 'hihat':
        s.append(cymbal(48, 244, 44, 9, 4))
        s.append(cymbal(48, 238, 44, 9, 4))
    else:
        s.append(cymbal(48, 248, 44, 9, 0))
        s.append(cymbal(48, 234, 44, 9, 0))
    # bass drum (front head visible)
    g = '<g transform="translate(200 366) scale(1.035) translate(-200 -366)">' if kick else '<g>'
    s.append(g)
    s.append(f'<circle cx="205" cy="362" r="70" fill="{sh2}" stroke="{OL}" stroke-width="{SW}"/>')
    s.append(f'<circle cx="200" cy="366" r="69" fill="{sh}" stroke="{OL}" stroke-width="{SW}"/>')
    s.append(f'<circle cx="200" cy="366" r="58" fill="{P["head"] if not kick else "#fffbe8"}" stroke="{OL}" stroke-width="{SW}"/>')
    s.append(f'<path d="M158,398 A58,58 0 0 0 250,395 A62,62 0 0 1 158,398Z" fill="{P["head2"]}"/>')
    s.append(f'<circle cx="200" cy="366" r="34" fill="none" stroke="{sh}" stroke-width="7"/>')
    for a in range(0, 360, 45):
        x = 200 + 63.5 * math.cos(math.radians(a + 22.5)); y = 366 + 63.5 * math.sin(math.radians(a + 22.5))
        s.append(f'<circle cx="{f(x)}" cy="{f(y)}" r="3.2" fill="{P["metal"]}" stroke="{OL}" stroke-width="1.5"/>')
    s.append(c['kickart'])
    s.append('</g>')
    if kick:
        s.append('<circle cx="200" cy="366" r="80" fill="none" stroke="%s" stroke-width="5" opacity=".8" stroke-dasharray="14 10"/>' % P['spark2'])
        s.append(burst(200, 366, 22, 10))
        s.append('<path d="M118,330 L106,326 M116,352 L102,352 M118,374 L106,380 M282,330 L294,326 M284,352 L298,352" stroke="%s" stroke-width="4" stroke-linecap="round"/>' % P['spark2'])
    return ''.join(s)


def foot(c, kick):
    """Kick-pedal foot peeking out right of the bass drum + hi-hat foot at left."""
    s = []
    # kick pedal plate
    if kick:
        s.append(f'<path d="M262,432 L300,430" stroke="{OL}" stroke-width="8" stroke-linecap="round"/>'
                 f'<path d="M262,432 L300,430" stroke="{P["metal2"]}" stroke-width="4" stroke-linecap="round"/>')
        s.append(f'<path d="M276,372 L278,412" stroke="{OL}" stroke-width="20" stroke-linecap="round"/>'
                 f'<path d="M276,372 L278,412" stroke="{c["pants"]}" stroke-width="13" stroke-linecap="round"/>')
        s.append(f'<path d="M266,424 Q270,408 286,412 L300,420 Q304,428 296,428 L270,428 Z" fill="{P["shoe"]}" stroke="{OL}" stroke-width="3"/>'
                 f'<path d="M272,422 L296,424" stroke="{c["stripe"]}" stroke-width="3"/>')
        s.append('<path d="M306,404 L314,398 M308,414 L318,412" stroke="%s" stroke-width="3.5" stroke-linecap="round"/>' % P['spark2'])
    else:
        s.append(f'<path d="M262,432 L298,418" stroke="{OL}" stroke-width="8" stroke-linecap="round"/>'
                 f'<path d="M262,432 L298,418" stroke="{P["metal2"]}" stroke-width="4" stroke-linecap="round"/>')
        s.append(f'<path d="M276,368 L276,406" stroke="{OL}" stroke-width="20" stroke-linecap="round"/>'
                 f'<path d="M276,368 L276,406" stroke="{c["pants"]}" stroke-width="13" stroke-linecap="round"/>')
        s.append(f'<path d="M264,424 Q266,402 282,404 L296,408 Q304,416 296,420 L270,428 Z" fill="{P["shoe"]}" stroke="{OL}" stroke-width="3"/>'
                 f'<path d="M270,420 L294,412" stroke="{c["stripe"]}" stroke-width="3"/>')
    # hi-hat foot (static)
    s.append(f'<path d="M78,386 L76,414" stroke="{OL}" stroke-width="20" stroke-linecap="round"/>'
             f'<path d="M78,386 L76,414" stroke="{c["pants"]}" stroke-width="13" stroke-linecap="round"/>')
    s.append(f'<path d="M58,430 Q58,410 74,410 L84,414 Q92,424 84,428 L62,432 Z" fill="{P["shoe"]}" stroke="{OL}" stroke-width="3"/>'
             f'<path d="M62,426 L86,420" stroke="{c["stripe"]}" stroke-width="3"/>')
    return ''.join(s)


# ---------------------------------------------------------------- body
def torso(c, who, dy=0):
    s = [f'<g transform="translate(0 {f(dy)})">']
    j, j2, st = c['jacket'], c['jacket2'], c['stripe']
    body = 'M142,310 L144,236 Q146,202 178,194 L222,194 Q254,202 256,236 L258,310 Z'
    s.append(f'<path d="{body}" fill="{j}" stroke="{OL}" stroke-width="{SW}" stroke-linejoin="round"/>')
    s.append(f'<path d="M222,196 Q252,204 254,236 L256,310 L226,310 Q238,250 222,196Z" fill="{j2}" opacity=".6"/>')
    if who == 'lee':
        # sky-blue raglan shoulder panels
        s.append(f'<path d="M146,232 Q148,204 176,196 L186,200 Q160,214 156,240 Z" fill="{c["sky"]}" stroke="{OL}" stroke-width="2"/>')
        s.append(f'<path d="M254,232 Q252,204 224,196 L214,200 Q240,214 244,240 Z" fill="{c["sky"]}" stroke="{OL}" stroke-width="2"/>')
    # neck
    s.append(f'<path d="M186,180 L186,200 Q200,208 214,200 L214,180 Z" fill="{c["skin2"]}" stroke="{OL}" stroke-width="3"/>')
    if who == 'takaichi':
        # open V collar: blouse + pearls
        s.append(f'<path d="M180,196 L200,232 L220,196 Z" fill="#f6f1ea" stroke="{OL}" stroke-width="2.5"/>')
        s.append(f'<path d="M186,198 Q200,214 214,198" fill="none" stroke="{c["skin"]}" stroke-width="0"/>')
        for i in range(9):
            t = i / 8
            x = 186 + 28 * t; y = 199 + 14 * math.sin(math.pi * t)
            s.append(f'<circle cx="{f(x)}" cy="{f(y)}" r="2.9" fill="#fffaf2" stroke="#7d7591" stroke-width="1"/>')
        # collar flaps with red piping
        s.append(f'<path d="M176,192 L200,234 L196,240 L168,200 Z" fill="{j}" stroke="{OL}" stroke-width="2.5" stroke-linejoin="round"/>')
        s.append(f'<path d="M224,192 L200,234 L204,240 L232,200 Z" fill="{j}" stroke="{OL}" stroke-width="2.5" stroke-linejoin="round"/>')
        s.append(f'<path d="M175,196 L199,238 M225,196 L201,238" stroke="{st}" stroke-width="3.5"/>')
        s.append(f'<path d="M200,238 L200,310" stroke="{st}" stroke-width="5"/><path d="M200,238 L200,310" stroke="{OL}" stroke-width="1.5"/>')
        # emblem: small red sun on white patch
        s.append(f'<rect x="218" y="246" width="22" height="16" rx="3" fill="#fff" stroke="{OL}" stroke-width="2"/><circle cx="229" cy="254" r="5" fill="{st}"/>')
    else:
        # zipped stand collar with blue trim
        s.append(f'<path d="M174,190 Q200,206 226,190 L228,202 Q200,218 172,202 Z" fill="{j}" stroke="{OL}" stroke-width="2.5" stroke-linejoin="round"/>')
        s.append(f'<path d="M174,192 Q200,208 226,192" fill="none" stroke="{st}" stroke-width="3"/>')
        s.append(f'<path d="M200,210 L200,310" stroke="{st}" stroke-width="5"/><path d="M200,210 L200,310" stroke="{OL}" stroke-width="1.5"/>')
        s.append(f'<rect x="196" y="212" width="8" height="11" rx="2" fill="{P["metal"]}" stroke="{OL}" stroke-width="1.5"/>')
        # emblem: taegeuk-like circle
        s.append(f'<circle cx="229" cy="252" r="9" fill="#c8283c" stroke="{OL}" stroke-width="2"/>'
                 f'<path d="M220,252 A4.5,4.5 0 0 0 229,252 A4.5,4.5 0 0 1 238,252 A9,9 0 0 1 220,252Z" fill="#1f56b3"/>'
                 f'<circle cx="229" cy="252" r="9" fill="none" stroke="{OL}" stroke-width="2"/>')
    # chest-level stripe band across (track jacket piping)
    s.append(f'<path d="M144,286 L256,286" stroke="{st}" stroke-width="5"/>')
    s.append('</g>')
    return ''.join(s)


def norm(v):
    l = math.hypot(*v) or 1
    return (v[0] / l, v[1] / l)


def arm(c, sh, hand, bend=18, stick_to=None, grip='fist', stick=True):
    """Sleeve from shoulder to hand (quadratic elbow), stick, hand."""
    s = []
    mx, my = (sh[0] + hand[0]) / 2, (sh[1] + hand[1]) / 2
    d = (hand[0] - sh[0], hand[1] - sh[1])
    pp = norm((-d[1], d[0]))
    out = 1 if sh[0] > 200 else -1
    if pp[0] * out < 0 or (abs(pp[0]) < 0.2 and pp[1] < 0):
        pp = (-pp[0], -pp[1])
    el = (mx + pp[0] * bend * 2, my + pp[1] * bend * 2)
    # stop the sleeve a bit before the hand
    dd = norm((hand[0] - el[0], hand[1] - el[1]))
    cuff = (hand[0] - dd[0] * 9, hand[1] - dd[1] * 9)
    path = f'M{pt(sh)} Q{pt(el)} {pt(cuff)}'
    s.append(f'<path d="{path}" stroke="{OL}" stroke-width="31" fill="none" stroke-linecap="round"/>')
    s.append(f'<path d="{path}" stroke="{c["jacket"]}" stroke-width="24" fill="none" stroke-linecap="round"/>')
    s.append(f'<path d="{path}" stroke="{c["stripe"]}" stroke-width="4.5" fill="none" stroke-linecap="round"/>')
    # cuff ring
    s.append(f'<circle cx="{f(cuff[0])}" cy="{f(cuff[1])}" r="12.5" fill="{c["stripe"]}" stroke="{OL}" stroke-width="3"/>')
    # stick
    if stick and stick_to is not None:
        sd = norm((stick_to[0] - hand[0], stick_to[1] - hand[1]))
        butt = (hand[0] - sd[0] * 16, hand[1] - sd[1] * 16)
        s.append(f'<path d="M{pt(butt)} L{pt(stick_to)}" stroke="{OL}" stroke-width="10.5" stroke-linecap="round"/>')
        s.append(f'<path d="M{pt(butt)} L{pt(stick_to)}" stroke="{P["wood"]}" stroke-width="5.5" stroke-linecap="round"/>')
        s.append(f'<circle cx="{f(stick_to[0])}" cy="{f(stick_to[1])}" r="4.5" fill="{P["wood"]}" stroke="{OL}" stroke-width="2.5"/>')
    # hand
    if grip == 'horns':
        hx, hy = hand
        sk = c["skin"]
        s.append(f'<rect x="{f(hx-15)}" y="{f(hy-36)}" width="9" height="30" rx="4.5" fill="{sk}" stroke="{OL}" stroke-width="3" transform="rotate(-14 {f(hx-10)} {f(hy-8)})"/>')
        s.append(f'<rect x="{f(hx+6)}" y="{f(hy-31)}" width="8.5" height="25" rx="4.2" fill="{sk}" stroke="{OL}" stroke-width="3" transform="rotate(16 {f(hx+10)} {f(hy-8)})"/>')
        s.append(f'<rect x="{f(hx-15)}" y="{f(hy-13)}" width="30" height="25" rx="10" fill="{sk}" stroke="{OL}" stroke-width="3"/>')
        s.append(f'<path d="M{f(hx-6)},{f(hy-12)} a4.5,4.5 0 0 1 9,0 M{f(hx+3)},{f(hy-12)} a4.2,4.2 0 0 1 8,0" stroke="{OL}" stroke-width="2.5" fill="{sk}"/>')
        s.append(f'<rect x="{f(hx-13)}" y="{f(hy-7)}" width="19" height="8" rx="4" fill="{sk}" stroke="{OL}" stroke-width="2.5"/>')
    elif grip == 'open':
        hx, hy = hand
        for a in (-60, -25, 10, 45):
            r = math.radians(a - 90)
            x2, y2 = hx + 17 * math.cos(r), hy + 17 * math.sin(r)
            s.append(f'<path d="M{f(hx)},{f(hy)} L{f(x2)},{f(y2)}" stroke="{OL}" stroke-width="10" stroke-linecap="round"/>'
                     f'<path d="M{f(hx)},{f(hy)} L{f(x2)},{f(y2)}" stroke="{c["skin"]}" stroke-width="5" stroke-linecap="round"/>')
        s.append(f'<circle cx="{f(hx)}" cy="{f(hy)}" r="11" fill="{c["skin"]}" stroke="{OL}" stroke-width="3"/>')
    else:
        s.append(f'<circle cx="{f(hand[0])}" cy="{f(hand[1])}" r="11.5" fill="{c["skin"]}" stroke="{OL}" stroke-width="3"/>')
        s.append(f'<path d="M{f(hand[0]-5)},{f(hand[1]+2)} Q{f(hand[0])},{f(hand[1]+6)} {f(hand[0]+5)},{f(hand[1]+2)}" stroke="{c["skin2"]}" stroke-width="2.5" fill="none" stroke-linecap="round"/>')
    return ''.join(s)


def swing(hand, tip, side=1):
    """Motion arcs behind a striking stick."""
    dx, dy = tip[0] - hand[0], tip[1] - hand[1]
    a0 = math.atan2(dy, dx)
    L = math.hypot(dx, dy)
    s = ''
    for k, off in enumerate((0.45, 0.8)):
        a1 = a0 - side * off
        p1 = (hand[0] + L * math.cos(a1), hand[1] + L * math.sin(a1))
        p0 = (hand[0] + L * 0.92 * math.cos(a0 - side * 0.12), hand[1] + L * 0.92 * math.sin(a0 - side * 0.12))
        s += f'<path d="M{pt(p1)} A{f(L)},{f(L)} 0 0 {1 if side > 0 else 0} {pt(p0)}" stroke="#fff" stroke-width="{4-k*1.5}" fill="none" stroke-linecap="round" opacity="{0.9-k*0.35}"/>'
    return s


# ---------------------------------------------------------------- heads
def eyes(c, who, kind):
    s = []
    L, R = (178, 138), (222, 138)
    if kind in ('happy', 'bow'):
        for (x, y) in (L, R):
            if kind == 'happy':
                s.append(f'<path d="M{x-9},{y+3} Q{x},{y-9} {x+9},{y+3}" stroke="{OL}" stroke-width="4" fill="none" stroke-linecap="round"/>')
            else:
                s.append(f'<path d="M{x-8},{y} Q{x},{y+7} {x+8},{y}" stroke="{OL}" stroke-width="3.5" fill="none" stroke-linecap="round"/>')
    elif kind == 'miss':
        x, y = L
        s.append(f'<path d="M{x-8},{y-5} L{x+5},{y} L{x-8},{y+5}" stroke="{OL}" stroke-width="4" fill="none" stroke-linecap="round" stroke-linejoin="round"/>')
        x, y = R
        s.append(f'<ellipse cx="{x}" cy="{y}" rx="6.5" ry="8" fill="{OL}"/><circle cx="{x+2}" cy="{y-3}" r="2.4" fill="#fff"/>')
    else:
        big = kind == 'shine'
        for (x, y) in (L, R):
            rx, ry = (8, 10) if big else (6.5, 8.5)
            s.append(f'<ellipse cx="{x}" cy="{y}" rx="{rx}" ry="{ry}" fill="{OL}"/>')
            s.append(f'<ellipse cx="{x}" cy="{y+4}" rx="{rx-2.5}" ry="{ry-5}" fill="#4b3f7a" opacity=".8"/>')
            if big:
                sx, sy = x + 2, y - 3
                s.append(f'<path d="M{sx},{sy-6} L{sx+1.6},{sy-1.6} L{sx+6},{sy} L{sx+1.6},{sy+1.6} L{sx},{sy+6} L{sx-1.6},{sy+1.6} L{sx-6},{sy} L{sx-1.6},{sy-1.6}Z" fill="#fff"/>')
            else:
                s.append(f'<circle cx="{x+2}" cy="{y-3}" r="2.6" fill="#fff"/><circle cx="{x-2.5}" cy="{y+3.5}" r="1.2" fill="#fff"/>')
    if who == 'takaichi' and kind not in ('happy', 'bow', 'miss'):
        # lashes
        s.append(f'<path d="M{L[0]-7},{L[1]-6} L{L[0]-11},{L[1]-9} M{R[0]+7},{R[1]-6} L{R[0]+11},{R[1]-9}" stroke="{OL}" stroke-width="2.5" stroke-linecap="round"/>')
    return ''.join(s)


def brows(c, who, kind):
    w = 2.8 if who == 'takaichi' else 4.2
    col = c['hair'] if who == 'takaichi' else '#3a3d45'
    if kind == 'focus':
        d = 'M168,120 Q178,120 187,125 M213,125 Q222,120 232,120'
    elif kind in ('miss',):
        d = 'M168,122 Q178,116 188,119 M212,119 Q222,116 232,122'
        d = 'M169,119 Q179,122 188,117 M212,117 Q221,122 231,119'
    elif kind == 'shine':
        d = 'M168,117 Q178,111 188,116 M212,116 Q222,111 232,117'
    else:
        d = 'M169,120 Q178,115 187,119 M213,119 Q222,115 231,120'
    return f'<path d="{d}" stroke="{col}" stroke-width="{w}" fill="none" stroke-linecap="round"/>'


def mouth(c, kind):
    m = c['mouth']
    if kind in ('open', 'happy', 'shine'):
        return (f'<path d="M188,160 Q200,158 212,160 Q211,176 200,177 Q189,176 188,160Z" fill="{m}" stroke="{OL}" stroke-width="3" stroke-linejoin="round"/>'
                f'<path d="M191,161 Q200,163 209,161 L208,164 Q200,166 192,164Z" fill="#fff"/>'
                f'<path d="M193,172 Q200,167 207,172 Q200,177 193,172Z" fill="#f27d8a"/>')
    if kind == 'miss':
        return (f'<path d="M187,161 Q193,170 200,164 Q207,170 213,161" stroke="{OL}" stroke-width="3.2" fill="none" stroke-linecap="round" stroke-linejoin="round"/>'
                f'<path d="M213,161 L216,158" stroke="{OL}" stroke-width="2.5" stroke-linecap="round"/>')
    if kind == 'focus':
        return f'<path d="M191,162 Q200,168 209,162" stroke="{OL}" stroke-width="3.2" fill="none" stroke-linecap="round"/>'
    return f'<path d="M188,160 Q200,172 212,160" stroke="{OL}" stroke-width="3.2" fill="none" stroke-linecap="round"/>'


def head(c, who, expr, dy=0, rot=0, bow=False):
    s = [f'<g transform="translate(0 {f(dy)}) rotate({f(rot)} 200 190)">']
    skin, skin2, hair, hair2 = c['skin'], c['skin2'], c['hair'], c['hair2']
    if who == 'takaichi':
        # bob (back)
        s.append(f'<path d="M128,176 C116,108 140,50 200,48 C260,50 284,108 272,176 Q262,190 246,180 L154,180 Q138,190 128,176Z" fill="{hair}" stroke="{OL}" stroke-width="{SW}" stroke-linejoin="round"/>')
    else:
        # ears
        for x in (142, 258):
            s.append(f'<ellipse cx="{x}" cy="140" rx="10" ry="13" fill="{skin}" stroke="{OL}" stroke-width="3"/>')
            s.append(f'<ellipse cx="{x}" cy="141" rx="4" ry="6" fill="{skin2}"/>')
    # face
    face = 'M144,118 C142,166 170,190 200,190 C230,190 258,166 256,118 C256,80 232,62 200,62 C168,62 144,80 144,118Z'
    if who == 'lee':
        face = 'M145,120 C143,168 170,192 200,192 C230,192 257,168 255,120 C255,80 232,62 200,62 C168,62 145,80 145,120Z'
    s.append(f'<path d="{face}" fill="{skin}" stroke="{OL}" stroke-width="{SW}"/>')
    s.append(f'<path d="M236,170 C250,158 255,140 255,122 L250,122 C249,146 240,162 226,176Z" fill="{skin2}" opacity=".45"/>')
    fy = 12 if bow else 0
    s.append(f'<g transform="translate(0 {fy})">')
    # blush
    s.append(f'<ellipse cx="164" cy="156" rx="10" ry="6" fill="{P["blush"]}" opacity="{0.75 if expr in ("miss","happy","bow") else 0.45}"/>')
    s.append(f'<ellipse cx="236" cy="156" rx="10" ry="6" fill="{P["blush"]}" opacity="{0.75 if expr in ("miss","happy","bow") else 0.45}"/>')
    ek = {'smile': 'norm', 'open': 'norm', 'focus': 'norm', 'shine': 'shine', 'happy': 'happy', 'miss': 'miss', 'bow': 'bow'}[expr]
    s.append(eyes(c, who, ek))
    if not bow:
        s.append(brows(c, who, expr))
    s.append(f'<path d="M199,146 Q202,150 199,152" stroke="{skin2}" stroke-width="3" fill="none" stroke-linecap="round"/>')
    mk = {'bow': 'smile'}.get(expr, expr)
    if not bow:
        s.append(mouth(c, mk))
    if who == 'lee':
        # glasses
        g = OL
        s.append(f'<rect x="160" y="125" width="35" height="27" rx="10" fill="#dff1ff" fill-opacity=".28" stroke="{g}" stroke-width="3.5"/>')
        s.append(f'<rect x="205" y="125" width="35" height="27" rx="10" fill="#dff1ff" fill-opacity=".28" stroke="{g}" stroke-width="3.5"/>')
        s.append(f'<path d="M195,134 Q200,130 205,134 M160,134 L146,130 M240,134 L254,130" stroke="{g}" stroke-width="3" fill="none" stroke-linecap="round"/>')
        s.append(f'<path d="M166,131 L172,127 M211,131 L217,127" stroke="#fff" stroke-width="2.5" stroke-linecap="round" opacity=".9"/>')
    s.append('</g>')
    if who == 'takaichi':
        # bangs, side part on her right (screen left), swept
        s.append(f'<path d="M136,150 C130,88 160,56 204,56 C248,56 270,90 264,150 C258,124 250,108 242,100 C222,108 196,104 178,92 C168,104 156,112 150,120 C144,128 140,138 136,150Z" fill="{hair}" stroke="{OL}" stroke-width="{SW}" stroke-linejoin="round"/>')
        s.append(f'<path d="M162,76 Q190,60 230,70" stroke="{hair2}" stroke-width="7" fill="none" stroke-linecap="round"/>')
        s.append(f'<path d="M246,104 Q256,122 258,146 M178,94 Q168,104 158,112" stroke="{hair2}" stroke-width="3" fill="none" stroke-linecap="round"/>')
        # pearl earrings
        if not bow:
            s.append('<circle cx="146" cy="170" r="4" fill="#fffaf2" stroke="#7d7591" stroke-width="1.2"/><circle cx="254" cy="170" r="4" fill="#fffaf2" stroke="#7d7591" stroke-width="1.2"/>')
    else:
        # short grey-black hair with side part (screen-left part), grey temples
        s.append(f'<path d="M143,126 C134,70 168,46 206,48 C246,50 268,80 257,126 C254,108 250,100 244,94 C226,86 196,84 172,92 L170,84 C160,96 150,108 143,126Z" fill="{hair}" stroke="{OL}" stroke-width="{SW}" stroke-linejoin="round"/>')
        s.append(f'<path d="M144,122 C142,112 146,104 152,98 M256,122 C258,110 254,102 248,96" stroke="{hair2}" stroke-width="6" fill="none" stroke-linecap="round"/>')
        s.append(f'<path d="M172,90 C176,68 200,56 236,62" stroke="#2e3139" stroke-width="3" fill="none" stroke-linecap="round"/>')
        s.append(f'<path d="M186,70 Q214,60 244,72 M190,80 Q220,70 248,84" stroke="{hair2}" stroke-width="3.5" fill="none" stroke-linecap="round" opacity=".9"/>')
    if bow:
        # crown of head tipped toward viewer
        if who == 'takaichi':
            s.append(f'<path d="M138,150 C132,92 160,66 200,66 C240,66 268,92 262,150 C250,134 232,128 200,128 C168,128 150,134 138,150Z" fill="{hair}" stroke="{OL}" stroke-width="{SW}"/>')
            s.append(f'<path d="M200,70 L200,104 M168,84 Q186,74 200,74" stroke="{hair2}" stroke-width="3.5" fill="none" stroke-linecap="round"/>')
        else:
            s.append(f'<path d="M146,140 C138,90 166,62 202,62 C240,62 264,90 254,140 C244,126 226,120 200,120 C174,120 156,126 146,140Z" fill="{hair}" stroke="{OL}" stroke-width="{SW}"/>')
            s.append(f'<path d="M178,70 Q172,100 186,116 M210,68 Q226,90 236,106" stroke="{hair2}" stroke-width="3.5" fill="none" stroke-linecap="round"/>')
    s.append('</g>')
    return ''.join(s)


# ---------------------------------------------------------------- fx
def sweat(x, y, s=1.0):
    return (f'<path d="M{x},{y} Q{x+9*s},{y+14*s} {x+9*s},{y+20*s} A{9*s},{9*s} 0 0 1 {x-9*s},{y+20*s} Q{x-9*s},{y+14*s} {x},{y}Z" fill="{P["sweat"]}" stroke="{OL}" stroke-width="2.5"/>'
            f'<path d="M{x-3*s},{y+18*s} Q{x-4*s},{y+23*s} {x},{y+25*s}" stroke="#fff" stroke-width="2.5" fill="none" stroke-linecap="round"/>')


def sparkle(x, y, r=10, col=None):
    col = col or P['spark']
    k = r * 0.28
    return f'<path d="M{f(x)},{f(y-r)} Q{f(x+k)},{f(y-k)} {f(x+r)},{f(y)} Q{f(x+k)},{f(y+k)} {f(x)},{f(y+r)} Q{f(x-k)},{f(y+k)} {f(x-r)},{f(y)} Q{f(x-k)},{f(y-k)} {f(x)},{f(y-r)}Z" fill="{col}" stroke="{P["spark2"]}" stroke-width="2"/>'


def note(x, y, col):
    return (f'<g transform="translate({x} {y})"><path d="M0,0 L0,-22 L14,-26 L14,-6" stroke="{OL}" stroke-width="3.5" fill="none" stroke-linejoin="round"/>'
            f'<ellipse cx="-4" cy="1" rx="6" ry="4.5" fill="{col}" stroke="{OL}" stroke-width="2.5" transform="rotate(-20 -4 1)"/>'
            f'<ellipse cx="10" cy="-5" rx="6" ry="4.5" fill="{col}" stroke="{OL}" stroke-width="2.5" transform="rotate(-20 10 -5)"/></g>')


# ---------------------------------------------------------------- poses
SHL, SHR = (160, 214), (240, 214)
REST_L = ((146, 262), (104, 246))     # hand, stick tip (ready, over snare)
REST_R = ((256, 262), (300, 250))     # ready over tom


def pose(who, name):
    c = dict(CH[who])
    if who == 'takaichi':
        c['kickart'] = (f'<path d="M206,336 L186,368 L200,368 L192,396 L216,360 L202,360 L212,336Z" fill="{c["shell"]}" stroke="{OL}" stroke-width="2.5" stroke-linejoin="round"/>')
    else:
        c['kickart'] = (f'<path d="M200,384 C186,372 180,362 186,354 C191,348 198,350 200,356 C202,350 209,348 214,354 C220,362 214,372 200,384Z" fill="{c["shell"]}" stroke="{OL}" stroke-width="2.5" stroke-linejoin="round"/>')
    hit = None; kick = False; hdy = 0; hrot = 0; expr = 'smile'; tdy = 0
    arms_back = False
    fx_front = ''
    L = dict(sh=SHL, hand=REST_L[0], tip=REST_L[1], grip='fist', stick=True)
    R = dict(sh=SHR, hand=REST_R[0], tip=REST_R[1], grip='fist', stick=True)
    if name == 'idle-a':
        L.update(hand=(148, 258), tip=(118, 202)); R.update(hand=(252, 258), tip=(282, 202))
    elif name == 'idle-b':
        hdy, hrot = 5, -3 if who == 'takaichi' else 3
        tdy = 2
        L.update(hand=(146, 266), tip=(98, 262)); R.update(hand=(254, 266), tip=(302, 262))
    elif name == 'hit-hihat':
        hit = 'hihat'; expr = 'focus'; hrot = -4; hdy = 3
        L.update(hand=(122, 214), tip=(62, 236))
        fx_front = swing((122, 214), (62, 236), 1) + burst(60, 234, 16, 5)
    elif name == 'hit-snare':
        hit = 'snare'; expr = 'focus'; hdy = 4
        L.update(hand=(150, 250), tip=(104, 290))
        fx_front = swing((150, 250), (104, 290), 1) + burst(104, 290, 17, 0)
    elif name == 'hit-tom':
        hit = 'tom'; expr = 'focus'; hdy = 4; hrot = 4
        R.update(hand=(262, 246), tip=(318, 290))
        fx_front = swing((262, 246), (318, 290), -1) + burst(318, 290, 17, 8)
    elif name == 'hit-kick':
        kick = True; expr = 'open'; hdy = 7
        L.update(hand=(146, 266), tip=(100, 256)); R.update(hand=(254, 266), tip=(300, 256))
    elif name == 'miss':
        expr = 'miss'; hrot = 6 if who == 'lee' else -6
        L.update(hand=(138, 238), grip='open', stick=False)
        R.update(hand=(256, 262), tip=(296, 236))
        # slipping stick, tumbling away
        fx_front = (f'<g transform="rotate(-35 86 150)"><path d="M56,150 L116,150" stroke="{OL}" stroke-width="10.5" stroke-linecap="round"/>'
                    f'<path d="M56,150 L116,150" stroke="{P["wood"]}" stroke-width="5.5" stroke-linecap="round"/><circle cx="56" cy="150" r="4.5" fill="{P["wood"]}" stroke="{OL}" stroke-width="2.5"/></g>'
                    f'<path d="M96,188 Q80,176 82,160 M112,196 Q108,184 112,172" stroke="#fff" stroke-width="3.5" fill="none" stroke-linecap="round"/>'
                    f'<path d="M98,128 Q104,120 112,124" stroke="{OL}" stroke-width="3" fill="none" stroke-linecap="round"/>')
        sx = 262 if hrot < 0 else 268
        fx_front += sweat(258 if who == 'takaichi' else 262, 72, 1.1) + sweat(276 if who == 'takaichi' else 280, 104, 0.7)
    elif name == 'streak':
        expr = 'shine'; hdy = -2
        if who == 'takaichi':
            L.update(hand=(118, 150), tip=(92, 78))
            R.update(hand=(292, 138), grip='horns', tip=(330, 176))
            hrot = -5
        else:
            L.update(hand=(120, 150), tip=(82, 92)); R.update(hand=(280, 150), tip=(318, 92))
        fx_front = (sparkle(60, 64, 13) + sparkle(340, 56, 11) + sparkle(44, 130, 7) + sparkle(368, 120, 8)
                    + note(330, 100 if who == 'lee' else 70, c['shell']))
    elif name == 'cheer':
        expr = 'happy'; hdy = -4
        L.update(hand=(116, 96), tip=(88, 28)); R.update(hand=(284, 96), tip=(312, 28))
        fx_front = sparkle(44, 70, 12) + sparkle(360, 64, 12) + sparkle(200, 24, 9) + note(50, 190, c['shell']) + note(338, 150, c['stripe'])
    elif name == 'bow':
        expr = 'bow'; hdy = 40; tdy = 12; arms_back = True
        L.update(hand=(172, 300), stick=False); R.update(hand=(228, 300), stick=False)
        fx_front = sparkle(90, 120, 8, '#fff') + sparkle(318, 110, 8, '#fff')
    s = []
    s.append('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 440" width="400" height="440">')
    s.append(f'<ellipse cx="200" cy="433" rx="190" ry="7" fill="{OL}" opacity=".22"/>')
    # stool hint behind the body
    s.append(f'<path d="M160,312 L240,312 L236,324 L164,324Z" fill="#3a3450" stroke="{OL}" stroke-width="3"/>')
    if arms_back:
        s.append(torso(c, who, tdy))
        for a in (L, R):
            s.append(arm(c, (a['sh'][0], a['sh'][1] + tdy), a['hand'], 10, a['tip'], a['grip'], a['stick']))
    else:
        s.append(torso(c, who, tdy))
    s.append(head(c, who, expr, hdy, hrot, bow=(name == 'bow')))
    s.append(kit(c, hit, kick))
    s.append(foot(c, kick))
    if not arms_back:
        for a in (L, R):
            s.append(arm(c, (a['sh'][0], a['sh'][1] + tdy), a['hand'], 16, a['tip'], a['grip'], a['stick']))
    s.append(fx_front)
    s.append('</svg>')
    return '\n'.join(s) + '\n'


POSES = ['idle-a', 'idle-b', 'hit-hihat', 'hit-snare', 'hit-tom', 'hit-kick', 'miss', 'streak', 'cheer', 'bow']

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--out', default=ART, help='art directory to write into (default: the repository\'s assets/art)')
    out = os.path.join(ap.parse_args().out, 'characters')
    os.makedirs(out, exist_ok=True)
    for who in CH:
        for p in POSES:
            # newline='\n': the same bytes on every platform.
            with open(os.path.join(out, f'{who}-{p}.svg'), 'w', encoding='utf-8', newline='\n') as fh:
                fh.write(pose(who, p))
    print('ok')
