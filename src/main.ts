import './content/i18n';
import { loadFonts } from './game/fonts';
import { startGame } from './game/main';

// Fetch the fonts while the game boots (Boot waits for the same promise).
void loadFonts();

const parent = document.getElementById('game');
if (!parent) throw new Error('index.html needs a #game element');
startGame(parent);
