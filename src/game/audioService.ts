import type { AudioEngine, Volumes } from '../audio/engine';
import type { InputHub } from '../input/hub';
import { Emitter } from './emitter';

export interface AudioEvents extends Record<string, unknown> {
  /** Audio started running, or stopped (suspended by the browser, interrupted, closed). */
  running: boolean;
  /** Starting audio failed: `blocked` by the browser, or the sound code failed to `load`. */
  failed: { reason: 'blocked' | 'load'; message: string };
}

type EngineModule = typeof import('../audio/engine');

/**
 * The audio module (Tone.js and the engine) as a separate chunk, fetched after the title is up:
 * it is not needed before the first gesture. A browser remembers a failed module fetch for the
 * page's life, so a retry asks for the chunk that failed under a fresh URL (its address is in
 * the error's message).
 */
async function importEngine(failed: unknown): Promise<EngineModule> {
  const url = failed
    ? /\bhttps?:\/\/[^\s'"]+?\.js\b/.exec(String((failed as Error)?.message ?? failed))?.[0]
    : undefined;
  if (url) return import(/* @vite-ignore */ `${url}?retry=${++retries}`) as Promise<EngineModule>;
  return import('../audio/engine');
}
let retries = 0;

/**
 * The one way audio starts. Browsers only let an AudioContext start inside a user gesture, so
 * the context is created in the first key or tap's own handler and handed to the engine once
 * its code has arrived. Everything that needs sound asks `whenRunning`, and everything that
 * must stop when sound stops listens to `running`.
 */
export class AudioService extends Emitter<AudioEvents> {
  engine: AudioEngine | null = null;
  /** Why the last attempt failed, until one succeeds. */
  failure: AudioEvents['failed'] | null = null;
  private unlocking: Promise<boolean> | null = null;
  private module: Promise<EngineModule> | null = null;
  private lastFailure: unknown = null;

  constructor(private readonly volumes: () => Volumes) {
    super();
  }

  /** True while the context runs (not suspended or interrupted). */
  get running(): boolean {
    return this.engine?.running ?? false;
  }

  /** Fetches the sound code ahead of the first gesture (safe to call often). */
  preload(): void {
    void this.loadModule().catch(() => {});
  }

  /**
   * Starts audio; must run inside a user gesture's handler. Safe to call again: a suspended
   * context is resumed. Resolves true when audio runs.
   */
  unlock(): Promise<boolean> {
    if (this.unlocking) return this.engine ? this.resumeEngine(this.engine) : this.unlocking;
    let raw: AudioContext;
    try {
      const session = (navigator as Navigator & { audioSession?: { type: string } }).audioSession;
      if (session) session.type = 'playback';
      raw = new AudioContext({ latencyHint: 'interactive' });
      void raw.resume();
    } catch (e) {
      return Promise.resolve(this.fail('blocked', e));
    }
    raw.addEventListener('statechange', () => {
      const running = raw.state === 'running';
      // The audio clock stood still while the context was suspended: relate it afresh.
      if (running) this.engine?.sync.reset();
      this.emit('running', running);
    });
    const attempt = this.loadModule()
      .then(
        ({ AudioEngine }) => {
          const engine = AudioEngine.create(raw);
          engine.setVolumes(this.volumes());
          this.engine = engine;
          return engine.ready().catch((e: unknown) => Promise.reject({ reason: 'blocked', e }));
        },
        (e: unknown) => Promise.reject({ reason: 'load', e }),
      )
      .then(
        () => {
          this.failure = null;
          this.emit('running', true);
          return true;
        },
        (f: { reason: 'blocked' | 'load'; e: unknown }) => {
          // The next gesture tries again from the start.
          this.unlocking = null;
          this.engine?.dispose();
          this.engine = null;
          void raw.close().catch(() => {});
          return this.fail(f.reason, f.e);
        },
      );
    this.unlocking = attempt;
    return attempt;
  }

  /**
   * Calls `ready` with the engine once audio runs: at once if it does, else after the next
   * gesture that starts it. `blocked` hears about each gesture that could not.
   * @returns a disposer that stops waiting.
   */
  whenRunning(
    input: InputHub,
    ready: (engine: AudioEngine) => void,
    blocked?: (f: AudioEvents['failed']) => void,
  ): () => void {
    if (this.engine && this.running) {
      ready(this.engine);
      return () => {};
    }
    this.preload();
    let asking = false;
    let done = false;
    const off = input.on('gesture', () => {
      if (asking || done) return;
      asking = true;
      void this.unlock().then((ok) => {
        asking = false;
        if (done) return;
        if (ok && this.engine) {
          done = true;
          off();
          ready(this.engine);
        } else if (this.failure) blocked?.(this.failure);
      });
    });
    return () => {
      done = true;
      off();
    };
  }

  /**
   * Resumes a suspended context (inside a gesture) and resolves once it runs again, its clock
   * related afresh; false if the browser keeps it stopped.
   */
  private resumeEngine(engine: AudioEngine, timeoutMs = 3000): Promise<boolean> {
    if (engine.running) return Promise.resolve(true);
    const raw = engine.raw;
    return new Promise<boolean>((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        raw.removeEventListener('statechange', check);
        // The clock stood still while suspended: relate it afresh before anything is timed on it.
        if (ok) engine.sync.reset();
        resolve(ok);
      };
      const check = () => {
        if (raw.state === 'running') done(true);
      };
      const timer = setTimeout(() => done(raw.state === 'running'), timeoutMs);
      raw.addEventListener('statechange', check);
      raw.resume().then(check, () => done(false));
    });
  }

  setVolumes(v: Volumes): void {
    this.engine?.setVolumes(v);
  }

  /** Loads the sound code, trying again after a failed download (0.5 s, 1 s, 2 s apart). */
  private loadModule(): Promise<EngineModule> {
    this.module ??= retry(importEngine, [500, 1000, 2000], this.lastFailure).catch((e: unknown) => {
      // The next try starts from the chunk that failed last.
      this.lastFailure = e;
      // A later gesture may try again (the network may be back).
      this.module = null;
      throw e;
    });
    return this.module;
  }

  private fail(reason: 'blocked' | 'load', e: unknown): false {
    const f = { reason, message: e instanceof Error ? e.message : String(e) };
    this.failure = f;
    this.emit('failed', f);
    return false;
  }
}

/** Calls `f` until it resolves, waiting each of `delays` (ms) between tries; `f` hears the last failure. */
async function retry<T>(
  f: (failed: unknown) => Promise<T>,
  delays: readonly number[],
  lastFailure: unknown = null,
): Promise<T> {
  let failed = lastFailure;
  for (const delay of delays) {
    try {
      return await f(failed);
    } catch (e) {
      failed = e;
      await new Promise((r) => setTimeout(r, delay));
    }
  }
  return f(failed);
}
