import { fork } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServiceHost } from '../../../electron/service/service-host';
import type { ProgressEvent } from '../../../shared/progress';
import { useTempDir } from '../../fixtures/temp-dir';
import { valueOf } from '../../fixtures/workbench-host';

const holderScript = join(__dirname, '../../fixtures/hold-workspace-lock.ts');

/** Another process takes the workspace's write lock; resolves once it holds it. */
async function holdLock(path: string) {
  const holder = fork(holderScript, [path], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  await once(holder, 'message');
  return holder;
}

describe('a workspace another process is writing', () => {
  const tempDir = useTempDir();

  it('is waited for, with progress, and the write goes through once the other process lets go', async () => {
    const path = join(tempDir(), 'shared.sqlite');
    const events: ProgressEvent[] = [];
    const host = new ServiceHost((event) => events.push(event));
    try {
      valueOf(await host.call('workspace/create', { path, name: 'Shared Partnership' }));
      const holder = await holdLock(path);
      setTimeout(() => holder.kill(), 2_000);
      const members = valueOf(await host.call('member/add', { name: 'Essex Police', statutory: true, contact: null })) as { name: string }[];
      expect(members.map((member) => member.name)).toEqual(['Essex Police']);
      expect(events.length).toBeGreaterThan(0);
      expect(events[0]).toMatchObject({ operationId: 'waiting-member/add', stage: expect.stringMatching(/^Waiting for another program to finish with the workspace \(\d of 5 seconds\)$/) });
    } finally {
      host.dispose();
    }
  }, 60_000);

  it('says so after the limit, and changes nothing', async () => {
    const path = join(tempDir(), 'held.sqlite');
    const events: ProgressEvent[] = [];
    const host = new ServiceHost((event) => events.push(event));
    valueOf(await host.call('workspace/create', { path, name: 'Held Partnership' }));
    const holder = await holdLock(path);
    try {
      const result = await host.call('member/add', { name: 'Essex Police', statutory: true, contact: null });
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'busy',
          message:
            'Another program is using “held.sqlite” (the workbench waited 5 seconds for it). Nothing was changed. Close the other copy of the workbench, or the program that has the file open, and try again.',
        },
      });
      expect(events.map((event) => event.stage)).toContain('Waiting for another program to finish with the workspace (5 of 5 seconds)');
    } finally {
      holder.kill();
      await once(holder, 'exit');
    }
    expect(valueOf(await host.call('partnership/show', {}))).toMatchObject({ members: [] });
    host.dispose();
  }, 60_000);
});
