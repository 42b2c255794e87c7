import Database from 'better-sqlite3';
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServiceClient, type FromService, type ToService } from '../../../electron/service/service-protocol';
import type { ProgressEvent } from '../../../shared/progress';
import { writePoliceUkCsv } from '../../fixtures/builders/write-police-uk-csv';
import { useTempDir } from '../../fixtures/temp-dir';
import { TestWorkbench, valueOf } from '../../fixtures/workbench-host';

const serviceEntry = join(__dirname, '../../../electron/service/process-entry.ts');

describe('an import interrupted by a crash', () => {
  const tempDir = useTempDir();

  it('leaves a sound workspace with no partial dataset, and the same import then succeeds', async () => {
    const dir = tempDir();
    const workspace = join(dir, 'crash.sqlite');
    const file = join(dir, 'street.csv');
    await writePoliceUkCsv(file, { rows: 300_000, seed: 7 });

    // The service in its own process, as Electron runs it, talking over the same protocol.
    const child = fork(serviceEntry, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const progress: ProgressEvent[] = [];
    const client = new ServiceClient(
      { send: (message: ToService) => child.send(message), listen: (listener) => child.on('message', (message) => listener(message as FromService)) },
      (event) => progress.push(event),
    );
    valueOf(await client.call('workspace/create', { path: workspace, name: 'Crash Test Partnership', area: 'Colchester' }));
    const staged = valueOf(await client.call('dataset/stage', { path: file, partner: 'Essex Police' })) as { token: string };
    void client.call('dataset/import', { token: staged.token, operationId: 'crash-import-1', partner: 'Essex Police' });

    while (!progress.some((event) => (event.rows ?? 0) >= 50_000)) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill('SIGKILL');
    await once(child, 'exit');
    client.serviceStopped();

    const db = new Database(workspace);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) FROM dataset').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM observation').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM offence_count').pluck().get()).toBe(0);
    db.close();

    const workbench = new TestWorkbench(dir, 'crash.sqlite');
    try {
      valueOf(await workbench.call('workspace/open', { path: workspace }));
      const report = valueOf(await workbench.importFile(file));
      expect(report.dataset.rowsRead).toBe(300_000);
      expect(report.dataset.rowsImported).toBe(300_000);
    } finally {
      workbench.dispose();
    }
  }, 120_000);
});
