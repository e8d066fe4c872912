import { AudioEngine } from '../audio/engine';
import { loadSong, type Song } from '../core/chart';
import type { Results } from '../core/match';
import type { Difficulty, Mode } from '../core/units';
import { InputHub } from '../input/inputHub';
import { Emitter } from './emitter';
import type { Session } from './session';
import { browserLanguage, defaultSettings, type Settings } from './settings';
import { parseSongUrl } from './url';

/** What the player chose to play. */
export interface Selection {
  songId: string;
  mode: Mode;
  difficulties: [Difficulty, Difficulty];
}

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
  lastResults: Results | null = null;
  /** A song opened by URL: play it straight away. */
  directPlay = false;

  /** @param search the page's query string: `?song=ID&mode=...` opens that song at once. */
  constructor(songData: readonly unknown[], search = '', settings?: Settings) {
    super();
    this.songs = songData.map((d) => loadSong(d));
    this.settings = settings ?? defaultSettings(browserLanguage(navigator.languages ?? []));
    this.input = new InputHub(this.settings.bindings);
    const first = this.songs[0];
    this.selection = { songId: first?.id ?? '', mode: 'duet', difficulties: ['normal', 'normal'] };
    const direct = parseSongUrl(search, (id) => !!this.song(id));
    if (direct) {
      this.selection = direct;
      this.directPlay = true;
    }
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
    if (!this.audio) {
      try {
        this.audio = AudioEngine.create();
        this.audio.setVolumes(this.settings.volumes);
      } catch (e) {
        this.audioError = String(e);
        this.emit('audio', { ok: false, message: this.audioError });
        return Promise.resolve(false);
      }
      const audio = this.audio;
      this.ready = audio.ready().then(
        () => {
          this.audioError = null;
          this.emit('audio', { ok: true });
          return true;
        },
        (e: unknown) => {
          this.audioError = e instanceof Error ? e.message : String(e);
          this.emit('audio', { ok: false, message: this.audioError });
          return false;
        },
      );
    } else if (!this.audio.running) {
      void this.audio.raw.resume();
    }
    return this.ready;
  }

  private ready: Promise<boolean> = Promise.resolve(false);

  updateSettings(next: Settings): void {
    this.settings = next;
    this.input.setBindings(next.bindings);
    this.audio?.setVolumes(next.volumes);
    this.emit('settings', next);
  }
}
