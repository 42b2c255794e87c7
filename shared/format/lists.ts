/** Lists inside a sentence, as GOV.UK writes them: 'a, b and c', with no comma before 'and'. */

const conjunction = new Intl.ListFormat('en-GB', { type: 'conjunction' });

/** ['a', 'b', 'c'] → 'a, b and c'; one item is itself; none is ''. */
export function formatList(items: readonly string[]): string {
  return conjunction.format(items);
}
