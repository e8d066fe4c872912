import type Phaser from 'phaser';
import { LANES } from '../core/units';
import { changeDevice, midiStateText, nextPlayer, playerLabel, swapDevicePlayers } from '../game/devices';
import { CENTER_X, HEIGHT, PORTRAIT } from '../game/layout';
import { minButtonPx, topInset } from '../game/layoutService';
import { keyLabel } from '../input/bindings';
import { DeviceTestLog } from '../input/deviceTest';
import type { DeviceInfo, MenuAction } from '../input/press';
import { ButtonRow } from '../objects/buttonRow';
import { DeviceList } from '../objects/deviceList';
import { DeviceTestPanel } from '../objects/deviceTestPanel';
import { BaseScene } from './BaseScene';
import type { ReturnTo } from './Settings';

export interface DevicesSceneData {
  back?: ReturnTo;
}

const STATUS_Y = 92;
const LIST_BASE = { top: 146, spacing: 50, rowHeight: 44, rows: 5, width: 1100 } as const;

/**
 * The list, then the buttons, the message and the device test, each under the one before: rows
 * and buttons are a thumb tall, so a phone shows fewer rows (the list scrolls).
 */
function devicesLayout(below: number) {
  const tap = Math.max(50, minButtonPx());
  const rowHeight = Math.max(LIST_BASE.rowHeight, minButtonPx());
  const spacing = Math.max(LIST_BASE.spacing, rowHeight + 6);
  const top = Math.max(LIST_BASE.top, below + rowHeight / 2);
  const rows = Math.max(2, Math.min(LIST_BASE.rows, Math.floor((HEIGHT * 0.4) / spacing)));
  const buttonsY = top + rows * spacing - spacing / 2 + 14 + tap / 2;
  const messageY = buttonsY + tap / 2 + 8;
  return { list: { ...LIST_BASE, top, rows, spacing, rowHeight }, buttonsY, messageY };
}

/**
 * Every input device, live (MIDI kits, gamepads, the keyboard, the touchscreen), whom each plays
 * for, and the device test. MIDI is only asked for here, by the players' own choice; kits and
 * pads are set up (pads, thresholds, offset) in DeviceSetup.
 */
export class Devices extends BaseScene {
  private back: ReturnTo = { scene: 'Settings' };
  private list!: DeviceList;
  private buttons!: ButtonRow;
  private status!: Phaser.GameObjects.Text;
  private message!: Phaser.GameObjects.Text;
  private panel!: DeviceTestPanel;
  private area: 'list' | 'buttons' = 'list';

  constructor() {
    super('Devices');
  }

