import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nativeRate } from '../../src/audio/decode';

/** A WAV header (and a few samples) at `rate`. */
function wav(rate: number): Uint8Array {
  const bytes = new Uint8Array(48);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) bytes[at + i] = s.charCodeAt(i);
  };
  text(0, 'RIFF');
  view.setUint32(4, 40, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 2, true);
  view.setUint32(24, rate, true);
  text(36, 'data');
  return bytes;
}

describe('the rate imported music is decoded at', () => {
  it('is the rate a WAV or MP3 header gives, so the browser need not resample the whole file', () => {
    expect(nativeRate(wav(44_100))).toBe(44_100);
    expect(nativeRate(wav(96_000))).toBe(96_000);
    const mp3 = new Uint8Array(readFileSync(new URL('fixtures/tick.mp3', import.meta.url)));
    expect(nativeRate(mp3)).toBe(44_100);
  });

  it('is unknown (the playback rate is used) for other files and absurd headers', () => {
    expect(nativeRate(wav(3))).toBeNull();
    expect(nativeRate(new TextEncoder().encode('OggS and more bytes here'))).toBeNull();
    expect(nativeRate(new Uint8Array(0))).toBeNull();
  });
});
