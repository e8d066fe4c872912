import { registerStrings } from '../strings';
import { JA } from './ja';
import { KO } from './ko';

export { JA, KO };

/** Registers the Japanese and Korean tables; importing this module once (at start-up) is enough. */
export function registerTranslations(): void {
  registerStrings('ja', JA);
  registerStrings('ko', KO);
}

registerTranslations();
