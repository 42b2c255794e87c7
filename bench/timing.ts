/** The middle value: one slow run (a garbage collection, a JIT pause) does not decide it. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function timeMs(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}
