import { test, expect } from '@playwright/test';
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceClient, type FromService, type ToService } from '../../electron/service/service-protocol';
import type { ProgressEvent } from '../../shared/progress';
import type { QualityReport, StagedFile } from '../../shared/domain/dataset';
import type { Result } from '../../shared/result';
import { writePoliceUkCsv } from '../fixtures/builders/write-police-uk-csv';

/**
 * The built service (out/main/service.js, from `npm run build`), run by plain Node as
 * Electron's utility process runs it, imports through its reading thread, the separate
 * bundle out/main/import-worker.js beside it. No browser is needed.
 */
const builtService = join(__dirname, '../../out/main/service.js');
const builtWorker = join(__dirname, '../../out/main/import-worker.js');

function valueOf<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

test('the built service imports a file through the built reading thread', async () => {
  expect(existsSync(builtWorker)).toBe(true);
  const dir = mkdtempSync(join(tmpdir(), 'cswb-built-'));
  const child = fork(builtService, [], { execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  try {
    const file = join(dir, 'street.csv');
    await writePoliceUkCsv(file, { rows: 20_000, seed: 5 });
    const progress: ProgressEvent[] = [];
    const client = new ServiceClient(
      { send: (message: ToService) => child.send(message), listen: (listener) => child.on('message', (message) => listener(message as FromService)) },
      (event) => progress.push(event),
    );
    valueOf(await client.call('workspace/create', { path: join(dir, 'built.sqlite'), name: 'Built Service Partnership', area: 'Colchester' }));
    const staged = valueOf<StagedFile>(await client.call('dataset/stage', { path: file, partner: 'Essex Police' }));
    const report = valueOf<QualityReport>(await client.call('dataset/import', { token: staged.token, operationId: 'built-import-1', partner: 'Essex Police' }));
    expect(report.dataset.rowsRead).toBe(20_000);
    expect(report.dataset.rowsImported + report.dataset.duplicates).toBe(20_000);
    expect(progress.some((event) => event.stage === 'Importing street.csv' && (event.rows ?? 0) > 0)).toBe(true);
  } finally {
    child.kill();
    await once(child, 'exit');
    rmSync(dir, { recursive: true, force: true });
  }
});
