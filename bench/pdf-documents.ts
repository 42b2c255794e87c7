/**
 * The Partnership Plan's and the board paper's export times for the demo workspace, through
 * the whole pipeline (read snapshot, export model, layout, temporary file, rename), against
 * the same run's baseline: reading the export model alone. Bar: under 2 s each.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatherExportModel } from '../electron/service/features/export/export-model';
import { withReadSnapshot } from '../electron/service/features/export/export-job';
import { ServiceHost } from '../electron/service/service-host';
import { median } from './timing';

export const pdfBarMs = 2000;

export interface PdfDocumentTimes {
  modelMs: number;
  planMs: number;
  boardPaperMs: number;
  planPages: number;
  boardPaperPages: number;
}

async function timeAsync(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

export async function measurePdfDocuments(runs = 5): Promise<PdfDocumentTimes> {
  const dir = mkdtempSync(join(tmpdir(), 'cswb-bench-pdf-'));
  const host = new ServiceHost();
  try {
    const demo = await host.call('workspace/demo', { path: join(dir, 'demo.sqlite'), operationId: 'bench-demo-01' });
    if (!demo.ok) throw new Error(demo.error.message);
    const pages = { plan: 0, 'board-paper': 0 };
    const exportOnce = async (kind: 'plan' | 'board-paper', index: number) => {
      const result = await host.call('export/pdf', { path: join(dir, `${kind}.pdf`), operationId: `bench-${kind}-${index}`, kind });
      if (!result.ok) throw new Error(result.error.message);
      pages[kind] = (result.value as { pages: number }).pages;
    };
    // Warm-up: the first layout loads the fonts and compiles the code paths.
    await exportOnce('plan', 0);
    await exportOnce('board-paper', 0);
    const plan: number[] = [];
    const board: number[] = [];
    const model: number[] = [];
    const workspace = host.session.require();
    for (let index = 1; index <= runs; index += 1) {
      plan.push(await timeAsync(() => exportOnce('plan', index)));
      board.push(await timeAsync(() => exportOnce('board-paper', index)));
      model.push(await timeAsync(() => withReadSnapshot(workspace, async (snapshot) => gatherExportModel(snapshot, { kind: 'current' }, new Date()))));
    }
    return { modelMs: median(model), planMs: median(plan), boardPaperMs: median(board), planPages: pages.plan, boardPaperPages: pages['board-paper'] };
  } finally {
    host.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

const format = (ms: number) => `${ms.toFixed(0)} ms`;

export function printPdfDocumentTimes(times: PdfDocumentTimes): void {
  console.log('PDF documents of the demo workspace (median of 5, after a warm-up):');
  console.log(`  reading the export model (baseline)   ${format(times.modelMs)}`);
  for (const [name, ms, pages] of [
    ['Partnership Plan', times.planMs, times.planPages],
    ['board paper', times.boardPaperMs, times.boardPaperPages],
  ] as const) {
    console.log(
      `  ${`${name} (${pages} pages)`.padEnd(37)} ${format(ms)}  = ${(ms / times.modelMs).toFixed(1)}× the model read; ${((100 * ms) / pdfBarMs).toFixed(0)}% of the ${pdfBarMs / 1000} s bar ${ms < pdfBarMs ? '(pass)' : '(FAIL)'}`,
    );
  }
}

