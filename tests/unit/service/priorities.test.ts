import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoDisclosure, saferColchester, saferColchesterPriorities } from '../../../shared/demo/safer-colchester';
import type { Member } from '../../../shared/domain/partnership';
import { priorityHeading, priorityInputOf, ragStatusLabels, type Priority, type PriorityInput } from '../../../shared/domain/priority';
import { useTempDir } from '../../fixtures/temp-dir';
import { TestWorkbench, valueOf } from '../../fixtures/workbench-host';
import { workspaceFingerprint } from '../../fixtures/workspace-fingerprint';

const hiddenHarms: PriorityInput = {
  title: 'Priority One – Protect vulnerable people by increasing the awareness and reporting of Hidden Harms',
  aim: 'Increase the understanding and awareness of the Hidden Harms our communities face.',
  offences: ['group:sexual-offences', 'indicator:domestic-abuse'],
  lead: null,
  measures: ['Awareness sessions delivered', 'Reports of sexual offences'],
  status: 'amber',
  reviewDate: '2019-03-31',
};

const violence: PriorityInput = {
  title: 'Reduce the occurrence of violent crime including sexual offences and weapons offences.',
  aim: 'Prevent violent crime by addressing its root causes.',
  offences: ['subgroup:violence-with-injury', 'subgroup:possession-of-weapons'],
  lead: null,
  measures: [],
  status: null,
  reviewDate: null,
};

const titles = (priorities: Priority[]) => priorities.map((priority) => [priority.number, priority.title]);

