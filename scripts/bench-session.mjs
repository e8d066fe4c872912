// A long session (section 4 of `npm run bench`): the short test song played 20 times in a row in
// one page (count-in, song, Results, Retry), printing after each song the live AudioNodes (CDP
// Runtime.queryObjects after a garbage collection), the JS heap, DOM nodes and event listeners.
// Zero growth is the goal: every node, listener and object a song makes is released when it ends.
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { ensureChromium } from './ensure-chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const SONGS = Number(process.env.SESSION_SONGS ?? 20);

async function liveAudioNodes(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const objectGroup = 'bench-count'; // released below: a kept handle would keep every node alive
  const proto = await cdp.send('Runtime.evaluate', { expression: 'AudioNode.prototype', objectGroup });
  const found = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId, objectGroup });
  const count = await cdp.send('Runtime.callFunctionOn', {
    objectId: found.objects.objectId,
    functionDeclaration: 'function () { return this.length; }',
    returnByValue: true,
  });
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup });
  return count.result.value;
}

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const get = (name) => list.find((m) => m.name === name)?.value ?? Number.NaN;
  return { heapMB: get('JSHeapUsedSize') / 1e6, nodes: get('Nodes'), listeners: get('JSEventListeners') };
}

export async function benchSession() {
  const server = await preview({ root, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const browser = await chromium.launch({
    executablePath: ensureChromium(),
    args: ['--autoplay-policy=no-user-gesture-required', '--no-sandbox', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.resolvedUrls?.local[0]}?song=test-song&mode=duet&p1=hard&p2=hard`);
    await page.waitForFunction(() => window.drumDiplomacy?.scene() === 'Play', undefined, { timeout: 60_000 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const scene = (key) => page.waitForFunction((k) => window.drumDiplomacy.scene() === k, key, { timeout: 90_000 });
    await page.keyboard.press('Space');
    console.log('\n4. A long session: the test song 20 times in one page (live objects after each song)');
    console.log('   song  AudioNodes  JS heap MB  DOM nodes  listeners');
    for (let i = 1; i <= SONGS; i++) {
      await scene('Results');
      await page.waitForTimeout(800);
      const nodes = await liveAudioNodes(cdp);
      const m = await metrics(cdp);
      console.log(
        `   ${String(i).padStart(4)}  ${String(nodes).padStart(10)}  ${m.heapMB.toFixed(1).padStart(10)}  ${String(m.nodes).padStart(9)}  ${String(m.listeners).padStart(9)}`,
      );
      if (i < SONGS) {
        await page.keyboard.press('Enter'); // Retry
        await scene('Play');
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSession();
