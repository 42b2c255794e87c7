/**
 * The Safer Colchester Partnership as its Key Priorities 2018–2019 list it: the demo
 * workspace's partnership, and the members the tests check against.
 */
export const saferColchester = {
  name: 'Safer Colchester Partnership',
  area: 'Colchester',
  members: [
    { name: 'Colchester Borough Council', statutory: true },
    { name: 'Colchester Borough Homes', statutory: false },
    { name: 'Essex County Council', statutory: true },
    { name: 'Essex Police', statutory: true },
    { name: 'Essex County Fire & Rescue Service', statutory: true },
    { name: 'Essex CRC (Community Rehabilitation Company)', statutory: true },
    { name: 'Colchester Garrison', statutory: false },
    { name: 'CCVS (Colchester Community Voluntary Services)', statutory: false },
    { name: 'North East Essex Clinical Commissioning Group (CCG)', statutory: true },
  ],
} as const;

/**
 * The demo's assessment: the ONS series end in September, so the nearest whole year to the
 * seed plan's April 2018 to March 2019 is the year ending September 2019, against the year
 * before.
 */
export const saferColchesterPeriod = { from: '2018-10', to: '2019-09' } as const;

type DemoJudgement = readonly [offenceKey: string, vulnerability: 1 | 2 | 3 | 4 | 5, concern: 1 | 2 | 3 | 4 | 5, why: string];

/**
 * Example judgements, written as a Colchester analyst might have in 2018–19: the seed plan's
 * priorities (hidden harms, gangs and county lines, violence with sexual and weapons
 * offences, high-harm ASB and hate crime) shape the vulnerability and concern scores. They
 * illustrate the method; they are not the partnership's own scores.
 */
const demoJudgementTable: readonly DemoJudgement[] = [
  ['subgroup:violence-with-injury', 4, 5, 'Much of it is domestic abuse and night-time economy violence; residents name it first in the survey.'],
  ['subgroup:violence-without-injury', 4, 3, 'Includes domestic abuse and coercive behaviour that is under-reported; lower public profile.'],
  ['subgroup:stalking-and-harassment', 5, 3, 'A hidden harm: victims are mostly women known to the offender, and repeat victimisation is common.'],
  ['subgroup:homicide', 4, 4, 'Rare but each case is grave; domestic homicide reviews show missed chances to protect.'],
  ['subgroup:death-or-serious-injury-unlawful-driving', 2, 3, 'Few cases; road safety is raised at ward meetings but is led by the Safer Essex Roads Partnership.'],
  ['subgroup:possession-of-weapons', 4, 5, 'Knife carrying is linked to county lines exploitation of young people; high public concern.'],
  ['subgroup:public-order', 2, 3, 'Mostly town-centre disorder; some incidents are racially or religiously aggravated.'],
  ['subgroup:miscellaneous-crimes', 2, 1, 'A mixed group of low-visibility offences with little public awareness.'],
  ['subgroup:residential-burglary', 3, 4, 'Older residents are targeted; burglary of a home drives fear of crime.'],
  ['subgroup:non-residential-burglary', 1, 2, 'Sheds, garages and businesses; little evidence of harm to vulnerable people.'],
  ['subgroup:vehicle-offences', 1, 3, 'Concern is steady in rural wards; victims are rarely vulnerable.'],
  ['subgroup:theft-from-the-person', 3, 3, 'Older people and night-time economy visitors are targeted.'],
  ['subgroup:bicycle-theft', 1, 2, 'Low harm; raised mainly by students and commuters.'],
  ['subgroup:shoplifting', 1, 2, 'Retailers raise it; some offending is linked to drug dependency.'],
  ['subgroup:other-theft-offences', 1, 2, 'A broad group of lower-harm thefts.'],
  ['group:sexual-offences', 5, 4, 'Rape and child sexual abuse are the clearest hidden harms; reporting is rising but still low.'],
  ['group:drug-offences', 4, 4, 'Trafficking through county lines exploits children and vulnerable adults (cuckooing).'],
  ['group:robbery', 3, 4, 'Young people robbed by other young people, often linked to gangs.'],
  ['group:criminal-damage-and-arson', 2, 3, 'Often part of repeat anti-social behaviour against the same households.'],
];

/** The demo's judgements, each with its written rationale, for the two judged factors of every template. */
export const saferColchesterJudgements = demoJudgementTable.flatMap(([offenceKey, vulnerability, concern, why]) => [
  { factor: 'vulnerability', offenceKey, score: vulnerability, rationale: why },
  { factor: 'concern', offenceKey, score: concern, rationale: why },
]);

export interface DemoPriority {
  title: string;
  aim: string;
  /** The demo's ranked types (and indicators) the priority addresses, by offence key. */
  offences: readonly string[];
  /** A member of saferColchester.members, by name. */
  lead: string;
  measures: readonly string[];
  status: 'not-started' | 'red' | 'amber' | 'green';
  reviewDate: string;
}

/**
 * What the demo's documents say of themselves, first: what its data are and are not, so that
 * nobody reads a demonstration as Colchester's own assessment.
 */
