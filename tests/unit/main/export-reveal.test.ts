import { describe, expect, it } from 'vitest';
import { createRendererHandlers } from '../../../electron/main/renderer-handlers';
import type { ServiceCaller } from '../../../electron/service/service-host';
import type { Channel } from '../../../shared/channels';

describe('Show in folder and Open', () => {
  it('act only on a file this session exported, by the path main chose, never one from the page', async () => {
    const calls: [Channel, unknown][] = [];
    let succeed = true;
    const service: ServiceCaller = {
      call: async (channel, input) => {
        calls.push([channel, input]);
        return succeed ? { ok: true, value: { exportId: 'export-0000001', fileName: 'Evidence.xlsx', bytes: 1, source: 'Current scoring' } } : { ok: false, error: { code: 'cancelled', message: 'Cancelled.' } };
      },
    };
    const revealed: [string, string][] = [];
    const handlers = createRendererHandlers(service, async () => '/chosen/Evidence.xlsx', {
      reveal: async (path, action) => void revealed.push([path, action]),
    });

    const early = await handlers['export/reveal']({ exportId: 'export-0000001', action: 'show' });
    expect(early).toEqual({ ok: false, error: { code: 'not-found', message: 'That file is no longer known to the workbench. Export it again.' } });

    expect((await handlers['export/workbook']({ operationId: 'export-0000001' })).ok).toBe(true);
    expect(calls).toEqual([
      ['export/workbook', { operationId: 'export-0000001', source: { kind: 'current' }, publication: false, threshold: 5, rawData: false, path: '/chosen/Evidence.xlsx' }],
    ]);
    expect(await handlers['export/reveal']({ exportId: 'export-0000001', action: 'show' })).toEqual({ ok: true, value: null });
    expect(await handlers['export/reveal']({ exportId: 'export-0000001', action: 'open' })).toEqual({ ok: true, value: null });
    expect(revealed).toEqual([
      ['/chosen/Evidence.xlsx', 'show'],
      ['/chosen/Evidence.xlsx', 'open'],
    ]);

    // A failed export is not remembered; a path or an unknown action from the page is refused.
    succeed = false;
    await handlers['export/workbook']({ operationId: 'export-0000002' });
    expect((await handlers['export/reveal']({ exportId: 'export-0000002', action: 'open' })).ok).toBe(false);
    expect(await handlers['export/reveal']({ exportId: 'export-0000001', action: 'run', path: '/bin/sh' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(calls.map(([channel]) => channel)).toEqual(['export/workbook', 'export/workbook']);
  });
});
