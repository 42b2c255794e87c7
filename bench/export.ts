/**
 * npm run bench:export — the export pipeline's figures. Not part of npm test: timings do not
 * belong in tests.
 *   PDF documents: the demo's Partnership Plan and board paper, each through the whole
 *   pipeline, against reading the export model alone in the same run. Bar: under 2 s each.
 */
import { measurePdfDocuments, printPdfDocumentTimes } from './pdf-documents';

async function main(): Promise<void> {
  printPdfDocumentTimes(await measurePdfDocuments());
}

void main();
