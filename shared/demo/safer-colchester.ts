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
