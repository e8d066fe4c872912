/**
 * The game's one seeded random generator: runs that must be reproducible (a CPU partner, a
 * replay, a caption choice) draw from it with a seed that is stored with the run.
 */

/**
 * mulberry32: a small, fast 32-bit seeded generator (good enough for gameplay, not crypto).
 * @param seed any number; only its low 32 bits matter.
 * @returns a function giving uniform numbers in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
