import type Phaser from 'phaser';
import type { StringKey } from '../content/strings';
import { WIDTH } from '../game/layout';
import { minButtonPx } from '../game/layoutService';
import { FONT, hex } from '../game/theme';
import type { DeviceSetup } from '../input/drumDevices';
import type { DeviceInfo, DeviceKind, MenuAction } from '../input/press';
import type { BaseScene } from '../scenes/BaseScene';

export interface DeviceListOptions {
  readonly x: number;
  readonly top: number;
  readonly width: number;
  readonly rowHeight: number;
  readonly spacing: number;
  /** Rows shown at once; the list scrolls to keep the focused row in view. */
  readonly rows: number;
  readonly t: (key: StringKey, vars?: Record<string, string | number>) => string;
  /** Whom a device plays for, in words. */
  readonly who: (d: DeviceInfo) => string;
  /** What the keyboard and the touchscreen play (their keys, their halves), in words. */
  readonly about: (d: DeviceInfo) => string;
  readonly setupOf: (id: string) => DeviceSetup | null;
  /** ←/→ or a click on the player: a kit or pad plays for the next player. */
  readonly onPlayer: (d: DeviceInfo, dir: 1 | -1) => void;
  /** Enter or a click on the row: a kit or pad's setup. */
  readonly onOpen: (d: DeviceInfo) => void;
}

export const KIND_LABEL: Readonly<Record<DeviceKind, StringKey>> = {
  keyboard: 'devKindKeyboard',
  touch: 'devKindTouch',
  midi: 'devKindMidi',
  gamepad: 'devKindGamepad',
};

interface RowView {
  readonly bg: Phaser.GameObjects.Rectangle;
  readonly kind: Phaser.GameObjects.Text;
  readonly name: Phaser.GameObjects.Text;
  readonly player: Phaser.GameObjects.Text;
}

const isDrumDevice = (d: DeviceInfo) => d.kind === 'midi' || d.kind === 'gamepad';

/**
 * Every input device, live: its kind, name, and whom it plays for. Worked by ↑/↓ (focus), ←/→
 * (a kit or pad's player), Enter (its setup), mouse and touch. Like ButtonRow it subscribes to
 * nothing: the scene hands it menu actions and new device lists.
 */
export class DeviceList {
  private devices: DeviceInfo[] = [];
  private readonly views: RowView[] = [];
  private focus = 0;
  private scroll = 0;
  private active = true;
  private readonly more: Phaser.GameObjects.Text;

  private readonly o: DeviceListOptions;

  constructor(
    private readonly scene: BaseScene,
    o: DeviceListOptions,
  ) {
    // Rows a thumb tall and never wider than the screen.
    const rowHeight = Math.max(o.rowHeight, minButtonPx());
    this.o = { ...o, rowHeight, spacing: Math.max(o.spacing, rowHeight + 6), width: Math.min(o.width, WIDTH - 40) };
    o = this.o;
    for (let i = 0; i < o.rows; i++) this.views.push(this.makeRow(i));
    this.more = scene.add
      .text(o.x, o.top + o.rows * o.spacing - o.spacing / 2 + 4, '', {
        fontFamily: FONT,
        fontSize: '16px',
        color: scene.palette.dim,
      })
      .setOrigin(0.5, 0);
  }

  get focused(): DeviceInfo | null {
    return this.devices[this.focus] ?? null;
  }

  get length(): number {
    return this.devices.length;
  }

  setDevices(list: readonly DeviceInfo[]): void {
    const keep = this.focused?.id;
    this.devices = [...list];
    const i = this.devices.findIndex((d) => d.id === keep);
    this.setFocus(i >= 0 ? i : Math.min(this.focus, Math.max(0, this.devices.length - 1)));
  }

  setActive(on: boolean): void {
    this.active = on;
    this.draw();
  }

