import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  saferColchester,
  saferColchesterDocument,
  saferColchesterJudgements,
  saferColchesterPeers,
  saferColchesterPeriod,
  saferColchesterPriorities,
} from '../../../../shared/demo/safer-colchester';
import { PriorityInput } from '../../../../shared/domain/priority';
import type { WorkspaceSummary } from '../../../../shared/domain/partnership';
import { WorkbenchError } from '../../../../shared/result';
import type { OperationContext } from '../../operation-context';
import { saveJudgement } from '../matrix/matrix-store';
import { readDocumentDetails, updateDocumentDetails } from '../document/document-store';
import { savePeers } from '../peers/peer-store';
import { importDataset, type ImportRequest } from '../dataset/import/import-dataset';
import { bundledPopulationFile, importPopulationEstimates } from '../analysis/population-estimates';
import { insertPartnership } from '../partnership/partnership-store';
import { addMember, listMembers } from '../member/member-store';
import { addPriority } from '../priority/priority-store';
import { bundledDataFile } from '../../resources';
import { summarise, type WorkspaceSession } from '../../workspace-session';
import { createWorkspaceFile, openWorkspaceFile, type WorkspaceDatabase } from '../../workspace-file';

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
 * with its members, document details that say it is a demonstration and of what, the Essex force-area ONS series 2015–2024, the Colchester police.uk
 * sample for January 2018, ONS population estimates for both areas, example judgements
 * with their rationale, an illustrative set of peer forces kept from the ONS table, so that
 * the demo's ranking is complete, and the seed plan's four priorities linked to the ranked
 * types they address.
 */
export async function buildDemoWorkspace(session: WorkspaceSession, path: string, context: OperationContext): Promise<WorkspaceSummary> {
  session.refuseWhileBusy();
  if (existsSync(path)) {
    throw new WorkbenchError(
      'file-exists',
      `${basename(path)} already exists in ${dirname(path)}. The workbench does not replace a workspace with the demo: remove or rename it first, or build the demo in another folder.`,
    );
  }
  mkdirSync(dirname(path), { recursive: true });
  // Built under a name no one would open, and renamed only when complete, so a demo that is
  // stopped part-way (a full disk, Ctrl+C, a killed process) never looks like a workspace.
  const partial = join(dirname(path), `.${basename(path)}.partial`);
  removeWorkspaceFiles(partial);
  let db: WorkspaceDatabase | null = null;
  try {
    const fresh = createWorkspaceFile(partial, (created) => {
      insertPartnership(
        created,
        { name: saferColchester.name, area: saferColchester.area, marking: 'OFFICIAL', period: { ...saferColchesterPeriod } },
        new Date(),
      );
      for (const member of saferColchester.members) addMember(created, { ...member, contact: null });
      importPopulationEstimates(created, bundledDataFile(bundledPopulationFile), ['Colchester', 'Essex']);
      const createdAt = new Date();
      for (const judgement of saferColchesterJudgements) saveJudgement(created, judgement, createdAt);
      const { defaults } = readDocumentDetails(created);
      updateDocumentDetails(created, { ...defaults, ...saferColchesterDocument(defaults) });
      const members = listMembers(created);
      for (const { lead, offences, measures, ...priority } of saferColchesterPriorities) {
        const leadId = members.find((member) => member.name === lead)!.id;
        addPriority(created, PriorityInput.parse({ ...priority, offences: [...offences], measures: [...measures], lead: leadId }), createdAt);
      }
    });
    db = fresh;
    await session.exclusively(async () => {
      await importDataset(
        fresh,
        {
          ...importDefaults,
          path: bundledDataFile('ons-pfa-recorded-crime-ye-sep-2015-2024.csv'),
          partner: 'Office for National Statistics',
          area: 'Essex',
          // The other forces' rows stay, as comparators for the peer factor.
          keepComparators: true,
        },
        context,
      );
      await importDataset(fresh, { ...importDefaults, path: bundledDataFile('police-uk-street-colchester-2018-01.csv'), partner: 'Essex Police' }, context);
    });
    savePeers(fresh, saferColchesterPeers);
    fresh.close();
    db = null;
    renameSync(partial, path);
  } catch (error) {
    db?.close();
    removeWorkspaceFiles(partial);
    throw error;
  }
  const opened = openWorkspaceFile(path);
  session.replace(opened);
  return summarise(opened);
}

function removeWorkspaceFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}
