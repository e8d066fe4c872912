import { travelTimeFor } from '../core/noteSpeed';
import { partOf } from '../core/song';
import { LANES, type PlayerId } from '../core/units';
import { HIGHWAY } from '../game/layout';
import { NOTE_SIZE } from '../game/textures';
import type { Run } from '../run/run';
import type { BaseScene } from '../scenes/BaseScene';
import type { StaticLayer } from './bake';
import { PlayerHud } from './playerHud';

/**
 * A player's highway and score for a run: named by who plays it (watching, as it was played),
 * its notes falling at a speed that keeps close notes of a lane apart (the setting scales it).
 */
export function makeRunHud(
  scene: BaseScene,
  run: Run,
  p: PlayerId,
  bake: StaticLayer,
  onMilestone: () => void,
): PlayerHud {
  const difficulty = run.setup.difficulties[p];
  const seat = run.lineup.seats[p];
  const kind = run.watching ? (run.setup.recorded?.seats?.[p] ?? 'local') : seat.kind;
  const who =
    kind === 'local' || kind === 'remote'
      ? scene.t(p === 0 ? 'player1' : 'player2')
      : scene.t(kind === 'replay' ? 'ghost' : seat.skill?.name === 'autoplay' ? 'autoplay' : 'cpuPartner');
  return new PlayerHud(
    scene,
    {
      player: p,
      notes: run.charts[p],
      difficulty,
      palette: scene.palette,
      keys: scene.app.settings.bindings.keyboard[p],
      noteSpeed: travelTimeFor(
        LANES.map((lane) => run.charts[p].filter((n) => n.lane === lane).map((n) => n.time)),
        HIGHWAY.hitLineY - HIGHWAY.top,
        scene.app.settings.noteSpeed,
        NOTE_SIZE + 16,
      ),
      label: `${who} · ${scene.t(difficulty)}`,
      character: partOf(run.song, p).character,
      calm: scene.calm,
      judgementName: (j) => scene.t(j),
      milestone: (n) => scene.t('comboMilestone', { n }),
      onMilestone,
    },
    bake,
  );
}
