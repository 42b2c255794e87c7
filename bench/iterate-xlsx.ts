/**
 * The XLSX baseline of npm run bench:import, in a process of its own so that its peak memory
 * is its own: exceljs's streaming reader merely iterating a workbook's rows. Prints one JSON
 * line: { seconds, peakRssMb, rows, cpuSeconds }.
 */
import ExcelJS from 'exceljs';

async function iterateXlsx(file: string): Promise<void> {
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
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ seconds, peakRssMb, rows, cpuSeconds: (cpu.user + cpu.system) / 1e6 })}\n`);
}

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: iterate-xlsx.ts FILE.xlsx\n');
  process.exit(2);
}
void iterateXlsx(file).then(() => process.exit(0));
