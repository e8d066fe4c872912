import { SONGS, TEST_SONG } from '../content/songs';
import { lanesFor } from '../core/units';
import { prefersTouch } from '../input/touch';
import { DrumGame } from '../scenes/BaseScene';
import { App } from './app';
import { gameConfig } from './config';
import { installHook } from './hook';
import { HIGHWAY, laneX, useTouchLayout } from './layout';
import { layout } from './layoutDom';
import { NoticeArea } from './notices';
import { installDeviceUi } from './pwa';
import { browserLanguage, defaultSettings } from './settings';
import { SaveStore } from './storage';

/** Builds the game into `parent` and exposes the automation hook. */
export function startGame(parent: HTMLElement): DrumGame {
  useTouchLayout(prefersTouch() || new URLSearchParams(window.location.search).get('touch') === '1');
  const store = SaveStore.fromWindow(() => defaultSettings(browserLanguage(navigator.languages ?? [])));
  const app = new App([...SONGS, TEST_SONG], window.location.search, store, new NoticeArea());
  const game = new DrumGame(gameConfig(parent));
  game.app = app;
  installHook({
    app,
    activeScene: () => {
      const active = game.scene.getScenes(true);
      return active[active.length - 1]?.scene.key ?? 'Boot';
    },
    padAt: (player, lane) => {
      if (!game.scene.isActive('Play')) return null;
      const d = app.selection.difficulties[player];
      if (!lanesFor(d).includes(lane)) return null;
      return layout.toPage(game, laneX(player, d, lane), HIGHWAY.hitLineY);
    },
  });
  installDeviceUi(() => app.settings.language);
  return game;
}
