import { latestSchemaVersion } from '../../../electron/service/migrations';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saferColchester } from '../../fixtures/safer-colchester';
import { saferColchesterPriorities } from '../../../shared/demo/safer-colchester';
import { useTempDir } from '../../fixtures/temp-dir';

/** The built CLI (tests/unit/build-once.ts builds it), run with plain Node as an installed user's `workbench` is. */
const cli = join(__dirname, '../../../out/main/cli.js');

interface ScoreJson {
  template: string;
  period: { current: { from: string; to: string }; comparison: { from: string; to: string } };
  ranking: { rank: number; offence: string; score: number; factors: Record<string, { input: number | null; score: number; weight: number; contribution: number }> }[];
}

interface PriorityJson {
  priorities: {
    number: number;
    title: string;
    aim: string;
    offences: { offence: string; rank: number | null }[];
    lead: string | null;
    status: string | null;
    measures: string[];
    reviewDate: string | null;
  }[];
}

const demoScoredTypes = [
  'Bicycle theft',
  'Criminal damage and arson',
  'Death or serious injury - unlawful driving',
  'Drug offences',
  'Homicide',
  'Miscellaneous crimes against society',
  'Non-residential burglary',
  'Other theft offences',
  'Possession of weapons offences',
  'Public order offences',
  'Residential burglary',
  'Robbery',
  'Sexual offences',
  'Shoplifting',
  'Stalking and harassment',
  'Theft from the person',
  'Vehicle offences',
  'Violence with injury',
  'Violence without injury',
];

/** No loader or option of the test runner's reaches the CLI: it is plain Node on the built file. */
const plainEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_OPTIONS'));

/** Runs the real CLI in its own Node process, as `npm run workbench --` does. */
function workbench(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: plainEnv });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the workbench CLI', () => {
  const tempDir = useTempDir();

  it('round-trips the Safer Colchester membership through workspace create, member add and member list --json', () => {
    const workspace = join(tempDir(), 'colchester.sqlite');
    const init = workbench('workspace', 'create', '--workspace', workspace, '--name', saferColchester.name, '--area', 'Colchester', '--json');
    expect(init.code, init.stderr).toBe(0);
    expect(JSON.parse(init.stdout)).toMatchObject({ name: saferColchester.name, area: 'Colchester', marking: 'OFFICIAL' });

    for (const member of saferColchester.members) {
      const added = workbench('member', 'add', '--workspace', workspace, '--name', member.name, ...(member.statutory ? ['--statutory'] : []));
      expect(added.code, added.stderr).toBe(0);
    }

    const listed = workbench('member', 'list', '--workspace', workspace, '--json');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual({
      members: saferColchester.members.map((member) => ({ name: member.name, statutory: member.statutory, contact: null })),
    });

    const text = workbench('member', 'list', '--workspace', workspace);
    expect(text.stdout).toContain(' 4. *Essex Police');
    expect(text.stdout).toContain(' 2.  Colchester Borough Homes');
    expect(text.stdout).toContain('Those marked with a * are statutory members.');

    const info = workbench('workspace', 'show', '--workspace', workspace, '--json');
    expect(JSON.parse(info.stdout)).toEqual({
      name: saferColchester.name,
      area: 'Colchester',
      marking: 'OFFICIAL',
      schemaVersion: latestSchemaVersion,
      datasets: 0,
    });
  }, 60_000);

  it('keeps contacts and the OFFICIAL-SENSITIVE marking', () => {
    const workspace = join(tempDir(), 'sensitive.sqlite');
    expect(workbench('workspace', 'create', '--workspace', workspace, '--name', 'P', '--marking', 'OFFICIAL-SENSITIVE').code).toBe(0);
    workbench('member', 'add', '--workspace', workspace, '--name', 'Essex Police', '--statutory', '--contact', 'Insp. Smith');
    expect(JSON.parse(workbench('member', 'list', '--workspace', workspace, '--json').stdout)).toEqual({
      members: [{ name: 'Essex Police', statutory: true, contact: 'Insp. Smith' }],
    });
    expect(JSON.parse(workbench('workspace', 'show', '--workspace', workspace, '--json').stdout).marking).toBe('OFFICIAL-SENSITIVE');
  }, 30_000);

  it('fails with a one-line reason on stderr and a non-zero exit', () => {
    const dir = tempDir();
    const existing = join(dir, 'existing.sqlite');
    writeFileSync(existing, 'not mine');

    const exists = workbench('workspace', 'create', '--workspace', existing, '--name', 'P', '--json');
    expect(exists.code).not.toBe(0);
    expect(exists.stdout).toBe('');
    expect(exists.stderr).toBe('workbench: “existing.sqlite” already exists. Choose another name, or open it instead.\n');

    const notWorkspace = workbench('workspace', 'show', '--workspace', existing, '--json');
    expect(notWorkspace.code).not.toBe(0);
    expect(notWorkspace.stderr.trim().split('\n')).toHaveLength(1);
    expect(notWorkspace.stderr).toContain('is not a Community Safety Workbench workspace');

    const missing = workbench('member', 'list', '--workspace', join(dir, 'missing.sqlite'));
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/^workbench: There is no file at .*missing\.sqlite/);
    expect(existsSync(join(dir, 'missing.sqlite'))).toBe(false);

    const badMarking = workbench('workspace', 'create', '--workspace', join(dir, 'new.sqlite'), '--name', 'P', '--marking', 'SECRET');
    expect(badMarking.code).not.toBe(0);
    expect(badMarking.stderr).toContain('SECRET');
    expect(existsSync(join(dir, 'new.sqlite'))).toBe(false);
  }, 30_000);

  it('answers --help for every command', () => {
    const commands = [
      [],
      ['workspace'],
      ['workspace', 'create'],
      ['workspace', 'show'],
      ['member'],
      ['member', 'add'],
      ['member', 'list'],
      ['member', 'remove'],
      ['priority'],
      ['priority', 'add'],
      ['priority', 'list'],
      ['priority', 'update'],
      ['priority', 'move'],
      ['priority', 'remove'],
      ['workspace', 'backup'],
      ['dataset'],
      ['dataset', 'import'],
      ['dataset', 'list'],
      ['dataset', 'report'],
      ['dataset', 'remove'],
      ['dataset', 'counts'],
      ['workspace', 'demo'],
    ];
    for (const command of commands) {
      const help = workbench(...command, '--help');
      expect(help.code, command.join(' ')).toBe(0);
      expect(help.stdout).toMatch(/^Usage: workbench/);
    }
    expect(workbench('member', 'add', '--help').stdout).toContain('--statutory');
  }, 60_000);
});

