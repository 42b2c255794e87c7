import { saferColchester, saferColchesterJudgements, saferColchesterPeriod, saferColchesterPriorities } from '../../shared/demo/safer-colchester';
import { PriorityInput } from '../../shared/domain/priority';
import type { WorkspaceSummary } from '../../shared/domain/partnership';
import type { OperationContext } from './operation-context';
import { saveJudgement } from './analysis/matrix-store';
import { importDataset, type ImportRequest } from './import/import-dataset';
import { bundledPopulationFile, importPopulationEstimates } from './import/population';
import { addMember, insertPartnership, listMembers } from './partnership-store';
import { addPriority } from './priorities/priority-store';
import { bundledDataFile } from './resources';
import { summarise, type WorkspaceSession } from './workspace-session';
import { createWorkspaceFile } from './workspace-file';

const importDefaults: Omit<ImportRequest, 'path' | 'partner'> = {
  format: 'auto',
  mapping: null,
  labels: {},
  sheet: null,
  area: null,
  keepComparators: false,
  sharingAgreement: null,
};

/**
 * A complete example workspace from the bundled open data: the Safer Colchester Partnership
 * with its members, the Essex force-area ONS series 2015–2024, the Colchester police.uk
 * sample for January 2018, ONS population estimates for both areas, example judgements
 * with their rationale, so that the demo's ranking is complete, and the seed plan's four
 * priorities linked to the ranked types they address.
 */
export async function buildDemoWorkspace(session: WorkspaceSession, path: string, context: OperationContext): Promise<WorkspaceSummary> {
  session.refuseWhileBusy();
  const db = createWorkspaceFile(path, (fresh) => {
    insertPartnership(
      fresh,
      { name: saferColchester.name, area: saferColchester.area, marking: 'OFFICIAL', period: { ...saferColchesterPeriod } },
      new Date(),
    );
    for (const member of saferColchester.members) addMember(fresh, { ...member, contact: null });
    importPopulationEstimates(fresh, bundledDataFile(bundledPopulationFile), ['Colchester', 'Essex']);
    const createdAt = new Date();
    for (const judgement of saferColchesterJudgements) saveJudgement(fresh, judgement, createdAt);
    const members = listMembers(fresh);
    for (const { lead, offences, measures, ...priority } of saferColchesterPriorities) {
      const leadId = members.find((member) => member.name === lead)!.id;
      addPriority(fresh, PriorityInput.parse({ ...priority, offences: [...offences], measures: [...measures], lead: leadId }), createdAt);
    }
  });
  session.replace(db);
  await session.exclusively(async () => {
    await importDataset(
      db,
      {
        ...importDefaults,
        path: bundledDataFile('ons-pfa-recorded-crime-ye-sep-2015-2024.csv'),
        partner: 'Office for National Statistics',
        area: 'Essex',
      },
      context,
    );
    await importDataset(db, { ...importDefaults, path: bundledDataFile('police-uk-street-colchester-2018-01.csv'), partner: 'Essex Police' }, context);
  });
  return summarise(db);
}
