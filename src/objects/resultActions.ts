import { partOf } from '../core/song';
import { PLAYERS, type PlayerId } from '../core/units';
import type { FinishedRun } from '../game/flow';
import { exportReplay, reopen, watch } from '../game/replayIo';
import { hex } from '../game/theme';
import { shareLink } from '../game/url';
import { copyText, shareOrDownload } from '../page/download';
import { type CardPlayer, renderResultCard } from '../page/resultCard';
import type { BaseScene } from '../scenes/BaseScene';
import type { MenuItem } from './menu';

/*
 * What Results offers besides Retry and Back: watch the run again, race it, save its replay
 * file, make its result card, copy a link to the same song, mode and difficulties.
 */

/** The replay, sharing and card actions for a finished run, as menu items. */
export function resultActions(scene: BaseScene, finished: FinishedRun): MenuItem[] {
  const app = scene.app;
  const doc = finished.replay;
  const items: MenuItem[] = [];
  if (doc) {
    if (finished.kind !== 'watch') {
      items.push({
        label: scene.t('watchReplay'),
        action: () => {
          const opened = reopen(app, doc);
          if (!opened) return;
          watch(app, opened);
          scene.scene.start('Play');
        },
      });
    }
    items.push({
      label: scene.t('raceGhost'),
      action: () => {
        const replay = reopen(app, doc);
        if (!replay) return;
        app.flow.setPlan({ kind: 'race', replay, ghost: 1 });
        scene.scene.start('Play');
      },
    });
    items.push({ label: scene.t('saveReplay'), action: () => exportReplay(app, doc) });
  }
  items.push({ label: scene.t('resultCard'), action: () => void saveCard(scene, finished) });
  if (finished.kind !== 'watch') {
    items.push({
      label: scene.t('copyLink'),
      action: () => {
        const r = finished.results;
        const url = shareLink(window.location.href, { songId: r.songId, mode: r.mode, difficulties: r.difficulties });
        void copyText(url).then((ok) => app.notices.info(scene.t(ok ? 'linkCopied' : 'linkShown', { url }), 10_000));
      },
    });
  }
  return items;
}

/** Draws the result card and shares it (Web Share API) or downloads it. */
async function saveCard(scene: BaseScene, finished: FinishedRun): Promise<void> {
  const app = scene.app;
  const r = finished.results;
  const song = app.library.get(r.songId);
  const image = (key: string) =>
    scene.textures.exists(key) ? (scene.textures.get(key).getSourceImage() as CanvasImageSource) : null;
  const player = (p: PlayerId): CardPlayer => {
    const pr = r.players[p];
    const character = song ? partOf(song, p).character : p === 0 ? 'takaichi' : 'lee';
    const who = r.seats[p] === 'cpu' ? scene.t('cpuPartner') : scene.t(p === 0 ? 'player1' : 'player2');
    return {
      label: `${who} · ${scene.t(r.difficulties[p])}`,
      leader: scene.t(character === 'lee' ? 'nameLee' : 'nameTakaichi'),
      grade: pr?.grade ?? 'D',
      score: pr?.score ?? 0,
      accuracy: `${scene.t('accuracy')} ${((pr?.accuracy ?? 0) * 100).toFixed(2)}%`,
      color: hex(scene.palette.players[p]),
      image: image(`${character}-cheer`),
    };
  };
  const centre =
    r.harmony !== null
      ? `${scene.t('harmony')} ${Math.round(r.harmony * 100)}%`
      : r.battle
        ? r.battle.winner === null
          ? scene.t('tie')
          : scene.t('winner', {
              name: scene.t(r.battle.winner === 0 ? 'player1' : 'player2'),
              margin: r.battle.margin.toLocaleString('en-US'),
            })
        : null;
  const modeKey = ({ duet: 'modeDuet', battle: 'modeBattle', solo: 'modeSolo', lesson: 'modeLesson' } as const)[r.mode];
  try {
    const blob = await renderResultCard({
      game: 'Drum Diplomacy',
      title: r.title,
      mode: scene.t(modeKey),
      players: [player(PLAYERS[0] as PlayerId), player(PLAYERS[1] as PlayerId)],
      centre,
      background: image('sky'),
    });
    const name = `${r.songId}-${r.mode}-result.png`;
    const how = await shareOrDownload(name, blob, `Drum Diplomacy · ${r.title}`);
    if (how === 'shared') app.notices.info(scene.t('cardShared'));
    else if (how === 'downloaded') app.notices.info(scene.t('cardSaved', { name }));
  } catch (e) {
    console.error(e);
    app.notices.error(String(e));
  }
}
