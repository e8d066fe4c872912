import { DEFAULT_RATE } from '../audio/decode';
import type { StringKey } from '../content/strings';
import type { Notices } from '../page/notices';
import { Importer } from './importer';
import type { SongLibrary } from './library';
import { IndexedSongDatabase, type SongDatabase } from './songDatabase';
import { type LoudnessMeter, SongMusic } from './songMusic';
import type { SaveStore } from './storage';

/** Ids of imported songs (content ids: `imported-` and 12 hex digits). */
export const IMPORTED_ID = /^imported-[0-9a-f]{12}$/;

/** The game's import services: the importer, the decoded music of imported songs, the stored library. */
export interface Imports {
  readonly importer: Importer;
  readonly music: SongMusic;
  readonly db: SongDatabase;
  /** Settles once the stored songs are in the library (or could not be read, with a notice). */
  readonly loaded: Promise<void>;
  /** Deletes an imported song, its music and its bests; tells the player. */
  delete(id: string): Promise<boolean>;
}

export interface ImportsOptions {
  library: SongLibrary;
  notices: Notices;
  store: SaveStore;
  t(key: StringKey, vars?: Record<string, string | number>): string;
  loudness: LoudnessMeter;
  /** The running audio context's rate, if any (imported music is decoded at it). */
  sampleRate?: () => number | undefined;
  db?: SongDatabase;
}

/** Builds the import services and starts loading the stored songs. */
export function createImports(o: ImportsOptions): Imports {
  const { notices, t } = o;
  const db = o.db ?? new IndexedSongDatabase();
  const music = new SongMusic(db, o.loudness, () => o.sampleRate?.() ?? DEFAULT_RATE);
  const importer = new Importer({
    db,
    library: o.library,
    measureMusic: (key, bytes, name) => music.measure(key, bytes, name),
    forgetMusic: (key) => music.forget(key),
    messages: {
      imported(title, d) {
        notices.info(t(d.parts === 2 ? 'importDoneTwo' : 'importDone', { title }));
        if (d.click) notices.info(t('importClick', { title }));
        for (const remark of d.remarks) notices.info(t('importRemark', { title, remark }));
      },
      failed: (detail) => notices.error(t('importFailed', { detail })),
      full: (detail) => notices.error(t('importFull', { detail })),
      unused: (file, alone) =>
        alone ? notices.error(t('importAlone', { file })) : notices.info(t('importUnused', { file })),
    },
  });
  const loaded = importer.load().then(({ problems, unavailable }) => {
    if (unavailable) notices.error(t('libraryUnavailable', { detail: unavailable }));
    for (const detail of problems) notices.error(t('libraryBadSong', { detail }));
  });
  return {
    importer,
    music,
    db,
    loaded,
    async delete(id) {
      const song = o.library.get(id);
      if (song?.origin !== 'imported') return false;
      try {
        await importer.delete(id);
      } catch (e) {
        notices.error(t('songDeleteFailed', { title: song.title, detail: e instanceof Error ? e.message : String(e) }));
        return false;
      }
      o.store.removeBests(id);
      notices.info(t('songDeleted', { title: song.title }));
      return true;
    },
  };
}
