import type Phaser from 'phaser';
import type { AudioEngine } from '../audio/engine';
import { CENTER_X, captionSlot } from '../game/layout';
import { FONT } from '../game/theme';
import type { Run } from '../run/run';
import type { BaseScene } from '../scenes/BaseScene';
import { wrapStyle } from './captionBox';

/**
 * Before a run starts: "press a key or tap to begin" (browsers let only a key or a tap turn the
 * sound on; a kit or pad is told so), an imported song's music decoded meanwhile, then `start`
 * with the running engine. A failure to start the sound is said truthfully (blocked, or the sound
 * code could not be loaded); music this browser cannot decode leaves a click track, said.
 */
export function addStartGate(scene: BaseScene, run: Run, start: (engine: AudioEngine) => void): void {
  const app = scene.app;
  const slot = captionSlot();
  const prompt = scene.add
    .text(CENTER_X, slot.top + (slot.bottom - slot.top) * 0.35, scene.t('pressToBegin'), {
      fontFamily: FONT,
      fontStyle: 'bold',
      color: '#ffffff',
      align: 'center',
      fontSize: '30px',
      backgroundColor: '#1d1b4fdd',
      padding: { x: 24, y: 14 },
      wordWrap: wrapStyle(Math.min(560, slot.width - 48), true),
    })
    .setOrigin(0.5);
  const devices = app.input.drums.list.length > 0;
  const note: Phaser.GameObjects.Text = scene.add
    .text(CENTER_X, prompt.y + prompt.height / 2 + 12, devices ? scene.t('devUnlockNote') : '', {
      fontFamily: FONT,
      fontSize: '22px',
      color: '#ffe8a3',
      align: 'center',
      backgroundColor: '#1d1b4fdd',
      padding: { x: 16, y: 8 },
      wordWrap: wrapStyle(Math.min(520, slot.width - 32), true),
    })
    .setOrigin(0.5, 0)
    .setVisible(devices);
  const music = app.imports.music.prepare(run.song).catch((e: unknown) => {
    const detail = e instanceof Error ? e.message : String(e);
    app.notices.error(scene.t('songMusicFailed', { title: run.song.title, detail }));
  });
  scene.own(
    app.audio.whenRunning(
      app.input,
      (engine) => {
        if (!app.imports.music.ready(run.song)) prompt.setText(scene.t('songMusicLoading'));
        void music.then(() => {
          if (app.flow.run !== run) return;
          prompt.setVisible(false);
          note.setVisible(false);
          start(engine);
        });
      },
      (f) => prompt.setText(scene.t(f.reason === 'load' ? 'audioLoadFailed' : 'audioBlocked')),
    ),
  );
}
