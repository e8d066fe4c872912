/*
 * What this browser can do with MIDI, and what to tell the player when it cannot: plainly, per
 * browser. Chrome and Edge have Web MIDI on secure pages and ask permission for it; Firefox asks
 * to install a site-permission add-on; Safari (and every browser on iPhone and iPad) has none.
 */

export type BrowserFamily = 'chrome' | 'edge' | 'firefox' | 'safari' | 'ios' | 'other';

/** Where the MIDI kits stand. */
export type MidiState =
  /** Never asked for on this visit (the players turn it on in Settings). */
  | { readonly state: 'off' }
  /** Waiting for the browser (its permission prompt may be showing). */
  | { readonly state: 'asking' }
  | { readonly state: 'on'; readonly ports: number }
  /** No Web MIDI here: `insecure` pages (not https or localhost), or a browser without it. */
  | { readonly state: 'unsupported'; readonly why: 'insecure' | 'safari' | 'ios' | 'browser' }
  /** The player or the browser refused access (Firefox: the add-on was not installed). */
  | { readonly state: 'denied'; readonly browser: BrowserFamily }
  | { readonly state: 'failed'; readonly message: string };

/** The browser family from a user-agent string (only to word messages; nothing depends on it). */
export function browserFamily(userAgent: string): BrowserFamily {
  if (/\b(iPhone|iPad|iPod)\b/.test(userAgent)) return 'ios';
  if (/\b(Firefox|FxiOS)\//.test(userAgent)) return 'firefox';
  if (/\bEdg\//.test(userAgent)) return 'edge';
  if (/(Chrome|Chromium|CriOS)\//.test(userAgent)) return 'chrome';
  if (/\bSafari\//.test(userAgent)) return 'safari';
  return 'other';
}

/**
 * Why Web MIDI cannot be used here, or null when it can be asked for.
 * @param hasApi `navigator.requestMIDIAccess` is a function
 * @param secure `window.isSecureContext`
 */
export function midiUnsupported(
  hasApi: boolean,
  secure: boolean,
  userAgent: string,
): 'insecure' | 'safari' | 'ios' | 'browser' | null {
  if (hasApi) return null;
  const family = browserFamily(userAgent);
  if (family === 'ios' || family === 'safari') return family;
  // Chrome, Edge and Firefox only offer Web MIDI to secure pages.
  if (!secure) return 'insecure';
  return 'browser';
}

/** What a failed `requestMIDIAccess` means: a refusal, or something else (with its message). */
export function midiFailure(error: unknown, userAgent: string): MidiState {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return { state: 'denied', browser: browserFamily(userAgent) };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { state: 'failed', message: message.slice(0, 200) };
}
