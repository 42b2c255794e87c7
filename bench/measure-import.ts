/**
 * One measured task in its own process, so that its peak memory is its own:
 *   import   WORKSPACE FILE  – the workbench's import, through the service
 *   iterate  FILE.xlsx       – exceljs's streaming reader merely iterating the rows
 * Prints one JSON line: { seconds, peakRssMb, rows, checkpointSeconds, cpuSeconds } (cpuSeconds: both
 * threads' processor time, which a busy machine inflates far less than the elapsed time).
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { ServiceHost } from '../electron/service/service-host';

async function importInto(workspace: string, file: string): Promise<number> {
  const host = new ServiceHost();
  try {
    const created = await host.call('workspace/create', { path: workspace, name: 'Benchmark Partnership', area: 'Colchester' });
    if (!created.ok) throw new Error(created.error.message);
    const staged = await host.call('dataset/choose', { path: file, partner: 'Essex Police' });
    if (!staged.ok) throw new Error(staged.error.message);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = await host.call('dataset/import', {
      token: (staged.value as { token: string }).token,
      operationId: 'bench-import',
      partner: 'Essex Police',
    });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    if (!result.ok) throw new Error(result.error.message);
    // The checkpoint runs on the service's thread straight after the import has answered.
    const checkpointStarted = performance.now();
    await new Promise((resolve) => setImmediate(resolve));
    const checkpointSeconds = (performance.now() - checkpointStarted) / 1000;
    report(seconds, (result.value as { dataset: { rowsImported: number } }).dataset.rowsImported, checkpointSeconds, (cpu.user + cpu.system) / 1e6);
    return 0;
  } finally {
    host.dispose();
  }
}

async function iterateXlsx(file: string): Promise<number> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      if (row.values) rows += 1;
    }
  }
  const cpu = process.cpuUsage(cpuBefore);
  report((performance.now() - started) / 1000, rows, undefined, (cpu.user + cpu.system) / 1e6);
  return 0;
}

function report(seconds: number, rows: number, checkpointSeconds: number | undefined, cpuSeconds: number): void {
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ seconds, peakRssMb, rows, checkpointSeconds, cpuSeconds })}\n`);
}

const [task, first, second] = process.argv.slice(2);
const run =
  task === 'import' && first && second ? importInto(join(first), second) : task === 'iterate' && first ? iterateXlsx(first) : null;
if (!run) {
  process.stderr.write('usage: measure-import.ts import WORKSPACE FILE | iterate FILE.xlsx\n');
  process.exit(2);
}
void run.then((code) => process.exit(code));
