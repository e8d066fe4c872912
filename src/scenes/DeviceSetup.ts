import type Phaser from 'phaser';
import { LANE_LABEL } from '../content/strings';
import { LANES, type Lane, OFFSET_LIMIT_MS } from '../core/units';
import { saveProfiles } from '../game/devices';
import { CENTER_X, HEIGHT } from '../game/layout';
import { type AssignResult, PadAssigner } from '../input/assign';
import { type DeviceProfile, type DeviceSetup as Setup, updateProfile } from '../input/drumDevices';
import { controlsLabel, defaultLanes, MAX_VELOCITY, MIN_VELOCITY, NO_THRESHOLDS } from '../input/padMap';
import type { MenuAction } from '../input/press';
import { KIND_LABEL } from '../objects/deviceList';
import { OptionList, type OptionRow } from '../objects/optionList';
import { BaseScene } from './BaseScene';
import type { ReturnTo } from './Settings';

export interface DeviceSetupData {
  /** The device's id (DeviceInfo.id). */
  device?: string;
  back?: ReturnTo;
  focus?: number;
}

const ROW = { height: 48, spacing: 54, top: 168 } as const;
const COLUMN = { width: 590, gap: 40 } as const;
const columnX = (c: 0 | 1) => CENTER_X + (c === 0 ? -1 : 1) * (COLUMN.width / 2 + COLUMN.gap / 2);
const LEFT_ROWS = 4;
const HINT_Y = ROW.top + 8 * ROW.spacing - 6;

/**
 * One kit or pad: whom it plays for, its own input offset (and the wizard that measures it), and
 * which pads play each drum: hit a pad to assign it (any number per drum), per-drum velocity
 * thresholds against crosstalk (MIDI), and the defaults back.
 */
export class DeviceSetup extends BaseScene {
  private id = '';
  private back: ReturnTo = { scene: 'Devices' };
  /** The device as last seen connected (its profile is found by kind and name even after it goes). */
  private last: Setup | null = null;
  private list!: OptionList;
  private hint!: Phaser.GameObjects.Text;
  private assigner: PadAssigner | null = null;

  constructor() {
    super('DeviceSetup');
  }

  create(data: DeviceSetupData = {}): void {
    this.id = data.device ?? '';
    this.back = data.back ?? { scene: 'Devices' };
    this.last = this.app.input.drums.setup(this.id);
    this.assigner = null;
    this.backdrop(0.6);
    const text = (y: number, size: number, color: string) => this.centredText(y, size, color);
    const title = text(40, 34, '#ffe8a3').setFontStyle('bold');
    const sub = text(86, 20, this.palette.dim);
    this.hint = text(HINT_Y, 21, this.palette.text).setOrigin(0.5, 0);
    const s = this.last;
    if (!s) {
      title.setText(this.t('devGone'));
      this.list = new OptionList(this, [{ kind: 'action', label: this.t('back'), action: () => this.leave() }], {
        place: () => ({ x: CENTER_X, y: HEIGHT - 46, width: 300 }),
        width: COLUMN.width,
        height: ROW.height,
        onLabel: '',
        offLabel: '',
      });
      this.onMenu(() => this.leave());
      return;
    }
    this.assigner = new PadAssigner(this.id, s.standard);
    title.setText(s.name);
    sub.setText(`${this.t(KIND_LABEL[s.kind])} · ${this.t(s.needsSetup ? 'devNeedsSetup' : 'devSetupHow')}`);
    const rows = this.rows(s);
    const right = rows.length - LEFT_ROWS - 1;
    this.list = new OptionList(this, rows, {
      place: (i) => {
        if (i < LEFT_ROWS) return { x: columnX(0), y: ROW.top + i * ROW.spacing };
        if (i < LEFT_ROWS + right) return { x: columnX(1), y: ROW.top + (i - LEFT_ROWS) * ROW.spacing };
        return { x: CENTER_X, y: HEIGHT - 40, width: 300 };
      },
      width: COLUMN.width,
      height: ROW.height,
      fontSize: 20,
      onLabel: this.t('on'),
      offLabel: this.t('off'),
      onFocus: (row) => this.hint.setText(row.hint ?? ''),
    });
    // A controller with a non-standard layout starts on its first pad: "press each pad".
    this.list.setFocus(data.focus ?? (s.needsSetup ? LEFT_ROWS : 0));
    this.onMenu((a) => this.onMenuAction(a));
    this.own(this.app.input.on('hit', (h) => this.onHit(this.assigner?.hit(h, this.current().lanes))));
    this.own(
      this.app.input.on('devices', () => {
        if (!this.app.input.drums.has(this.id)) this.hint.setText(this.t('devGone'));
      }),
    );
  }

  /** The device's setup now: as connected, or from its profile once it has gone. */
  private current(): Setup {
    const s = this.app.input.drums.setup(this.id);
    if (s) this.last = s;
    const last = this.last as Setup;
    if (s) return s;
    const p = this.profile();
    return {
      ...last,
      player: p?.player === undefined ? last.player : p.player,
      offsetMs: p?.offsetMs ?? 0,
      lanes: p?.lanes ?? defaultLanes(last.kind),
      thresholds: p?.thresholds ?? NO_THRESHOLDS,
    };
  }

