import { useCallback, useEffect, useRef, useState } from 'react';
import type { Member } from '../../../shared/domain/partnership';
import { priorityName, type ParsedPriorityInput, type Priority } from '../../../shared/domain/priority';
import type { Result } from '../../../shared/result';
import { workbench } from '../api';
import { templateName } from '../matrix/matrix-format';
import type { ScreenId } from '../screens/screens';
import { offenceChoices, type OffenceChoice } from './priority-choices';
import { PriorityForm, priorityFieldIds } from './PriorityForm';
import { editButtonId, moveButtonId, PriorityList, removeButtonId } from './PriorityList';
import { RankingBeside } from './RankingBeside';
import './priorities.css';

interface Loaded {
  choices: OffenceChoice[];
  template: string;
  members: Member[];
}

/**
 * The Priorities step (brief §5): the partnership's priorities written beside the current
 * ranking, so that each can be traced to the types it addresses and where they rank.
 */
export function PrioritiesScreen({ onGoTo }: { onGoTo(screen: ScreenId): void }) {
  const [priorities, setPriorities] = useState<Priority[] | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Priority | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [confirmingRemoval, setConfirmingRemoval] = useState<number | null>(null);
  const [status, setStatus] = useState('');
  const [listError, setListError] = useState<string | null>(null);

  // Writes run one after another, each on the list the one before it left, so that quick
  // repeated moves never act on a stale order.
  const latest = useRef<Priority[]>([]);
  const writes = useRef<Promise<unknown>>(Promise.resolve());

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

  const show = useCallback((next: Priority[]) => {
    latest.current = next;
    setPriorities(next);
  }, []);

  useEffect(() => {
    void Promise.all([workbench.priority.list(), workbench.matrix.show({}), workbench.analysis.show(), workbench.partnership.show()]).then(
      ([list, matrix, analysis, partnership]) => {
        for (const result of [list, matrix, analysis, partnership]) {
          if (!result.ok) {
            setLoadError(result.error.message);
            return;
          }
        }
        if (!list.ok || !matrix.ok || !analysis.ok || !partnership.ok) return;
        show(list.value);
        setLoaded({
          choices: offenceChoices(matrix.value, analysis.value, list.value),
          template: templateName(matrix.value.template),
          members: partnership.value.members,
        });
      },
    );
  }, [show]);

  const enqueue = useCallback(<T,>(write: () => Promise<T>): Promise<T> => {
    const run = writes.current.then(write);
    writes.current = run.catch(() => undefined);
    return run;
  }, []);

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

  if (loadError) {
    return (
      <div className="error-summary" role="alert">
        <h2 className="error-summary-title">The priorities could not be loaded</h2>
        <p>{loadError}</p>
      </div>
    );
  }
  if (!priorities || !loaded) return <p role="status">Loading the priorities…</p>;
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
            choices={loaded.choices}
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
          choices={loaded.choices}
          members={loaded.members}
          onSave={save}
          onCancel={() => {
            const was = editing;
            setEditing(null);
            setFormKey((key) => key + 1);
            if (was) focusSoon(editButtonId(was.id));
          }}
        />
      </div>
      <RankingBeside choices={loaded.choices} templateName={loaded.template} priorities={priorities} onGoTo={onGoTo} />
    </div>
  );
}