export const demoDisclosure =
  'This is a demonstration of the Community Safety Workbench, made from public data. Its ranked figures are the Office for National Statistics’ ' +
  'recorded crime for the whole Essex police force area, not Colchester’s own, because no public table gives Colchester’s figures by offence type; ' +
  'one month of police.uk street-level records for Colchester (January 2018) is imported too, but falls outside the assessment period. The priorities’ ' +
  'titles and aims are the Safer Colchester Partnership’s own for 2018–19; their leads, measures, statuses and review dates, the judgements and the ' +
  'peer forces are examples.';

/** The demo's document details: its title and introduction say it is a demonstration. */
export function saferColchesterDocument(defaults: { title: string; introduction: string }): { title: string; introduction: string } {
  return { title: `${defaults.title} (demonstration)`, introduction: `${demoDisclosure} ${defaults.introduction}` };
}

/**
 * The seed plan's four priorities, titles and aims word for word, each linked to the demo's
 * ranked types it addresses (the seed's top four were violence with injury, possession of
 * weapons, rape and drug trafficking). Leads, measures, statuses and review dates are
 * illustrative: the plan does not publish them.
 */
export const saferColchesterPriorities: readonly DemoPriority[] = [
  {
    title: 'Protect vulnerable people by increasing the awareness and reporting of Hidden Harms',
    aim: 'The Partnership will aim to increase the understanding and awareness, to both the general public and practitioners, of the Hidden Harms our communities face.  Encouraging those children and adults who are affected by these harms to engage with the Partnership or relevant agencies/charities to seek help and support.',
    offences: ['group:sexual-offences', 'subgroup:stalking-and-harassment', 'subgroup:violence-without-injury'],
    lead: 'Essex County Council',
    measures: [
      'Hidden harms awareness sessions delivered to practitioners each quarter',
      'Reports of sexual offences, stalking and harassment, against the comparison year',
    ],
    status: 'not-started',
    reviewDate: '2020-09-30',
  },
  {
    title: 'Address Gangs and County Lines by developing intelligence and awareness to support those vulnerable to exploitation',
    aim: 'The Partnership will to continue to develop the intelligence and awareness of this escalating area of criminality, especially focussing on County Lines. To best tackle this issue the Partnership will strive to provide appropriate safeguarding and support to children and adults that are vulnerable to this type of drug-related exploitation (cuckooing/drug running/trafficking of drugs etc.); with a further aim to assist in the disruption of drug-related activities within the community.',
    offences: ['group:drug-offences', 'group:robbery'],
    lead: 'Essex Police',
    measures: [
      'Intelligence submissions on county lines from partners each quarter',
      'Children and adults at risk of exploitation referred for safeguarding and support',
    ],
    status: 'not-started',
    reviewDate: '2020-12-31',
  },
  {
    title: 'Reduce the occurrence of violent crime including sexual offences and weapons offences.',
    aim: 'The Partnership will aim to prevent violent crime using an integrated approach to address the root causes and drivers for crime in conjunction with law enforcement and criminal justice systems. Working collaboratively with associates to investigate and deliver a number of programmes to prevent and reduce violence, to encourage children and adults to make positive life choices for themselves and offering positive alternatives to offending their families and their communities.',
    offences: ['subgroup:violence-with-injury', 'group:sexual-offences', 'subgroup:possession-of-weapons'],
    lead: 'Essex Police',
    measures: ['Violence with injury recorded, against the comparison year', 'Young people completing violence prevention programmes'],
    status: 'not-started',
    reviewDate: '2020-09-30',
  },
  {
    title: 'Tackle incidents of high harm, repeat Anti-Social Behaviour (ASB) and Hate Crime',
    aim: 'The Partnership will use all available resources and legislation, including utilising Public Space Protection Orders (PSPOs), to tackle ASB and violent crime within the borough. In collaboration with partners we will reduce the role of alcohol and drugs in fuelling crime and ASB. Hate crime and ASB affects both children, adults, families and communities and by addressing this type of behaviour and conduct we can help improve the community quality of life. Communities need to understand how hate crime and ASB can impact on an individual and know what actions they can take whether they are the victim or an observer, we will build resilient communities to raise awareness of hate crime and ASB. Reductions in these areas will bring reassurance to residents regarding their personal safety and will assist in reducing crime in the area.',
    offences: ['indicator:asb-incidents', 'subgroup:public-order', 'group:criminal-damage-and-arson'],
    lead: 'Colchester Borough Council',
    measures: ['Repeat ASB victims identified and offered support', 'Public Space Protection Order breaches dealt with'],
    status: 'not-started',
    reviewDate: '2021-03-31',
  },
];
/**
 * Peers for the demo's peer factor: shire forces of the South East and East of England broadly
 * like Essex in size and mix of town and country, taken from the ONS force table the demo
 * keeps. Illustrative only: the HMICFRS Most Similar Group for Essex is not published with
 * the app, and a partnership would use its own (iQuanta's) group.
 */
export const saferColchesterPeers = {
  areas: ['Hampshire', 'Hertfordshire', 'Kent', 'Sussex', 'Thames Valley'],
  note: 'Illustrative peers chosen for the demo (shire forces broadly like Essex), not a published Most Similar Group.',
};
