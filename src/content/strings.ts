import type { Language } from '../game/settings';

/** Every piece of UI text, by key. English is the source; other languages fill the same keys. */
export const EN = {
  loading: 'Loading…',
  pressAnyKey: 'Press any key or tap to start',
  audioUnlock: 'Your first key or tap turns the sound on.',
  audioBlocked: 'Sound is blocked by the browser: press a key or tap again.',
  subtitle: 'A drum duet from the Nara summit',
  modeTitle: 'Choose a mode',
  modeDuet: 'Duet',
  modeDuetHint: 'Play together: hit the pink unison notes at the same time to fill the Harmony meter.',
  modeBattle: 'Battle',
  modeBattleHint: 'Same song, separate scores: the higher score wins.',
  modeSolo: 'Solo',
  modeSoloHint: 'One player; a CPU partner plays the other part.',
  modeLesson: 'Lesson',
  modeLessonHint: 'One drum at a time, slowly, then a short groove.',
  songTitle: 'Choose a song',
  difficulty: 'Difficulty',
  easy: 'Easy',
  normal: 'Normal',
  hard: 'Hard',
  expert: 'Expert',
  ready: 'Ready!',
  notReady: 'Press {kick} when ready',
  pickHint: '{prev} / {next}: difficulty · {kick}: ready',
  bpm: 'BPM',
  length: 'Length',
  back: 'Back',
  start: 'Start',
  player1: 'Player 1',
  player2: 'Player 2',
  pressToBegin: 'Press any key or tap to begin',
  paused: 'Paused',
  resume: 'Resume',
  restart: 'Restart',
  quit: 'Quit',
  harmony: 'Harmony',
  sync: 'Sync',
  combo: 'combo',
  results: 'Results',
  accuracy: 'Accuracy',
  maxCombo: 'Max combo',
  meanOffset: 'Mean offset',
  early: 'early',
  late: 'late',
  unstableRate: 'Unstable rate',
  score: 'Score',
  retry: 'Retry',
  winner: '{name} wins by {margin} points',
  tie: 'A perfect tie!',
  perfect: 'Perfect',
  great: 'Great',
  good: 'Good',
  miss: 'Miss',
  keysP1: 'Player 1 keys',
  keysP2: 'Player 2 keys',
  pauseHint: 'Esc: pause',
  countIn: 'Get ready',
  hitErrorEarly: 'early',
  hitErrorLate: 'late',
  notes: 'notes',
} as const;

export type StringKey = keyof typeof EN;
export type StringTable = Record<StringKey, string>;

const TABLES: Partial<Record<Language, Partial<StringTable>>> = { en: EN };

/** Registers a translated table (content modules call this). */
export function registerStrings(language: Language, table: Partial<StringTable>): void {
  TABLES[language] = table;
}

/** Looks a string up in `language`, falling back to English; `{name}` placeholders are filled from `vars`. */
export function translate(language: Language, key: StringKey, vars: Record<string, string | number> = {}): string {
  const raw = TABLES[language]?.[key] ?? EN[key];
  return raw.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}
