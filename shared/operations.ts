import { z } from 'zod';
import { OperationId } from './operation-id';
import {
  MemberId,
  MemberInput,
  PartnershipDetails,
  PartnershipName,
  ProtectiveMarking,
  type Member,
  type Partnership,
  type WorkspaceSummary,
} from './domain/partnership';
import {
  CountGrouping,
  DatasetId,
  ImportSettings,
  PreviewRequest,
  type CountRow,
  type DatasetSummary,
  type ImportPreview,
  type QualityReport,
  type StagedFile,
} from './domain/dataset';
import {
  DenominatorsInput,
  FactorSettingInput,
  JudgementInput,
  PeriodsInput,
  RemoveJudgementInput,
  RunId,
  RunName,
  SensitivityInput,
  type AnalysisView,
  type MatrixState,
  type NamedRunComparison,
  type RunSummary,
  type StoredRun,
} from './domain/analysis';
import { FactorId, MatrixTemplateId, type SensitivityResult } from './matrix';
import { ExportReveal, SuppressionThreshold, WorkbookExportInput, type ExportResult } from './export/export-request';
import { PriorityId, PriorityInput, PriorityOrder, PriorityUpdate, type Priority } from './domain/priority';
import { PeersInput, type PeerSelection } from './domain/peers';
import { DocumentDetails, type DocumentDetailsView } from './domain/document-details';
import { PdfDocumentKind, pdfDocuments, type PdfExportResult } from './export/pdf-export';
import { ExportSource } from './export/export-model';
import { defaultSuppressionThreshold } from './export/suppression';


/** Who answers an operation: a feature's handler in the service, main itself, or the service host. */
export type OperationOwner = 'service' | 'main' | 'host';

/**
 * The file main chooses, in a native dialog, before the service is called: one to open, one to
 * save (which may replace a file), or a new one (which never does). The renderer never
 * supplies a path.
 */
export type PathRole = 'open' | 'save' | 'new';

export type FileFilterId = 'workspace' | 'import' | 'workbook' | 'pdf';

/** What a dialog may read of an operation's input: a suggested name, the document's kind. */
export type DialogInput = Record<string, unknown>;

export interface DialogSpec {
  title: string | ((input: DialogInput) => string);
  /** The file name suggested, from the input and today's date ('YYYY-MM-DD'). */
  defaultName?: (input: DialogInput, today: string) => string;
  filters: FileFilterId;
}

export interface OperationFacts {
  owner?: OperationOwner;
  path?: PathRole;
  /** After it succeeds, the open workspace is the file it named (the supervisor reopens it after a restart). */
  opensWorkspace?: boolean;
  closesWorkspace?: boolean;
  /** Writes a file main keeps by the export's id, for "Show in folder" and "Open". */
  exportsFile?: boolean;
  dialog?: DialogSpec;
}

export interface OperationSpec<Input extends z.ZodType, Output> extends Required<Pick<OperationFacts, 'owner'>>, Omit<OperationFacts, 'owner'> {
  input: Input;
  /** Never read at run time: it carries the output type for the derived API. */
  output: Output;
}

/** `operation<Output>()(input, facts)`: the output type is named, the input and facts inferred, literally. */
function operation<Output>() {
  return <Input extends z.ZodType, const Facts extends OperationFacts = Record<never, never>>(
    input: Input,
    facts?: Facts,
  ): OperationSpec<Input, Output> & NoInfer<Facts> & { owner: NoInfer<Facts> extends { owner: OperationOwner } ? NoInfer<Facts>['owner'] : 'service' } =>
    ({ owner: 'service', ...facts, input, output: undefined as Output }) as never;
}

