import Phaser from 'phaser';

/**
 * What the player can read and press, as boxes in CSS px of the page: every visible text of the
 * scenes showing, every interactive object (buttons, pads, list rows), and the page's own DOM
 * controls over the canvas. The layout test (tests/browser/layout.test.ts) checks their sizes and
 * that no two of them overlap.
 */
export interface LayoutBox {
  kind: 'text' | 'button' | 'dom';
  /** The scene that drew it ('page' for DOM controls). */
  scene: string;
  /** Its text (or a label) for failure messages. */
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Text only: the rendered font size in CSS px. */
  fontPx?: number;
  /**
   * Boxes that belong together (a button and its label, a row and its texts) share a group; the
   * layout test does not count overlaps inside a group.
   */
  group: string;
}

const DOM_CONTROLS = '.fullscreen-toggle, .import-button, .update-banner, .notice, .rotate-prompt, button';

function visibleInTree(obj: Phaser.GameObjects.GameObject): boolean {
  let o: Phaser.GameObjects.GameObject | null = obj;
  while (o) {
    const v = o as Phaser.GameObjects.GameObject & { visible?: boolean; alpha?: number };
    if (v.visible === false || (v.alpha !== undefined && v.alpha <= 0.05)) return false;
    o = (o.parentContainer as Phaser.GameObjects.GameObject | null) ?? null;
  }
  return true;
}

function topContainer(obj: Phaser.GameObjects.GameObject): Phaser.GameObjects.GameObject {
  let o = obj;
  while (o.parentContainer) o = o.parentContainer;
  return o;
}

function worldScale(obj: Phaser.GameObjects.GameObject): number {
  let s = 1;
  let o: Phaser.GameObjects.GameObject | null = obj;
  while (o) {
    s *= Math.abs((o as unknown as { scaleY?: number }).scaleY ?? 1);
    o = o.parentContainer ?? null;
  }
  return s;
}

/** Inside a marquee (the ticker): items scroll past the screen's edges by design. */
function inMarquee(obj: Phaser.GameObjects.GameObject): boolean {
  let o: Phaser.GameObjects.GameObject | null = obj;
  while (o) {
    if ((o as unknown as { layoutMarquee?: boolean }).layoutMarquee) return true;
    o = o.parentContainer ?? null;
  }
  return false;
}

function walk(list: Phaser.GameObjects.GameObject[], out: Phaser.GameObjects.GameObject[]): void {
  for (const o of list) {
    out.push(o);
    if (o instanceof Phaser.GameObjects.Container) walk(o.list, out);
  }
}

/** Lists the boxes of the scenes showing (Boot excluded) and of the page's visible controls. */
export function layoutBoxes(game: Phaser.Game): LayoutBox[] {
  // The "turn sideways" prompt covers the whole page: it is all there is to read.
  const rotate = document.querySelector<HTMLElement>('.rotate-prompt');
  if (rotate && !rotate.hidden) {
    const r = rotate.getBoundingClientRect();
    const text = rotate.querySelector('p');
    const t = text?.getBoundingClientRect() ?? r;
    return [
      {
        kind: 'text',
        scene: 'page',
        label: text?.textContent ?? '',
        x: t.left,
        y: t.top,
        width: t.width,
        height: t.height,
        fontPx: Number.parseFloat(getComputedStyle(text ?? rotate).fontSize),
        group: 'rotate',
      },
    ];
  }
  const rect = game.canvas.getBoundingClientRect();
  const sx = rect.width / game.scale.width;
  const sy = rect.height / game.scale.height;
  const boxes: LayoutBox[] = [];
  const ids = new Map<Phaser.GameObjects.GameObject, string>();
  const groupOf = (o: Phaser.GameObjects.GameObject, scene: string) => {
    const top = topContainer(o);
    let id = ids.get(top);
    if (!id) {
      id = `${scene}#${ids.size}`;
      ids.set(top, id);
    }
    return (o as unknown as { layoutGroup?: string }).layoutGroup ?? id;
  };
  for (const scene of game.scene.getScenes(true)) {
    const key = scene.scene.key;
    if (key === 'Boot' || !scene.sys.settings.visible) continue;
    const all: Phaser.GameObjects.GameObject[] = [];
    walk(scene.children.list, all);
    for (const o of all) {
      if (!visibleInTree(o)) continue;
      const isText = o instanceof Phaser.GameObjects.Text;
      const interactive = Boolean(o.input?.enabled);
      if (!isText && !interactive) continue;
      if (isText && (o as Phaser.GameObjects.Text).text.trim() === '') continue;
      const bounds = (o as unknown as { getBounds(): Phaser.Geom.Rectangle }).getBounds();
      if (bounds.width <= 0 || bounds.height <= 0) continue;
      const cam = scene.cameras.main;
      const box: LayoutBox = {
        kind: isText ? 'text' : 'button',
        scene: key,
        label: isText ? (o as Phaser.GameObjects.Text).text.slice(0, 40) : o.name || o.type,
        x: rect.left + (bounds.x - cam.scrollX) * sx,
        y: rect.top + (bounds.y - cam.scrollY) * sy,
        width: bounds.width * sx,
        height: bounds.height * sy,
        group: groupOf(o, key),
      };
      if (inMarquee(o)) {
        // Only the part on the canvas is seen; what has scrolled off is not "cut off".
        const left = Math.max(box.x, rect.left);
        const right = Math.min(box.x + box.width, rect.right);
        if (right - left < 2) continue;
        box.x = left;
        box.width = right - left;
      }
      if (isText) {
        const t = o as Phaser.GameObjects.Text;
        box.fontPx = Number.parseFloat(String(t.style.fontSize)) * worldScale(t) * sy;
      }
      boxes.push(box);
    }
  }
  for (const el of document.querySelectorAll<HTMLElement>(DOM_CONTROLS)) {
    if (el.closest('[hidden]') || el.getClientRects().length === 0) continue;
    // A control inside another (the update banner's buttons) counts once, as its container.
    if (el.parentElement?.closest(DOM_CONTROLS)) continue;
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (r.width <= 0 || r.height <= 0 || style.visibility === 'hidden' || style.display === 'none') continue;
    if (Number(style.opacity) <= 0.05) continue;
    boxes.push({
      kind: 'dom',
      scene: 'page',
      label: (el.getAttribute('aria-label') ?? el.textContent ?? el.className).trim().slice(0, 40),
      x: r.left,
      y: r.top,
      width: r.width,
      height: r.height,
      group: `dom:${el.className}`,
    });
  }
  return boxes;
}
