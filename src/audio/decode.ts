import type { Seconds } from '../core/units';
import { mp3SampleRate, mp3StartTrim, readMp3Gapless } from './mp3Delay';

/*
 * Decoding an imported song's music in the page. No Tone.js and no user gesture: an
 * OfflineAudioContext decodes (browsers let it run before any key or tap), at the sample rate
 * the music will be played at, so playback need not resample. The result is an AudioBuffer
 * (usable by any context) and where the music really starts in it (MP3 padding, mp3Delay.ts).
 */

/** Decoded music, ready to play. */
export interface DecodedMusic {
  readonly buffer: AudioBuffer;
  /** Seconds of encoder padding at the buffer's start: song time 0 is this far in. */
  readonly startTrim: Seconds;
}

/** A music file this browser cannot decode; the message is plain English, for a notice. */
export class MusicDecodeError extends Error {
  override name = 'MusicDecodeError';
}

/** The rate music is decoded at when no audio context runs yet (the common output rate). */
export const DEFAULT_RATE = 48_000;

/**
 * The rate a file's music is stored at, where its header says so cheaply (MP3 and WAV); null
 * otherwise. Decoding at it spares the browser a resampling of the whole file (for a 4-minute
 * MP3, measured: about half the decoding time), and playback resamples as it goes.
 */
export function nativeRate(bytes: Uint8Array): number | null {
  const ascii = (at: number, n: number) => String.fromCharCode(...bytes.subarray(at, at + n));
  if (bytes.length >= 28 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WAVE' && ascii(12, 4) === 'fmt ') {
    const rate = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(24, true);
    return rate >= 8000 && rate <= 192_000 ? rate : null;
  }
  return mp3SampleRate(bytes);
}

function isOgg(bytes: Uint8Array, name: string): boolean {
  return /\.(ogg|oga|opus)$/i.test(name) || (bytes[0] === 0x4f && bytes[1] === 0x67 && bytes[2] === 0x67);
}

/**
 * Decodes a music file. The bytes are copied (decodeAudioData takes its buffer away).
 * @throws MusicDecodeError when the browser cannot decode it (saying so for Ogg on iOS Safari).
 */
export async function decodeMusic(bytes: Uint8Array, name: string, sampleRate = DEFAULT_RATE): Promise<DecodedMusic> {
  const Offline =
    globalThis.OfflineAudioContext ??
    (globalThis as { webkitOfflineAudioContext?: typeof OfflineAudioContext }).webkitOfflineAudioContext;
  if (!Offline) throw new MusicDecodeError('this browser cannot decode music (no Web Audio)');
  const context = new Offline(2, 1, sampleRate);
  let buffer: AudioBuffer;
  try {
    buffer = await new Promise<AudioBuffer>((resolve, reject) => {
      // The callback form too: older Safari returns no promise.
      const p = context.decodeAudioData(bytes.slice().buffer, resolve, reject);
      p?.then(resolve, reject);
    });
  } catch {
    throw new MusicDecodeError(
      isOgg(bytes, name)
        ? 'this browser cannot decode this Ogg music (iOS Safari cannot play Ogg Vorbis): convert it to MP3 or M4A and import it again'
        : 'the music could not be decoded: the file is damaged or cut short, or in a format this browser does not play (MP3, M4A/AAC, WAV, FLAC and Ogg are the usual ones)',
    );
  }
  if (!(buffer.duration > 0) || buffer.numberOfChannels === 0)
    throw new MusicDecodeError('the music file holds no sound');
  const gapless = readMp3Gapless(bytes);
  const trim = gapless ? mp3StartTrim(gapless, buffer.length, buffer.sampleRate) : 0;
  return { buffer, startTrim: trim / buffer.sampleRate };
}

/** The channels of a buffer, as the loudness measurement reads them. */
export function channelsOf(buffer: AudioBuffer): Float32Array[] {
  return Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c));
}
