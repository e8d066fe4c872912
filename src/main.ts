import './content/i18n';
import { startGame } from './game/main';

const parent = document.getElementById('game');
if (!parent) throw new Error('index.html needs a #game element');
startGame(parent);
