import type { DecodedMusic } from './decode';

/*
 * Decoded music of imported songs, by audio key: filled by the game (src/game/songMusic.ts) before
 * a song starts, read by the engine when it loads the song. A decoded 4-minute song takes about
 * 90 MB, so only the most recent few are kept. No Tone.js here: the page's main code and the
 * engine's lazily loaded chunk share it.
 */

const KEEP = 2;
const cache = new Map<string, DecodedMusic>();

/** The decoded music under `key`, if it is still kept. */
export function cachedMusic(key: string): DecodedMusic | undefined {
  const found = cache.get(key);
  if (found) {
    // most recently used last
    cache.delete(key);
    cache.set(key, found);
  }
  return found;
}

/** Keeps decoded music under `key`, dropping the least recently used beyond a few. */
export function keepMusic(key: string, music: DecodedMusic): void {
  cache.delete(key);
  cache.set(key, music);
  while (cache.size > KEEP) cache.delete(cache.keys().next().value as string);
}

/** Drops the decoded music under `key`. */
export function forgetMusic(key: string): void {
  cache.delete(key);
}