describe('the workbench CLI with data', () => {
  const tempDir = useTempDir();
  const sample = join(__dirname, '../../../resources/data/police-uk-street-colchester-2018-01.csv');

  it('imports the Colchester sample, counts it by category, lists and removes the dataset', () => {
    const workspace = join(tempDir(), 'colchester.sqlite');
    expect(workbench('workspace', 'create', '--workspace', workspace, '--name', saferColchester.name, '--area', 'Colchester').code).toBe(0);

    const imported = workbench('dataset', 'import', sample, '--workspace', workspace, '--partner', 'Essex Police', '--json');
    expect(imported.code, imported.stderr).toBe(0);
    const result = JSON.parse(imported.stdout);
    expect(result.dataset).toMatchObject({ id: 1, format: 'police-uk-street', rowsRead: 1660, rowsImported: 1660, rowsRejected: 0, duplicates: 0 });
    expect(result.rejected).toEqual([]);

    const counts = workbench('dataset', 'counts', '--workspace', workspace, '--by', 'category', '--json');
    expect(JSON.parse(counts.stdout).rows.slice(0, 4)).toEqual([
      { key: 'Violence and sexual offences', count: 517 },
      { key: 'Anti-social behaviour', count: 364 },
      { key: 'Criminal damage and arson', count: 172 },
      { key: 'Burglary', count: 113 },
    ]);
    const total = JSON.parse(counts.stdout).rows.reduce((sum: number, row: { count: number }) => sum + row.count, 0);
    expect(total).toBe(1660);

    const again = workbench('dataset', 'import', sample, '--workspace', workspace, '--json');
    expect(again.code).not.toBe(0);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/^workbench: police-uk-street-colchester-2018-01\.csv has already been imported/);

    const datasets = JSON.parse(workbench('dataset', 'list', '--workspace', workspace, '--json').stdout);
    expect(datasets.datasets).toHaveLength(1);
    expect(datasets.datasets[0]).toMatchObject({ partner: 'Essex Police', fileName: 'police-uk-street-colchester-2018-01.csv' });

    expect(workbench('dataset', 'remove', '1', '--workspace', workspace).code).toBe(0);
    expect(JSON.parse(workbench('dataset', 'list', '--workspace', workspace, '--json').stdout).datasets).toEqual([]);
    expect(JSON.parse(workbench('dataset', 'counts', '--workspace', workspace, '--json').stdout).rows).toEqual([]);
  }, 60_000);

  it('imports an unknown layout with --mapping, and explains what to do without one', () => {
    const dir = tempDir();
    const workspace = join(dir, 'council.sqlite');
    workbench('workspace', 'create', '--workspace', workspace, '--name', 'P');
    const file = join(dir, 'asb.csv');
    writeFileSync(file, 'Incident category,When,How many\nASB incidents,03/01/2018,4\nFly-tipping,17/01/2018,2\n');

    const without = workbench('dataset', 'import', file, '--workspace', workspace);
    expect(without.code).not.toBe(0);
    expect(without.stderr).toContain('does not recognise the layout of asb.csv');
    expect(without.stderr).toContain('--mapping');

    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ columns: { offence: 'Incident category', period: 'When', count: 'How many' }, labels: { 'Fly-tipping': 'indicator:asb-incidents' } }));
    const withMapping = workbench('dataset', 'import', file, '--workspace', workspace, '--partner', 'Colchester Borough Council', '--mapping', mapping, '--json');
    expect(withMapping.code, withMapping.stderr).toBe(0);
    expect(JSON.parse(withMapping.stdout)).toMatchObject({ dataset: { format: 'generic', rowsImported: 2 }, unmappedLabels: [] });
    expect(JSON.parse(workbench('dataset', 'counts', '--workspace', workspace, '--by', 'offence', '--json').stdout).rows).toEqual([
      { key: 'Anti-social behaviour incidents', count: 6 },
    ]);
  }, 60_000);

  it('builds the demo workspace from the bundled open data', () => {
    const dir = tempDir();
    const built = workbench('workspace', 'demo', '--out', dir, '--json');
    expect(built.code, built.stderr).toBe(0);
    expect(JSON.parse(built.stdout)).toMatchObject({ name: 'Safer Colchester Partnership', area: 'Colchester', datasets: 2 });
    const workspace = join(dir, 'demo.sqlite');
    const datasets = JSON.parse(workbench('dataset', 'list', '--workspace', workspace, '--json').stdout).datasets;
    // The ONS table keeps the other areas' rows as comparators for the peer factor: 10 Essex years
    // and 549 rows of other forces, regions and countries.
    expect(datasets.map((dataset: { format: string; rowsImported: number }) => [dataset.format, dataset.rowsImported])).toEqual([
      ['ons-wide', 559],
      ['police-uk-street', 1660],
    ]);
    expect(JSON.parse(workbench('member', 'list', '--workspace', workspace, '--json').stdout).members).toHaveLength(9);
    expect(workbench('workspace', 'demo', '--out', dir).code).not.toBe(0);
  }, 60_000);

  it('scores the demo, judges, freezes runs and explains what a weight change moved', () => {
    const dir = tempDir();
    expect(workbench('workspace', 'demo', '--out', dir).code).toBe(0);
    const workspace = join(dir, 'demo.sqlite');
    const score = (...extra: string[]) => {
      const result = workbench('matrix', 'show', '--workspace', workspace, '--json', ...extra);
      expect(result.code, result.stderr).toBe(0);
      // `matrix show --json` is the ranking's report (what `run show --json` prints of a run) and the matrix it was scored with.
      const { definition, edited, periods, ...report } = JSON.parse(result.stdout) as ScoreJson & { definition: { factors: unknown[] }; edited: string[]; periods: ScoreJson['period'] };
      expect(definition.factors.length).toBeGreaterThan(0);
      expect(Array.isArray(edited)).toBe(true);
      expect(periods).toEqual(report.period);
      return report as ScoreJson;
    };

    const scored = score();
    expect(scored.template).toBe('partnership');
    expect(scored.period).toEqual({ current: { from: '2018-10', to: '2019-09' }, comparison: { from: '2017-10', to: '2018-09' } });
    // Every scored type: the subgroups and the groups without subgroup figures (the demo's 19).
    expect(scored.ranking.map((row) => row.offence).sort()).toEqual(demoScoredTypes);
    expect(scored.ranking.map((row) => row.rank)).toEqual(scored.ranking.map((_, index) => index + 1));
    for (const row of scored.ranking) {
      const contributions = Object.values(row.factors).reduce((total, factor) => total + factor.contribution, 0);
      expect(row.score).toBeCloseTo(contributions, 10);
      for (const factor of Object.values(row.factors)) expect(factor.contribution).toBeCloseTo(factor.score * factor.weight, 10);
      expect(Object.keys(row.factors)).toEqual(['volume', 'trend', 'harm', 'vulnerability', 'concern', 'peer']);
    }
    expect(score('--template', 'grid-4x4').template).toBe('grid-4x4');

    const frozen = workbench('run', 'freeze', '--workspace', workspace, '--name', 'Draft');
    expect(frozen.code, frozen.stderr).toBe(0);
    expect(frozen.stdout).toContain('Froze run 1 ("Draft"): 19 offence types');

    const judged = workbench('matrix', 'judge', '--workspace', workspace, '--factor', 'vulnerability', '--offence', 'bicycle theft', '--score', '5', '--rationale', 'Linked to child exploitation.');
    expect(judged.code, judged.stderr).toBe(0);
    expect(judged.stdout).toMatch(/^Recorded vulnerability 5 for Bicycle theft: now rank \d+/);
    const set = workbench('matrix', 'set', '--workspace', workspace, '--factor', 'harm', '--weight', '0');
    expect(set.code, set.stderr).toBe(0);
    expect(workbench('matrix', 'show', '--workspace', workspace).stdout).toMatch(/harm +bands +weighted +weight 0; thresholds 10, 50, 200, 1000 \(edited\)/);

    // The frozen run is shown exactly as it was scored, whatever changed since.
    const shown = workbench('run', 'show', '1', '--workspace', workspace, '--json');
    const { priorities, ...shownScore } = JSON.parse(shown.stdout) as ScoreJson & { priorities: { number: number; title: string }[] };
    expect(shownScore).toEqual(scored);
    expect(priorities.map((priority) => priority.number)).toEqual([1, 2, 3, 4]);
    expect(score().ranking).not.toEqual(scored.ranking);

    expect(workbench('run', 'freeze', '--workspace', workspace, '--name', 'Final').code).toBe(0);
    const listed = JSON.parse(workbench('run', 'list', '--workspace', workspace, '--json').stdout) as { name: string }[];
    expect(listed.map((run) => run.name)).toEqual(['Draft', 'Final']);
    const compared = workbench('run', 'compare', '1', '2', '--workspace', workspace);
    expect(compared.code, compared.stderr).toBe(0);
    expect(compared.stdout).toContain('Weight of Harm (mean crime severity weight): 2 → 0');
    // Bicycle theft's score is unchanged (+4 judged vulnerability, −4 harm at weight 0), yet it
    // rises because harm no longer lifts the types above it (to 16: its peer score is 1, its rate
    // being 0.76 of the peer forces' mean).
    expect(compared.stdout).toContain(
      'Bicycle theft: rank 19 → 16 (up 3), score 13 → 13; moved by Harm (mean crime severity weight) -4, Vulnerability and hidden harm +4',
    );

    const sensitivity = JSON.parse(workbench('matrix', 'sensitivity', '--workspace', workspace, '--draws', '100', '--seed', '3', '--json').stdout);
    expect(sensitivity).toMatchObject({ draws: 100, spread: 0.25, seed: 3 });
    expect(sensitivity.offences).toHaveLength(19);

    const wrong = workbench('matrix', 'judge', '--workspace', workspace, '--factor', 'concern', '--offence', 'Piracy', '--score', '2', '--rationale', 'x');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('No scored offence type is called "Piracy"');
    const badScore = workbench('matrix', 'judge', '--workspace', workspace, '--factor', 'concern', '--offence', 'Robbery', '--score', '7', '--rationale', 'x');
    expect(badScore.stderr).toContain('A judgement is a whole number from 1 to 5, not 7.');
  }, 120_000);

  it('lists the demo’s priorities, adds, moves and removes one, and asks before removing a lead partner', () => {
    const dir = tempDir();
    expect(workbench('workspace', 'demo', '--out', dir).code).toBe(0);
    const workspace = join(dir, 'demo.sqlite');
    const list = () => {
      const result = workbench('priority', 'list', '--workspace', workspace, '--json');
      expect(result.code, result.stderr).toBe(0);
      return JSON.parse(result.stdout) as PriorityJson;
    };

    const demo = list();
    expect(demo.priorities.map((priority) => priority.number)).toEqual([1, 2, 3, 4]);
    expect(demo.priorities[2]).toEqual({
      number: 3,
      title: 'Reduce the occurrence of violent crime including sexual offences and weapons offences.',
      aim: saferColchesterPriorities[2]!.aim,
      offences: [
        { offence: 'Violence with injury', rank: 1 },
        { offence: 'Sexual offences', rank: 2 },
        { offence: 'Possession of weapons offences', rank: 11 },
      ],
      lead: 'Essex Police',
      status: saferColchesterPriorities[2]!.status,
      measures: [...saferColchesterPriorities[2]!.measures],
      reviewDate: saferColchesterPriorities[2]!.reviewDate,
    });
    expect(demo.priorities[3]!.offences[0]).toEqual({ offence: 'Anti-social behaviour incidents', rank: null });

    const ranked = JSON.parse(workbench('matrix', 'show', '--workspace', workspace, '--json').stdout) as { ranking: { rank: number; offence: string }[] };
    const rankOf = (offence: string) => ranked.ranking.find((entry) => entry.offence === offence)!.rank;
    const added = workbench(
      'priority', 'add', '--workspace', workspace,
      '--title', 'Priority Five – Protect homes from burglary',
      '--aim', 'Reduce burglary of homes, especially of older residents.',
      '--offence', 'RESIDENTIAL burglary', '--offence', 'subgroup:non-residential-burglary',
      '--lead', 'colchester borough homes', '--status', 'green',
      '--measure', 'Homes given target-hardening advice', '--measure', 'Repeat burglaries',
      '--review-date', '2019-09-30', '--json',
    );
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout).priorities[4]).toEqual({
      number: 5,
      title: 'Protect homes from burglary',
      aim: 'Reduce burglary of homes, especially of older residents.',
      offences: [
        { offence: 'Residential burglary', rank: rankOf('Residential burglary') },
        { offence: 'Non-residential burglary', rank: rankOf('Non-residential burglary') },
      ],
      lead: 'Colchester Borough Homes',
      status: 'green',
      measures: ['Homes given target-hardening advice', 'Repeat burglaries'],
      reviewDate: '2019-09-30',
    });
    expect(list()).toEqual(JSON.parse(added.stdout));
    expect(workbench('priority', 'list', '--workspace', workspace).stdout).toContain(
      `Priority Five – Protect homes from burglary\n  Aim:        Reduce burglary of homes, especially of older residents.\n  Addresses:  Residential burglary (rank ${rankOf('Residential burglary')}), Non-residential burglary (rank ${rankOf('Non-residential burglary')})\n  Lead:       Colchester Borough Homes\n  Status:     Green: on track\n  Review by:  30 September 2019`,
    );

    const typo = workbench('priority', 'add', '--workspace', workspace, '--title', 'T', '--aim', 'A', '--offence', 'buglary');
    expect(typo.code).toBe(1);
    expect(typo.stderr).toBe(`workbench: No ranked offence type or indicator is called "buglary". Did you mean Residential burglary (rank ${rankOf('Residential burglary')}), Non-residential burglary (rank ${rankOf('Non-residential burglary')})?\n`);
    const unknown = workbench('priority', 'add', '--workspace', workspace, '--title', 'T', '--aim', 'A', '--offence', 'Piracy');
    expect(unknown.stderr).toContain('The ranked types and indicators are: Violence with injury (rank 1), Sexual offences (rank 2),');
    expect(workbench('priority', 'add', '--workspace', workspace, '--title', 'T', '--aim', 'A', '--status', 'purple').stderr).toContain('purple');
    expect(list().priorities).toHaveLength(5);

    const moved = workbench('priority', 'move', '5', '--to', '1', '--workspace', workspace);
    expect(moved.stdout).toBe('Moved it: it is now Priority One – Protect homes from burglary.\n');
    expect(list().priorities.map((priority) => priority.title.slice(0, 20))).toEqual([
      'Protect homes from b',
      'Protect vulnerable p',
      'Address Gangs and Co',
      'Reduce the occurrenc',
      'Tackle incidents of ',
    ]);
    const updated = workbench('priority', 'update', '1', '--workspace', workspace, '--no-lead', '--status', 'amber');
    expect(updated.code, updated.stderr).toBe(0);
    expect(list().priorities[0]).toMatchObject({ lead: null, status: 'amber', reviewDate: '2019-09-30' });

    const asked = workbench('member', 'remove', 'Essex Police', '--workspace', workspace);
    expect(asked.code).toBe(1);
    expect(asked.stderr).toBe(
      'workbench: Essex Police leads “Priority Three – Address Gangs and County Lines by developing intelligence and awareness to support those vulnerable to exploitation” and “Priority Four – Reduce the occurrence of violent crime including sexual offences and weapons offences”. Removing Essex Police leaves those 2 priorities without a lead partner. Add --force to remove it anyway, or give those priorities another lead first.\n',
    );
    expect(JSON.parse(workbench('member', 'list', '--workspace', workspace, '--json').stdout).members).toHaveLength(9);
    const forced = workbench('member', 'remove', 'essex police', '--workspace', workspace, '--force');
    expect(forced.stdout).toBe('Removed Essex Police. The partnership has 8 members.\n');
    expect(list().priorities.map((priority) => priority.lead)).toEqual([null, 'Essex County Council', null, null, 'Colchester Borough Council']);
    expect(workbench('member', 'remove', '2', '--workspace', workspace).stdout).toBe('Removed Colchester Borough Homes. The partnership has 7 members.\n');

    const removed = workbench('priority', 'remove', '1', '--workspace', workspace);
    expect(removed.stdout).toBe('Removed Priority One – Protect homes from burglary. 4 priorities remain.\n');
    expect(list().priorities.map((priority) => [priority.number, priority.title.slice(0, 13)])).toEqual([
      [1, 'Protect vulne'],
      [2, 'Address Gangs'],
      [3, 'Reduce the oc'],
      [4, 'Tackle incide'],
    ]);
    expect(workbench('priority', 'remove', '9', '--workspace', workspace).stderr).toBe('workbench: There is no Priority 9. There are 4: give a number from 1 to 4.\n');
  }, 120_000);
  it('scores the demo on one volume denominator, with real peer ratios and the harm method of each type', () => {
    const dir = tempDir();
    expect(workbench('workspace', 'demo', '--out', dir).code).toBe(0);
    const workspace = join(dir, 'demo.sqlite');
    const scored = JSON.parse(workbench('matrix', 'show', '--workspace', workspace, '--json').stdout) as Omit<ScoreJson, 'ranking'> & {
      method: number;
      peers: string[];
      ranking: (ScoreJson['ranking'][number] & { harmMethod: string })[];
    };
    expect(scored.method).toBe(2);
    expect(scored.peers).toEqual(['Hampshire', 'Hertfordshire', 'Kent', 'Sussex', 'Thames Valley']);

    // Residential burglary: 8,241 offences (year ending September 2019) per 1,000 of Essex's
    // 1,846,380 residents (mid-2019, the force area) = 4.4633: a volume from its count, not "missing".
    const burglary = scored.ranking.find((row) => row.offence === 'Residential burglary')!;
    expect(burglary.factors.volume!.input).toBeCloseTo((8241 / 1_846_380) * 1000, 10);
    expect(burglary.factors.volume!.score).toBe(3);
    // Its peer ratio by hand, from the ONS table's 2019 row and each force's mid-2019 population:
    // Hampshire 7,793 ÷ 1,985,982 = 3.924003; Hertfordshire 4,196 ÷ 1,193,394 = 3.516022; Kent
    // 8,285 ÷ 1,842,692 = 4.496139; Sussex 4,705 ÷ 1,696,921 = 2.772669; Thames Valley 7,648 ÷
    // 2,475,951 = 3.088914 (per 1,000). Mean 3.559550; 4.463328 ÷ 3.559550 = 1.253903: "well above" (≥ 1.25), 5.
    expect(burglary.factors.peer!.input).toBeCloseTo(1.253903, 6);
    expect(burglary.factors.peer!.score).toBe(5);

    // The peer factor reads real ratios that differ between types.
    const ratios = scored.ranking.map((row) => row.factors.peer!.input);
    expect(ratios.every((ratio) => ratio !== null && ratio > 0.5 && ratio < 2.5)).toBe(true);
    expect(new Set(ratios.map((ratio) => ratio!.toFixed(6))).size).toBe(scored.ranking.length);
    expect(new Set(scored.ranking.map((row) => row.factors.peer!.score)).size).toBeGreaterThan(2);

    // No demo dataset gives Home Office codes, so every type says it is priced at the unweighted mean.
    expect(scored.ranking.map((row) => row.harmMethod)).toEqual(scored.ranking.map(() => 'unweighted-mean'));

    const shown = JSON.parse(workbench('peers', 'show', '--workspace', workspace, '--json').stdout);
    expect(shown.note).toMatch(/^Illustrative/);
    expect(shown.candidates.map((candidate: { area: string }) => candidate.area)).toContain('Norfolk');
    const set = workbench('peers', 'set', '--workspace', workspace, '--areas', 'Norfolk, suffolk');
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toBe('Peers: Norfolk, Suffolk.\n');
    const rescored = JSON.parse(workbench('matrix', 'show', '--workspace', workspace, '--json').stdout) as ScoreJson;
    expect(rescored.ranking.find((row) => row.offence === 'Residential burglary')!.factors.peer!.input).not.toBeCloseTo(
      burglary.factors.peer!.input!,
      3,
    );
    const unknown = workbench('peers', 'set', '--workspace', workspace, '--areas', 'Atlantis');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('No dataset keeps figures for "Atlantis". The areas to choose from are: Avon and Somerset,');
  }, 60_000);

  it('prints only JSON on stdout through npm run, as scripts need', () => {
    const workspace = join(tempDir(), 'npm.sqlite');
    workbench('workspace', 'create', '--workspace', workspace, '--name', 'Npm Partnership');
    // As a user runs it: npm's own settings come from the project's .npmrc, not from the npm running these tests.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_config_loglevel$/i.test(name)));
    const result = spawnSync('npm', ['run', 'workbench', '--', 'workspace', 'show', '--workspace', workspace, '--json'], { encoding: 'utf8', cwd: join(__dirname, '../../..'), env });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ name: 'Npm Partnership', datasets: 0 });
  }, 30_000);
});

