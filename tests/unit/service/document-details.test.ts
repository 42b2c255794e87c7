import { describe, expect, it } from 'vitest';
import { defaultDocumentDetails, defaultPlanPeriod, DocumentDetails } from '../../../shared/domain/document-details';
import { useTempDir } from '../../fixtures/temp-dir';
import { TestWorkbench, valueOf } from '../../fixtures/workbench-host';

describe('document details', () => {
  const tempDir = useTempDir();

  it('defaults cite the Crime and Disorder Act 1998 and follow the partnership', () => {
    const defaults = defaultDocumentDetails({ name: 'Safer Colchester Partnership', area: 'Colchester', period: { from: '2018-10', to: '2019-09' } });
    expect(defaults.statutoryBasis).toMatch(/^Under the Crime and Disorder Act 1998 the Partnership is responsible for reducing crime and disorder, reducing re-offending and combating the misuse of drugs, alcohol and other substances\./);
    expect(defaults.introduction).toBe(
      'The aim of the Safer Colchester Partnership is to work together to reduce crime and disorder in Colchester and deliver the key priorities contained in this Partnership Plan.',
    );
    expect(defaults.status).toBe('draft');
    expect(DocumentDetails.safeParse(defaults).success).toBe(true);
    // The plan runs April to March, from the first April after the assessment ends.
    expect(defaultPlanPeriod({ from: '2018-10', to: '2019-09' })).toBe('April 2020 to March 2021');
    expect(defaultPlanPeriod({ from: '2018-04', to: '2019-03' })).toBe('April 2019 to March 2020');
    expect(defaultPlanPeriod(null)).toBe('');
  });

  it('are read and saved through the service; unchanged fields keep following the partnership', async () => {
    const workbench = new TestWorkbench(tempDir());
    try {
      await workbench.create();
      const first = valueOf(await workbench.call('document/show', {}));
      expect(first.details).toEqual(first.defaults);
      const saved = valueOf(await workbench.call('document/set', { ...first.details, version: '2.0', status: 'final', date: '2019-03-31' }));
      expect(saved.details).toMatchObject({ version: '2.0', status: 'final', date: '2019-03-31', title: first.defaults.title });

      // Renamed, the partnership's default wording follows; what the analyst wrote stays.
      valueOf(await workbench.call('partnership/set', { name: 'Safer Colchester', area: 'Colchester', marking: 'OFFICIAL', period: null }));
      const after = valueOf(await workbench.call('document/show', {}));
      expect(after.details.title).toBe('Safer Colchester: Partnership Plan');
      expect(after.details.introduction).toContain('The aim of the Safer Colchester is');
      expect(after.details.version).toBe('2.0');

      const refused = await workbench.call('document/set', { ...after.details, title: '' });
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.message).toBe('title: The title cannot be empty.');
      expect(valueOf(await workbench.call('document/show', {})).details.title).toBe('Safer Colchester: Partnership Plan');
    } finally {
      workbench.dispose();
    }
  });
});