/** A name any file system allows, for a suggested file name. */
export function safeFileName(name: unknown): string {
  const base = typeof name === 'string' ? name.replace(/[\\/:*?"<>|]+/g, ' ').trim() : '';
  return base || 'Workspace';
}

const pdfKindOf = (input: Record<string, unknown>) => PdfDocumentKind.catch('plan').parse(input.kind);

const none = z.object({}).strict();

/**
 * Every operation the renderer, the CLI and the tests may ask for, named 'noun/verb', in one
 * table: the schema main validates its input with, its output type, who answers it, the file
 * main chooses for it and in which dialog, and whether it opens the workspace. The channel
 * list, the preload (given the names at build time, so that it bundles no zod), the harness,
 * the supervisor and the path checks are all derived from it: adding an operation is one
 * entry here and one handler.
 */
export const operations = {
  'workspace/create': operation<WorkspaceSummary>()(
    z
      .object({
        name: PartnershipName,
        area: PartnershipDetails.shape.area.optional(),
        marking: ProtectiveMarking.default('OFFICIAL'),
      })
      .strict(), { path: 'new', opensWorkspace: true, dialog: { title: 'Create a workspace', defaultName: (input: DialogInput) => `${safeFileName(input.name)}.sqlite`, filters: 'workspace' } }),
  'workspace/open': operation<WorkspaceSummary>()(none, { path: 'open', opensWorkspace: true, dialog: { title: 'Open a workspace', filters: 'workspace' } }),
  'workspace/show': operation<WorkspaceSummary | null>()(none),
  'workspace/close': operation<null>()(none, { closesWorkspace: true }),
  'workspace/backup': operation<{ fileName: string; bytes: number }>()(
    z.object({ operationId: OperationId }).strict(), { path: 'save', dialog: { title: 'Back up the workspace', defaultName: (_input: DialogInput, today: string) => `Workspace backup ${today}.sqlite`, filters: 'workspace' } }),
  'workspace/demo': operation<WorkspaceSummary>()(z.object({ operationId: OperationId }).strict(), { path: 'new', opensWorkspace: true, dialog: { title: 'Save the demo workspace', defaultName: () => 'Demo workspace.sqlite', filters: 'workspace' } }),
  'partnership/show': operation<Partnership>()(none),
  'partnership/set': operation<Partnership>()(PartnershipDetails.strict()),
  'member/list': operation<Member[]>()(none),
  'member/add': operation<Member[]>()(MemberInput.strict()),
  'member/update': operation<Member[]>()(MemberInput.extend({ id: MemberId }).strict()),
  'member/remove': operation<Member[]>()(
    z
      .object({
        id: MemberId,
        /** A member that leads priorities is removed only when this is true (see 'needs-confirmation'). */
        confirmLeadRemoval: z.boolean().default(false),
      })
      .strict(),
  ),
  'member/move': operation<Member[]>()(
    z
      .object({ ids: z.array(MemberId).max(1000) })
      .strict()
      .refine((value) => new Set(value.ids).size === value.ids.length, 'Each member may appear only once.'),
  ),
  'dataset/stage': operation<StagedFile>()(
    z.object({ partner: z.string().trim().max(200).nullish() }).strict(), { path: 'open', dialog: { title: 'Choose a file to import', filters: 'import' } }),
  'dataset/preview': operation<ImportPreview>()(PreviewRequest),
  'dataset/import': operation<QualityReport>()(ImportSettings),
  'dataset/list': operation<DatasetSummary[]>()(none),
  'dataset/report': operation<QualityReport>()(z.object({ id: DatasetId }).strict()),
  'dataset/remove': operation<DatasetSummary[]>()(z.object({ id: DatasetId }).strict()),
  'dataset/counts': operation<{ rows: CountRow[] }>()(
    z.object({ datasetId: DatasetId.nullish().transform((value) => value ?? null), by: CountGrouping }).strict(),
  ),
  'dataset/mapLabel': operation<QualityReport>()(
    z
      .object({
        datasetId: DatasetId,
        label: z.string().trim().min(1).max(300),
        offence: z.string().trim().min(1, 'Choose the offence or indicator this label means.').max(120),
      })
      .strict(),
  ),
  'analysis/show': operation<AnalysisView>()(none),
  'analysis/setPeriods': operation<AnalysisView>()(z.object({ periods: PeriodsInput }).strict()),
  'analysis/setDenominators': operation<AnalysisView>()(DenominatorsInput),
  'matrix/show': operation<MatrixState>()(z.object({ template: MatrixTemplateId.optional() }).strict()),
  'matrix/use': operation<MatrixState>()(z.object({ template: MatrixTemplateId }).strict()),
  'matrix/set': operation<MatrixState>()(FactorSettingInput),
  'matrix/reset': operation<MatrixState>()(z.object({ template: MatrixTemplateId, factor: FactorId.optional() }).strict()),
  'matrix/judge': operation<MatrixState>()(JudgementInput),
  'matrix/unjudge': operation<MatrixState>()(RemoveJudgementInput),
  'matrix/sensitivity': operation<SensitivityResult>()(SensitivityInput),
  'run/freeze': operation<RunSummary>()(z.object({ name: RunName, template: MatrixTemplateId.optional() }).strict()),
  'run/list': operation<RunSummary[]>()(none),
  'run/show': operation<StoredRun>()(z.object({ id: RunId }).strict()),
  'run/compare': operation<NamedRunComparison>()(z.object({ before: RunId, after: RunId }).strict()),
  'export/workbook': operation<ExportResult>()(WorkbookExportInput, { path: 'save', exportsFile: true, dialog: { title: 'Save the evidence workbook', defaultName: (_input: DialogInput, today: string) => `Evidence workbook ${today}.xlsx`, filters: 'workbook' } }),
  'export/reveal': operation<null>()(ExportReveal, { owner: 'main' }),
  'priority/list': operation<Priority[]>()(none),
  'priority/add': operation<Priority[]>()(PriorityInput),
  'priority/update': operation<Priority[]>()(PriorityUpdate),
  'priority/remove': operation<Priority[]>()(z.object({ id: PriorityId }).strict()),
  'priority/move': operation<Priority[]>()(PriorityOrder),
  'peers/show': operation<PeerSelection>()(none),
  'peers/set': operation<MatrixState>()(PeersInput),
  'document/show': operation<DocumentDetailsView>()(none),
  'document/set': operation<DocumentDetailsView>()(DocumentDetails),
  'export/pdf': operation<PdfExportResult>()(
    z
      .object({
        operationId: OperationId,
        kind: PdfDocumentKind,
        source: ExportSource.default({ kind: 'current' }),
        publication: z.boolean().default(false),
        threshold: SuppressionThreshold.default(defaultSuppressionThreshold),
      })
      .strict(), { path: 'save', exportsFile: true, dialog: { title: (input: DialogInput) => `Save the ${pdfDocuments[pdfKindOf(input)].phrase}`, defaultName: (input: DialogInput) => pdfDocuments[pdfKindOf(input)].fileName, filters: 'pdf' } }),
  'operation/cancel': operation<{ cancelled: boolean }>()(z.object({ operationId: OperationId }).strict(), { owner: 'host' }),
} satisfies Record<string, OperationSpec<z.ZodType, unknown>>;


export type Operations = typeof operations;
export type OperationName = keyof Operations;

/** Every operation's name, in the table's order. */
export const operationNames = Object.keys(operations) as OperationName[];

/** The operations main answers with a file it chose in a dialog. */
export type PathOperation = { [C in OperationName]: Operations[C] extends { path: PathRole } ? C : never }[OperationName];
