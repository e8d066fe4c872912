import { LANES, type Lane, type PlayerId } from '../core/units';
import type { MenuAction } from './press';

/*
 * Bindings, qualified by device: lanes are the actions, and each device kind binds its own
 * controls to them. The keyboard binds a `KeyboardEvent.code` per drum and player, so any
 * keyboard layout works by position.
 */

/** One player's keys: a `KeyboardEvent.code` per drum. */
export type PlayerKeys = Readonly<Record<Lane, string>>;

export interface Bindings {
  readonly keyboard: readonly [PlayerKeys, PlayerKeys];
}

export const DEFAULT_KEYS: readonly [PlayerKeys, PlayerKeys] = [
  { hihat: 'KeyA', snare: 'KeyS', tom: 'KeyD', kick: 'KeyF' },
  { hihat: 'KeyJ', snare: 'KeyK', tom: 'KeyL', kick: 'Semicolon' },
];

export function defaultBindings(): Bindings {
  return { keyboard: [{ ...DEFAULT_KEYS[0] }, { ...DEFAULT_KEYS[1] }] };
}

/** Keys that drive menus everywhere. */
export const MENU_KEYS: Readonly<Record<string, MenuAction>> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
  Enter: 'confirm',
  NumpadEnter: 'confirm',
  Space: 'confirm',
  Escape: 'back',
  Backspace: 'back',
};

/** Keys that keep their menu meaning and cannot be drums (Esc also cancels a rebinding). */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['Escape', 'Backspace']);

const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c) => `Key${c}`);
const DIGITS = [...'0123456789'].flatMap((d) => [`Digit${d}`, `Numpad${d}`]);
const OTHERS = [
  'Backquote',
  'Minus',
  'Equal',
  'BracketLeft',
  'BracketRight',
  'Backslash',
  'Semicolon',
  'Quote',
  'Comma',
  'Period',
  'Slash',
  'IntlBackslash',
  'IntlRo',
  'IntlYen',
  'Space',
  'Enter',
  'Tab',
  'CapsLock',
  'ShiftLeft',
  'ShiftRight',
  'ControlLeft',
  'ControlRight',
  'AltLeft',
  'AltRight',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Insert',
  'Delete',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'NumpadAdd',
  'NumpadSubtract',
  'NumpadMultiply',
  'NumpadDivide',
  'NumpadDecimal',
  'NumpadEnter',
  'NumpadEqual',
  'NumpadComma',
  'Lang1',
  'Lang2',
  'KanaMode',
  'Convert',
  'NonConvert',
];

/** Every `KeyboardEvent.code` a drum may be bound to (the keys of PC, Mac, JIS and Korean keyboards). */
export const BINDABLE_KEYS: ReadonlySet<string> = new Set([...LETTERS, ...DIGITS, ...OTHERS]);

/** Why a key cannot be a drum, or null when it can. */
export function keyProblem(code: string): 'reserved' | 'unknown' | null {
  if (RESERVED_KEYS.has(code)) return 'reserved';
  return BINDABLE_KEYS.has(code) ? null : 'unknown';
}

/** Reverse lookup from key code to (player, lane). */
export function keyMap(bindings: Bindings): Map<string, { player: PlayerId; lane: Lane }> {
  const map = new Map<string, { player: PlayerId; lane: Lane }>();
  bindings.keyboard.forEach((keys, player) => {
    for (const lane of LANES) map.set(keys[lane], { player: player as PlayerId, lane });
  });
  return map;
}

const LABELS: Readonly<Record<string, string>> = {
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

/** A short label for a key code, as printed on the key ("KeyA" → "A", "Semicolon" → ";"). */
export function keyLabel(code: string): string {
  if (code.startsWith('Key')) return code.slice(3);
  if (code.startsWith('Digit')) return code.slice(5);
  return LABELS[code] ?? code.replace(/^Numpad/, 'Num ');
}
