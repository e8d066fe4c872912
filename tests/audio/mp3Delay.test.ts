import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DECODER_DELAY, type Mp3Gapless, mp3StartTrim, readMp3Gapless } from '../../src/audio/mp3Delay';

/**
 * A synthetic first frame: an MPEG-1 Layer III header (128 kbit/s, 44.1 kHz, stereo), 32 bytes
 * of side information, an Info tag with a frame count and a LAME extension with delay/padding.
 */
function infoFrame(o: { frames: number; delay: number; padding: number; id3?: boolean; mono?: boolean }): Uint8Array {
  const out = new Uint8Array(600);
  let at = 0;
  if (o.id3) {
    // "ID3" v2.4, no flags, a 20-byte body (syncsafe size), then the body
    out.set([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 20], 0);
    at = 30;
  }
  out.set([0xff, 0xfb, 0x90, o.mono ? 0xc4 : 0x44], at);
  const tag = at + 4 + (o.mono ? 17 : 32);
  out.set(
    [...'Info'].map((c) => c.charCodeAt(0)),
    tag,
  );
  out.set([0, 0, 0, 0x0f], tag + 4); // frames, bytes, TOC, quality
  const f = o.frames;
  out.set([(f >>> 24) & 255, (f >>> 16) & 255, (f >>> 8) & 255, f & 255], tag + 8);
  const lame = tag + 8 + 4 + 4 + 100 + 4;
  out.set(
    [...'LAME3.100'].map((c) => c.charCodeAt(0)),
    lame,
  );
  out.set([o.delay >> 4, ((o.delay & 15) << 4) | (o.padding >> 8), o.padding & 255], lame + 21);
  return out;
}

describe('MP3 encoder padding (LAME/Xing tag)', () => {
  it('reads frames, delay and padding from a synthetic Info frame, after an ID3 tag too', () => {
    for (const [id3, mono] of [
      [false, false],
      [true, false],
      [false, true],
    ] as const) {
      expect(readMp3Gapless(infoFrame({ frames: 78, delay: 576, padding: 1080, id3, mono }))).toEqual({
        sampleRate: 44100,
        samplesPerFrame: 1152,
        frames: 78,
        delay: 576,
        padding: 1080,
      });
    }
  });

  it('reads the tag LAME wrote into a real file (tests/audio/fixtures/tick.mp3: 0.6 s at 44.1 kHz)', () => {
    const info = readMp3Gapless(new Uint8Array(readFileSync(new URL('fixtures/tick.mp3', import.meta.url))));
    expect(info?.delay).toBe(576);
    expect(info?.sampleRate).toBe(44100);
    // the tag's frames minus delay and padding is exactly the 26,460 samples encoded
    expect(info && info.frames * info.samplesPerFrame - info.delay - info.padding).toBe(26460);
    expect(readMp3Gapless(new Uint8Array(readFileSync(new URL('fixtures/tick-untagged.mp3', import.meta.url))))).toBe(
      null,
    );
  });

  it('finds no tag in other bytes', () => {
    expect(readMp3Gapless(new Uint8Array(0))).toBeNull();
    expect(readMp3Gapless(new TextEncoder().encode('TITLE:song\nBPM:120'))).toBeNull();
    const noTag = infoFrame({ frames: 1, delay: 0, padding: 0 });
    noTag.fill(0, 36, 40); // the "Info" id gone
    expect(readMp3Gapless(noTag)).toBeNull();
  });

  const info: Mp3Gapless = { sampleRate: 44100, samplesPerFrame: 1152, frames: 78, delay: 576, padding: 1080 };
  const music = 78 * 1152 - 576 - 1080;

  it.each([
    ['already cut by the decoder (Chromium 150)', music, 0],
    ['every padding kept (a plain decoder)', 78 * 1152, 576 + DECODER_DELAY],
    ['start kept, end cut', music + 576 + DECODER_DELAY, 576 + DECODER_DELAY],
    ['the Info frame decoded as silence too', 79 * 1152, 1152 + 576 + DECODER_DELAY],
    ['a couple of samples of resampling error', music + 3, 0],
    ['a shorter decode (no padding to cut)', music - 500, 0],
  ])('%s: cut %i', (_what, decoded, _cut) => {
    expect(mp3StartTrim(info, decoded, 44100)).toBe(_cut);
  });

  it("scales to the decoder's sample rate", () => {
    expect(mp3StartTrim(info, Math.round((78 * 1152 * 48000) / 44100), 48000)).toBe(
      Math.round(((576 + DECODER_DELAY) * 48000) / 44100),
    );
  });
});
