#!/usr/bin/env python3
"""Generator for the Drum Diplomacy stage (sky, pagoda, deer, lantern, floor) and the app icon.

Writes <art>/stage/*.svg and <art>/icon.svg, where <art> is the repository's assets/art (found from
this file's own location) or the directory given with --out. Run through `npm run art`.
"""
import argparse, math, random, os

# assets/art of the repository this file sits in (tools/art/stage.py -> ../../assets/art).
ART = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), 'assets', 'art')
OL = '#1c1633'
WARM, WARM2 = '#ffd27a', '#ff9f43'


def f(v):
    return ('%.1f' % v).rstrip('0').rstrip('.')


def write(path, body):
    # newline='\n': the same bytes on every platform.
    with open(os.path.join(ART, path), 'w', encoding='utf-8', newline='\n') as fh:
        fh.write(body.strip() + '\n')


# ------------------------------------------------------------------ sky
def sky():
    rnd = random.Random(7)
    s = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1280 720" width="1280" height="720">',
         '<defs>',
         '<linearGradient id="sk" x1="0" y1="0" x2="0" y2="1">'
         '<stop offset="0" stop-color="#080b2b"/><stop offset=".45" stop-color="#1a1c58"/>'
         '<stop offset=".78" stop-color="#3a2e78"/><stop offset="1" stop-color="#6b4a8c"/></linearGradient>',
         '<radialGradient id="mg"><stop offset="0" stop-color="#fff3c4" stop-opacity=".55"/>'
         '<stop offset=".45" stop-color="#ffe7a8" stop-opacity=".16"/><stop offset="1" stop-color="#ffe7a8" stop-opacity="0"/></radialGradient>',
         '<radialGradient id="hz" cx=".5" cy="1" r=".7"><stop offset="0" stop-color="#ff9f6b" stop-opacity=".35"/>'
         '<stop offset="1" stop-color="#ff9f6b" stop-opacity="0"/></radialGradient>',
         '</defs>',
         '<rect width="1280" height="720" fill="url(#sk)"/>',
         '<rect y="360" width="1280" height="360" fill="url(#hz)"/>']
    # stars
    stars = []
    for i in range(110):
        x, y = rnd.uniform(0, 1280), rnd.uniform(0, 470) ** 1.0
        y = rnd.uniform(0, 1) ** 1.6 * 480
        r = rnd.choice([0.9, 1.1, 1.3, 1.6, 2.0])
        o = rnd.choice(['.5', '.7', '.9', '1'])
        stars.append(f'<circle cx="{f(x)}" cy="{f(y)}" r="{r}" opacity="{o}"/>')
    s.append('<g fill="#fdf6e0">' + ''.join(stars) + '</g>')
    for (x, y, r) in [(180, 90, 9), (420, 60, 7), (640, 150, 8), (860, 70, 6), (300, 230, 6), (1200, 250, 7), (760, 300, 5)]:
        k = r * 0.25
        s.append(f'<path d="M{x},{y-r} Q{f(x+k)},{f(y-k)} {x+r},{y} Q{f(x+k)},{f(y+k)} {x},{y+r} Q{f(x-k)},{f(y+k)} {x-r},{y} Q{f(x-k)},{f(y-k)} {x},{y-r}Z" fill="#fff6d6"/>')
    # moon
    s.append('<circle cx="1040" cy="150" r="170" fill="url(#mg)"/>')
    s.append('<circle cx="1040" cy="150" r="58" fill="#fff1c8"/>')
    s.append('<path d="M1000,108 A58,58 0 0 0 1062,205 A62,62 0 0 1 1000,108Z" fill="#f0d9a0" opacity=".6"/>')
    s.append('<g fill="#ecd49a" opacity=".7"><circle cx="1022" cy="132" r="9"/><circle cx="1058" cy="168" r="12"/><circle cx="1062" cy="124" r="5"/><circle cx="1030" cy="176" r="5"/></g>')
    # thin clouds
    s.append('<g fill="#8c7bc0" opacity=".22"><path d="M820,210 q40,-22 90,-6 q30,-16 70,0 q50,-8 80,12 q-120,14 -240,-6z"/>'
             '<path d="M120,300 q50,-20 110,-4 q40,-14 90,4 q-100,14 -200,0z"/><path d="M1080,320 q40,-18 90,-2 q30,-10 70,4 q-80,12 -160,-2z"/></g>')
    # far hills (Wakakusa-like smooth hills)
    s.append('<path d="M0,520 C120,470 220,440 340,462 C430,478 500,430 620,424 C760,418 820,470 930,456 C1040,442 1120,410 1280,440 L1280,720 L0,720Z" fill="#2e2a6c"/>')
    s.append('<path d="M0,520 C120,470 220,440 340,462 C430,478 500,430 620,424 C760,418 820,470 930,456 C1040,442 1120,410 1280,440" fill="none" stroke="#4a3f8e" stroke-width="3"/>')
    # near hills with tree bumps
    pts = []
    x = 0
    y0 = 560
    d = 'M0,720 L0,560 '
    while x < 1280:
        w = rnd.uniform(28, 60)
        h = rnd.uniform(10, 26)
        base = 560 + 30 * math.sin(x / 210.0) - 18 * math.sin(x / 97.0)
        d += f'Q{f(x + w/2)},{f(base - h*2)} {f(x + w)},{f(base)} '
        x += w
    d += 'L1280,720Z'
    s.append(f'<path d="{d}" fill="#1b1a4a"/>')
    s.append('<rect y="620" width="1280" height="100" fill="#15143c"/>')
    # distant town lights
    lights = ''.join(f'<circle cx="{f(rnd.uniform(20,1260))}" cy="{f(rnd.uniform(628,700))}" r="{rnd.choice([1.5,2,2.5])}"/>' for _ in range(40))
    s.append(f'<g fill="{WARM}" opacity=".7">{lights}</g>')
    s.append('</svg>')
    write('stage/sky.svg', '\n'.join(s))


