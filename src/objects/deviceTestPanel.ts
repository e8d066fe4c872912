import type Phaser from 'phaser';
import { LANE_LABEL, type StringKey } from '../content/strings';
import type { Lane, PlayerId } from '../core/units';
import { CENTER_X, WIDTH } from '../game/layout';
import { FONT, hex, type Palette } from '../game/theme';
import type { DeviceTestLog, TestEntry } from '../input/deviceTest';
import { KIND_LABEL } from './deviceList';

export interface DeviceTestPanelOptions {
  readonly top: number;
  readonly bottom: number;
  readonly palette: Palette;
  readonly t: (key: StringKey, vars?: Record<string, string | number>) => string;
  /** The key bound to a player's lane, as printed on it (keyboard lines show it). */
  readonly keyOf: (player: PlayerId, lane: Lane) => string;
}

const OUTCOME_TEXT: Readonly<Record<Exclude<TestEntry['outcome'], 'press'>, StringKey>> = {
  merged: 'devTestMerged',
  quiet: 'devTestQuiet',
  unmapped: 'devTestUnmapped',
  nobody: 'devTestNobody',
};

/**
 * The device test: the last hits of every device, newest on top, each with the device, the note
 * and velocity (MIDI) or button, the gap to that device's previous hit, and what it became.
 * Drawn at most once a frame, however many hits come (a flood of 1,000 a second included).
 */
export class DeviceTestPanel {
  private readonly lines: Phaser.GameObjects.Text[] = [];
  private drawn = -1;

  constructor(
    scene: Phaser.Scene,
    private readonly log: DeviceTestLog,
    private readonly o: DeviceTestPanelOptions,
  ) {
    const h = o.bottom - o.top;
    scene.add.rectangle(CENTER_X, o.top + h / 2, WIDTH - 60, h, 0x0d0b2a, 0.92).setStrokeStyle(2, 0x6c63ff, 0.7);
    scene.add
      .text(50, o.top + 20, o.t('devTest'), { fontFamily: FONT, fontSize: '22px', fontStyle: 'bold', color: '#ffe8a3' })
      .setOrigin(0, 0.5);
    const rowH = (h - 44) / log.size;
    for (let i = 0; i < log.size; i++) {
      this.lines.push(
        scene.add
          .text(60, o.top + 44 + rowH * (i + 0.5), '', { fontFamily: FONT, fontSize: '19px', color: o.palette.text })
          .setOrigin(0, 0.5),
      );
    }
    this.update();
  }

  /** Call every frame: redraws when hits came. */
  update(): void {
    if (this.drawn === this.log.version) return;
    this.drawn = this.log.version;
    const entries = this.log.entries;
    this.lines.forEach((line, i) => {
      const e = entries[i];
      if (!e) {
        line.setText(i === 0 ? this.o.t('devTestNone') : '').setColor(this.o.palette.dim);
        return;
      }
      line.setText(this.describe(e)).setAlpha(1 - i * 0.1);
      const p = e.player;
      line.setColor(e.outcome === 'press' && p !== null ? hex(this.o.palette.players[p]) : this.o.palette.dim);
    });
  }

  private describe(e: TestEntry): string {
    const { t } = this.o;
    const who = e.player === null ? '—' : t(e.player === 0 ? 'p1Short' : 'p2Short');
    const drum = e.lane ? t(LANE_LABEL[e.lane]) : '—';
    // Kits and pads by kind and name; the keyboard and touchscreen by kind alone.
    const drumDevice = e.kind === 'midi' || e.kind === 'gamepad';
    const kind = e.kind === 'pointer' ? '' : t(KIND_LABEL[e.kind]);
    let control = '';
    if (e.kind === 'midi' && e.control !== null) {
      control = t('devTestNote', { note: e.control, velocity: e.velocity ?? '—' });
    } else if (e.kind === 'gamepad' && e.control !== null) control = t('devTestButton', { button: e.control });
    else if (e.kind === 'keyboard' && e.lane && e.player !== null) control = this.o.keyOf(e.player, e.lane);
    const gap = e.gapMs === null ? '' : ` · ${t('devTestGap', { ms: formatGap(e.gapMs) })}`;
    const outcome = e.outcome === 'press' ? '' : `  (${t(OUTCOME_TEXT[e.outcome])})`;
    const device = drumDevice ? `${kind} ${clip(e.name, 28)}` : kind;
    return `${who} ${drum}  ←  ${device}${control ? ` · ${control}` : ''}${gap}${outcome}`;
  }
}

/** A gap in ms: one decimal under 100 ms (double triggers are a few ms apart), whole above. */
function formatGap(ms: number): string {
  return ms < 100 ? ms.toFixed(1) : String(Math.round(ms));
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
