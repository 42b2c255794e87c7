import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDroppedFileHandler, createRendererHandlers, type PathChooser } from '../../../electron/main/renderer-handlers';
import { useTempDir } from '../../fixtures/temp-dir';
import type { ServiceCaller } from '../../../electron/service/service-protocol';
import type { Channel } from '../../../shared/channels';

function recordingService() {
  const calls: [Channel, unknown][] = [];
  const service: ServiceCaller = {
    call: async (channel, input) => {
      calls.push([channel, input]);
      return { ok: true, value: null };
    },
  };
  return { service, calls };
}

describe('the renderer-facing handlers', () => {
  it('add the path main chose, never one from the renderer', async () => {
    const { service, calls } = recordingService();
    const asked: string[] = [];
    const chooser: PathChooser = async (channel) => (asked.push(channel), '/chosen/colchester.sqlite');
    const handlers = createRendererHandlers(service, chooser);

    await handlers['workspace/create']({ name: 'Safer Colchester Partnership' });
    expect(calls).toEqual([
      ['workspace/create', { name: 'Safer Colchester Partnership', marking: 'OFFICIAL', path: '/chosen/colchester.sqlite' }],
    ]);
    expect(asked).toEqual(['workspace/create']);

    const smuggled = await handlers['workspace/open']({ path: '/etc/passwd' });
    expect(smuggled).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(calls).toHaveLength(1);
  });

  it('report a cancelled dialog as cancelled and call nothing', async () => {
    const { service, calls } = recordingService();
    const handlers = createRendererHandlers(service, async () => null);
    expect(await handlers['workspace/backup']({ operationId: 'backup-0001' })).toEqual({
      ok: false,
      error: { code: 'cancelled', message: 'No file was chosen.' },
    });
    expect(calls).toEqual([]);
  });

  it('validate input before asking for a file or calling the service', async () => {
    const { service, calls } = recordingService();
    let asked = false;
    const handlers = createRendererHandlers(service, async () => ((asked = true), '/x.sqlite'));
    expect(await handlers['workspace/create']({ name: '' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await handlers['member/move']({ ids: [1, 1] })).toMatchObject({
      ok: false,
      error: { message: 'Each member may appear only once.' },
    });
    expect(await handlers['member/add']('not an object')).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(asked).toBe(false);
    expect(calls).toEqual([]);
  });

  it('pass other operations straight through after validation', async () => {
    const { service, calls } = recordingService();
    const handlers = createRendererHandlers(service, async () => null);
    await handlers['member/add']({ name: ' Essex Police ', statutory: true });
    expect(calls).toEqual([['member/add', { name: 'Essex Police', statutory: true, contact: null }]]);
  });
});

describe('the dropped-file handler', () => {
  const tempDir = useTempDir();

  it('stages an existing CSV or xlsx file and refuses anything else', async () => {
    const dir = tempDir();
    const csv = join(dir, 'street.csv');
    writeFileSync(csv, 'a,b\n1,2\n');
    writeFileSync(join(dir, 'notes.docx'), 'x');
    const { service, calls } = recordingService();
    const stage = createDroppedFileHandler(service);

    expect(await stage({ path: csv })).toEqual({ ok: true, value: null });
    expect(calls).toEqual([['dataset/stage', { path: csv, partner: null }]]);

    expect(await stage({ path: '' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await stage({ path: 'relative/street.csv' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await stage({ path: join(dir, 'notes.docx') })).toMatchObject({ ok: false, error: { message: 'Drop a CSV, Excel (.xlsx) or OpenDocument (.ods) file.' } });
    expect(await stage({ path: join(dir, 'missing.csv') })).toMatchObject({ ok: false, error: { code: 'file-not-found' } });
    expect(await stage({ path: csv, extra: true })).toMatchObject({ ok: false });
    expect(calls).toHaveLength(1);
  });
});
