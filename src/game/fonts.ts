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

let loading: Promise<void> | null = null;

/**
 * Registers the shipped fonts and waits until they are loaded, so Phaser Text (drawn once to
 * a canvas) uses them. Resolves after at most `timeoutMs`, and never rejects: without the
 * fonts, text falls back to the system's.
 */
export function loadFonts(timeoutMs = FONT_TIMEOUT_MS): Promise<void> {
  loading ??= load();
  return Promise.race([loading, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))]);
}

async function load(): Promise<void> {
  try {
    if (typeof FontFace === 'undefined' || typeof document === 'undefined' || !document.fonts) return;
    const faces = FACES.map(
      (f) => new FontFace(f.family, `url("${f.url}") format("woff2")`, { weight: f.weight, style: 'normal' }),
    );
    for (const face of faces) document.fonts.add(face);
    await Promise.allSettled(faces.map((face) => face.load()));
    await Promise.allSettled(FACES.map((f) => document.fonts.load(`${f.weight} 16px "${f.family}"`)));
  } catch {
    // A browser without the FontFace API or a failed download: system fonts are fine.
  }
}
