import { latestSchemaVersion } from '../../../electron/service/migrations';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { throwIfCancelled, yieldToEventLoop } from '../../../electron/service/operation-context';
import { ServiceHost } from '../../../electron/service/service-host';
import {
  serveOverPipe,
  ServiceClient,
  type FromService,
  type MessagePipe,
  type ToService,
} from '../../../electron/service/service-protocol';
import { createWorkbenchHandlers } from '../../../electron/service/workbench-handlers';
import type { Member } from '../../../shared/domain/partnership';
import type { ProgressEvent } from '../../../shared/progress';
import type { Result } from '../../../shared/result';
import { saferColchester } from '../../fixtures/safer-colchester';
import { useTempDir } from '../../fixtures/temp-dir';

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function names(members: unknown): string[] {
  return (members as Member[]).map((member) => member.name);
}

describe('the service host', () => {
  const tempDir = useTempDir();

  async function hostWithWorkspace() {
    const host = new ServiceHost();
    const path = join(tempDir(), 'colchester.sqlite');
    value(await host.call('workspace/create', { path, name: saferColchester.name, area: saferColchester.area }));
    return { host, path };
  }

  it('refuses work before a workspace is open, with a reason', async () => {
    const host = new ServiceHost();
    const result = await host.call('partnership/show', {});
    expect(result).toEqual({ ok: false, error: { code: 'no-workspace', message: 'No workspace is open. Create or open one first.' } });
  });

  it('validates every call and names the bad field', async () => {
    const { host } = await hostWithWorkspace();
    const blank = await host.call('member/add', { name: '   ', statutory: true });
    expect(blank).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'name: The organisation name cannot be empty.' } });
    const extra = await host.call('member/remove', { id: 1, sql: 'DROP TABLE member' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const unknown = await host.call('member/explode' as never, {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const badPeriod = await host.call('partnership/set', {
      name: 'P',
      area: null,
      marking: 'OFFICIAL',
      period: { from: '2019-04', to: '2018-03' },
    });
    expect(badPeriod).toMatchObject({ ok: false, error: { message: 'period.to: The period must end on or after the month it starts.' } });
    host.dispose();
  });

  it('adds, edits, reorders and removes members, and keeps them across reopening', async () => {
    const { host, path } = await hostWithWorkspace();
    for (const member of saferColchester.members) value(await host.call('member/add', member));

    const list = (value(await host.call('partnership/show', {})) as { members: Member[] }).members;
    expect(list.map((member) => [member.name, member.statutory])).toEqual(
      saferColchester.members.map((member) => [member.name, member.statutory]),
    );
    expect(list.filter((member) => member.statutory)).toHaveLength(6);

    const police = list.find((member) => member.name === 'Essex Police')!;
    const edited = value(await host.call('member/update', { id: police.id, name: 'Essex Police', statutory: true, contact: 'Colchester District Commander' }));
    expect((edited as Member[]).find((member) => member.id === police.id)?.contact).toBe('Colchester District Commander');

    const reversed = list.map((member) => member.id).reverse();
    expect(names(value(await host.call('member/move', { ids: reversed })))).toEqual(
      [...saferColchester.members].reverse().map((member) => member.name),
    );
    const stale = await host.call('member/move', { ids: reversed.slice(1) });
    expect(stale).toMatchObject({ ok: false, error: { code: 'invalid-input' } });

    const afterRemoval = value(await host.call('member/remove', { id: police.id })) as Member[];
    expect(afterRemoval).toHaveLength(8);
    expect(await host.call('member/remove', { id: police.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    host.dispose();

    const reopened = new ServiceHost();
    value(await reopened.call('workspace/open', { path }));
    const partnership = value(await reopened.call('partnership/show', {})) as { members: Member[] };
    expect(names(partnership.members)).toEqual(names(afterRemoval));
    reopened.dispose();
  });

  it('saves the partnership details and reports them in the summary', async () => {
    const { host } = await hostWithWorkspace();
    const saved = value(
      await host.call('partnership/set', {
        name: 'Safer Colchester Partnership',
        area: 'Colchester Borough',
        marking: 'OFFICIAL-SENSITIVE',
        period: { from: '2018-04', to: '2019-03' },
      }),
    );
    expect(saved).toMatchObject({ area: 'Colchester Borough', marking: 'OFFICIAL-SENSITIVE', period: { from: '2018-04', to: '2019-03' } });
    expect(value(await host.call('workspace/show', {}))).toEqual({
      fileName: 'colchester.sqlite',
      name: 'Safer Colchester Partnership',
      area: 'Colchester Borough',
      marking: 'OFFICIAL-SENSITIVE',
      schemaVersion: latestSchemaVersion,
      datasets: 0,
    });
    host.dispose();
  });

  it('streams progress for a backup under its operation id', async () => {
    const events: ProgressEvent[] = [];
    const host = new ServiceHost((event) => events.push(event));
    const dir = tempDir();
    value(await host.call('workspace/create', { path: join(dir, 'w.sqlite'), name: 'P' }));
    const backup = value(await host.call('workspace/backup', { path: join(dir, 'b.sqlite'), operationId: 'backup-0001' }));
    expect(backup).toMatchObject({ fileName: 'b.sqlite' });
    expect(events.map((event) => [event.operationId, event.done, event.total])).toEqual([
      ['backup-0001', 0, 1],
      ['backup-0001', 1, 1],
    ]);
    host.dispose();
  });

  it('cancels a running operation between chunks of work', async () => {
    const events: ProgressEvent[] = [];
    let chunksDone = 0;
    const host = new ServiceHost((event) => events.push(event), {
      handlers: (session) => ({
        ...createWorkbenchHandlers(session),
        // A stand-in long operation: the mechanism under test is the host's, not the backup's.
        'workspace/backup': async (_input, context) => {
          for (let chunk = 0; chunk < 1000; chunk += 1) {
            throwIfCancelled(context);
            chunksDone += 1;
            context.progress({ stage: 'Working', done: chunk, total: 1000, unit: 'rows' });
            await yieldToEventLoop();
          }
          return { fileName: 'never', bytes: 0 };
        },
      }),
    });
    const running = host.call('workspace/backup', { path: '/unused', operationId: 'long-00001' });
    while (events.length < 3) await yieldToEventLoop();
    expect(value(await host.call('operation/cancel', { operationId: 'long-00001' }))).toEqual({ cancelled: true });
    expect(await running).toEqual({ ok: false, error: { code: 'cancelled', message: 'Cancelled. Nothing was changed.' } });
    expect(chunksDone).toBeLessThan(1000);

    // A Cancel that overtakes its operation still stops it.
    expect(value(await host.call('operation/cancel', { operationId: 'long-00002' }))).toEqual({ cancelled: true });
    const before = chunksDone;
    expect(await host.call('workspace/backup', { path: '/unused', operationId: 'long-00002' })).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(chunksDone).toBe(before);
  });

  it('works the same across a message pipe, as between main and the service process', async () => {
    const { port1, port2 } = new MessageChannel();
    const serviceSide: MessagePipe<ToService, FromService> = {
      send: (message) => port2.postMessage(message),
      listen: (listener) => port2.on('message', listener),
    };
    const events: ProgressEvent[] = [];
    serveOverPipe(new ServiceHost((event) => serviceSide.send({ type: 'progress', event })), serviceSide);
    const client = new ServiceClient(
      { send: (message) => port1.postMessage(message), listen: (listener) => port1.on('message', listener) },
      (event) => events.push(event),
    );
    const dir = tempDir();

    const [created, premature] = await Promise.all([
      client.call('workspace/create', { path: join(dir, 'w.sqlite'), name: 'Piped Partnership' }),
      client.call('workspace/show', {}),
    ]);
    expect(value(created)).toMatchObject({ name: 'Piped Partnership' });
    expect(premature.ok).toBe(true);
    value(await client.call('workspace/backup', { path: join(dir, 'b.sqlite'), operationId: 'piped-0001' }));
    expect(events.map((event) => event.operationId)).toEqual(['piped-0001', 'piped-0001']);

    const pending = client.call('member/add', { name: 'Never answered', statutory: false });
    port2.close();
    client.serviceStopped();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'service-stopped' } });
    port1.close();
  });
});