# ------------------------------------------------------------------ pagoda
def pagoda():
    W, H = 300, 620
    cx = 150
    dark, mid, edge, win = '#1d1b4a', '#2b2866', '#5a54a8', WARM
    s = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" height="{H}">',
         '<defs><radialGradient id="gl"><stop offset="0" stop-color="#ffc865" stop-opacity=".55"/>'
         '<stop offset="1" stop-color="#ffc865" stop-opacity="0"/></radialGradient>'
         '<linearGradient id="wn" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#fff0b8"/><stop offset="1" stop-color="#ffb347"/></linearGradient></defs>']
    # stone platform
    s.append(f'<path d="M18,620 L30,590 L270,590 L282,620Z" fill="{mid}" stroke="{OL}" stroke-width="3.5" stroke-linejoin="round"/>')
    s.append(f'<path d="M36,598 L264,598" stroke="{edge}" stroke-width="3"/>')
    y = 590
    tiers = []
    for i in range(5):
        rw = 142 - i * 16          # roof half width
        bw = rw * 0.56             # body half width
        bh = 52 - i * 3            # body height
        rh = 44 - i * 2            # roof height
        tiers.append((rw, bw, bh, rh))
    parts = []
    for i, (rw, bw, bh, rh) in enumerate(tiers):
        ytop = y - bh
        body = [f'<rect x="{f(cx-bw)}" y="{f(ytop)}" width="{f(2*bw)}" height="{f(bh)}" fill="{dark}" stroke="{OL}" stroke-width="3.5"/>']
        # railing / balcony line
        body.append(f'<rect x="{f(cx-bw-6)}" y="{f(ytop+4)}" width="{f(2*bw+12)}" height="6" fill="{mid}" stroke="{OL}" stroke-width="2.5"/>')
        # windows: center door and side lattice windows
        n = 3
        ww = bw * 2 / (n * 1.6)
        for k in range(n):
            wx = cx - bw + (2 * bw) * (k + 0.5) / n - ww / 2
            wy = ytop + 14
            wh = bh - 20
            body.append(f'<ellipse cx="{f(wx+ww/2)}" cy="{f(wy+wh/2)}" rx="{f(ww*1.3)}" ry="{f(wh*0.9)}" fill="url(#gl)"/>')
            body.append(f'<rect x="{f(wx)}" y="{f(wy)}" width="{f(ww)}" height="{f(wh)}" rx="2" fill="url(#wn)" stroke="{OL}" stroke-width="2.5"/>')
            body.append(f'<path d="M{f(wx+ww/2)},{f(wy)} L{f(wx+ww/2)},{f(wy+wh)}" stroke="#b86b2a" stroke-width="2"/>')
        # pillars
        body.append(f'<path d="M{f(cx-bw+3)},{f(ytop+10)} L{f(cx-bw+3)},{f(y)} M{f(cx+bw-3)},{f(ytop+10)} L{f(cx+bw-3)},{f(y)}" stroke="{edge}" stroke-width="3"/>')
        parts.append((i, ''.join(body), 'b'))
        # roof sits on top of body
        yb = ytop + 8         # eave line
        yt = yb - rh
        roof = (f'M{f(cx-rw)},{f(yb-14)} Q{f(cx-rw*0.72)},{f(yb+4)} {f(cx-rw*0.35)},{f(yb+5)} L{f(cx+rw*0.35)},{f(yb+5)} '
                f'Q{f(cx+rw*0.72)},{f(yb+4)} {f(cx+rw)},{f(yb-14)} Q{f(cx+rw*0.62)},{f(yb-10)} {f(cx+bw*0.78)},{f(yt)} '
                f'L{f(cx-bw*0.78)},{f(yt)} Q{f(cx-rw*0.62)},{f(yb-10)} {f(cx-rw)},{f(yb-14)}Z')
        r = [f'<path d="{roof}" fill="{mid}" stroke="{OL}" stroke-width="3.5" stroke-linejoin="round"/>']
        r.append(f'<path d="M{f(cx-rw+6)},{f(yb-10)} Q{f(cx-rw*0.72)},{f(yb+1)} {f(cx-rw*0.35)},{f(yb+1)} L{f(cx+rw*0.35)},{f(yb+1)} Q{f(cx+rw*0.72)},{f(yb+1)} {f(cx+rw-6)},{f(yb-10)}" fill="none" stroke="{edge}" stroke-width="3"/>')
        # tile ridges hint
        r.append(f'<path d="M{f(cx-rw*0.5)},{f(yb-2)} L{f(cx-bw*0.6)},{f(yt+3)} M{f(cx)},{f(yb+2)} L{f(cx)},{f(yt+3)} M{f(cx+rw*0.5)},{f(yb-2)} L{f(cx+bw*0.6)},{f(yt+3)}" stroke="{dark}" stroke-width="2.5" opacity=".8"/>')
        # tiny hanging bells at eave tips
        for sx in (-1, 1):
            r.append(f'<circle cx="{f(cx+sx*(rw-3))}" cy="{f(yb-6)}" r="3.5" fill="{WARM}" stroke="{OL}" stroke-width="1.5"/>')
        parts.append((i, ''.join(r), 'r'))
        y = yt + 2
    # draw bodies then roofs from bottom; upper body should overlap lower roof
    for i in range(5):
        s.append([p for p in parts if p[0] == i and p[2] == 'b'][0][1])
        s.append([p for p in parts if p[0] == i and p[2] == 'r'][0][1])
    # spire (sorin)
    top = y
    s.append(f'<rect x="{cx-14}" y="{f(top-12)}" width="28" height="14" rx="3" fill="{mid}" stroke="{OL}" stroke-width="3"/>')
    s.append(f'<path d="M{cx},{f(top-12)} L{cx},18" stroke="{OL}" stroke-width="9" stroke-linecap="round"/><path d="M{cx},{f(top-12)} L{cx},18" stroke="#c9a447" stroke-width="4" stroke-linecap="round"/>')
    n = 9
    for k in range(n):
        ry = top - 24 - k * ((top - 70) / n)
        rw = 13 - k * 0.5
        s.append(f'<ellipse cx="{cx}" cy="{f(ry)}" rx="{f(rw)}" ry="3.2" fill="#d8b457" stroke="{OL}" stroke-width="2"/>')
    s.append(f'<path d="M{cx-12},44 Q{cx},30 {cx+12},44 Q{cx},40 {cx-12},44Z" fill="#d8b457" stroke="{OL}" stroke-width="2"/>')
    s.append(f'<circle cx="{cx}" cy="16" r="7" fill="#f0cf6a" stroke="{OL}" stroke-width="2.5"/>')
    s.append('</svg>')
    write('stage/pagoda.svg', '\n'.join(s))
    return top