  /** Takes a menu action; 'leave-down' / 'leave-up' when focus should go past the list's ends. */
  handle(a: MenuAction): boolean | 'leave-down' | 'leave-up' {
    const d = this.focused;
    if (a === 'up') {
      if (this.focus === 0) return 'leave-up';
      this.setFocus(this.focus - 1);
    } else if (a === 'down') {
      if (this.focus >= this.devices.length - 1) return 'leave-down';
      this.setFocus(this.focus + 1);
    } else if ((a === 'left' || a === 'right') && d && isDrumDevice(d)) this.o.onPlayer(d, a === 'left' ? -1 : 1);
    else if (a === 'confirm' && d && isDrumDevice(d)) this.o.onOpen(d);
    else return false;
    return true;
  }

  setFocus(i: number): void {
    this.focus = Math.max(0, i);
    const rows = this.o.rows;
    if (this.focus < this.scroll) this.scroll = this.focus;
    else if (this.focus >= this.scroll + rows) this.scroll = this.focus - rows + 1;
    this.scroll = Math.max(0, Math.min(this.scroll, this.devices.length - rows));
    this.draw();
  }

  private makeRow(i: number): RowView {
    const { scene, o } = this;
    const y = o.top + i * o.spacing;
    const left = o.x - o.width / 2;
    const bg = scene.add
      .rectangle(o.x, y, o.width, o.rowHeight, 0x1d1b4f, 0.82)
      .setInteractive({ useHandCursor: true });
    const style = { fontFamily: FONT, fontSize: '22px', color: scene.palette.text };
    const kind = scene.add.text(left + 16, y, '', { ...style, fontSize: '18px', color: scene.palette.dim });
    const name = scene.add.text(left + 170, y, '', { ...style, fontStyle: 'bold' });
    const player = scene.add.text(o.x + o.width / 2 - 16, y, '', { ...style, fontStyle: 'bold', color: '#ffd166' });
    kind.setOrigin(0, 0.5);
    name.setOrigin(0, 0.5);
    player.setOrigin(1, 0.5);
    const at = () => this.scroll + i;
    bg.on('pointerover', () => this.devices[at()] && this.setFocus(at()));
    bg.on('pointerup', (p: Phaser.Input.Pointer) => {
      const d = this.devices[at()];
      if (!d) return;
      this.setFocus(at());
      // The right third of a row is the player: a click there changes it, elsewhere opens the setup.
      if (p.x > o.x + o.width / 6) this.handle('right');
      else this.handle('confirm');
    });
    for (const obj of [bg, kind, name, player]) Object.assign(obj, { layoutGroup: `device-row:${i}` });
    return { bg, kind, name, player };
  }

  private draw(): void {
    const { o } = this;
    const accent = this.scene.palette.accent;
    this.views.forEach((v, i) => {
      const index = this.scroll + i;
      const d = this.devices[index];
      v.bg.setVisible(!!d);
      v.kind.setVisible(!!d);
      v.name.setVisible(!!d);
      v.player.setVisible(!!d);
      if (!d) return;
      const on = this.active && index === this.focus;
      v.bg.setFillStyle(on ? 0x3b2a8f : 0x1d1b4f, on ? 0.97 : 0.82);
      v.bg.setStrokeStyle(3, on ? accent : 0x6c63ff, on ? 1 : 0.45);
      v.kind.setText(o.t(KIND_LABEL[d.kind]));
      const setup = isDrumDevice(d) ? o.setupOf(d.id) : null;
      const name = isDrumDevice(d) ? ellipsis(d.name, 40) : o.about(d);
      v.name.setText(setup?.needsSetup ? `${name}  ⚠ ${o.t('devNeedsSetupShort')}` : name);
      const who = o.who(d);
      v.player.setText(isDrumDevice(d) ? `◀ ${who} ▶   ${o.t('devSetUp')} ›` : who);
      const color = d.player === null ? this.scene.palette.dim : hex(this.scene.palette.players[d.player]);
      v.player.setColor(isDrumDevice(d) && d.player !== null ? color : '#ffd166');
    });
    const hidden = this.devices.length - o.rows;
    this.more.setText(hidden > 0 ? o.t('devMore', { n: hidden }) : '');
  }
}

function ellipsis(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
