import {
  defaultDocumentDetails,
  type DocumentDetails,
  type DocumentDetailsView,
} from '../../../../shared/domain/document-details';
import { readPartnershipDetails } from '../partnership/partnership-store';
import type { WorkspaceDatabase } from '../../workspace-file';

interface DetailsRow {
  title: string | null;
  plan_period: string | null;
  owner: string | null;
  version: string | null;
  status: DocumentDetails['status'];
  document_date: string | null;
  distribution: string | null;
  contact: string | null;
  introduction: string | null;
  statutory_basis: string | null;
}

/** The plan's details as stored, with each unchanged field read as its current default. */
export function readDocumentDetails(db: WorkspaceDatabase): DocumentDetailsView {
  const defaults = defaultDocumentDetails(readPartnershipDetails(db));
  const row = db.prepare('SELECT * FROM document_details WHERE id = 1').get() as DetailsRow | undefined;
  if (!row) return { details: defaults, defaults };
  return {
    defaults,
    details: {
      title: row.title ?? defaults.title,
      planPeriod: row.plan_period ?? defaults.planPeriod,
      owner: row.owner ?? defaults.owner,
      version: row.version ?? defaults.version,
      status: row.status,
      date: row.document_date,
      distribution: row.distribution ?? defaults.distribution,
      contact: row.contact ?? defaults.contact,
      introduction: row.introduction ?? defaults.introduction,
      statutoryBasis: row.statutory_basis ?? defaults.statutoryBasis,
    },
  };
}

/**
 * Stores the details. A field equal to its default is stored as "the default", so it goes on
 * following the partnership (its name, area and period) rather than freezing today's wording.
 */
export function updateDocumentDetails(db: WorkspaceDatabase, details: DocumentDetails): DocumentDetailsView {
  const defaults = defaultDocumentDetails(readPartnershipDetails(db));
  const own = <K extends keyof DocumentDetails>(key: K) => (details[key] === defaults[key] ? null : details[key]);
  db.prepare(
    `INSERT INTO document_details (id, title, plan_period, owner, version, status, document_date, distribution, contact, introduction, statutory_basis)
     VALUES (1, @title, @planPeriod, @owner, @version, @status, @date, @distribution, @contact, @introduction, @statutoryBasis)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, plan_period = excluded.plan_period, owner = excluded.owner,
       version = excluded.version, status = excluded.status, document_date = excluded.document_date,
       distribution = excluded.distribution, contact = excluded.contact, introduction = excluded.introduction,
       statutory_basis = excluded.statutory_basis`,
  ).run({
    title: own('title'),
    planPeriod: own('planPeriod'),
    owner: own('owner'),
    version: own('version'),
    status: details.status,
    date: details.date,
    distribution: own('distribution'),
    contact: own('contact'),
    introduction: own('introduction'),
    statutoryBasis: own('statutoryBasis'),
  });
  return readDocumentDetails(db);
}
