import type { SourceDelimiter } from './source-types';

/** In order of preference when two delimiters fit the sample equally well. */
const candidates: SourceDelimiter[] = [',', ';', '\t'];

/** Enough records to see past a few title rows above the header. */
const recordsToSample = 50;

/**
 * Chooses the delimiter from the first records of the file: the one that splits the most
 * records into the same number of fields wins, and ties go to the one giving more fields.
 *
 * Counting consistency rather than totals copes with what partners send: semicolon files
 * from European-locale Excel whose numbers have decimal commas ("0,934"), comma files whose
 * outcome text has semicolons ("Investigation complete; no suspect identified") in some rows
 * only, tab files whose addresses contain commas, and title rows above the header.
 * Delimiters inside quotes do not count.
 */
export function sniffDelimiter(sample: string, lineBreak: '\n' | '\r', sampleIsWholeFile: boolean): SourceDelimiter {
  const records = sampleRecords(sample, lineBreak, sampleIsWholeFile);
  let best: { delimiter: SourceDelimiter; agreeing: number; fields: number } | undefined;
  for (const delimiter of candidates) {
    const counts = records.map((record) => countOutsideQuotes(record, delimiter));
    const { value, frequency } = mostCommonNonZero(counts);
    if (frequency === 0) continue;
    if (best === undefined || frequency > best.agreeing || (frequency === best.agreeing && value > best.fields)) {
      best = { delimiter, agreeing: frequency, fields: value };
    }
  }
  // A single column has no delimiter at all; comma is what the analyst would expect.
  return best?.delimiter ?? ',';
}

/** Whole records (a quoted line break does not end one), leaving out a cut-off last one. */
function sampleRecords(sample: string, lineBreak: string, sampleIsWholeFile: boolean): string[] {
  const records: string[] = [];
  let start = 0;
  let inQuotes = false;
  for (let at = 0; at < sample.length && records.length < recordsToSample; at++) {
    const char = sample[at];
    if (char === '"') inQuotes = !inQuotes;
    else if (char === lineBreak && !inQuotes) {
      const record = sample.slice(start, at).replace(/\r$/, '');
      if (record !== '') records.push(record);
      start = at + 1;
    }
  }
  if (sampleIsWholeFile && records.length < recordsToSample && start < sample.length) records.push(sample.slice(start));
  if (records.length === 0) records.push(sample);
  return records;
}

function countOutsideQuotes(record: string, delimiter: string): number {
  let count = 0;
  let inQuotes = false;
  for (const char of record) {
    if (char === '"') inQuotes = !inQuotes;
    else if (char === delimiter && !inQuotes) count++;
  }
  return count;
}

function mostCommonNonZero(counts: number[]): { value: number; frequency: number } {
  const frequencies = new Map<number, number>();
  for (const count of counts) if (count > 0) frequencies.set(count, (frequencies.get(count) ?? 0) + 1);
  let value = 0;
  let frequency = 0;
  for (const [count, seen] of frequencies) {
    if (seen > frequency || (seen === frequency && count > value)) {
      value = count;
      frequency = seen;
    }
  }
  return { value, frequency };
}