# ------------------------------------------------------------------ deer
def deer(bow=False):
    fur, fur2, belly, spot = '#c27a3e', '#9c5b2a', '#f1d3a6', '#fff6e6'
    s = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 160" width="160" height="160"><g transform="translate(-10 0)">']
    s.append(f'<ellipse cx="78" cy="151" rx="50" ry="5" fill="{OL}" opacity=".22"/>')
    # far legs
    for x in (52, 98):
        s.append(f'<path d="M{x},104 L{x+2},146" stroke="{OL}" stroke-width="11" stroke-linecap="round"/><path d="M{x},104 L{x+2},146" stroke="{fur2}" stroke-width="5.5" stroke-linecap="round"/>')
    # tail
    s.append(f'<path d="M36,84 Q24,80 26,92 Q30,98 38,92Z" fill="#fff" stroke="{OL}" stroke-width="3"/>')
    # body
    s.append(f'<ellipse cx="74" cy="92" rx="42" ry="24" fill="{fur}" stroke="{OL}" stroke-width="3.5"/>')
    s.append(f'<path d="M44,104 Q74,120 106,104 Q96,114 74,115 Q54,115 44,104Z" fill="{belly}"/>')
    s.append(f'<path d="M38,88 Q36,100 46,106 Q40,96 42,86Z" fill="#fff" opacity=".85"/>')
    for (x, y, r) in [(52, 80, 3.2), (64, 75, 3.4), (77, 73, 3.4), (90, 75, 3.2), (58, 90, 2.8), (71, 86, 3), (84, 86, 3), (97, 87, 2.6), (47, 93, 2.4)]:
        s.append(f'<circle cx="{x}" cy="{y}" r="{r}" fill="{spot}"/>')
    # near legs
    for x in (60, 90):
        s.append(f'<path d="M{x},106 L{x},146" stroke="{OL}" stroke-width="12" stroke-linecap="round"/><path d="M{x},106 L{x},146" stroke="{fur}" stroke-width="6.5" stroke-linecap="round"/>')
        s.append(f'<path d="M{x-5},142 L{x+5},142 L{x+5},148 Q{x},151 {x-5},148Z" fill="{OL}"/>')
    # neck + head group (rotates for the bow)
    rot = 28 if bow else 0
    s.append(f'<g transform="rotate({rot} 100 90)">')
    s.append(f'<path d="M90,96 C96,78 100,64 104,52 L122,56 C118,70 116,84 116,98Z" fill="{fur}" stroke="{OL}" stroke-width="3.5" stroke-linejoin="round"/>')
    s.append(f'<path d="M106,60 L116,62 L112,92 L104,92Z" fill="{belly}" opacity=".8"/>')
    s.append(f'<g transform="rotate({38 if bow else 0} 112 54)">')
    # ears
    s.append(f'<path d="M108,38 Q88,24 86,34 Q92,46 108,44Z" fill="{fur}" stroke="{OL}" stroke-width="3" stroke-linejoin="round"/><path d="M104,39 Q92,32 91,36 Q95,42 104,42Z" fill="#f4b7a6"/>')
    s.append(f'<path d="M128,34 Q146,18 150,28 Q146,42 130,42Z" fill="{fur}" stroke="{OL}" stroke-width="3" stroke-linejoin="round"/><path d="M131,36 Q143,26 146,30 Q143,38 132,39Z" fill="#f4b7a6"/>')
    # little antler nubs
    s.append(f'<path d="M112,30 L110,20 M122,29 L126,19" stroke="{OL}" stroke-width="7" stroke-linecap="round"/><path d="M112,30 L110,20 M122,29 L126,19" stroke="#e9d6b0" stroke-width="3.5" stroke-linecap="round"/>')
    # head
    s.append(f'<path d="M104,44 Q104,28 118,28 Q134,28 136,42 L146,54 Q148,62 140,64 L120,64 Q104,60 104,44Z" fill="{fur}" stroke="{OL}" stroke-width="3.5" stroke-linejoin="round"/>')
    s.append(f'<path d="M128,56 Q138,52 146,56 Q146,62 140,63 L126,62Z" fill="{belly}"/>')
    s.append(f'<ellipse cx="144" cy="55" rx="4.5" ry="3.5" fill="{OL}"/>')
    if bow:
        s.append(f'<path d="M118,44 Q123,48 128,44" stroke="{OL}" stroke-width="3" fill="none" stroke-linecap="round"/>')
    else:
        s.append(f'<ellipse cx="123" cy="44" rx="4.6" ry="5.4" fill="{OL}"/><circle cx="124.6" cy="42" r="1.8" fill="#fff"/>')
    s.append(f'<ellipse cx="118" cy="54" rx="5" ry="3" fill="#f59a9a" opacity=".6"/>')
    s.append(f'<path d="M136,62 Q139,64 142,62" stroke="{OL}" stroke-width="2" fill="none" stroke-linecap="round"/>')
    s.append('</g></g>')
    if bow:
        s.append('<path d="M150,106 Q156,116 150,126 M98,62 Q104,50 116,46" stroke="#fff6d6" stroke-width="3" fill="none" stroke-linecap="round"/>')
    s.append('</g></svg>')
    write('stage/deer-bow.svg' if bow else 'stage/deer.svg', '\n'.join(s))


