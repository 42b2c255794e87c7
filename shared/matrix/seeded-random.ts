/**
 * mulberry32: a small, fast 32-bit generator. The sensitivity analysis must repeat exactly for
 * a frozen run, so it never uses Math.random; the same seed gives the same draws on every
 * machine (only 32-bit integer arithmetic, then one exact division).
 */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}
