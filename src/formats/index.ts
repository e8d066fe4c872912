import { parseCloneHeroChart } from './chart';
import { checkSize, decodeText, sniffBinary } from './common';
import { parseMidi } from './midi';
import { parseOsu } from './osu';
import { readOsz } from './osz';
import { parseTja } from './tja';
import { ChartFileError, type ParsedChartFile } from './types';

/*
 * Chart import: one entry point per kind of file. The parser is chosen by the file name's
 * extension (.tja, .osu, .chart, .mid/.midi; .osz through readOsz); a file with another name is
 * recognised by its content (a MIDI header, "osu file format", a [Song] section, TJA headers).
 * Everything here is pure: bytes in, data out, or a ChartFileError — nothing partial.
 */

export { type DuetCharts, type DuetNote, makeDuet } from './duet';
export { readOsz } from './osz';
export * from './types';

const CHART_EXTENSIONS = /\.(tja|osu|osz|chart|mid|midi)$/i;

/** True for the file names the importer reads as charts (case-insensitive). */
export function isChartFileName(name: string): boolean {
  return CHART_EXTENSIONS.test(name);
}

type Kind = 'tja' | 'osu' | 'osz' | 'chart' | 'mid';

function kindByName(name: string): Kind | null {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'midi') return 'mid';
  return ext === 'tja' || ext === 'osu' || ext === 'osz' || ext === 'chart' || ext === 'mid' ? ext : null;
}

function kindByContent(bytes: Uint8Array): Kind | null {
  if (bytes[0] === 0x4d && bytes[1] === 0x54 && bytes[2] === 0x68 && bytes[3] === 0x64) return 'mid';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'osz';
  if (sniffBinary(bytes)) return null;
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096));
  if (/^\uFEFF?\s*osu file format v\d+/.test(head)) return 'osu';
  if (/^\uFEFF?\s*\[Song\]/.test(head)) return 'chart';
  if (/^(TITLE|BPM|WAVE|OFFSET|COURSE)\s*:/im.test(head) || /^#START/m.test(head)) return 'tja';
  return null;
}

/**
 * Parses one chart file by its name's extension, or by content sniffing for other names.
 * An .osz is read with readOsz and its audio files dropped (use readOsz to keep them).
 * @throws ChartFileError for anything that cannot be read
 */
export function parseChartFile(fileName: string, bytes: Uint8Array): ParsedChartFile {
  checkSize(bytes, Number.POSITIVE_INFINITY);
  const kind = kindByName(fileName) ?? kindByContent(bytes);
  switch (kind) {
    case 'tja':
      return parseTja(decodeText(bytes));
    case 'osu':
      return parseOsu(decodeText(bytes));
    case 'chart':
      return parseCloneHeroChart(decodeText(bytes));
    case 'mid':
      return parseMidi(bytes, fileName);
    case 'osz':
      return readOsz(fileName, bytes).chart;
    default: {
      const what = sniffBinary(bytes);
      throw new ChartFileError(
        what
          ? `this is ${what}, not a chart`
          : 'unknown chart format: .tja, .osu, .osz, .chart, .mid and .midi files can be imported',
      );
    }
  }
}
