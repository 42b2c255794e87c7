import { useCallback, useEffect, useRef, useState } from 'react';
import type { JudgementInput, MatrixState } from '../../../shared/domain/analysis';
import {
  scoreMatrix,
  setFactorThresholds,
  setFactorWeight,
  type MatrixDefinition,
  type MatrixTemplateId,
} from '../../../shared/matrix';
import { WorkbenchError, type Result } from '../../../shared/result';
import { workbench } from '../api';
import { useQuery } from '../data-access/useQuery';
import { useSerialWrites } from '../data-access/useSerialWrites';
import { parseThresholds, parseWeight } from './matrix-format';

/** How long typing may pause before a weight is saved; blur saves at once. */
const saveDelay = 400;

export interface FieldMessages {
  [factorId: string]: string;
}

export interface MatrixControls {
  state: MatrixState | null;
  loadError: string | null;
  /** What the analyst has typed into a weight box, while it differs from the stored figure. */
  weightDrafts: FieldMessages;
  weightErrors: FieldMessages;
  thresholdErrors: FieldMessages;
  /** The latest save, reset or failure of the factor settings, for the status line. */
  factorStatus: string;
  editWeight(factorId: string, text: string): void;
  commitWeight(factorId: string): void;
  saveThresholds(factorId: string, text: string): Promise<boolean>;
  reset(factorId: string | null): Promise<boolean>;
  chooseTemplate(template: MatrixTemplateId): Promise<void>;
  judge(judgement: JudgementInput): Promise<Result<MatrixState>>;
  unjudge(factor: string, offenceKey: string): Promise<Result<MatrixState>>;
  /** Replaces the comparator areas the peer factor reads; the ranking comes back re-scored. */
  setPeers(areas: string[]): Promise<Result<MatrixState>>;
  /** Waits until every edit made so far is stored, so that a frozen run holds what is shown. */
  flush(): Promise<void>;
}

function rescored(state: MatrixState, definition: MatrixDefinition): MatrixState {
  return { ...state, definition, ranking: scoreMatrix(definition, state.offences, state.judgements) };
}

function without(messages: FieldMessages, factorId: string): FieldMessages {
  if (!(factorId in messages)) return messages;
  return Object.fromEntries(Object.entries(messages).filter(([id]) => id !== factorId));
}

/** A WorkbenchError's message (the shared validators' reason), or the error again if it is a bug. */
function validationMessage(error: unknown): string {
  if (error instanceof WorkbenchError) return error.message.replace(/^The matrix is not valid\. /, '');
  throw error;
}

/**
 * The matrix as the service stores it, with the analyst's edits applied at once: a weight is
 * re-ranked here in the renderer (brief §4: "changing a weight re-ranks at once"), then saved
 * in the background. Writes go through one queue so they reach the service in the order made.
 * The matrix loads with useQuery, and again when the data or the periods it reads change.
 */
