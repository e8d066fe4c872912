import { integratedLoudness } from '../audio/loudness';
import { translate } from '../content/strings';
import { loadSongs } from '../core/chart';
import { InputHub } from '../input/hub';
import { type Notices, tellStorage } from '../page/notices';
import { AudioService } from './audioService';
import { watchDevices } from './devices';
import { Emitter } from './emitter';
import { PlayFlow } from './flow';
import { createImports, IMPORTED_ID, type Imports } from './imports';
import { Latch } from './latch';
import { SongLibrary } from './library';
import { openIndexedDbBackend, ReplayStore, type ReplayStoreProblem } from './replayStore';
import type { Settings } from './settings';
import type { SaveStore, Notice as StorageNotice } from './storage';
import { type Launch, parseLaunch } from './url';

/** Events the page around the canvas listens to (notices, the update banner, the rotate prompt). */
export interface AppEvents extends Record<string, unknown> {
  /** The topmost scene changed. */
  scene: string;
  settings: Settings;
  /** A scene should be shown now, whatever is showing (a replay file was opened: 'Play'). */
  goTo: string;
}

/**
 * The game's services, shared by the scenes: settings and saves, the song library, input,
 * audio, notices, and the play flow (selection, run, results). Scenes stay thin and use these.
 */
export class App {
  readonly events = new Emitter<AppEvents>();
  readonly library: SongLibrary;
  readonly input: InputHub;
  readonly audio: AudioService;
  readonly flow: PlayFlow;
  /** Every finished run, kept as a replay (IndexedDB). */
  readonly replays: ReplayStore;
  /** Opens once every piece of art has loaded (the title's art comes first). */
  readonly art = new Latch();
  /** Imported songs: the importer, their music, the stored library. */
  readonly imports: Imports;
  private launched: Launch;
  private current: Settings;
  private scene = 'Boot';

  /** @param search the page's query string: `?song=ID&mode=...` opens that song at once. */
  constructor(
    songData: readonly unknown[],
    search: string,
    readonly store: SaveStore,
    readonly notices: Notices,
  ) {
    const loaded = store.loadSettings();
    this.current = loaded.settings;
    document.documentElement.lang = this.current.language;
    for (const n of loaded.notices) this.tellStorage(n);
    const { songs, errors } = loadSongs(songData);
    // A song with bad data is left out, with a message: the other songs still play.
    for (const e of errors) {
      console.error(e);
      notices.error(this.t('noticeBadSong', { detail: e.split('\n')[0] ?? '' }));
    }
    this.library = new SongLibrary(songs);
    this.input = new InputHub(this.current.bindings, this.current.devices.profiles);
    watchDevices(this);
    this.audio = new AudioService(() => this.current.volumes);
    // Said in the page too (scenes say it on the canvas): what really went wrong, and what helps.
    this.audio.on('failed', (f) => notices.error(this.t(f.reason === 'load' ? 'audioLoadFailed' : 'audioBlocked')));
    this.replays = new ReplayStore(openIndexedDbBackend(), (p) => this.tellReplayStore(p));
    this.flow = new PlayFlow(this.library, store, this.replays);
    this.imports = createImports({
      library: this.library,
      notices,
      store,
      t: (key, vars) => this.t(key, vars),
      loudness: integratedLoudness,
      sampleRate: () => this.audio.engine?.raw.sampleRate,
    });
    // An imported song's id is taken on trust until the stored songs are in (settleLaunch).
    this.launched = parseLaunch(search, (id) => !!this.library.get(id) || IMPORTED_ID.test(id));
    if (this.launched.kind === 'song') {
      const { songId, mode, difficulties, practice } = this.launched;
      this.flow.choose({ songId, mode, difficulties });
      if (practice) this.flow.setPlan({ kind: 'practice', setup: practice });
    } else this.tellLaunchProblem();
  }

  /** What the page's URL asked for (an imported song's id is checked by settleLaunch). */
  get launch(): Launch {
    return this.launched;
  }

  /**
   * Waits for the stored songs, then checks a song asked for by URL: one that is not there after
   * all opens the title, with a notice.
   */
  async settleLaunch(): Promise<Launch> {
    const l = this.launched;
    if (l.kind !== 'song' || this.library.get(l.songId)) return l;
    // A database that never answers (blocked by another tab) must not hold the game up.
    await Promise.race([this.imports.loaded, new Promise((r) => setTimeout(r, 5000))]);
    if (l.kind === 'song' && !this.library.get(l.songId)) {
      this.launched = { kind: 'title', problem: { what: 'song', value: l.songId } };
      this.flow.choose({ songId: this.library.listed[0]?.id ?? '' });
      this.tellLaunchProblem();
    }
    return this.launched;
  }

  private tellLaunchProblem(): void {
    if (this.launched.kind !== 'title' || !this.launched.problem) return;
    const { what, value } = this.launched.problem;
    this.notices.error(
      what === 'song' ? this.t('noticeUnknownSong', { id: value }) : this.t('noticeUnknownScene', { name: value }),
    );
  }

  get settings(): Settings {
    return this.current;
  }

  t(key: Parameters<typeof translate>[1], vars?: Record<string, string | number>): string {
    return translate(this.current.language, key, vars);
  }

  updateSettings(next: Settings): void {
    this.current = next;
    document.documentElement.lang = next.language;
    const notice = this.store.saveSettings(next);
    if (notice) this.tellStorage(notice);
    this.input.setBindings(next.bindings);
    this.input.setProfiles(next.devices.profiles);
    this.audio.setVolumes(next.volumes);
    this.events.emit('settings', next);
  }

  tellStorage(n: StorageNotice): void {
    tellStorage(this.notices, this.current.language, n);
  }

  private tellReplayStore(p: ReplayStoreProblem): void {
    if (p.kind !== 'unavailable') console.error('replay store:', p);
    this.notices.error(
      this.t(
        p.kind === 'unavailable'
          ? 'replayStoreUnavailable'
          : p.kind === 'failed'
            ? 'replayStoreFailed'
            : 'replayUnreadable',
      ),
    );
  }

  /** Called by every scene as it starts and stops, with the topmost scene's key. */
  sceneChanged(key: string): void {
    if (key === this.scene) return;
    this.scene = key;
    this.events.emit('scene', key);
  }

  /** Key of the topmost scene. */
  get activeScene(): string {
    return this.scene;
  }
}