# ------------------------------------------------------------------ lantern
def lantern():
    st, st2, st3 = '#9a98b4', '#716f93', '#c3c1d8'
    s = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 80 140" width="80" height="140">',
         '<defs><radialGradient id="lg"><stop offset="0" stop-color="#ffd27a" stop-opacity=".75"/><stop offset=".5" stop-color="#ffb347" stop-opacity=".25"/><stop offset="1" stop-color="#ffb347" stop-opacity="0"/></radialGradient>'
         '<linearGradient id="lf" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#fff4c0"/><stop offset="1" stop-color="#ffa53d"/></linearGradient></defs>']
    s.append('<circle cx="40" cy="56" r="40" fill="url(#lg)"/>')
    # base
    s.append(f'<path d="M14,136 L18,124 L62,124 L66,136Z" fill="{st2}" stroke="{OL}" stroke-width="3" stroke-linejoin="round"/>')
    s.append(f'<path d="M32,124 L30,86 L50,86 L48,124Z" fill="{st}" stroke="{OL}" stroke-width="3" stroke-linejoin="round"/>')
    s.append(f'<path d="M44,88 L46,122" stroke="{st2}" stroke-width="3"/>')
    s.append(f'<path d="M20,86 L24,76 L56,76 L60,86Z" fill="{st}" stroke="{OL}" stroke-width="3" stroke-linejoin="round"/>')
    # firebox
    s.append(f'<rect x="24" y="46" width="32" height="30" rx="2" fill="{st}" stroke="{OL}" stroke-width="3"/>')
    s.append('<rect x="30" y="51" width="20" height="21" rx="2" fill="url(#lf)" stroke="#1c1633" stroke-width="2.5"/>')
    s.append('<path d="M40,51 L40,72 M30,61.5 L50,61.5" stroke="#c9772e" stroke-width="1.8"/>')
    # roof
    s.append(f'<path d="M6,48 Q14,44 22,34 L40,22 L58,34 Q66,44 74,48 Q60,50 40,48 Q20,50 6,48Z" fill="{st}" stroke="{OL}" stroke-width="3" stroke-linejoin="round"/>')
    s.append(f'<path d="M12,46 Q40,42 68,46" stroke="{st3}" stroke-width="2.5" fill="none"/>')
    s.append(f'<path d="M40,22 L56,34 Q62,42 72,47 Q60,48 52,47Z" fill="{st2}" opacity=".6"/>')
    # hoju jewel
    s.append(f'<path d="M40,4 Q48,12 46,18 Q44,22 40,22 Q36,22 34,18 Q32,12 40,4Z" fill="{st}" stroke="{OL}" stroke-width="3"/>')
    s.append('<path d="M10,48 L4,44 M70,48 L76,44" stroke="#1c1633" stroke-width="3" stroke-linecap="round"/>')
    s.append('</svg>')
    write('stage/lantern.svg', '\n'.join(s))


