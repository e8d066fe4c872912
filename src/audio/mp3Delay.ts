/*
 * MP3 encoder padding. An MP3 encoder adds silence at the start (the encoder delay, 576 samples
 * for LAME) and a decoder adds 529 more; LAME-style encoders write both in the stream's first
 * frame (the Xing/Info tag with its LAME extension: the frame count, the delay and the end
 * padding), so that a gapless decoder can cut them. A chart is timed against the music without
 * them, so any of that silence a browser's decoder leaves in shifts every note late.
 *
 * Browsers differ: the Chromium these tests run in (150) cuts it exactly when the tag is there;
 * other builds keep it (about 1,900 samples at 44.1 kHz have been reported). So the decoded
 * length tells: the tag gives the exact length of the music, and whatever the decoder returned
 * beyond that is padding, cut from the start (the delay, and an Info frame decoded as silence)
 * — never guessed from a browser's name. Without a tag there is nothing to go by and nothing is
 * cut (untagged MP3s are rare: LAME and FFmpeg write the tag by default).
 *
 * Pure: bytes in, numbers out; tested in Node on synthetic headers.
 */

/** What the first frame's Xing/Info + LAME tag says about the stream. */
export interface Mp3Gapless {
  /** Sample rate of the stream, Hz. */
  readonly sampleRate: number;
  /** Samples per frame: 1152 (MPEG-1 Layer III) or 576 (MPEG-2 and 2.5). */
  readonly samplesPerFrame: number;
  /** Audio frames the tag counts (the tag's own frame not included). */
  readonly frames: number;
  /** Encoder delay at the start, samples. */
  readonly delay: number;
  /** Encoder padding at the end, samples. */
  readonly padding: number;
}

/** The decoder's own delay (the MP3 synthesis filterbank), samples. */
export const DECODER_DELAY = 529;

const BITRATES_V1_L3 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2_L3 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const RATES: Readonly<Record<number, readonly number[]>> = {
  3: [44100, 48000, 32000], // MPEG-1
  2: [22050, 24000, 16000], // MPEG-2
  0: [11025, 12000, 8000], // MPEG-2.5
};

/** Skips an ID3v2 tag (and any zero padding after it); returns the offset of the first frame. */
function skipId3(bytes: Uint8Array): number {
  let at = 0;
  while (bytes.length >= at + 10 && bytes[at] === 0x49 && bytes[at + 1] === 0x44 && bytes[at + 2] === 0x33) {
    const size =
      (((bytes[at + 6] ?? 0) & 0x7f) << 21) |
      (((bytes[at + 7] ?? 0) & 0x7f) << 14) |
      (((bytes[at + 8] ?? 0) & 0x7f) << 7) |
      ((bytes[at + 9] ?? 0) & 0x7f);
    const footer = ((bytes[at + 5] ?? 0) & 0x10) !== 0 ? 10 : 0;
    at += 10 + size + footer;
  }
  while (at < bytes.length && bytes[at] === 0) at++;
  return at;
}

