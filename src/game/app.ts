import type { AudioEngine } from '../audio/engine';
import { type StringKey, translate } from '../content/strings';
import { loadSongs, type Song } from '../core/chart';
import type { CpuSkill } from '../core/cpuPartner';
import type { Results } from '../core/match';
import type { Difficulty, Mode, PlayerId, Seconds } from '../core/units';
import { InputHub } from '../input/inputHub';
import { Emitter } from './emitter';
import type { Session } from './session';
import { defaultSettings, type Settings } from './settings';
import { type Notice, SaveStore } from './storage';
import { parseSongUrl } from './url';

/** What the player chose to play. */
export interface Selection {
  songId: string;
  mode: Mode;
  difficulties: [Difficulty, Difficulty];
  /** Solo: how well the CPU partner plays. */
  cpuSkill: CpuSkill['name'];
}

/**
 * The audio module (Tone.js and the engine) as a separate chunk, fetched after the title is up:
 * it is not needed before the first gesture.
 */
export function loadAudioModule(): Promise<typeof import('../audio/engine')> {
  audioModule ??= import('../audio/engine');
  return audioModule;
}
let audioModule: Promise<typeof import('../audio/engine')> | null = null;

/** The short song the automated tests play; not offered in song select. */
export const SELF_TEST_SONG = 'test-song';

/** The lesson's song, played in Lesson mode. */
export const LESSON_SONG = 'first-lesson';

export interface AppEvents extends Record<string, unknown> {
  /** Audio started (after the first gesture) or failed to. */
  audio: { ok: boolean; message?: string };
  settings: Settings;
}

/**
 * State shared by the scenes: plain objects plus the input hub and the audio engine.
 * Scenes stay thin and read from here.
 */
export class App extends Emitter<AppEvents> {
  readonly input: InputHub;
  readonly songs: Song[];
  settings: Settings;
  audio: AudioEngine | null = null;
  audioError: string | null = null;
  selection: Selection;
  /** The run being played, if any. */
  session: Session | null = null;
  /**
   * Another clock the automation hook's perfTimeOf reads when no song runs (the calibration
   * metronome): performance instant of a time on that clock, or null.
   */
  clockSource: { perfTimeOf(player: PlayerId, time: Seconds): number | null } | null = null;
  /** A scene named in the URL (`?scene=Settings`) opens after loading instead of the title. */
  startScene: string | null = null;
  lastResults: Results | null = null;
  /** Per player: did the last run set a new best, and did it beat one saved before? */
  lastBest: { newBest: boolean[]; improved: boolean[] } = { newBest: [], improved: [] };
  /** A song opened by URL: play it straight away. */
  directPlay = false;

  /** @param search the page's query string: `?song=ID&mode=...` opens that song at once. */
  constructor(
    songData: readonly unknown[],
    search = '',
    readonly store: SaveStore = new SaveStore(null, () => defaultSettings()),
    readonly notices: { show(message: string): void } = { show: () => {} },
  ) {
    super();
    const { songs, errors } = loadSongs(songData);
    this.songs = songs;
    const loaded = store.loadSettings();
    this.settings = loaded.settings;
    document.documentElement.lang = this.settings.language;
    for (const n of loaded.notices) this.notify(n);
    // A song with bad data is left out, with a message: the other songs still play.
    for (const e of errors) {
      console.error(e);
      notices.show(translate(this.settings.language, 'noticeBadSong', { detail: e.split('\n')[0] ?? '' }));
    }
    this.input = new InputHub(this.settings.bindings);
    const first = this.songs[0];
    this.selection = { songId: first?.id ?? '', mode: 'duet', difficulties: ['normal', 'normal'], cpuSkill: 'steady' };
    const direct = parseSongUrl(search, (id) => !!this.song(id));
    if (direct) {
      this.selection = { ...this.selection, ...direct };
      this.directPlay = true;
    }
    this.startScene = new URLSearchParams(search).get('scene');
  }

  /** Songs offered in song select (the short self-test song is reachable by URL only). */
  get listedSongs(): Song[] {
    return this.songs.filter((s) => s.id !== SELF_TEST_SONG);
  }

