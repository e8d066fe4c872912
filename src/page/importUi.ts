import type { StringKey } from '../content/strings';
import { REPLAY_EXTENSION } from '../core/replay';
import type { App } from '../game/app';
import type { ImportFile, ImportProgress, ImportStage } from '../game/importer';
import { importReplay } from '../game/replayIo';

/*
 * Bringing files in, in the page around the canvas (DESIGN.md: one
 * `<input type="file" id="import-files" multiple>` behind the Import button; dropping files
 * anywhere on the page does the same, whatever scene is showing). The button shows in the menus
 * (not during play); a panel shows what is being read, parsed, decoded and saved; the importer
 * says how it went in notices. Styled in index.html.
 */

/** Scenes that show the Import button (dropping works everywhere). */
const BUTTON_SCENES = new Set(['Title', 'ModeSelect', 'SongSelect', 'Results']);

const STAGE_TEXT: Readonly<Record<ImportStage, StringKey>> = {
  reading: 'importReading',
  parsing: 'importParsing',
  decoding: 'importDecoding',
  saving: 'importSaving',
};

/** The progress panel appears only for steps that take longer than this, ms. */
const SHOW_AFTER_MS = 250;

const ACCEPT = `${REPLAY_EXTENSION},.tja,.osu,.osz,.chart,.mid,.midi,.mp3,.ogg,.oga,.opus,.wav,.m4a,.aac,.flac,.webm,audio/*`;

function asImportFile(f: File): ImportFile {
  return { name: f.name, size: f.size, bytes: async () => new Uint8Array(await f.arrayBuffer()) };
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function importIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const d of ['M12 3v12', 'M7 10l5 5 5-5', 'M4 17v3h16v-3']) {
    const p = document.createElementNS(SVG_NS, 'path');
    p.setAttribute('d', d);
    svg.appendChild(p);
  }
  return svg;
}

export function installImportUi(app: App, parent: HTMLElement = document.body): { dispose(): void } {
  const input = document.createElement('input');
  input.type = 'file';
  input.id = 'import-files';
  input.multiple = true;
  input.accept = ACCEPT;
  input.hidden = true;

  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'import-button';
  const label = document.createElement('span');
  button.append(importIcon(), label);

  const drop = document.createElement('div');
  drop.className = 'import-drop';
  drop.hidden = true;
  const dropText = document.createElement('p');
  drop.append(dropText);

  const panel = document.createElement('div');
  panel.className = 'import-progress';
  panel.setAttribute('role', 'status');
  panel.hidden = true;
  const count = document.createElement('p');
  const stage = document.createElement('p');
  const bar = document.createElement('div');
  bar.className = 'import-bar';
  panel.append(count, stage, bar);

  parent.append(input, button, drop, panel);

  /** Replay files open for watching (the last one chosen); everything else is imported as songs. */
  const bring = (files: readonly File[]) => {
    const isReplay = (f: File) => f.name.toLowerCase().endsWith(REPLAY_EXTENSION);
    const songs = files.filter((f) => !isReplay(f));
    const replay = files.filter(isReplay).at(-1);
    if (songs.length > 0) void app.imports.importer.importFiles(songs.map(asImportFile));
    if (replay) {
      replay.text().then(
        (text) => importReplay(app, text, replay.name),
        (e: unknown) => app.notices.error(app.t('replayCorrupt', { file: replay.name, detail: String(e) })),
      );
    }
  };
  button.addEventListener('click', (e) => {
    input.click();
    // Clicked or tapped: the focus goes back to the game, so Space and Enter reach it.
    if (e.detail > 0) button.blur();
  });
  input.addEventListener('change', () => {
    bring([...(input.files ?? [])]);
    // The same file chosen again must fire `change` again.
    input.value = '';
  });

  // Drag and drop anywhere on the page. `dragenter`/`dragleave` pair up per element, so count them.
  let depth = 0;
  const carriesFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  const onDragEnter = (e: DragEvent) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    depth++;
    drop.hidden = false;
  };
  const onDragOver = (e: DragEvent) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  };
  const onDragLeave = (e: DragEvent) => {
    if (!carriesFiles(e)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) drop.hidden = true;
  };
  const onDrop = (e: DragEvent) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    depth = 0;
    drop.hidden = true;
    bring([...(e.dataTransfer?.files ?? [])]);
  };
  window.addEventListener('dragenter', onDragEnter);
  window.addEventListener('dragover', onDragOver);
  window.addEventListener('dragleave', onDragLeave);
  window.addEventListener('drop', onDrop);

  // Progress: shown once a step takes a while; the decoding step counts its seconds.
  let current: ImportProgress | null = null;
  let since = 0;
  let showTimer: ReturnType<typeof setTimeout> | undefined;
  let tickTimer: ReturnType<typeof setInterval> | undefined;
  const renderProgress = () => {
    if (!current) return;
    panel.lang = app.settings.language;
    count.textContent = current.total > 1 ? app.t('importCount', { index: current.index, total: current.total }) : '';
    count.hidden = current.total <= 1;
    stage.textContent = app.t(STAGE_TEXT[current.stage], {
      file: current.file,
      seconds: Math.floor((performance.now() - since) / 1000),
    });
  };
  const offProgress = app.imports.importer.on('progress', (p) => {
    current = p;
    clearTimeout(showTimer);
    clearInterval(tickTimer);
    if (!p) {
      panel.hidden = true;
      return;
    }
    since = performance.now();
    renderProgress();
    showTimer = setTimeout(() => {
      panel.hidden = false;
    }, SHOW_AFTER_MS);
    tickTimer = setInterval(renderProgress, 500);
  });

  let shownLanguage: string | null = null;
  const update = () => {
    const language = app.settings.language;
    if (language !== shownLanguage) {
      shownLanguage = language;
      button.lang = language;
      drop.lang = language;
      label.textContent = app.t('importButton');
      button.setAttribute('aria-label', app.t('importButtonLabel'));
      button.title = app.t('importButtonLabel');
      dropText.textContent = app.t('importDrop');
      renderProgress();
    }
    button.hidden = !BUTTON_SCENES.has(app.activeScene);
  };
  const offScene = app.events.on('scene', update);
  const offSettings = app.events.on('settings', update);
  update();

  return {
    dispose() {
      offScene();
      offSettings();
      offProgress();
      clearTimeout(showTimer);
      clearInterval(tickTimer);
      window.removeEventListener('dragenter', onDragEnter);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
      input.remove();
      button.remove();
      drop.remove();
      panel.remove();
    },
  };
}
