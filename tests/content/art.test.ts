import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('the SVG art and its generators (tools/art)', () => {
  it('regenerating the art reproduces every committed SVG byte for byte (npm run art -- --check)', () => {
    const r = spawnSync(process.execPath, ['scripts/art.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
  }, 30_000);
});
