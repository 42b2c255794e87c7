/**
 * An apostrophe as printed text sets it: a straight one inside or at the end of a word ("the
 * partnership's", "partners' ") is ’, so the documents never mix the two whoever typed the
 * text. Quotation marks are left as typed: they may be part of a name or of text quoted
 * exactly.
 */
export function typographicQuotes(text: string): string {
  return text.replace(/(\p{L})'(?=\p{L})/gu, '$1\u2019').replace(/(\p{L}s)'(?=[\s.,;:)]|$)/gu, '$1\u2019');
}
