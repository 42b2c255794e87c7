import { z } from 'zod';

/**
 * The Government Security Classifications (2014, revised 2023) tiers that CSP data carries.
 * OFFICIAL-SENSITIVE is a handling caveat of OFFICIAL, written with the hyphen in practice.
 */
export const protectiveMarkings = ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const;
export const ProtectiveMarking = z.enum(protectiveMarkings);
export type ProtectiveMarking = z.infer<typeof ProtectiveMarking>;

const trimmed = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${label} cannot be empty.`)
    .max(max, `${label} must be ${max} characters or fewer.`);

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer.`)
    .nullish()
    .transform((value) => (value ? value : null));

/** A calendar month as 'YYYY-MM'; assessment periods run over whole months. */
export const YearMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month in the form YYYY-MM, for example 2018-04.');
export type YearMonth = z.infer<typeof YearMonth>;

export const AssessmentPeriod = z
  .object({ from: YearMonth, to: YearMonth })
  .refine((period) => period.from <= period.to, {
    message: 'The period must end on or after the month it starts.',
    path: ['to'],
  });
export type AssessmentPeriod = z.infer<typeof AssessmentPeriod>;

export const PartnershipName = trimmed('The partnership name', 200);

export const PartnershipDetails = z.object({
  name: PartnershipName,
  area: optionalText('The area', 200),
  marking: ProtectiveMarking,
  period: AssessmentPeriod.nullable(),
});
export type PartnershipDetails = z.infer<typeof PartnershipDetails>;

export const MemberInput = z.object({
  name: trimmed('The organisation name', 200),
  statutory: z.boolean(),
  contact: optionalText('The contact', 300),
});
export type MemberInput = z.input<typeof MemberInput>;

export const MemberId = z.number().int().positive();

export interface Member {
  id: number;
  name: string;
  statutory: boolean;
  contact: string | null;
}

export interface Partnership extends PartnershipDetails {
  members: Member[];
}

/** What the app and the CLI show about an open workspace file. */
export interface WorkspaceSummary {
  fileName: string;
  name: string;
  area: string | null;
  marking: ProtectiveMarking;
  schemaVersion: number;
  datasets: number;
}
