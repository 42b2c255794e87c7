import type { z } from 'zod';
import type { AnalysisView } from '../../../shared/domain/analysis';
import type { Submission } from '../components/useSchemaForm';

/** What the periods and denominators forms send: the answer is the analysis worked out again, and `saved` says so. */
export type SettingsSubmission<S extends z.ZodType> = Omit<Submission<S, AnalysisView>, 'pending' | 'done'> & { saved(view: AnalysisView): string };

/** Sends a form of the Analysis settings, with the panel's status line and error summary. */
export type SaveSettings = <S extends z.ZodType>(submission: SettingsSubmission<S>) => void;
