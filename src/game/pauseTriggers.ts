import type { AudioService } from './audioService';

/**
 * Everything that must pause a song: the tab hidden, the window losing focus, a phone turned
 * upright (the rotate prompt covers the game), and the sound stopping (the browser suspended
 * or interrupted the audio, or the output device went away), whichever way Play was reached.
 * @returns the disposer that stops watching.
 */
export function watchPauseTriggers(audio: AudioService, touch: boolean, pause: () => void): () => void {
  const onHidden = () => {
    if (document.hidden) pause();
  };
  const portrait = window.matchMedia('(orientation: portrait)');
  const onRotate = () => {
    if (portrait.matches && touch) pause();
  };
  document.addEventListener('visibilitychange', onHidden);
  window.addEventListener('blur', pause);
  portrait.addEventListener('change', onRotate);
  const offAudio = audio.on('running', (running) => {
    if (!running) pause();
  });
  return () => {
    document.removeEventListener('visibilitychange', onHidden);
    window.removeEventListener('blur', pause);
    portrait.removeEventListener('change', onRotate);
    offAudio();
  };
}