function u32(b: Uint8Array, at: number): number {
  return (((b[at] ?? 0) << 24) | ((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0)) >>> 0;
}

/** The sample rate an MP3's first frame header gives; null when the bytes are not an MP3. */
export function mp3SampleRate(bytes: Uint8Array): number | null {
  const start = skipId3(bytes);
  for (let i = start; i < Math.min(bytes.length - 4, start + 4096); i++) {
    if (bytes[i] !== 0xff || ((bytes[i + 1] ?? 0) & 0xe0) !== 0xe0) continue;
    const b1 = bytes[i + 1] ?? 0;
    const version = (b1 >> 3) & 3;
    const layer = (b1 >> 1) & 3;
    const rateIndex = ((bytes[i + 2] ?? 0) >> 2) & 3;
    if (version === 1 || layer !== 1 || rateIndex === 3) return null;
    return RATES[version]?.[rateIndex] ?? null;
  }
  return null;
}

/**
 * Reads the gapless information of an MP3 (its first frame's Xing/Info tag with a LAME
 * extension); null when the bytes are not an MP3 or carry no such tag.
 */
export function readMp3Gapless(bytes: Uint8Array): Mp3Gapless | null {
  // The first frame header: within a few kilobytes after the ID3 tag.
  const start = skipId3(bytes);
  let at = -1;
  for (let i = start; i < Math.min(bytes.length - 4, start + 4096); i++) {
    if (bytes[i] === 0xff && ((bytes[i + 1] ?? 0) & 0xe0) === 0xe0) {
      at = i;
      break;
    }
  }
  if (at < 0) return null;
  const b1 = bytes[at + 1] ?? 0;
  const b2 = bytes[at + 2] ?? 0;
  const b3 = bytes[at + 3] ?? 0;
  const version = (b1 >> 3) & 3; // 3 MPEG-1, 2 MPEG-2, 0 MPEG-2.5
  const layer = (b1 >> 1) & 3; // 1 = Layer III
  const rateIndex = (b2 >> 2) & 3;
  const bitrateIndex = b2 >> 4;
  if (version === 1 || layer !== 1 || rateIndex === 3 || bitrateIndex === 15) return null;
  const sampleRate = RATES[version]?.[rateIndex];
  if (!sampleRate) return null;
  const bitrate = (version === 3 ? BITRATES_V1_L3 : BITRATES_V2_L3)[bitrateIndex] ?? 0;
  if (bitrate === 0) return null;
  const mono = b3 >> 6 === 3;
  // Side information sits between the header and the tag.
  const side = version === 3 ? (mono ? 17 : 32) : mono ? 9 : 17;
  const tag = at + 4 + side;
  const id = String.fromCharCode(...bytes.subarray(tag, tag + 4));
  if (id !== 'Xing' && id !== 'Info') return null;
  const flags = u32(bytes, tag + 4);
  let field = tag + 8;
  let frames = -1;
  if (flags & 1) {
    frames = u32(bytes, field);
    field += 4;
  }
  if (flags & 2) field += 4; // bytes
  if (flags & 4) field += 100; // table of contents
  if (flags & 8) field += 4; // quality
  // The LAME extension: 9 bytes of encoder name, then 12 bytes, then 3 bytes of delay and padding.
  const encoder = String.fromCharCode(...bytes.subarray(field, field + 4));
  if (frames < 0 || !/^(LAME|Lavc|Lavf|GOGO|L3.9)/.test(encoder)) return null;
  const d = field + 21;
  if (d + 3 > bytes.length) return null;
  const delay = ((bytes[d] ?? 0) << 4) | ((bytes[d + 1] ?? 0) >> 4);
  const padding = (((bytes[d + 1] ?? 0) & 0x0f) << 8) | (bytes[d + 2] ?? 0);
  return { sampleRate, samplesPerFrame: version === 3 ? 1152 : 576, frames, delay, padding };
}

/**
 * How many samples to cut from the start of a decoded MP3 so that sample 0 is the music's first:
 * `decodedLength` samples at `decodedRate` Hz came out of the decoder. The tag says how long the
 * music is; what came out beyond that is padding the decoder kept. Returns 0 when the decoder
 * already cut it (or when the lengths do not fit this explanation).
 */
export function mp3StartTrim(info: Mp3Gapless, decodedLength: number, decodedRate: number): number {
  const scale = decodedRate / info.sampleRate;
  const music = info.frames * info.samplesPerFrame - info.delay - info.padding;
  const extra = decodedLength / scale - music;
  // A resampling decoder may round a few samples either way.
  if (extra <= 4 || music <= 0) return 0;
  // The start padding is the delay plus the decoder's own; whole frames beyond the tag's count
  // are the tag's frame decoded as silence, also at the start.
  const lead = info.delay + DECODER_DELAY;
  const framesBeyond = Math.max(
    0,
    Math.floor((extra - lead - Math.max(0, info.padding - DECODER_DELAY) + 4) / info.samplesPerFrame),
  );
  const start = extra >= lead ? lead + framesBeyond * info.samplesPerFrame : extra;
  return Math.round(Math.min(extra, start) * scale);
}
