import { z } from 'zod';
import type { Channel } from './channels';
import type { Result } from './result';
import { firstIssueMessage } from './first-issue';
import type { ProgressListener } from './progress';
import type { ServiceStatusListener } from './service-status';
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
import { PdfDocumentKind, type PdfExportResult } from './export/pdf-export';
import { ExportSource } from './export/export-model';
import { defaultSuppressionThreshold } from './export/suppression';

/** Chosen by the caller so that it can cancel before the first progress event arrives. */
export const OperationId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Operation ids are 8 to 64 letters, digits, - or _.');

interface OperationSpec<Input extends z.ZodType, Output> {
  input: Input;
  /** Never read at run time: it carries the output type for the derived API. */
  output: Output;
}

function operation<Output>() {
  return <Input extends z.ZodType>(input: Input): OperationSpec<Input, Output> => ({
    input,
    output: undefined as Output,
  });
}

const none = z.object({}).strict();

/**
 * The IPC contract: one entry per channel, with the schema main uses to validate what the
 * renderer sends. The preload, the test harness and the renderer's types are all derived
 * from it, so they cannot drift apart.
 */
export const contract = {
  'workspace/create': operation<WorkspaceSummary>()(
    z
      .object({
        name: PartnershipName,
        area: PartnershipDetails.shape.area.optional(),
        marking: ProtectiveMarking.default('OFFICIAL'),
      })
      .strict(),
  ),
  'workspace/open': operation<WorkspaceSummary>()(none),
  'workspace/current': operation<WorkspaceSummary | null>()(none),
  'workspace/close': operation<null>()(none),
  'workspace/backup': operation<{ fileName: string; bytes: number }>()(
    z.object({ operationId: OperationId }).strict(),
  ),
  'workspace/demo': operation<WorkspaceSummary>()(z.object({ operationId: OperationId }).strict()),
  'partnership/get': operation<Partnership>()(none),
  'partnership/update': operation<Partnership>()(PartnershipDetails.strict()),
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
  'member/reorder': operation<Member[]>()(
    z
      .object({ ids: z.array(MemberId).max(1000) })
      .strict()
      .refine((value) => new Set(value.ids).size === value.ids.length, 'Each member may appear only once.'),
  ),
  'dataset/choose': operation<StagedFile>()(
    z.object({ partner: z.string().trim().max(200).nullish() }).strict(),
  ),
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
  'analysis/get': operation<AnalysisView>()(none),
  'analysis/setPeriods': operation<AnalysisView>()(z.object({ periods: PeriodsInput }).strict()),
  'analysis/setDenominators': operation<AnalysisView>()(DenominatorsInput),
  'matrix/get': operation<MatrixState>()(z.object({ template: MatrixTemplateId.optional() }).strict()),
  'matrix/setTemplate': operation<MatrixState>()(z.object({ template: MatrixTemplateId }).strict()),
  'matrix/setFactor': operation<MatrixState>()(FactorSettingInput),
  'matrix/reset': operation<MatrixState>()(z.object({ template: MatrixTemplateId, factor: FactorId.optional() }).strict()),
  'matrix/judge': operation<MatrixState>()(JudgementInput),
  'matrix/unjudge': operation<MatrixState>()(RemoveJudgementInput),
  'matrix/sensitivity': operation<SensitivityResult>()(SensitivityInput),
  'run/freeze': operation<RunSummary>()(z.object({ name: RunName, template: MatrixTemplateId.optional() }).strict()),
  'run/list': operation<RunSummary[]>()(none),
  'run/show': operation<StoredRun>()(z.object({ id: RunId }).strict()),
  'run/compare': operation<NamedRunComparison>()(z.object({ before: RunId, after: RunId }).strict()),
  'export/workbook': operation<ExportResult>()(WorkbookExportInput),
  'export/reveal': operation<null>()(ExportReveal),
  'priority/list': operation<Priority[]>()(none),
  'priority/add': operation<Priority[]>()(PriorityInput),
  'priority/update': operation<Priority[]>()(PriorityUpdate),
  'priority/remove': operation<Priority[]>()(z.object({ id: PriorityId }).strict()),
  'priority/reorder': operation<Priority[]>()(PriorityOrder),
  'peers/get': operation<PeerSelection>()(none),
  'peers/set': operation<MatrixState>()(PeersInput),
  'document/details': operation<DocumentDetailsView>()(none),
  'document/setDetails': operation<DocumentDetailsView>()(DocumentDetails),
  'export/pdf': operation<PdfExportResult>()(
    z
      .object({
        operationId: OperationId,
        kind: PdfDocumentKind,
        source: ExportSource.default({ kind: 'current' }),
        publication: z.boolean().default(false),
        threshold: SuppressionThreshold.default(defaultSuppressionThreshold),
      })
      .strict(),
  ),
  'operation/cancel': operation<{ cancelled: boolean }>()(z.object({ operationId: OperationId }).strict()),
} satisfies { [C in Channel]: OperationSpec<z.ZodType, unknown> };

export type Contract = typeof contract;
/** What a caller may pass (before defaults are applied). */
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives after validation. */
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = Contract[C]['output'];

type DomainOf<C extends string> = C extends `${infer D}/${string}` ? D : never;

type Call<C extends Channel> = Record<never, never> extends InputOf<C>
  ? (input?: InputOf<C>) => Promise<Result<OutputOf<C>>>
  : (input: InputOf<C>) => Promise<Result<OutputOf<C>>>;

/** window.workbench: one function per channel, grouped by domain, plus the progress stream. */
export type WorkbenchApi = {
  [D in DomainOf<Channel>]: {
    [C in Channel as C extends `${D}/${infer Verb}` ? Verb : never]: Call<C>;
  };
} & {
  onProgress(listener: ProgressListener): () => void;
  /** Told when the service process stopped unexpectedly, and whether it was restarted. */
  onServiceStatus(listener: ServiceStatusListener): () => void;
  /**
   * Stages a file dragged onto the window, like dataset.choose. The page hands over the File;
   * the preload reads its path (webUtils.getPathForFile), so the page never sees one.
   */
  stageDroppedFile(file: DroppedFileHandle): Promise<Result<StagedFile>>;
};

/** A File from the page. shared/ knows no DOM, so only the part it relies on is named here. */
export interface DroppedFileHandle {
  readonly name: string;
}

/** Validates untrusted input for a channel; the error message names the first bad field. */
export function parseInput<C extends Channel>(
  channel: C,
  input: unknown,
): { ok: true; value: ParsedInputOf<C> } | { ok: false; message: string } {
  const parsed = contract[channel].input.safeParse(input ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as ParsedInputOf<C> };
  return { ok: false, message: firstIssueMessage(parsed.error.issues) };
}

/**
 * The one message that carries a path from the renderer process: sent by the preload, never
 * by the page, for a file the analyst dropped. Main checks it is an existing, readable file.
 */
export const DroppedFile = z.object({ path: z.string().min(1).max(4096) }).strict();
