import { LANES, type Lane, type PlayerId } from '../core/units';

/** One player's keys: a `KeyboardEvent.code` per drum, so any keyboard layout works by position. */
export type PlayerBindings = Readonly<Record<Lane, string>>;
export type Bindings = readonly [PlayerBindings, PlayerBindings];

export const DEFAULT_BINDINGS: Bindings = [
  { hihat: 'KeyA', snare: 'KeyS', tom: 'KeyD', kick: 'KeyF' },
  { hihat: 'KeyJ', snare: 'KeyK', tom: 'KeyL', kick: 'Semicolon' },
];

export interface Binding {
  readonly player: PlayerId;
  readonly lane: Lane;
}

/** Reverse lookup from key code to (player, lane). */
export function bindingMap(bindings: Bindings): Map<string, Binding> {
  const map = new Map<string, Binding>();
  bindings.forEach((keys, player) => {
    for (const lane of LANES) map.set(keys[lane], { player: player as PlayerId, lane });
  });
  return map;
}

/** A short label for a key code, as printed on the key ("KeyA" → "A", "Semicolon" → ";"). */
export function keyLabel(code: string): string {
  if (code.startsWith('Key')) return code.slice(3);
  if (code.startsWith('Digit')) return code.slice(5);
  const named: Record<string, string> = {
    Semicolon: ';',
    Quote: "'",
    Comma: ',',
    Period: '.',
    Slash: '/',
    BracketLeft: '[',
    BracketRight: ']',
    Backslash: '\\',
    Minus: '-',
    Equal: '=',
    Backquote: '`',
    Space: 'Space',
    ArrowLeft: '←',
    ArrowRight: '→',
    ArrowUp: '↑',
    ArrowDown: '↓',
  };
  return named[code] ?? code.replace(/^Numpad/, 'Num ');
}
