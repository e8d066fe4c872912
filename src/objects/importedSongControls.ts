import type Phaser from 'phaser';
import type { Song } from '../core/song';
import { FONT } from '../game/theme';
import type { BaseScene } from '../scenes/BaseScene';
import { ConfirmDialog } from './confirmDialog';

/** How far one press of an offset button moves an imported song's offset, ms. */
export const OFFSET_STEP_MS = 5;

/**
 * Song select's controls for an imported song, along the bottom right: the offset of its music
 * file, nudged in 5 ms steps (saved with the song), and Delete, asked first (its music and bests
 * go with it).
 */
export class ImportedSongControls {
  private readonly objects: Phaser.GameObjects.Text[];
  private readonly offsetText: Phaser.GameObjects.Text;
  private song: Song | null = null;
  /** The delete question while it is open: the scene routes menu actions to it. */
  dialog: ConfirmDialog | null = null;

  constructor(
    private readonly scene: BaseScene,
    y: number,
    /** After a change to the shown song (its offset). */
    private readonly changed: () => void,
    /** Centre x of the controls. */
    x = 990,
  ) {
    const button = (x: number, label: string, name: string, action: () => void) =>
      scene.add
        .text(x, y, label, {
          fontFamily: FONT,
          fontSize: '22px',
          color: '#f5f3ff',
          backgroundColor: '#1d1b4fcc',
          padding: { x: 12, y: 8 },
        })
        .setOrigin(0.5)
        .setName(name)
        .setInteractive({ useHandCursor: true })
        .on('pointerup', action);
    this.offsetText = scene.add
      .text(x - 65, y, '', { fontFamily: FONT, fontSize: '18px', color: '#cfc8ff', align: 'center' })
      .setOrigin(0.5);
    this.objects = [
      button(x - 170, '−', 'offset-earlier', () => this.nudge(-OFFSET_STEP_MS)),
      this.offsetText,
      button(x + 40, '+', 'offset-later', () => this.nudge(OFFSET_STEP_MS)),
      button(x + 170, `✕ ${scene.t('songDelete')}`, 'delete-song', () => this.askDelete()),
    ];
  }

  /** Shows the controls for `song` (hidden for a shipped one). */
  show(song: Song): void {
    this.song = song;
    const imported = song.origin === 'imported';
    // Only a music file can be out of step with its chart: a .mid's music and a click track never are.
    const offset = imported && song.audio.kind === 'file';
    for (const [i, o] of this.objects.entries()) o.setVisible(i === this.objects.length - 1 ? imported : offset);
    const ms = song.offsetMs ?? 0;
    this.offsetText.setText(this.scene.t('songOffset', { ms: ms > 0 ? `+${ms}` : String(ms) }));
  }

  private nudge(ms: number): void {
    const song = this.song;
    if (song?.origin !== 'imported') return;
    const app = this.scene.app;
    // Taps faster than the save: each adds to the value shown, not to the last one saved.
    const next = Math.max(-1000, Math.min(1000, (song.offsetMs ?? 0) + ms));
    this.show({ ...song, offsetMs: next });
    app.imports.importer.setOffset(song.id, next).then(
      () => this.changed(),
      (e: unknown) => {
        this.show(song);
        app.notices.error(this.scene.t('songOffsetFailed', { detail: e instanceof Error ? e.message : String(e) }));
      },
    );
  }

  private askDelete(): void {
    const song = this.song;
    if (song?.origin !== 'imported' || this.dialog?.open) return;
    this.dialog = new ConfirmDialog(this.scene, {
      message: this.scene.t('songDeleteConfirm', { title: song.title }),
      confirmLabel: this.scene.t('songDelete'),
      cancelLabel: this.scene.t('cancel'),
      onConfirm: () => void this.scene.app.imports.delete(song.id),
    });
  }
}