describe('priorities', () => {
  const tempDir = useTempDir();
  let workbench: TestWorkbench;
  let members: Member[];
  beforeEach(async () => {
    workbench = new TestWorkbench(tempDir());
    await workbench.create();
    valueOf(await workbench.call('member/add', { name: 'Essex Police', statutory: true, contact: null }));
    members = valueOf(await workbench.call('member/add', { name: 'Essex County Council', statutory: true, contact: null }));
  });
  afterEach(() => workbench.dispose());

  it('adds priorities numbered by their order, with the number taken off a typed title', async () => {
    expect(valueOf(await workbench.call('priority/list', {}))).toEqual([]);
    valueOf(await workbench.call('priority/add', { ...hiddenHarms, lead: members[1]!.id }));
    const listed = valueOf(await workbench.call('priority/add', violence));

    expect(listed).toEqual([
      {
        id: listed[0]!.id,
        number: 1,
        title: 'Protect vulnerable people by increasing the awareness and reporting of Hidden Harms',
        aim: hiddenHarms.aim,
        offences: [
          { key: 'group:sexual-offences', label: 'Sexual offences' },
          { key: 'indicator:domestic-abuse', label: 'Domestic abuse' },
        ],
        lead: { id: members[1]!.id, name: 'Essex County Council' },
        measures: ['Awareness sessions delivered', 'Reports of sexual offences'],
        status: 'amber',
        reviewDate: '2019-03-31',
      },
      {
        id: listed[1]!.id,
        number: 2,
        title: violence.title,
        aim: violence.aim,
        offences: [
          { key: 'subgroup:violence-with-injury', label: 'Violence with injury' },
          { key: 'subgroup:possession-of-weapons', label: 'Possession of weapons offences' },
        ],
        lead: null,
        measures: [],
        status: null,
        reviewDate: null,
      },
    ]);
    expect(priorityHeading(listed[0]!)).toBe('Priority One – Protect vulnerable people by increasing the awareness and reporting of Hidden Harms');
    expect(valueOf(await workbench.call('priority/list', {}))).toEqual(listed);
  });

  it('updates a priority whole: its offences and measures are replaced in their new order', async () => {
    const [added] = valueOf(await workbench.call('priority/add', hiddenHarms));
    const updated = valueOf(
      await workbench.call('priority/update', {
        ...hiddenHarms,
        id: added!.id,
        offences: ['subgroup:stalking-and-harassment', 'group:sexual-offences'],
        measures: ['Referrals to the independent sexual violence adviser'],
        lead: members[0]!.id,
        status: 'green',
        reviewDate: null,
      }),
    );
    expect(updated[0]).toMatchObject({
      offences: [
        { key: 'subgroup:stalking-and-harassment', label: 'Stalking and harassment' },
        { key: 'group:sexual-offences', label: 'Sexual offences' },
      ],
      measures: ['Referrals to the independent sexual violence adviser'],
      lead: { id: members[0]!.id, name: 'Essex Police' },
      status: 'green',
      reviewDate: null,
    });
    const gone = await workbench.call('priority/update', { ...hiddenHarms, id: 999 });
    expect(gone).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses bad input with a message and leaves the workspace as it was', async () => {
    valueOf(await workbench.call('priority/add', hiddenHarms));
    const before = workspaceFingerprint(workbench.path);
    const refusals: [Partial<PriorityInput>, string][] = [
      [{ title: 'Priority Two – ' }, 'Give the priority a title'],
      [{ aim: '   ' }, 'Give the priority an aim'],
      [{ offences: ['subgroup:piracy'] }, 'offences.0: That is not an offence type or indicator the workbench knows.'],
      [{ offences: ['group:sexual-offences', 'group:sexual-offences'] }, 'Each offence type may be listed only once.'],
      [{ measures: ['Fine', ' '] }, 'measures.1: A measure cannot be empty.'],
      [{ reviewDate: '2019-02-29' }, 'That review date does not exist'],
      [{ reviewDate: '31/03/2019' }, 'Give the review date as a date'],
      [{ status: 'pink' as never }, 'status'],
      [{ lead: 999 }, 'The lead partner chosen is no longer a member of the partnership.'],
    ];
    for (const [change, message] of refusals) {
      const result = await workbench.call('priority/add', { ...hiddenHarms, ...change });
      expect(result.ok, message).toBe(false);
      if (!result.ok) expect(result.error.message).toContain(message);
    }
    const extra = await workbench.call('priority/add', { ...hiddenHarms, colour: 'red' } as PriorityInput);
    expect(extra.ok).toBe(false);
    expect(workspaceFingerprint(workbench.path)).toBe(before);
  });

  it('reorders by the whole new order, renumbering every priority, and refuses a stale order', async () => {
    valueOf(await workbench.call('priority/add', hiddenHarms));
    valueOf(await workbench.call('priority/add', violence));
    const three = valueOf(await workbench.call('priority/add', { ...violence, title: 'Tackle ASB and hate crime' }));
    const [first, second, third] = three.map((priority) => priority.id);

    const moved = valueOf(await workbench.call('priority/move', { ids: [third!, first!, second!] }));
    expect(titles(moved)).toEqual([
      [1, 'Tackle ASB and hate crime'],
      [2, 'Protect vulnerable people by increasing the awareness and reporting of Hidden Harms'],
      [3, violence.title],
    ]);
    expect(titles(valueOf(await workbench.call('priority/list', {})))).toEqual(titles(moved));

    const stale = await workbench.call('priority/move', { ids: [first!, second!] });
    expect(stale).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const duplicated = await workbench.call('priority/move', { ids: [first!, first!, second!] });
    expect(duplicated).toMatchObject({ ok: false, error: { message: 'ids: Each priority may appear only once.' } });
    expect(titles(valueOf(await workbench.call('priority/list', {})))).toEqual(titles(moved));

    // Removing one closes the gap: the priorities after it take the next lower numbers.
    const removed = valueOf(await workbench.call('priority/remove', { id: first! }));
    expect(titles(removed)).toEqual([
      [1, 'Tackle ASB and hate crime'],
      [2, violence.title],
    ]);
    expect(new Database(workbench.path, { readonly: true }).prepare('SELECT count(*) AS n FROM priority_offence').get()).toEqual({ n: 4 });
    expect(await workbench.call('priority/remove', { id: first! })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('asks before removing a member that leads priorities, names them, and clears the lead when confirmed', async () => {
    const police = members[0]!;
    valueOf(await workbench.call('priority/add', { ...hiddenHarms, lead: police.id }));
    valueOf(await workbench.call('priority/add', { ...violence, lead: members[1]!.id }));
    valueOf(await workbench.call('priority/add', { ...violence, title: 'Tackle ASB and hate crime', lead: police.id }));
    const before = workspaceFingerprint(workbench.path);

    const refused = await workbench.call('member/remove', { id: police.id });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'needs-confirmation',
        message:
          'Essex Police leads “Priority One – Protect vulnerable people by increasing the awareness and reporting of Hidden Harms” and “Priority Three – Tackle ASB and hate crime”. Removing Essex Police leaves those 2 priorities without a lead partner.',
      },
    });
    expect(workspaceFingerprint(workbench.path)).toBe(before);
    expect(await workbench.call('member/remove', { id: police.id, confirmLeadRemoval: 'yes' } as never)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });

    const remaining = valueOf(await workbench.call('member/remove', { id: police.id, confirmLeadRemoval: true }));
    expect(remaining.map((member) => member.name)).toEqual(['Essex County Council']);
    const priorities = valueOf(await workbench.call('priority/list', {}));
    expect(priorities.map((priority) => priority.lead?.name ?? null)).toEqual([null, 'Essex County Council', null]);

    // A member that leads nothing is removed without being asked.
    valueOf(await workbench.call('member/add', { name: 'CCVS', statutory: false, contact: null }));
    const ccvs = valueOf(await workbench.call('partnership/show', {})).members.find((member) => member.name === 'CCVS')!;
    expect(valueOf(await workbench.call('member/remove', { id: ccvs.id })).map((member) => member.name)).toEqual(['Essex County Council']);
  });
});

