/**
 * The form in which offence and indicator names are compared: lower case, letters and digits
 * only, "&" read as "and", accents dropped. Spacing, underscores, punctuation and hyphens, en and
 * em dashes all vanish, so "Death or serious injury – unlawful driving", "death_or_serious_injury
 * - unlawful driving" and "Criminal damage & arson" meet their Home Office spellings. Sources
 * disagree on exactly these details (domain.md §3.1: "Drug offences" against "Drug Offences").
 *
 * Not for Home Office codes: it would make "4.1" (manslaughter) and "41" (theft by an employee)
 * the same. Codes go through canonicalHomeOfficeCode instead.
 */
export function normaliseLabel(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]/g, '');
}
