import { describe, expect, it } from 'vitest';
import type { Song } from '../../src/core/song';
import { formatLength, scrollTo, songRows } from '../../src/game/songRows';

const song = (id: string, origin: Song['origin']) => ({ id, origin }) as unknown as Song;

describe('song select rows', () => {
  it("groups shipped and imported songs under headings, keeping each song's index", () => {
    const songs = [song('a', 'shipped'), song('x', 'imported'), song('b', 'shipped')];
    expect(songRows(songs).map((r) => (r.kind === 'heading' ? `# ${r.group}` : `${r.song.id}@${r.index}`))).toEqual([
      '# shipped',
      'a@0',
      'b@2',
      '# imported',
      'x@1',
    ]);
    expect(songRows([song('a', 'shipped')]).map((r) => r.kind)).toEqual(['song']);
  });

  it('scrolls as little as possible to show the chosen row, with its heading', () => {
    const rows = songRows(
      [...'abcd'].map((id) => song(id, 'shipped')).concat([...'wxyz'].map((id) => song(id, 'imported'))),
    );
    // rows: #, a, b, c, d, #, w, x, y, z (10); a window of 4
    expect(scrollTo(rows, 1, 0, 4)).toBe(0);
    expect(scrollTo(rows, 4, 0, 4)).toBe(1);
    expect(scrollTo(rows, 6, 1, 4)).toBe(3);
    expect(scrollTo(rows, 9, 3, 4)).toBe(6);
    expect(scrollTo(rows, 6, 6, 4)).toBe(5);
    expect(scrollTo(rows, 1, 6, 4)).toBe(0);
    expect(scrollTo(rows, 2, 0, 20)).toBe(0);
  });

  it('formats lengths as m:ss', () => {
    expect(formatLength(72.4)).toBe('1:12');
    expect(formatLength(59.6)).toBe('1:00');
    expect(formatLength(240)).toBe('4:00');
  });
});
