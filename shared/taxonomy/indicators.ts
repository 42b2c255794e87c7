/**
 * Non-crime indicators a CSP strategic assessment tracks beside recorded crime. The Crime and
 * Disorder (Prescribed Information) Regulations 2007 have partners share ASB incidents, fire
 * service deliberate fires and A&E assault data every quarter (brief.md); hate crime and
 * domestic abuse are flags on recorded crimes rather than offences of their own, so they are
 * indicators too, never a subgroup.
 */

export const indicatorIds = ['asb-incidents', 'deliberate-fires', 'ae-assault-attendances', 'hate-crime', 'domestic-abuse'] as const;
export type IndicatorId = (typeof indicatorIds)[number];

/**
 * What one unit of the indicator is: an incident logged by police or council, a fire attended,
 * an emergency-department attendance, or a recorded crime carrying a flag.
 */
export type IndicatorMeasure = 'incidents' | 'fires' | 'attendances' | 'flagged-crimes';

export interface Indicator {
  id: IndicatorId;
  label: string;
  measure: IndicatorMeasure;
  /** Where the numbers usually come from, in a sentence an analyst would recognise. */
  source: string;
  /** Other names for the indicator seen in partner files; matched after normalisation. */
  aliases: readonly string[];
}

export const indicators: readonly Indicator[] = [
  {
    id: 'asb-incidents',
    label: 'Anti-social behaviour incidents',
    measure: 'incidents',
    // domain.md §4.5: police command-and-control systems (Essex: STORM) and data.police.uk's
    // "Anti-social behaviour" crime type, which has no crime ID and no outcome.
    source: 'Police incident logs and council ASB case records; data.police.uk "Anti-social behaviour".',
    aliases: ['ASB incidents', 'ASB', 'Anti-social behaviour'],
  },
  {
    id: 'deliberate-fires',
    label: 'Deliberate fires',
    measure: 'fires',
    // Fire Statistics GB definitions: primary fires (buildings, vehicles, outdoor structures,
    // or any fire with casualties, rescues or five or more appliances) and secondary fires
    // (mostly outdoor, four or fewer appliances, no casualties). Both count here.
    source: 'Fire and rescue service Incident Recording System: primary and secondary deliberate fires.',
    aliases: ['Deliberate fires (primary and secondary)', 'Deliberate primary and secondary fires'],
  },
  {
    id: 'ae-assault-attendances',
    label: 'A&E assault attendances',
    measure: 'attendances',
    // NHS Information Sharing to Tackle Violence (ISTV) minimum data set, shared at least
    // monthly with the CSP (domain.md §4.5).
    source: 'Emergency department assault attendances shared under ISTV.',
    aliases: ['A&E assaults', 'A&E assault attendances (ISTV)', 'ISTV assault attendances', 'Emergency department assault attendances'],
  },
  {
    id: 'hate-crime',
    label: 'Hate crime',
    measure: 'flagged-crimes',
    source: 'Police recorded crimes flagged as hate crime.',
    aliases: ['Hate crimes', 'Hate crime flag'],
  },
  {
    id: 'domestic-abuse',
    label: 'Domestic abuse',
    measure: 'flagged-crimes',
    source: 'Police recorded crimes flagged as domestic abuse-related.',
    aliases: ['Domestic abuse flag', 'Domestic abuse-related crime', 'Domestic abuse related'],
  },
];

const indicatorsById = new Map(indicators.map((indicator) => [indicator.id, indicator]));

export function indicatorById(id: IndicatorId): Indicator {
  return indicatorsById.get(id)!;
}
