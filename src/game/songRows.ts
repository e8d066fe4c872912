import type { Song } from '../core/song';

/*
 * Song select's list as rows: the shipped songs under one heading, the player's imported songs
 * under another, and which rows fit the list's window so the chosen song is always in view.
 * Pure, Node-tested; src/objects/songList.ts draws it.
 */

export type SongRow =
  | { readonly kind: 'heading'; readonly group: Song['origin'] }
  | { readonly kind: 'song'; readonly song: Song; readonly index: number };

/** Rows for `songs` (shipped first, then imported, each in its own order); `index` is the song's place in `songs`. */
export function songRows(songs: readonly Song[]): SongRow[] {
  const rows: SongRow[] = [];
  for (const group of ['shipped', 'imported'] as const) {
    const mine = songs.flatMap((song, index) => (song.origin === group ? [{ song, index }] : []));
    if (mine.length === 0) continue;
    // One group alone needs no heading.
    if (mine.length !== songs.length) rows.push({ kind: 'heading', group });
    for (const m of mine) rows.push({ kind: 'song', ...m });
  }
  return rows;
}

/**
 * The first row of a window of `size` rows that shows row `at`, moving as little as possible from
 * `first` (the window's first row now); a heading just above the chosen song comes into view with it.
 */
export function scrollTo(rows: readonly SongRow[], at: number, first: number, size: number): number {
  const max = Math.max(0, rows.length - size);
  let top = Math.min(Math.max(first, at - size + 1), at);
  if (rows[at - 1]?.kind === 'heading' && top === at) top = at - 1;
  return Math.max(0, Math.min(max, top));
}

/** "m:ss". */
export function formatLength(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
