import { useCallback, useEffect, useRef, useState } from 'react';
import type { Member } from '../../../shared/domain/partnership';
import { priorityName, type ParsedPriorityInput, type Priority } from '../../../shared/domain/priority';
import type { Result } from '../../../shared/result';
import { workbench } from '../api';
import { useQuery } from '../data-access/useQuery';
import { useSerialWrites } from '../data-access/useSerialWrites';
import { templateName } from '../matrix/matrix-format';
import type { ScreenId } from '../screens/screens';
import { offenceChoices, type OffenceChoice } from './priority-choices';
import { PriorityForm, priorityFieldIds } from './PriorityForm';
import { editButtonId, moveButtonId, PriorityList, removeButtonId } from './PriorityList';
import { RankingBeside } from './RankingBeside';
import './priorities.css';

interface Loaded {
  priorities: Priority[];
  /** As offered when the screen loaded: the ranking, and what the priorities then named. */
  choices: OffenceChoice[];
  template: string;
  members: Member[];
}

/** The priorities and what they are written beside: the ranking, the indicators and the members. */
async function loadPriorities(): Promise<Result<Loaded>> {
  const [list, matrix, analysis, partnership] = await Promise.all([
    workbench.priority.list(),
    workbench.matrix.show({}),
    workbench.analysis.show(),
    workbench.partnership.show(),
  ]);
  if (!list.ok) return list;
  if (!matrix.ok) return matrix;
  if (!analysis.ok) return analysis;
  if (!partnership.ok) return partnership;
  return {
    ok: true,
    value: {
      priorities: list.value,
      choices: offenceChoices(matrix.value, analysis.value, list.value),
      template: templateName(matrix.value.template),
      members: partnership.value.members,
    },
  };
}

/**
 * The Priorities step (brief §5): the partnership's priorities written beside the current
 * ranking, so that each can be traced to the types it addresses and where they rank.
 */
