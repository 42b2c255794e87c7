/**
 * A copy of a string that keeps for a long time (a map key, an aggregate's label). Cells are
 * slices of their batch's text, and a slice kept would keep the whole batch's text alive.
 */
export function detached(text: string): string {
  // V8 copies short slices anyway; longer ones are flattened into a new string here.
  return text.length < 13 ? text : (' ' + text).slice(1);
}
