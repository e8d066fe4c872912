import { readFileSync } from 'node:fs';
import type { ImportChart, ParsedChartFile } from '../../src/formats/types';

/** Bytes of a fixture file in tests/formats/fixtures. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** [time rounded to the microsecond, lane, accent?] triples, for compact expectations. */
export function triples(chart: ImportChart | undefined): [number, string, boolean][] {
  return (chart?.notes ?? []).map((n) => [Math.round(n.time * 1e6) / 1e6, n.lane, n.accent === true]);
}

export function times(chart: ImportChart | undefined): number[] {
  return (chart?.notes ?? []).map((n) => Math.round(n.time * 1e6) / 1e6);
}

export function roundTempo(file: ParsedChartFile): { time: number; bpm: number }[] {
  return file.tempo.map((t) => ({ time: Math.round(t.time * 1e6) / 1e6, bpm: Math.round(t.bpm * 1e6) / 1e6 }));
}
