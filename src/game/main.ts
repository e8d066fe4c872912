import { SONGS, TEST_SONG } from '../content/songs';
import { lanesFor } from '../core/units';
import { prefersTouch } from '../input/touch';
import { installImportUi } from '../page/importUi';
import { layoutBoxes } from '../page/layoutBoxes';
import { layout } from '../page/layoutDom';
import { Notices } from '../page/notices';
import { installDeviceUi } from '../page/pwa';
import { DrumGame } from '../scenes/BaseScene';
import { App } from './app';
import { gameConfig } from './config';
import { installHook } from './hook';
import { HIGHWAY, laneX, useTouchLayout } from './layout';
import { initialDesignSize, installLayout } from './layoutService';
import { browserLanguage, defaultSettings } from './settings';
import { SaveStore } from './storage';

/** Builds the game into `parent` and exposes the automation hook. */
export function startGame(parent: HTMLElement): DrumGame {
  useTouchLayout(prefersTouch() || new URLSearchParams(window.location.search).get('touch') === '1');
  const store = SaveStore.fromWindow(() => defaultSettings(browserLanguage(navigator.languages ?? [])));
  const app = new App([...SONGS, TEST_SONG], window.location.search, store, new Notices());
  initialDesignSize(parent);
  const game = new DrumGame(gameConfig(parent));
  game.app = app;
  installLayout(game, parent);
  installHook({
    app,
    padAt: (player, lane) => {
      if (!game.scene.isActive('Play')) return null;
      const d = app.flow.difficulties[player];
      if (!lanesFor(d).includes(lane)) return null;
      return layout.toPage(game, laneX(player, d, lane), HIGHWAY.hitLineY);
    },
    replay: () => app.flow.lastReplay,
    layoutBoxes: () => layoutBoxes(game),
  });
  installDeviceUi(app);
  installImportUi(app);
  app.events.on('goTo', (key) => game.goTo(key));
  // The page's own loading splash (index.html) goes once the game shows its first screen.
  const offSplash = app.events.on('scene', (key) => {
    if (key === 'Boot') return;
    offSplash();
    const splash = document.getElementById('splash');
    splash?.classList.add('gone');
    window.setTimeout(() => splash?.remove(), 400);
  });
  return game;
}
