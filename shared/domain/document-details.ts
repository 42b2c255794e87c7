import { z } from 'zod';
import { isRealIsoDay } from '../dates/day';
import { addMonths, monthName } from '../dates/months';
import type { PartnershipDetails } from './partnership';

/**
 * The details a published plan or board paper carries beyond the partnership itself: its title,
 * the period the plan covers, who owns it, its version and status, its date and distribution,
 * a contact line, and the introduction and statutory basis in the partnership's own words.
 * Every field has a default in the wording real plans use (the Safer Colchester Partnership's
 * Key Priorities 2018–19), so a first export already reads properly.
 */

export const documentStatuses = ['draft', 'final'] as const;
export const DocumentStatus = z.enum(documentStatuses);
export type DocumentStatus = z.infer<typeof DocumentStatus>;

const text = (label: string, max: number, required = true) => {
  const base = z.string().trim().max(max, `${label} must be ${max} characters or fewer.`);
  return required ? base.min(1, `${label} cannot be empty.`) : base;
};

/** A calendar date as 'YYYY-MM-DD' that exists (no 30 February). */
export const DocumentDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Use a date in the form YYYY-MM-DD, for example 2019-03-31.')
  .refine(isRealIsoDay, 'That date does not exist. Give a real day, for example 31 3 2019.');

export const DocumentDetails = z
  .object({
    title: text('The title', 200),
    planPeriod: text('The plan period', 100, false),
    owner: text('The owner', 200),
    version: text('The version', 20),
    status: DocumentStatus,
    /** null: the day the document is generated. */
    date: DocumentDate.nullable(),
    distribution: text('The distribution', 300, false),
    contact: text('The contact details', 500, false),
    introduction: text('The introduction', 5000),
    statutoryBasis: text('The statutory basis', 5000),
  })
  .strict();
export type DocumentDetails = z.infer<typeof DocumentDetails>;

export interface DocumentDetailsView {
  details: DocumentDetails;
  /** What each field says when the analyst has not changed it. */
  defaults: DocumentDetails;
}

export const statutoryBasisDefault =
  'Under the Crime and Disorder Act 1998 the Partnership is responsible for reducing crime and disorder, reducing ' +
  're-offending and combating the misuse of drugs, alcohol and other substances. Section 6 of the Act requires the ' +
  'responsible authorities to formulate and implement a strategy for the area, and the Crime and Disorder ' +
  '(Formulation and Implementation of Strategy) Regulations 2007 require a strategic assessment each year and a ' +
  'partnership plan that sets out the priorities it identifies and how they will be tackled.';

/**
 * The plan's year: the first April-to-March year that starts after the assessment period ends,
 * as plans are agreed in the winter after the assessment and run with the financial year.
 */
export function defaultPlanPeriod(assessment: PartnershipDetails['period']): string {
  if (!assessment) return '';
  let start = addMonths(assessment.to, 1);
  while (start.slice(5, 7) !== '04') start = addMonths(start, 1);
  const end = addMonths(start, 11);
  return `${monthName(4)} ${start.slice(0, 4)} to ${monthName(3)} ${end.slice(0, 4)}`;
}

export function defaultDocumentDetails(partnership: Pick<PartnershipDetails, 'name' | 'area' | 'period'>): DocumentDetails {
  const where = partnership.area ? ` in ${partnership.area}` : '';
  return {
    title: `${partnership.name}: Partnership Plan`,
    planPeriod: defaultPlanPeriod(partnership.period),
    owner: partnership.name,
    version: '1.0',
    status: 'draft',
    date: null,
    distribution: 'Members of the partnership board',
    contact: `For further information on the ${partnership.name}, please contact its community safety team.`,
    introduction:
      `The aim of the ${partnership.name} is to work together to reduce crime and disorder${where} and deliver ` +
      'the key priorities contained in this Partnership Plan.',
    statutoryBasis: statutoryBasisDefault,
  };
}

export const statusLabel = (status: DocumentStatus) => (status === 'final' ? 'Final' : 'Draft');

/** The details in the order the Export screen and `document show` list them. */
export const documentDetailFields = [
  'title',
  'planPeriod',
  'owner',
  'version',
  'status',
  'date',
  'distribution',
  'contact',
  'introduction',
  'statutoryBasis',
] as const satisfies readonly (keyof DocumentDetails)[];
export type DocumentDetailField = (typeof documentDetailFields)[number];

/** Each detail as a label on its own. */
export const documentDetailLabels: Record<DocumentDetailField, string> = {
  title: 'Title',
  planPeriod: 'Plan period',
  owner: 'Document owner',
  version: 'Version',
  status: 'Status',
  date: 'Date',
  distribution: 'Distribution',
  contact: 'Contact details',
  introduction: 'Introduction',
  statutoryBasis: 'Statutory basis',
};

/**
 * A document for publication says it is final: a draft is not yet agreed by the board, and a
 * published draft could be taken as the partnership's word. The service refuses such an
 * export, and the Export screen and the CLI say this before anything is written.
 */
export function publicationNeedsFinalMessage(documentName: string): string {
  return (
    `The ${documentName} is still a draft. Set its status to Final (on the Export screen, or ` +
    '`document set --status final`) before exporting it for publication.'
  );
}
