import Database from 'better-sqlite3';
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serviceStoppedMessage, ServiceSupervisor, type ServiceProcess } from '../../../electron/main/service-supervisor';
import type { FromService } from '../../../electron/service/service-protocol';
import type { ProgressEvent } from '../../../shared/progress';
import type { Result } from '../../../shared/result';
import type { ServiceStatus } from '../../../shared/service-status';
import { writePoliceUkCsv } from '../../fixtures/builders/write-police-uk-csv';
import { useTempDir } from '../../fixtures/temp-dir';

/** The built service entry (out/main/service.js), as the app runs it, in a plain Node child process. */
const serviceEntry = join(__dirname, '../../../out/main/service.js');

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Fails the test if a promise is still waiting after a while: a call must never hang on a dead service. */
function settlesSoon<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} was still waiting after 10 s`)), 10_000))]);
}

describe('the service supervisor, over a real service process', () => {
  const tempDir = useTempDir();
  const supervisors: ServiceSupervisor[] = [];
  afterEach(() => {
    for (const supervisor of supervisors.splice(0)) supervisor.stop();
  });

  function supervise(maxRestartsInARow?: number) {
    const children: ChildProcess[] = [];
    const progress: ProgressEvent[] = [];
    const statuses: ServiceStatus[] = [];
    const factory = (): ServiceProcess => {
      const child = fork(serviceEntry, [], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
      children.push(child);
      return {
        send: (message) => child.send(message),
        onMessage: (listener) => child.on('message', (message) => listener(message as FromService)),
        onExit: (listener) => child.on('exit', listener),
        kill: () => child.kill('SIGKILL'),
      };
    };
    const service = new ServiceSupervisor(factory, { onProgress: (event) => progress.push(event), onStatus: (status) => statuses.push(status), maxRestartsInARow });
    supervisors.push(service);
    const current = () => children.at(-1)!;
    return { service, progress, statuses, current };
  }

  it('fails the calls in flight at once, restarts, reopens the workspace, and serves the next call', async () => {
    const dir = tempDir();
    const workspace = join(dir, 'restart.sqlite');
    const file = join(dir, 'street.csv');
    await writePoliceUkCsv(file, { rows: 300_000, seed: 11 });
    const { service, progress, statuses, current } = supervise();

    valueOf(await service.call('workspace/create', { path: workspace, name: 'Restart Partnership', area: 'Colchester' }));
    valueOf(await service.call('member/add', { name: 'Essex Police', statutory: true, contact: null }));
    const staged = valueOf(await service.call('dataset/stage', { path: file, partner: 'Essex Police' })) as { token: string };
    const importing = service.call('dataset/import', { token: staged.token, operationId: 'import-1', partner: 'Essex Police' });
    const listing = service.call('partnership/show', {});
    await listing;
    while (!progress.some((event) => (event.rows ?? 0) >= 50_000)) await new Promise((resolve) => setTimeout(resolve, 5));

    const firstProcess = current();
    firstProcess.kill('SIGKILL');
    const failed = await settlesSoon(importing, 'the import in flight');
    expect(failed).toEqual({ ok: false, error: { code: 'service-stopped', message: serviceStoppedMessage } });

    // The next call waits for the new process and the reopened workspace, then works.
    const partnership = valueOf(await settlesSoon(service.call('partnership/show', {}), 'the next call')) as { name: string; members: { name: string }[] };
    expect(current()).not.toBe(firstProcess);
    expect(partnership.name).toBe('Restart Partnership');
    expect(partnership.members.map((member) => member.name)).toEqual(['Essex Police']);
    expect(statuses).toEqual([{ state: 'restarted', workspaceReopened: true, message: expect.stringContaining('with your workspace open again') }]);
    expect(valueOf(await service.call('dataset/list', {}))).toEqual([]);

    // The workspace is intact: sound, with the import rolled back, and the import then works.
    const db = new Database(workspace, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) FROM observation').pluck().get()).toBe(0);
    db.close();
    const again = valueOf(await service.call('dataset/stage', { path: file, partner: 'Essex Police' })) as { token: string };
    const report = valueOf(await service.call('dataset/import', { token: again.token, operationId: 'import-2', partner: 'Essex Police' })) as {
      dataset: { rowsImported: number };
    };
    expect(report.dataset.rowsImported).toBe(300_000);
  }, 120_000);

  it('gives up after too many restarts in a row, and says what to do', async () => {
    const dir = tempDir();
    const { service, statuses, current } = supervise(2);
    valueOf(await service.call('workspace/create', { path: join(dir, 'crashing.sqlite'), name: 'Crashing Partnership' }));
    for (let crash = 1; crash <= 3; crash += 1) {
      const exited = new Promise((resolve) => current().once('exit', resolve));
      current().kill('SIGKILL');
      await exited;
      // Reopening succeeds, but no call is answered in between, so the crashes count as in a row.
      while (statuses.length < crash) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(statuses.map((status) => status.state)).toEqual(['restarted', 'restarted', 'stopped']);
    const refused = await settlesSoon(service.call('partnership/show', {}), 'a call after giving up');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toEqual({ code: 'service-stopped', message: expect.stringContaining('3 times in a row') });
    expect(!refused.ok && refused.error.message).toContain('Close the workbench and open it again');
  }, 60_000);
});
