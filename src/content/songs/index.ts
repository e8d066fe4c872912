import type { SongData } from '../../core/chart';
import { song as firstLesson } from './first-lesson';
import { song as heavyMetalSummit } from './heavy-metal-summit';
import { song as naraNights } from './nara-nights';
import { song as shuttleDiplomacy } from './shuttle-diplomacy';
import { song as testSong } from './test-song';

/** The songs a player can choose, in the order the menu lists them. */
export const SONGS: SongData[] = [firstLesson, naraNights, shuttleDiplomacy, heavyMetalSummit];

/** A short song for automated browser tests (not listed in the menu). */
export const TEST_SONG: SongData = testSong;
