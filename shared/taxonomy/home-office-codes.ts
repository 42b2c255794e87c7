import { offenceSubgroups, type OffenceSubgroup } from './offence-groups';

/**
 * A Home Office offence code: a class number, an optional sub-class after a dot, and an
 * optional letter ("1", "4.10", "37.2", "8N", "105A", "814").
 */
const singleCodePattern = /^0*(\d{1,3})(?:\.(\d{1,2}))?([A-Z]?)$/;

/**
 * Combined codes that sources write in shorthand the general rule cannot read. ONS prices
 * homicide as one offence and writes it "1, 4.1/2/10" in the CSS data tool, meaning 1, 4.1, 4.2
 * and 4.10; read generally, "2" would be attempted murder.
 */
const combinedCodeShorthands: ReadonlyMap<string, readonly string[]> = new Map([['1,4.1/2/10', ['1', '4.1', '4.2', '4.10']]]);

/**
 * The code as the Home Office writes it ("8n" → "8N", " 092A " → "92A"), or null when the text
 * is not shaped like one code. Sub-classes keep their digits: "4.10" (corporate manslaughter)
 * is not "4.1" (manslaughter). A spreadsheet that stored codes as numbers will already have
 * turned 4.10 into 4.1; both are homicide, so the subgroup survives, but the code does not.
 */
export function canonicalHomeOfficeCode(text: string): string | null {
  const match = singleCodePattern.exec(text.replace(/\s+/g, '').toUpperCase());
  if (!match) return null;
  const [, classNumber, subClass, letter] = match;
  return `${classNumber}${subClass === undefined ? '' : `.${subClass}`}${letter ?? ''}`;
}

/**
 * The codes in one code or a combined code ("1/4.1/4.10/4.2", "1-4.1-4.10-4.2", "34A, 34B"),
 * each in canonical form, or null when the text is not made of codes.
 */
export function homeOfficeCodeParts(text: string): readonly string[] | null {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  if (!compact) return null;
  const shorthand = combinedCodeShorthands.get(compact);
  if (shorthand) return shorthand;
  const parts = compact.split(/[/,;+-]/).map(canonicalHomeOfficeCode);
  if (parts.some((part) => part === null)) return null;
  return parts as string[];
}

const subgroupByCode: ReadonlyMap<string, OffenceSubgroup> = new Map(
  offenceSubgroups.flatMap((subgroup) => subgroup.homeOfficeCodes.map((code) => [code, subgroup] as const)),
);

/**
 * The subgroup a Home Office code belongs to. A combined code answers only when every part is
 * in the same subgroup. Unknown codes, including fraud's 53A–53F and codes retired before the
 * current classification, give null: the importer lists them for the analyst to map.
 */
export function matchHomeOfficeCode(code: string): OffenceSubgroup | null {
  const parts = homeOfficeCodeParts(code);
  if (!parts) return null;
  const subgroups = new Set(parts.map((part) => subgroupByCode.get(part)));
  if (subgroups.size !== 1) return null;
  const [subgroup] = subgroups;
  return subgroup ?? null;
}