describe('the workbench CLI and its folders', () => {
  const tempDir = useTempDir();

  it('builds the demo in a folder it creates, and refuses to replace a demo workspace', () => {
    const demoFiles = ['demo-board-paper.pdf', 'demo-evidence.xlsx', 'demo-plan.pdf', 'demo.sqlite'];
    const out = join(tempDir(), 'reports', '2026');
    const built = workbench('workspace', 'demo', '--out', out, '--json');
    expect(built.code, built.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(demoFiles);
    const again = workbench('workspace', 'demo', '--out', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      `workbench: demo.sqlite already exists in ${out}. The workbench does not replace a workspace with the demo: remove or rename it first, or build the demo in another folder.\n`,
    );
    expect(readdirSync(out)).toEqual(demoFiles);
  }, 60_000);

  it('resolves relative paths against the folder the command was typed in, with node and through npm run', () => {
    const here = tempDir();
    const direct = spawnSync(process.execPath, [cli, 'workspace', 'create', '--workspace', 'direct.sqlite', '--name', 'Direct'], { encoding: 'utf8', cwd: here, env: plainEnv });
    expect(direct.status, direct.stderr).toBe(0);
    const viaNpm = spawnSync('npm', ['--prefix', join(__dirname, '../../..'), 'run', 'workbench', '--', 'workspace', 'create', '--workspace', 'npm.sqlite', '--name', 'Npm'], {
      encoding: 'utf8',
      cwd: here,
    });
    expect(viaNpm.status, viaNpm.stderr).toBe(0);
    expect(readdirSync(here).sort()).toEqual(['direct.sqlite', 'npm.sqlite']);
  }, 60_000);
});

describe('the workbench CLI sets what the screens set', () => {
  const tempDir = useTempDir();
  const json = (result: { code: number | null; stdout: string; stderr: string }) => {
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout);
  };

  it('sets and shows the periods, the population and the households, with the screen’s validation', () => {
    const dir = tempDir();
    expect(workbench('workspace', 'demo', '--out', dir).code).toBe(0);
    const workspace = join(dir, 'demo.sqlite');

    const set = json(workbench('analysis', 'set-periods', '--workspace', workspace, '--from', '2019-10', '--to', '2020-09', '--json'));
    expect(set.periods).toEqual({ current: { from: '2019-10', to: '2020-09' }, comparison: { from: '2018-10', to: '2019-09' } });
    expect(set.periodsChosen).toBe(true);
    const withComparison = json(
      workbench('analysis', 'set-periods', '--workspace', workspace, '--from', '2019-10', '--to', '2020-09', '--comparison-from', '2016-10', '--comparison-to', '2017-09', '--json'),
    );
    expect(withComparison.periods.comparison).toEqual({ from: '2016-10', to: '2017-09' });
    expect(json(workbench('analysis', 'show', '--workspace', workspace, '--json')).periods).toEqual(withComparison.periods);
    expect(workbench('analysis', 'show', '--workspace', workspace).stdout).toMatch(/^Assessment period: +October 2019 to September 2020/);

    const uneven = workbench('analysis', 'set-periods', '--workspace', workspace, '--from', '2019-10', '--to', '2020-09', '--comparison-from', '2017-10', '--comparison-to', '2018-03');
    expect(uneven.code).toBe(1);
    expect(uneven.stderr).toBe(
      'workbench: periods.comparison: The comparison period must be as long as the assessment period (12 months), so that the change compares like with like.\n',
    );
    const badMonth = workbench('analysis', 'set-periods', '--workspace', workspace, '--from', '2019-13', '--to', '2020-09');
    expect(badMonth.stderr).toContain('Use a month in the form YYYY-MM, for example 2018-04.');

    const population = json(workbench('analysis', 'set-denominators', '--workspace', workspace, '--population', '195,000', '--households', '81000', '--json'));
    expect(population.population).toEqual({ value: 195_000, source: 'entered by hand' });
    expect(population.households).toEqual({ value: 81_000, source: 'entered by hand' });
    const kept = json(workbench('analysis', 'set-denominators', '--workspace', workspace, '--population', 'none', '--json'));
    expect(kept.population.source).toMatch(/^ONS mid-year population estimates/);
    expect(kept.households).toEqual({ value: 81_000, source: 'entered by hand' });
    expect(workbench('analysis', 'set-denominators', '--workspace', workspace, '--population', '-5').stderr).toContain('The population is a whole number such as 185000, or none, not "-5".');
  }, 90_000);

  it('sets the partnership’s details and marking, and edits, moves and removes members by name', () => {
    const workspace = join(tempDir(), 'members.sqlite');
    expect(workbench('workspace', 'create', '--workspace', workspace, '--name', 'Safer Somewhere').code).toBe(0);
    for (const name of ['Essex Police', 'Colchester City Council', 'Colchester Borough Homes']) {
      expect(workbench('member', 'add', '--workspace', workspace, '--name', name).code).toBe(0);
    }
    const details = json(workbench('partnership', 'set', '--workspace', workspace, '--area', 'Colchester', '--marking', 'OFFICIAL-SENSITIVE', '--json'));
    expect(details).toEqual({ name: 'Safer Somewhere', area: 'Colchester', marking: 'OFFICIAL-SENSITIVE', period: null });
    expect(json(workbench('partnership', 'show', '--workspace', workspace, '--json'))).toEqual(details);
    expect(workbench('partnership', 'set', '--workspace', workspace, '--name', '  ').stderr).toMatch(/^workbench: name: /);

    const updated = json(workbench('member', 'update', 'essex police', '--workspace', workspace, '--statutory', '--contact', 'Community Safety Hub', '--json'));
    expect(updated.members[0]).toEqual({ name: 'Essex Police', statutory: true, contact: 'Community Safety Hub' });
    const moved = json(workbench('member', 'move', 'Colchester Borough Homes', '--workspace', workspace, '--to', '1', '--json'));
    expect(moved.members.map((member: { name: string }) => member.name)).toEqual(['Colchester Borough Homes', 'Essex Police', 'Colchester City Council']);
    const removed = json(workbench('member', 'remove', 'Colchester City Council', '--workspace', workspace, '--json'));
    expect(removed.members.map((member: { name: string }) => member.name)).toEqual(['Colchester Borough Homes', 'Essex Police']);
    expect(json(workbench('member', 'list', '--workspace', workspace, '--json'))).toEqual(removed);

    const unknown = workbench('member', 'remove', 'Fire Service', '--workspace', workspace);
    expect(unknown.stderr).toBe('workbench: No member of the partnership is called "Fire Service". The members are: Colchester Borough Homes, Essex Police.\n');
    expect(workbench('member', 'move', 'Essex Police', '--workspace', workspace, '--to', '3').stderr).toContain('there is no position 3');
  }, 60_000);

  it('maps a label through the same call as the Data screen, and reads ids strictly', () => {
    const dir = tempDir();
    const workspace = join(dir, 'labels.sqlite');
    const file = join(dir, 'incidents.csv');
    writeFileSync(file, 'Incident category,Date reported,Number\nFly-tipping,03/01/2018,4\nFly-tipping,05/01/2018,2\n');
    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ columns: { offence: 'Incident category', period: 'Date reported', count: 'Number' } }));
    expect(workbench('workspace', 'create', '--workspace', workspace, '--name', 'Label Partnership').code).toBe(0);
    const imported = json(workbench('dataset', 'import', file, '--workspace', workspace, '--mapping', mapping, '--json'));
    expect(imported.unmappedLabels).toEqual([{ label: 'Fly-tipping', rows: 2 }]);
    const mapped = json(workbench('dataset', 'map-label', String(imported.dataset.id), '--workspace', workspace, '--label', 'Fly-tipping', '--offence', 'indicator:asb-incidents', '--json'));
    expect(mapped.unmappedLabels).toEqual([]);

    for (const id of ['2,1', '1abc', '0', '-1', '1.5']) {
      const refused = workbench('dataset', 'remove', id, '--workspace', workspace);
      expect(refused.code, id).toBe(1);
      expect(refused.stderr).toBe(`workbench: A dataset number is a whole number such as 3, not "${id}".\n`);
    }
    expect(json(workbench('dataset', 'list', '--workspace', workspace, '--json')).datasets).toHaveLength(1);
  }, 60_000);
});
