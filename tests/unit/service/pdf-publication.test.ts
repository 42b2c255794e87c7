import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceHost } from '../../../electron/service/service-host';
import { createWorkbenchHandlers } from '../../../electron/service/workbench-handlers';
import type { ServiceRawInputOf } from '../../../electron/service/service-contract';
import type { DocumentDetails } from '../../../shared/domain/document-details';
import type { Result } from '../../../shared/result';
import { pdfPages, pdfText } from '../../fixtures/pdf-tools';
import { valueOf } from '../../fixtures/workbench-host';
import { workspaceFingerprint } from '../../fixtures/workspace-fingerprint';

/**
 * Publication means published: a PDF exported for publication says it is final and that its
 * small numbers are suppressed, and a draft is refused for publication, leaving the workspace
 * and any file already at the destination as they were. Read back with poppler-utils.
 */

const generatedAt = new Date('2026-11-30T10:00:00Z');
let dir: string;
let workspace: string;
let host: ServiceHost;
let standard: DocumentDetails;

const draftBand = 'DRAFT: for discussion by the partnership board, not for publication until agreed.';
const finalBand = 'FINAL: agreed by the partnership board. Not for publication: small numbers are shown in full.';
const publishedBand = 'FINAL: for publication. Small numbers are suppressed.';

const exportPdf = (kind: 'plan' | 'board-paper', path: string, publication = false) =>
  host.call('export/pdf', { path, operationId: `publication-${kind}-01`, kind, publication, threshold: 5 } satisfies ServiceRawInputOf<'export/pdf'>) as Promise<
    Result<{ fileName: string }>
  >;
const setDetails = async (change: Partial<DocumentDetails>) => valueOf(await host.call('document/set', { ...standard, ...change }));
/** The text with its lines joined, as a reader reads a wrapped sentence. */
const flat = (path: string) => pdfText(path).replace(/\s+/g, ' ');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cswb-publication-'));
  workspace = join(dir, 'demo.sqlite');
  host = new ServiceHost(undefined, { handlers: (session) => createWorkbenchHandlers(session, () => generatedAt) });
  valueOf(await host.call('workspace/demo', { path: workspace, operationId: 'demo-publication-1' }));
  standard = (valueOf(await host.call('document/show', {})) as { details: DocumentDetails }).details;
}, 120_000);

afterAll(() => {
  host?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe.each([
  ['plan', 'Partnership Plan'],
  ['board-paper', 'board paper'],
] as const)('the %s', (kind, name) => {
  it('is refused for publication while it is a draft, with the workspace and an existing file unchanged', async () => {
    await setDetails({ status: 'draft' });
    const existing = join(dir, `${kind}-existing.pdf`);
    writeFileSync(existing, 'the copy agreed last year');
    const fresh = join(dir, `${kind}-fresh.pdf`);
    const before = workspaceFingerprint(workspace);

    for (const destination of [existing, fresh]) {
      expect(await exportPdf(kind, destination, true)).toEqual({
        ok: false,
        error: {
          code: 'invalid-input',
          message: `The ${name} is still a draft. Set its status to Final (on the Export screen, or \`document set --status final\`) before exporting it for publication.`,
        },
      });
    }
    expect(readFileSync(existing, 'utf8')).toBe('the copy agreed last year');
    expect(existsSync(fresh)).toBe(false);
    expect(readdirSync(dir).filter((file) => file.endsWith('.partial'))).toEqual([]);
    expect(workspaceFingerprint(workspace)).toBe(before);
  });

  it('says on its title page whether it is a draft, final for the board, or final for publication', async () => {
    await setDetails({ status: 'draft' });
    const draft = join(dir, `${kind}-draft.pdf`);
    valueOf(await exportPdf(kind, draft));
    expect(flat(draft)).toContain(draftBand);
    expect(flat(draft)).not.toContain('FINAL:');

    await setDetails({ status: 'final' });
    const forBoard = join(dir, `${kind}-final.pdf`);
    valueOf(await exportPdf(kind, forBoard));
    const boardText = flat(forBoard);
    expect(boardText).toContain(finalBand);
    expect(boardText).not.toContain('DRAFT');
    expect(boardText).not.toContain('[c]');

    const published = join(dir, `${kind}-published.pdf`);
    valueOf(await exportPdf(kind, published, true));
    const publishedText = flat(published);
    expect(publishedText).toContain(publishedBand);
    expect(publishedText).not.toContain('DRAFT');
    expect(publishedText).not.toContain('not for publication');
    // The protective marking is still printed, in words on the title page.
    expect(pdfPages(published)[0]).toContain('Protective marking: OFFICIAL');
    await setDetails({ status: 'draft' });
  }, 60_000);

  it('prints each line of a contact written on several lines as a line of its own', async () => {
    await setDetails({ contact: 'Community Safety Team\nRowan House, 33 Sheepen Road\nColchester CO3 3WG' });
    const file = join(dir, `${kind}-contact.pdf`);
    valueOf(await exportPdf(kind, file));
    const lines = pdfPages(file)
      .join('\n')
      .split('\n')
      .map((line) => line.trim());
    const first = lines.indexOf('Community Safety Team');
    expect(first, lines.join('\n')).toBeGreaterThan(-1);
    expect(lines.slice(first, first + 3)).toEqual(['Community Safety Team', 'Rowan House, 33 Sheepen Road', 'Colchester CO3 3WG']);
    await setDetails({});
  }, 60_000);
});