  create(data: DevicesSceneData = {}): void {
    this.back = data.back ?? { scene: 'Settings' };
    this.area = 'list';
    const app = this.app;
    const t = this.t.bind(this);
    this.backdrop(0.6);
    const text = (y: number, size: number, color: string) => this.centredText(y, size, color);
    // Upright, under the page's own buttons.
    const titleY = PORTRAIT ? topInset() + 28 : 40;
    text(titleY, 40, '#ffe8a3').setText(t('devTitle')).setFontStyle('bold');
    const L = devicesLayout(PORTRAIT ? titleY + 52 + this.fontPx(20) * 2.8 : 0);
    this.status = text(PORTRAIT ? titleY + 52 : STATUS_Y, 20, this.palette.text).setOrigin(0.5, PORTRAIT ? 0 : 0.5);
    this.message = text(L.messageY, 20, this.palette.text).setOrigin(0.5, 0);
    this.list = new DeviceList(this, {
      ...L.list,
      x: CENTER_X,
      t,
      who: (d) => playerLabel(t, d),
      about: (d) => {
        if (d.kind === 'touch') return t('devTouchHalves');
        const [p1, p2] = app.settings.bindings.keyboard.map((k) => LANES.map((l) => keyLabel(k[l])).join(' '));
        return t('devKeysAsBound', { p1: p1 ?? '', p2: p2 ?? '' });
      },
      setupOf: (id) => app.input.drums.setup(id),
      onPlayer: (d, dir) => changeDevice(app, d.id, { player: nextPlayer(d.player, dir) }),
      onOpen: (d) => this.openSetup(d),
    });
    this.buttons = new ButtonRow(
      this,
      [
        { label: t('devUseMidi'), action: () => void app.input.midi.enable() },
        { label: t('devSwap'), action: () => this.swap() },
        { label: t('back'), action: () => this.leave() },
      ],
      { x: CENTER_X, y: L.buttonsY, width: 300, height: 50, gap: 24, fontSize: 22 },
    );
    const log = new DeviceTestLog(6);
    const keys = () => app.settings.bindings.keyboard;
    this.panel = new DeviceTestPanel(this, log, {
      // Under the message (two lines of it at most).
      top: Math.max(496, L.messageY + this.fontPx(20) * 2.8 + 8),
      bottom: HEIGHT - 10,
      palette: this.palette,
      t,
      keyOf: (p, lane) => keyLabel(keys()[p][lane]),
    });

    this.message.setText(t('devListHint'));
    this.showDevices(app.input.devices);
    this.showStatus();
    this.own(app.input.on('devices', (list) => this.showDevices(list)));
    this.own(app.input.on('midi', () => this.showStatus()));
    this.own(app.input.on('hit', (h) => log.addHit(h)));
    this.own(
      app.input.on('drum', (p) => {
        // Kits and pads are logged by their raw hits (merged and quiet ones too).
        if (app.input.drums.has(p.device)) return;
        const kind = p.device === 'keyboard' ? 'keyboard' : p.device === 'touch' ? 'touch' : 'pointer';
        log.addPress(p, kind, kind === 'pointer' ? '' : t(kind === 'keyboard' ? 'devKindKeyboard' : 'devKindTouch'));
      }),
    );
    this.onMenu((a) => this.onMenuAction(a));
    this.events.on('update', this.tick, this);
    this.own(() => this.events.off('update', this.tick, this));
  }

  private tick(): void {
    this.panel.update();
  }

  private showDevices(list: readonly DeviceInfo[]): void {
    this.list.setDevices(list);
    const drums = list.some((d) => d.kind === 'midi' || d.kind === 'gamepad');
    if (!drums) this.message.setText(this.t('devNoDrums'));
    else if (this.message.text === this.t('devNoDrums')) this.message.setText(this.t('devListHint'));
    this.focusArea(this.area);
  }

  private showStatus(): void {
    const s = this.app.input.midi.state;
    this.status.setText(midiStateText(this.t.bind(this), s));
    const problem = s.state === 'unsupported' || s.state === 'denied' || s.state === 'failed';
    this.status.setColor(problem ? '#ff8fa3' : this.palette.text);
  }

  private swap(): void {
    swapDevicePlayers(this.app);
    this.message.setText(this.t('devSwapped'));
  }

  private onMenuAction(a: MenuAction): void {
    if (a === 'back') {
      this.leave();
      return;
    }
    if (this.area === 'list') {
      const r = this.list.length === 0 ? 'leave-down' : this.list.handle(a);
      if (r === 'leave-down' || r === 'leave-up') this.focusArea('buttons');
      return;
    }
    if (a === 'up' || a === 'down') this.focusArea('list');
    else this.buttons.handle(a);
  }

  private focusArea(area: 'list' | 'buttons'): void {
    this.area = this.list.length === 0 ? 'buttons' : area;
    this.list.setActive(this.area === 'list');
    this.buttons.setActive(this.area === 'buttons');
  }

  private openSetup(d: DeviceInfo): void {
    const back: ReturnTo = { scene: 'Devices', data: { back: this.back } };
    this.scene.start('DeviceSetup', { device: d.id, back });
  }

  private leave(): void {
    this.scene.start(this.back.scene, this.back.data);
  }
}