export function useMatrix(): MatrixControls {
  // The matrix as last shown, for edits made before the screen has drawn it.
  const stateRef = useRef<MatrixState | null>(null);
  const matrix = useQuery(['matrix'], () => workbench.matrix.show({}), {
    onData: (loaded) => {
      stateRef.current = loaded;
    },
  });
  const state = matrix.data ?? null;
  const [storedError, setStoredError] = useState<string | null>(null);
  const loadError = storedError ?? matrix.error;
  const [weightDrafts, setWeightDrafts] = useState<FieldMessages>({});
  const [weightErrors, setWeightErrors] = useState<FieldMessages>({});
  const [thresholdErrors, setThresholdErrors] = useState<FieldMessages>({});
  const [factorStatus, setFactorStatus] = useState('');

  const writes = useSerialWrites();
  const pendingWeights = useRef(new Map<string, number>());
  const timer = useRef<number | null>(null);
  // Counts local edits, so that a late answer from the service cannot undo a newer one.
  const localEdits = useRef(0);

  const setMatrix = matrix.set;
  const show = useCallback(
    (next: MatrixState) => {
      stateRef.current = next;
      setMatrix(next);
    },
    [setMatrix],
  );

  /** Takes the service's state; edits made while it was on its way are kept and re-scored. */
  const receive = useCallback(
    (server: MatrixState, editsWhenSent: number) => {
      const local = stateRef.current;
      if (local && localEdits.current !== editsWhenSent && local.template === server.template) {
        show(rescored(server, local.definition));
      } else {
        show(server);
      }
    },
    [show],
  );

  const enqueue = writes.enqueue;

  const sendPendingWeights = useCallback((): Promise<void> => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    const batch = [...pendingWeights.current];
    pendingWeights.current.clear();
    for (const [factor, weight] of batch) {
      void enqueue(async () => {
        const current = stateRef.current;
        if (!current) return;
        const edits = localEdits.current;
        const result = await workbench.matrix.set({ template: current.template, factor, weight });
        const label = current.definition.factors.find((candidate) => candidate.id === factor)?.label ?? factor;
        if (result.ok) {
          receive(result.value, edits);
          setFactorStatus(`Saved the weight of ${label}: ${weight}.`);
        } else {
          setWeightErrors((errors) => ({ ...errors, [factor]: `Not saved: ${result.error.message}` }));
          setFactorStatus(`The weight of ${label} was not saved.`);
          const stored = await workbench.matrix.show({ template: current.template });
          if (stored.ok) receive(stored.value, edits);
          else setStoredError(stored.error.message);
        }
      });
    }
    return writes.idle();
  }, [enqueue, receive, writes]);

  const flush = useCallback(() => sendPendingWeights(), [sendPendingWeights]);

  // Leaving the screen mid-edit still stores the edit.
  useEffect(() => () => void sendPendingWeights(), [sendPendingWeights]);

  const editWeight = useCallback(
    (factorId: string, text: string) => {
      const current = stateRef.current;
      if (!current) return;
      setWeightDrafts((drafts) => ({ ...drafts, [factorId]: text }));
      pendingWeights.current.delete(factorId);
      const parsed = parseWeight(text);
      let definition: MatrixDefinition;
      try {
        if (!parsed.ok) throw new WorkbenchError('invalid-input', parsed.message);
        definition = setFactorWeight(current.definition, factorId, parsed.value);
      } catch (error) {
        const message = validationMessage(error);
        setWeightErrors((errors) => ({ ...errors, [factorId]: message }));
        return;
      }
      setWeightErrors((errors) => without(errors, factorId));
      localEdits.current += 1;
      show(rescored(current, definition));
      pendingWeights.current.set(factorId, parsed.value);
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void sendPendingWeights(), saveDelay);
    },
    [show, sendPendingWeights],
  );

  const commitWeight = useCallback(
    (factorId: string) => {
      // A valid weight is shown as stored from now on; an invalid one stays for the analyst to fix.
      if (!(factorId in weightErrors)) setWeightDrafts((drafts) => without(drafts, factorId));
      void sendPendingWeights();
    },
    [sendPendingWeights, weightErrors],
  );

  const saveThresholds = useCallback(
    async (factorId: string, text: string): Promise<boolean> => {
      const current = stateRef.current;
      if (!current) return false;
      const parsed = parseThresholds(text);
      let definition: MatrixDefinition;
      try {
        if (!parsed.ok) throw new WorkbenchError('invalid-input', parsed.message);
        definition = setFactorThresholds(current.definition, factorId, parsed.value);
      } catch (error) {
        const message = validationMessage(error);
        setThresholdErrors((errors) => ({ ...errors, [factorId]: message }));
        return false;
      }
      setThresholdErrors((errors) => without(errors, factorId));
      localEdits.current += 1;
      show(rescored(current, definition));
      await sendPendingWeights();
      const label = current.definition.factors.find((candidate) => candidate.id === factorId)?.label ?? factorId;
      return enqueue(async () => {
        const edits = localEdits.current;
        const result = await workbench.matrix.set({ template: current.template, factor: factorId, thresholds: parsed.value });
        if (!result.ok) {
          setThresholdErrors((errors) => ({ ...errors, [factorId]: `Not saved: ${result.error.message}` }));
          return false;
        }
        receive(result.value, edits);
        setFactorStatus(`Saved the thresholds of ${label}.`);
        return true;
      });
    },
    [enqueue, receive, sendPendingWeights, show],
  );

  const reset = useCallback(
    async (factorId: string | null): Promise<boolean> => {
      const current = stateRef.current;
      if (!current) return false;
      if (factorId) pendingWeights.current.delete(factorId);
      else pendingWeights.current.clear();
      await sendPendingWeights();
      return enqueue(async () => {
        const result = await workbench.matrix.reset(factorId ? { template: current.template, factor: factorId } : { template: current.template });
        if (!result.ok) {
          setFactorStatus(`Not reset: ${result.error.message}`);
          return false;
        }
        localEdits.current += 1;
        show(result.value);
        if (factorId) {
          setWeightDrafts((drafts) => without(drafts, factorId));
          setWeightErrors((errors) => without(errors, factorId));
          setThresholdErrors((errors) => without(errors, factorId));
        } else {
          setWeightDrafts({});
          setWeightErrors({});
          setThresholdErrors({});
        }
        const label = current.definition.factors.find((candidate) => candidate.id === factorId)?.label;
        setFactorStatus(label ? `${label} is back to the template's weight and thresholds.` : "Every factor is back to the template's weights and thresholds.");
        return true;
      });
    },
    [enqueue, sendPendingWeights, show],
  );

  const chooseTemplate = useCallback(
    async (template: MatrixTemplateId) => {
      await sendPendingWeights();
      await enqueue(async () => {
        const result = await workbench.matrix.use({ template });
        if (!result.ok) {
          setFactorStatus(`The template was not changed: ${result.error.message}`);
          return;
        }
        localEdits.current += 1;
        show(result.value);
        setWeightDrafts({});
        setWeightErrors({});
        setThresholdErrors({});
        setFactorStatus('');
      });
    },
    [enqueue, sendPendingWeights, show],
  );

  const judgementWrite = useCallback(
    async (call: () => Promise<Result<MatrixState>>): Promise<Result<MatrixState>> => {
      await sendPendingWeights();
      return enqueue(async () => {
        const edits = localEdits.current;
        const result = await call();
        if (result.ok) receive(result.value, edits);
        return result;
      });
    },
    [enqueue, receive, sendPendingWeights],
  );

  const judge = useCallback((judgement: JudgementInput) => judgementWrite(() => workbench.matrix.judge(judgement)), [judgementWrite]);
  const unjudge = useCallback(
    (factor: string, offenceKey: string) => judgementWrite(() => workbench.matrix.unjudge({ factor, offenceKey })),
    [judgementWrite],
  );

  const setPeers = useCallback(
    (areas: string[]) => judgementWrite(() => workbench.peers.set({ areas, note: stateRef.current?.peers.note ?? null })),
    [judgementWrite],
  );

  return {
    state,
    loadError,
    weightDrafts,
    weightErrors,
    thresholdErrors,
    factorStatus,
    editWeight,
    commitWeight,
    saveThresholds,
    reset,
    chooseTemplate,
    judge,
    unjudge,
    setPeers,
    flush,
  };
}