describe('priorities in the demo and in frozen runs', () => {
  const tempDir = useTempDir();
  let workbench: TestWorkbench;
  beforeEach(async () => {
    workbench = new TestWorkbench(tempDir(), 'demo.sqlite');
    valueOf(await workbench.call('workspace/demo', { path: workbench.path, operationId: 'demo-priorities-0001' }));
  });
  afterEach(() => workbench.dispose());

  it('sets the seed plan’s four priorities, linked to ranked types, with illustrative leads and measures', async () => {
    const priorities = valueOf(await workbench.call('priority/list', {}));
    expect(priorities.map((priority) => priorityHeading(priority))).toEqual([
      'Priority One – Protect vulnerable people by increasing the awareness and reporting of Hidden Harms',
      'Priority Two – Address Gangs and County Lines by developing intelligence and awareness to support those vulnerable to exploitation',
      'Priority Three – Reduce the occurrence of violent crime including sexual offences and weapons offences.',
      'Priority Four – Tackle incidents of high harm, repeat Anti-Social Behaviour (ASB) and Hate Crime',
    ]);
    expect(priorities.map((priority) => priority.aim)).toEqual(saferColchesterPriorities.map((priority) => priority.aim));
    const memberNames: readonly string[] = saferColchester.members.map((member) => member.name);
    for (const priority of priorities) {
      expect(memberNames).toContain(priority.lead?.name);
      // That they are illustrative is said once, in the documents' introduction, not as a measure.
      expect(priority.measures.length).toBeGreaterThan(0);
      for (const measure of priority.measures) expect(measure).not.toMatch(/illustrative/i);
      expect(priority.status).not.toBeNull();
    }
    const { details } = valueOf(await workbench.call('document/show', {}));
    expect(details.introduction.startsWith(demoDisclosure)).toBe(true);
    expect(details.title).toBe('Safer Colchester Partnership: Partnership Plan (demonstration)');
    const ranked = new Set(valueOf(await workbench.call('matrix/show', {})).ranking.map((row) => row.key));
    expect(priorities[2]!.offences.map((offence) => offence.label)).toEqual(['Violence with injury', 'Sexual offences', 'Possession of weapons offences']);
    expect(priorities[1]!.offences.map((offence) => offence.label)).toContain('Drug offences');
    for (const priority of priorities.slice(0, 3)) for (const offence of priority.offences) expect(ranked).toContain(offence.key);
    // The ASB indicator has figures (the police.uk sample) but none for the whole assessment year.
    expect(priorities[3]!.offences[0]).toEqual({ key: 'indicator:asb-incidents', label: 'Anti-social behaviour incidents' });
  }, 60_000);

  it('records the priorities set when a run is frozen, untouched by later edits', async () => {
    const frozen = valueOf(await workbench.call('run/freeze', { name: 'With priorities' }));
    const [first] = valueOf(await workbench.call('priority/list', {}));
    valueOf(await workbench.call('priority/update', { ...priorityInputOf(first!), id: first!.id, title: 'Edited since', offences: [], lead: null, status: 'green' }));
    const police = valueOf(await workbench.call('partnership/show', {})).members.find((member) => member.name === 'Essex Police')!;
    valueOf(await workbench.call('member/remove', { id: police.id, confirmLeadRemoval: true }));

    const stored = valueOf(await workbench.call('run/show', { id: frozen.id }));
    expect(stored.identical).toBe(true);
    expect(stored.priorities).toHaveLength(4);
    expect(stored.priorities![0]).toEqual({
      number: 1,
      title: saferColchesterPriorities[0]!.title,
      aim: saferColchesterPriorities[0]!.aim,
      offences: [
        { key: 'group:sexual-offences', label: 'Sexual offences' },
        { key: 'subgroup:stalking-and-harassment', label: 'Stalking and harassment' },
        { key: 'subgroup:violence-without-injury', label: 'Violence without injury' },
      ],
      lead: 'Essex County Council',
      measures: [...saferColchesterPriorities[0]!.measures],
      status: saferColchesterPriorities[0]!.status,
      reviewDate: '2020-09-30',
    });
    expect(stored.priorities!.map((priority) => priority.lead)).toEqual(['Essex County Council', 'Essex Police', 'Essex Police', 'Colchester Borough Council']);
  }, 60_000);

  it('keeps a not-started priority, frozen runs included, and shows it in words', async () => {
    // The demo's priorities have not started: one is given another status first, to move back.
    const [started] = valueOf(await workbench.call('priority/list', {}));
    valueOf(await workbench.call('priority/update', { ...priorityInputOf(started!), id: started!.id, status: 'red' }));
    const before = valueOf(await workbench.call('run/freeze', { name: 'Before' }));
    const [first, ...others] = valueOf(await workbench.call('priority/list', {}));
    expect(first!.status).toBe('red');
    const updated = valueOf(await workbench.call('priority/update', { ...priorityInputOf(first!), id: first!.id, status: 'not-started' }));
    expect(updated[0]!.status).toBe('not-started');
    expect(ragStatusLabels['not-started']).toBe('Not started');
    const after = valueOf(await workbench.call('run/freeze', { name: 'After' }));

    const earlier = valueOf(await workbench.call('run/show', { id: before.id }));
    expect(earlier.identical).toBe(true);
    expect(earlier.priorities!.map((priority) => priority.status)).toEqual([first, ...others].map((priority) => priority!.status));
    const later = valueOf(await workbench.call('run/show', { id: after.id }));
    expect(later.identical).toBe(true);
    expect(later.priorities!.map((priority) => priority.status)).toEqual(['not-started', ...others.map((priority) => priority.status)]);
  }, 60_000);

  it('opens a workspace saved before "not started" existed, keeping its priorities and frozen runs exactly', async () => {
    // A format-8 file could hold only red, amber and green.
    const statuses = ['amber', 'green', 'red', 'amber'] as const;
    for (const [index, priority] of valueOf(await workbench.call('priority/list', {})).entries()) {
      valueOf(await workbench.call('priority/update', { ...priorityInputOf(priority), id: priority.id, status: statuses[index]! }));
    }
    const frozen = valueOf(await workbench.call('run/freeze', { name: 'Frozen in format 8' }));
    const priorities = valueOf(await workbench.call('priority/list', {}));
    valueOf(await workbench.call('workspace/close', {}));

    // Put the file back as format 8 stored it: the status constraint without 'not-started'.
    const db = new Database(workbench.path);
    const table = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'priority'").pluck().get() as string;
    expect(table).toContain("'not-started', ");
    db.pragma('foreign_keys = OFF');
    db.transaction(() => {
      db.exec(table.replace("'not-started', ", '').replace(/^CREATE TABLE "?priority"?/, 'CREATE TABLE priority_old'));
      db.exec('INSERT INTO priority_old SELECT * FROM priority; DROP TABLE priority; ALTER TABLE priority_old RENAME TO priority');
      db.exec('CREATE INDEX priority_by_lead ON priority (lead_member_id)');
      db.pragma('user_version = 8');
    })();
    expect(() => db.exec("UPDATE priority SET status = 'not-started'")).toThrow(/CHECK/);
    db.close();

    valueOf(await workbench.call('workspace/open', { path: workbench.path }));
    expect(valueOf(await workbench.call('priority/list', {}))).toEqual(priorities);
    const stored = valueOf(await workbench.call('run/show', { id: frozen.id }));
    expect(stored.identical).toBe(true);
    expect(stored.priorities!.map((priority) => priority.status)).toEqual(priorities.map((priority) => priority.status));
    const [first] = priorities;
    const updated = valueOf(await workbench.call('priority/update', { ...priorityInputOf(first!), id: first!.id, status: 'not-started' }));
    expect(updated[0]!.status).toBe('not-started');
  }, 60_000);

  it('still verifies and shows a run frozen before priorities were recorded', async () => {
    const frozen = valueOf(await workbench.call('run/freeze', { name: 'Before priorities' }));
    valueOf(await workbench.call('workspace/close', {}));

    // Rewrite the run as the earlier format stored it: the same document without priorities.
    const db = new Database(workbench.path);
    const row = db.prepare('SELECT * FROM scoring_run WHERE id = ?').get(frozen.id) as Record<string, unknown> & { document: string };
    const { priorities, ...older } = JSON.parse(row.document) as { priorities: unknown };
    expect(priorities).toHaveLength(4);
    const document = JSON.stringify(older);
    db.prepare('DELETE FROM scoring_run WHERE id = ?').run(frozen.id);
    db.prepare(
      `INSERT INTO scoring_run (id, name, created_at, template, current_from, current_to, comparison_from, comparison_to, offences, top_labels, document, document_sha256)
       VALUES (@id, @name, @created_at, @template, @current_from, @current_to, @comparison_from, @comparison_to, @offences, @top_labels, @document, @document_sha256)`,
    ).run({ ...row, document, document_sha256: createHash('sha256').update(document).digest('hex') });
    db.close();

    valueOf(await workbench.call('workspace/open', { path: workbench.path }));
    const stored = valueOf(await workbench.call('run/show', { id: frozen.id }));
    expect(stored.identical).toBe(true);
    expect(stored.priorities).toBeNull();
    expect(stored.run.ranking.slice(0, 2).map((row) => row.label)).toEqual(['Violence with injury', 'Sexual offences']);
  }, 60_000);
});