# ------------------------------------------------------------------ floor
def floor():
    s = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1280 160" width="1280" height="160">',
         '<defs><linearGradient id="fl" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#8a5430"/><stop offset="1" stop-color="#b9783f"/></linearGradient>'
         '<radialGradient id="sp" cx=".5" cy=".2" r=".6"><stop offset="0" stop-color="#ffe0a0" stop-opacity=".35"/><stop offset="1" stop-color="#ffe0a0" stop-opacity="0"/></radialGradient></defs>']
    # floor boards (0..78) with perspective seams
    s.append('<rect width="1280" height="80" fill="url(#fl)"/>')
    seams = ''
    for y in (14, 30, 48, 66):
        seams += f'M0,{y} L1280,{y} '
    s.append(f'<path d="{seams}" stroke="#6e3f22" stroke-width="2.5" opacity=".7"/>')
    rnd = random.Random(3)
    joints = ''
    rows = [(0, 14), (14, 30), (30, 48), (48, 66), (66, 80)]
    for (a, b) in rows:
        x = rnd.uniform(0, 200)
        while x < 1280:
            joints += f'M{f(x)},{a} L{f(x)},{b} '
            x += rnd.uniform(180, 320)
    s.append(f'<path d="{joints}" stroke="#6e3f22" stroke-width="2" opacity=".6"/>')
    grain = ''
    for (a, b) in rows:
        for _ in range(6):
            x = rnd.uniform(0, 1200); y = rnd.uniform(a + 4, b - 4); w = rnd.uniform(40, 110)
            grain += f'M{f(x)},{f(y)} q{f(w/2)},-3 {f(w)},0 '
    s.append(f'<path d="{grain}" stroke="#d4945a" stroke-width="1.6" fill="none" opacity=".55"/>')
    s.append('<rect width="1280" height="80" fill="url(#sp)"/>')
    # stage lip
    s.append('<rect y="76" width="1280" height="12" fill="#5a331c" stroke="#1c1633" stroke-width="3"/>')
    s.append('<path d="M0,79 L1280,79" stroke="#c98a4e" stroke-width="2"/>')
    # kohaku-maku (red/white festival curtain) on the stage front
    s.append('<rect y="88" width="1280" height="72" fill="#f5efe6"/>')
    stripes = ''
    w = 40
    for i in range(0, 1280 // w + 1, 2):
        x = i * w
        stripes += f'M{x},88 L{x+w},88 L{x+w+4},160 L{x+4},160Z '
    s.append(f'<path d="{stripes}" fill="#d42d3c"/>')
    # soft fold shading
    folds = ''.join(f'<rect x="{i*w + w*0.55:.0f}" y="88" width="{w*0.45:.0f}" height="72" fill="#000" opacity=".07"/>' for i in range(1280 // w + 1))
    s.append(folds)
    # scalloped rope + tassels
    rope = 'M0,92 ' + ''.join(f'Q{x+80},116 {x+160},92 ' for x in range(0, 1280, 160))
    s.append(f'<path d="{rope}" fill="none" stroke="#1c1633" stroke-width="8"/>')
    s.append(f'<path d="{rope}" fill="none" stroke="#e7b94b" stroke-width="4"/>')
    for x in range(0, 1281, 160):
        s.append(f'<circle cx="{x}" cy="93" r="7" fill="#e7b94b" stroke="#1c1633" stroke-width="2.5"/>')
    s.append('<rect y="88" width="1280" height="10" fill="#1c1633" opacity=".25"/>')
    s.append('</svg>')
    write('stage/stage-floor.svg', '\n'.join(s))


# ------------------------------------------------------------------ icon
def icon():
    s = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">',
         '<defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#2a3a86"/><stop offset="1" stop-color="#141b4a"/></linearGradient></defs>',
         '<rect x="8" y="8" width="496" height="496" rx="112" fill="url(#bg)" stroke="#0d1234" stroke-width="8"/>']
    # harmony ring: red top, blue bottom
    s.append('<path d="M86,226 A170,170 0 0 1 426,226" fill="none" stroke="#e3303f" stroke-width="26" stroke-linecap="round"/>')
    s.append('<path d="M426,256 A170,170 0 0 1 86,256" fill="none" stroke="#3a84e6" stroke-width="26" stroke-linecap="round" opacity=".9"/>')
    # drum
    s.append(f'<path d="M126,268 L126,372 A130,40 0 0 0 386,372 L386,268Z" fill="#e3303f" stroke="{OL}" stroke-width="12" stroke-linejoin="round"/>')
    s.append('<path d="M300,302 L300,406 A130,40 0 0 0 380,380 L380,290Z" fill="#9e1b2c" opacity=".55"/>')
    s.append('<path d="M130,360 A126,38 0 0 0 382,360" fill="none" stroke="#dfe6f0" stroke-width="12"/>')
    s.append('<path d="M160,300 L160,394 M220,308 L220,410 M292,308 L292,410 M352,300 L352,394" stroke="#dfe6f0" stroke-width="10" stroke-linecap="round"/>')
    s.append(f'<ellipse cx="256" cy="268" rx="130" ry="40" fill="#f8f1e1" stroke="{OL}" stroke-width="12"/>')
    s.append('<ellipse cx="256" cy="268" rx="112" ry="30" fill="none" stroke="#3a84e6" stroke-width="7"/>')
    # crossed sticks
    for (x1, y1, x2, y2) in ((122, 110, 332, 272), (390, 110, 180, 272)):
        s.append(f'<path d="M{x1},{y1} L{x2},{y2}" stroke="{OL}" stroke-width="34" stroke-linecap="round"/>')
        s.append(f'<path d="M{x1},{y1} L{x2},{y2}" stroke="#f0cf8f" stroke-width="20" stroke-linecap="round"/>')
        s.append(f'<path d="M{x1},{y1} L{f(x1+(x2-x1)*0.25)},{f(y1+(y2-y1)*0.25)}" stroke="#c98f45" stroke-width="20" stroke-linecap="round"/>')
        s.append(f'<circle cx="{x2}" cy="{y2}" r="17" fill="#f0cf8f" stroke="{OL}" stroke-width="9"/>')
    # spark
    s.append('<path d="M256,150 L266,180 L296,190 L266,200 L256,230 L246,200 L216,190 L246,180Z" fill="#ffd56b" stroke="#1c1633" stroke-width="7" stroke-linejoin="round"/>')
    s.append('</svg>')
    write('icon.svg', '\n'.join(s))


if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--out', default=ART, help='art directory to write into (default: the repository\'s assets/art)')
    ART = ap.parse_args().out
    os.makedirs(os.path.join(ART, 'stage'), exist_ok=True)
    sky(); pagoda(); deer(); deer(True); lantern(); floor(); icon()
    print('ok')
