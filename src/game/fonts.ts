import jp400 from '../../assets/fonts/noto-sans-jp-400.woff2?url';
import jp700 from '../../assets/fonts/noto-sans-jp-700.woff2?url';
import kr400 from '../../assets/fonts/noto-sans-kr-400.woff2?url';
import kr700 from '../../assets/fonts/noto-sans-kr-700.woff2?url';

/**
 * The game's own fonts, cut by scripts/subset-fonts.mjs to the characters it shows.
 * Family names match FONT in theme.ts exactly; no font comes from another origin (CSP).
 */
const FACES: readonly { family: string; weight: '400' | '700'; url: string }[] = [
  { family: 'Noto Sans JP', weight: '400', url: jp400 },
  { family: 'Noto Sans JP', weight: '700', url: jp700 },
  { family: 'Noto Sans KR', weight: '400', url: kr400 },
  { family: 'Noto Sans KR', weight: '700', url: kr700 },
];

/** Longest wait before the game goes on with fallback fonts. */
export const FONT_TIMEOUT_MS = 1500;

let registered: FontFace[] | null = null;

/** Registers every face with the page once and starts loading them all. */
function register(): FontFace[] {
  if (registered) return registered;
  registered = [];
  try {
    if (typeof FontFace === 'undefined' || typeof document === 'undefined' || !document.fonts) return registered;
    for (const f of FACES) {
      const face = new FontFace(f.family, `url("${f.url}") format("woff2")`, { weight: f.weight, style: 'normal' });
      document.fonts.add(face);
      face.load().catch(() => {});
      registered.push(face);
    }
  } catch {
    // A browser without the FontFace API: system fonts are fine.
  }
  return registered;
}

/**
 * Registers the shipped fonts and waits until the faces of `families` are loaded (all by
 * default), so Phaser Text (drawn once to a canvas) uses them. Resolves after at most
 * `timeoutMs` and never rejects: without the fonts, text falls back to the system's.
 */
export function loadFonts(timeoutMs = FONT_TIMEOUT_MS, families?: readonly string[]): Promise<void> {
  const faces = register().filter((f) => !families || families.includes(f.family.replace(/"/g, '')));
  const ready = Promise.allSettled(faces.map((f) => f.loaded)).then(() => undefined);
  return Promise.race([ready, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))]);
}

/** The families a language's text needs (Noto Sans JP also carries the Latin letters). */
export function familiesFor(language: string): string[] {
  return language === 'ko' ? ['Noto Sans JP', 'Noto Sans KR'] : ['Noto Sans JP'];
}
