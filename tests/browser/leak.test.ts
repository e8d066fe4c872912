import type { CDPSession } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startSong, tapKey, useBrowser, waitForScene, waitForSongClock, withGame } from './harness';

useBrowser();

/** Live AudioNodes in the page after a garbage collection (CDP Runtime.queryObjects). */
async function liveAudioNodes(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  // Every handle lives in one object group, released below: a handle kept would keep the nodes.
  const objectGroup = 'leak-count';
  const proto = await cdp.send('Runtime.evaluate', { expression: 'AudioNode.prototype', objectGroup });
  const found = await cdp.send('Runtime.queryObjects', {
    prototypeObjectId: proto.result.objectId as string,
    objectGroup,
  });
  const count = await cdp.send('Runtime.callFunctionOn', {
    objectId: found.objects.objectId as string,
    functionDeclaration: 'function () { return this.length; }',
    returnByValue: true,
  });
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup });
  return count.result.value as number;
}

describe('a long session leaks nothing', () => {
  it('ten song starts (Pause → Restart) leave no AudioNode behind', async () => {
    await withGame('?song=test-song&mode=duet&p1=hard&p2=hard', async (game) => {
      const { page, cdp } = game;
      await startSong(game);
      await page.waitForTimeout(1500);
      const counts: number[] = [await liveAudioNodes(cdp)];
      for (let i = 0; i < 10; i++) {
        await tapKey(game, 'Escape');
        await waitForScene(page, 'Pause');
        await tapKey(game, 'ArrowDown'); // Resume, Restart, Quit
        await tapKey(game, 'Enter');
        await waitForScene(page, 'Play');
        await waitForSongClock(page, true);
        await page.waitForTimeout(1500);
        counts.push(await liveAudioNodes(cdp));
      }
      // The first starts build what every song shares (kits, buses); after that, nothing grows.
      const settled = counts.slice(2);
      expect(
        Math.max(...settled) - Math.min(...settled),
        `live AudioNodes per start: ${counts.join(' ')}`,
      ).toBeLessThanOrEqual(4);
      expect(game.errors).toEqual([]);
    });
  }, 120_000);
});