  song(id: string): Song | undefined {
    return this.songs.find((s) => s.id === id);
  }

  get selectedSong(): Song {
    return (this.song(this.selection.songId) ?? this.songs[0]) as Song;
  }

  /**
   * Starts audio; must run inside a user gesture's handler. Safe to call again.
   * Resolves true when audio runs.
   */
  unlockAudio(): Promise<boolean> {
    if (this.unlocking) {
      if (this.audio && !this.audio.running) void this.audio.raw.resume();
      return this.unlocking;
    }
    let raw: AudioContext;
    try {
      // Created and resumed inside the gesture, as browsers require; Tone.js (loaded apart,
      // so it does not delay the title) is handed this native context when it arrives.
      const session = (navigator as Navigator & { audioSession?: { type: string } }).audioSession;
      if (session) session.type = 'playback';
      raw = new AudioContext({ latencyHint: 'interactive' });
      void raw.resume();
    } catch (e) {
      return Promise.resolve(this.audioFailed(e));
    }
    const attempt = loadAudioModule()
      .then(({ AudioEngine }) => {
        const audio = AudioEngine.create(raw);
        audio.setVolumes(this.settings.volumes);
        this.audio = audio;
        return audio.ready();
      })
      .then(
        () => {
          this.audioError = null;
          this.emit('audio', { ok: true });
          return true;
        },
        (e: unknown) => {
          // Blocked or failed: the next gesture tries again from the start.
          this.unlocking = null;
          this.audio = null;
          void raw.close().catch(() => {});
          return this.audioFailed(e);
        },
      );
    this.unlocking = attempt;
    return attempt;
  }

  private unlocking: Promise<boolean> | null = null;

  private audioFailed(e: unknown): false {
    this.audioError = e instanceof Error ? e.message : String(e);
    this.emit('audio', { ok: false, message: this.audioError });
    return false;
  }

  /** True once every piece of art has loaded (the title's art comes first). */
  artReady = false;
  private readonly artWaiters: (() => void)[] = [];

  /** Called by Boot when the last texture is in. */
  artLoaded(): void {
    this.artReady = true;
    for (const w of this.artWaiters.splice(0)) w();
  }

  /** Resolves when all art is loaded. */
  whenArtReady(): Promise<void> {
    return this.artReady ? Promise.resolve() : new Promise((resolve) => this.artWaiters.push(resolve));
  }

  /** Tells the player about a storage problem in plain words (never blocks play). */
  notify(n: Notice): void {
    const key: StringKey =
      n.kind === 'corrupt-settings'
        ? 'noticeCorruptSettings'
        : n.kind === 'corrupt-best'
          ? 'noticeCorruptBest'
          : n.kind === 'quota'
            ? 'noticeQuota'
            : n.kind === 'migrated'
              ? 'noticeMigrated'
              : 'noticeNoStorage';
    this.notices.show(translate(this.settings.language, key));
  }

  /**
   * Saves a finished run's bests. Per player: `newBest` when the run set a best worth
   * celebrating (a score above 0), `improved` when it beat a best saved before.
   */
  recordResults(results: Results): { newBest: boolean[]; improved: boolean[] } {
    const humans: PlayerId[] = results.mode === 'solo' ? [0] : results.mode === 'lesson' ? [1] : [0, 1];
    const { improved, previous } = this.store.recordResults(results, this.selection.difficulties, humans);
    for (const n of this.store.drainNotices()) this.notify(n);
    const scored = results.players.map((p, i) => (improved[i] ?? false) && p.score > 0);
    return { newBest: scored, improved: scored.map((b, i) => b && !!previous?.players[i]) };
  }

  updateSettings(next: Settings): void {
    this.settings = next;
    document.documentElement.lang = next.language;
    const notice = this.store.saveSettings(next);
    if (notice) this.notify(notice);
    this.input.setBindings(next.bindings);
    this.audio?.setVolumes(next.volumes);
    this.emit('settings', next);
  }
}