export function PrioritiesScreen({ onGoTo }: { onGoTo(screen: ScreenId): void }) {
  // The list as last stored: what the next write acts on.
  const latest = useRef<Priority[]>([]);
  const loaded = useQuery(['priorities', 'matrix', 'analysis', 'partnership'], loadPriorities, {
    onData: (data) => {
      latest.current = data.priorities;
    },
  });
  // Writes run one after another, each on the list the one before it left, so that quick
  // repeated moves never act on a stale order.
  const writes = useSerialWrites();
  const [editing, setEditing] = useState<Priority | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [confirmingRemoval, setConfirmingRemoval] = useState<number | null>(null);
  const [status, setStatus] = useState('');
  const [listError, setListError] = useState<string | null>(null);

  // Focus moves once the change is on screen: a move button is enabled only after the render.
  const focusTarget = useRef<string | null>(null);
  const focusSoon = useCallback((id: string) => {
    focusTarget.current = id;
  }, []);
  useEffect(() => {
    if (focusTarget.current === null) return;
    document.getElementById(focusTarget.current)?.focus();
    focusTarget.current = null;
  });

  const update = loaded.update;
  const show = useCallback(
    (next: Priority[]) => {
      latest.current = next;
      update((current) => ({ ...current!, priorities: next }));
    },
    [update],
  );

  const enqueue = writes.enqueue;

  /** Applies the service's answer; on a refusal, shows why and the list as now stored. */
  const apply = useCallback(
    async (result: Result<Priority[]>, message: string): Promise<boolean> => {
      if (result.ok) {
        show(result.value);
        setListError(null);
        setStatus(message);
        return true;
      }
      setListError(result.error.message);
      const stored = await workbench.priority.list();
      if (stored.ok) show(stored.value);
      return false;
    },
    [show],
  );

  const move = useCallback(
    (priority: Priority, offset: -1 | 1) =>
      void enqueue(async () => {
        const ids = latest.current.map((entry) => entry.id);
        const from = ids.indexOf(priority.id);
        const to = from + offset;
        if (from < 0 || to < 0 || to >= ids.length) return;
        [ids[from], ids[to]] = [ids[to]!, ids[from]!];
        const result = await workbench.priority.move({ ids });
        if (result.ok) {
          // Keep focus on the same control of the moved priority, or its other move button at an end.
          const direction = offset < 0 ? 'up' : 'down';
          const atEnd = offset < 0 ? to === 0 : to === ids.length - 1;
          focusSoon(moveButtonId(atEnd ? (direction === 'up' ? 'down' : 'up') : direction, priority.id));
        }
        await apply(result, `“${priority.title}” is now ${priorityName(to + 1)}.`);
      }),
    [apply, enqueue, focusSoon],
  );

  const save = useCallback(
    (input: ParsedPriorityInput): Promise<Result<Priority[]>> =>
      enqueue(async () => {
        const target = editing;
        const result = target ? await workbench.priority.update({ id: target.id, ...input }) : await workbench.priority.add(input);
        if (!result.ok) {
          // The form shows why; the list shows what is stored now (another window may have changed it).
          const stored = await workbench.priority.list();
          if (stored.ok) show(stored.value);
          return result;
        }
        const saved = target ? result.value.find((entry) => entry.id === target.id) : result.value[result.value.length - 1];
        focusSoon(target ? editButtonId(target.id) : priorityFieldIds.title);
        await apply(result, saved ? `${priorityName(saved.number)} ${target ? 'saved' : 'added'}.` : 'Saved.');
        setEditing(null);
        setFormKey((key) => key + 1);
        return result;
      }),
    [apply, editing, enqueue, focusSoon, show],
  );

  const remove = useCallback(
    (priority: Priority) =>
      void enqueue(async () => {
        setConfirmingRemoval(null);
        if (editing?.id === priority.id) {
          setEditing(null);
          setFormKey((key) => key + 1);
        }
        const result = await workbench.priority.remove({ id: priority.id });
        if (result.ok) focusSoon('priorities-heading');
        await apply(result, `${priorityName(priority.number)}, “${priority.title}”, removed.`);
      }),
    [apply, editing, enqueue, focusSoon],
  );

  if (loaded.status === 'failed') {
    return (
      <div className="error-summary" role="alert">
        <h2 className="error-summary-title">The priorities could not be loaded</h2>
        <p>{loaded.error}</p>
      </div>
    );
  }
  if (!loaded.data) return <p role="status">Loading the priorities…</p>;
  const { priorities, choices, template, members } = loaded.data;
  // The form's heading follows the priority's current number, even after a move.
  const editingNow = editing ? (priorities.find((priority) => priority.id === editing.id) ?? null) : null;

  return (
    <div className="priorities-screen">
      <div className="stack priorities-main">
        <section className="panel" aria-labelledby="priorities-heading">
          <h2 id="priorities-heading" tabIndex={-1}>
            The partnership’s priorities
          </h2>
          <p>
            {priorities.length === 0
              ? 'Each priority addresses offence types from the ranking beside it.'
              : `${priorities.length} ${priorities.length === 1 ? 'priority' : 'priorities'}, in the order the plan gives them. A priority’s number follows its place.`}
          </p>
          {listError ? (
            <div className="error-summary" role="alert">
              <h3 className="error-summary-title">There is a problem</h3>
              <p>{listError}</p>
            </div>
          ) : null}
          <PriorityList
            priorities={priorities}
            choices={choices}
            editingId={editing?.id ?? null}
            confirmingRemoval={confirmingRemoval}
            onMove={move}
            onEdit={(priority) => {
              setEditing(priority);
              setFormKey((key) => key + 1);
              setConfirmingRemoval(null);
              focusSoon(priorityFieldIds.title);
            }}
            onAskToRemove={(priority) => setConfirmingRemoval(priority.id)}
            onRemove={remove}
            onKeep={(priority) => {
              setConfirmingRemoval(null);
              focusSoon(removeButtonId(priority.id));
            }}
          />
          <p role="status" className="status-message" data-testid="priorities-status">
            {status}
          </p>
        </section>
        <PriorityForm
          key={formKey}
          editing={editingNow}
          nextNumber={priorities.length + 1}
          choices={choices}
          members={members}
          onSave={save}
          onCancel={() => {
            const was = editing;
            setEditing(null);
            setFormKey((key) => key + 1);
            if (was) focusSoon(editButtonId(was.id));
          }}
        />
      </div>
      <RankingBeside choices={choices} templateName={template} priorities={priorities} onGoTo={onGoTo} />
    </div>
  );
}