  private profile(): DeviceProfile | undefined {
    const s = this.last as Setup;
    return this.app.settings.devices.profiles.find((p) => p.kind === s.kind && p.name === s.name);
  }

  private change(change: Partial<Omit<DeviceProfile, 'kind' | 'name'>>): void {
    const s = this.last as Setup;
    saveProfiles(this.app, updateProfile(this.app.settings.devices.profiles, s.kind, s.name, change));
    this.list.refresh();
  }

  private rows(s: Setup): OptionRow[] {
    const t = this.t.bind(this);
    const players = [
      { value: '0', label: t('player1') },
      { value: '1', label: t('player2') },
      { value: 'none', label: t('devNobody') },
    ];
    const left: OptionRow[] = [
      {
        kind: 'choice',
        label: t('devPlaysFor'),
        hint: t('devPlaysForHint'),
        options: players,
        get: () => String(this.current().player ?? 'none'),
        set: (v) => this.change({ player: v === 'none' ? null : v === '1' ? 1 : 0 }),
      },
      {
        kind: 'slider',
        label: t('devOffset'),
        hint: t('devOffsetHint'),
        min: -OFFSET_LIMIT_MS,
        max: OFFSET_LIMIT_MS,
        step: 1,
        fastStep: 10,
        get: () => this.current().offsetMs,
        set: (v) => this.change({ offsetMs: v }),
        format: (v) => t('msValue', { ms: v > 0 ? `+${v}` : String(v) }),
      },
      { kind: 'action', label: t('devCalibrate'), hint: t('devCalibrateHint'), action: () => this.calibrate() },
      {
        kind: 'action',
        label: t('devDefaults'),
        hint: t('devDefaultsHint'),
        action: () => {
          this.change({ lanes: undefined, thresholds: undefined });
          this.hint.setText(t('devDefaultsDone'));
        },
      },
    ];
    const right = LANES.flatMap((lane): OptionRow[] => {
      const assign: OptionRow = {
        kind: 'action',
        label: t('devPads', { lane: t(LANE_LABEL[lane]) }),
        hint: t('devAssignHint'),
        value: () => controlsLabel(s.kind, s.standard, this.current().lanes[lane]) || t('devNone'),
        action: () => this.startAssign(lane),
      };
      if (s.kind !== 'midi') return [assign];
      const threshold: OptionRow = {
        kind: 'slider',
        label: t('devThreshold', { lane: t(LANE_LABEL[lane]) }),
        hint: t('devThresholdHint'),
        min: MIN_VELOCITY,
        max: MAX_VELOCITY,
        step: 1,
        fastStep: 10,
        get: () => this.current().thresholds[lane],
        set: (v) => this.change({ thresholds: { ...this.current().thresholds, [lane]: v } }),
        format: (v) => (v <= MIN_VELOCITY ? t('off') : String(v)),
      };
      return [assign, threshold];
    });
    return [...left, ...right, { kind: 'action', label: t('back'), action: () => this.leave() }];
  }

  private startAssign(lane: Lane): void {
    // A controller whose buttons were only guessed is set up from scratch: each drum gets what is hit.
    if (this.current().needsSetup) this.change({ lanes: { hihat: [], snare: [], tom: [], kick: [] } });
    this.assigner?.start(lane);
    this.showAssigning();
  }

  private showAssigning(): void {
    const a = this.assigner;
    if (!a?.lane) return;
    const s = this.current();
    const taken = controlsLabel(s.kind, s.standard, a.taken);
    this.hint.setText(this.t('devAssignNow', { lane: this.t(LANE_LABEL[a.lane]), pads: taken || this.t('devNone') }));
  }

  private onHit(r: { result: AssignResult; lanes: DeviceProfile['lanes'] | null } | undefined): void {
    if (!r || r.result.kind === 'ignored') return;
    if (r.result.kind === 'menu') {
      this.hint.setText(this.t('devMenuButton'));
      return;
    }
    if (r.lanes) this.change({ lanes: r.lanes });
    this.showAssigning();
  }

  private onMenuAction(a: MenuAction): void {
    const assigner = this.assigner;
    if (assigner?.lane) {
      // Enter: the next drum (the "press each pad" walk); Esc: done.
      const more = a === 'confirm' && assigner.next();
      if (more) this.list.setFocus(this.laneRow(assigner.lane as Lane));
      if (more) this.showAssigning();
      else if (a === 'confirm' || a === 'back') {
        assigner.stop();
        this.hint.setText(this.t('devAssignDone'));
      }
      return;
    }
    if (a === 'back') this.leave();
    else this.list.handle(a);
  }

  /** The row of a lane's pads. */
  private laneRow(lane: Lane): number {
    const perLane = this.current().kind === 'midi' ? 2 : 1;
    return LEFT_ROWS + LANES.indexOf(lane) * perLane;
  }

  private calibrate(): void {
    const back: ReturnTo = { scene: 'DeviceSetup', data: { device: this.id, back: this.back, focus: 2 } };
    this.scene.start('Calibration', { player: this.current().player ?? 0, device: this.id, back });
  }

  private leave(): void {
    this.assigner?.stop();
    this.scene.start(this.back.scene, this.back.data);
  }
}
