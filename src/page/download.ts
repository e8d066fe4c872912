/*
 * Files a player takes away: a download through a temporary link, or the Web Share API with
 * files where the browser has it (phones), falling back to a download.
 */

/** Saves a Blob as a file the browser downloads. */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by then; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Saves text as a file the browser downloads. */
export function downloadText(name: string, text: string, type = 'application/json'): void {
  downloadBlob(name, new Blob([text], { type }));
}

/**
 * Shares a file with the Web Share API where the browser can share files; otherwise downloads
 * it. Resolves to how it went ('shared', 'downloaded', or 'cancelled' when the player closed
 * the share sheet).
 */
export async function shareOrDownload(
  name: string,
  blob: Blob,
  text: string,
): Promise<'shared' | 'downloaded' | 'cancelled'> {
  const file = new File([blob], name, { type: blob.type });
  const nav = navigator as Navigator & { canShare?: (data: ShareData) => boolean };
  if (typeof nav.share === 'function' && nav.canShare?.({ files: [file] })) {
    try {
      await nav.share({ files: [file], text });
      return 'shared';
    } catch (e) {
      if ((e as Error)?.name === 'AbortError') return 'cancelled';
      // Sharing failed for another reason (no permission, no target): the download still works.
    }
  }
  downloadBlob(name, blob);
  return 'downloaded';
}

/** Copies text to the clipboard; false where the browser will not. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
