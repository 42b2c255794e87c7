import { useMemo, useState, type FormEvent } from 'react';
import type { MatrixState } from '../../../shared/domain/analysis';
import { analyseSensitivity, defaultSensitivityOptions, type SensitivityResult } from '../../../shared/matrix';
import { WorkbenchError } from '../../../shared/result';
import { ErrorSummary, errorFor, type FieldError } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';
import { formatCount } from '../../../shared/format';
import { RankRangeChart } from './RankRangeChart';
import { SensitivityTable } from './SensitivityTable';

const fieldIds = { draws: 'sensitivity-draws', spread: 'sensitivity-spread', seed: 'sensitivity-seed' };

interface Analysed {
  result: SensitivityResult;
  /** What it was run on, to say when the matrix has changed since. */
  basis: string;
}

/** The matrix, judgements and figures as text: every save returns fresh objects, so identity cannot tell a change. */
const basisOf = (state: MatrixState) => JSON.stringify([state.definition, state.judgements, state.offences]);

/** Reads the three settings with the service's limits (SensitivityInput), so both give the same numbers. */
function readSettings(draws: string, spread: string, seed: string): { ok: true; value: { draws: number; spread: number; seed: number } } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const drawCount = Number(draws.replace(/,/g, ''));
  if (draws.trim() === '' || !Number.isInteger(drawCount) || drawCount < 1 || drawCount > 100_000) {
    errors.push({ fieldId: fieldIds.draws, message: 'Give the number of draws as a whole number from 1 to 100,000.' });
  }
  const spreadPercent = Number(spread.replace(/[%±]/g, ''));
  if (spread.trim() === '' || !Number.isFinite(spreadPercent) || spreadPercent < 0 || spreadPercent > 95) {
    errors.push({ fieldId: fieldIds.spread, message: 'Give the spread as a percentage from 0 to 95.' });
  }
  const seedValue = Number(seed);
  if (seed.trim() === '' || !Number.isInteger(seedValue) || seedValue < 0 || seedValue > 2 ** 31 - 1) {
    errors.push({ fieldId: fieldIds.seed, message: 'Give the seed as a whole number from 0 to 2,147,483,647.' });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { draws: drawCount, spread: spreadPercent / 100, seed: seedValue } };
}

/**
 * How far each rank moves when every weight is nudged at random (brief §4). It runs here in the
 * renderer with the same function and options as the service's matrix/sensitivity, so the
 * figures match the CLI's; 2,000 draws of 20 types take a few milliseconds.
 */
export function SensitivityPanel({ state }: { state: MatrixState }) {
  const [draws, setDraws] = useState(String(defaultSensitivityOptions.draws));
  const [spread, setSpread] = useState(String(defaultSensitivityOptions.spread * 100));
  const [seed, setSeed] = useState(String(defaultSensitivityOptions.seed));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [running, setRunning] = useState(false);
  const [analysed, setAnalysed] = useState<Analysed | null>(null);
  const currentBasis = useMemo(() => basisOf(state), [state]);

  function run(event: FormEvent) {
    event.preventDefault();
    const settings = readSettings(draws, spread, seed);
    if (!settings.ok) {
      setErrors(settings.errors);
      return;
    }
    setErrors([]);
    setRunning(true);
    const { definition, offences, judgements } = state;
    const basis = currentBasis;
    // Lets "Running…" paint first: a large number of draws can take a second.
    window.setTimeout(() => {
      try {
        setAnalysed({ result: analyseSensitivity(definition, offences, judgements, settings.value), basis });
      } catch (error) {
        if (!(error instanceof WorkbenchError)) throw error;
        setErrors([{ fieldId: null, message: error.message }]);
      } finally {
        setRunning(false);
      }
    }, 0);
  }

  const stale = analysed !== null && analysed.basis !== currentBasis;
  const result = analysed?.result;

  return (
    <section className="panel" aria-labelledby="matrix-sensitivity-heading">
      <h2 id="matrix-sensitivity-heading">Sensitivity analysis</h2>
      <p>
        How much the ranking depends on the exact weights: each draw moves every weight at random by up to the spread, re-scores and re-ranks.
        A type whose range stays in the top four is a priority whatever reasonable weights are chosen.
      </p>
      <form onSubmit={run} noValidate>
        <ErrorSummary errors={errors} />
        <div className="matrix-settings">
          <TextField
            id={fieldIds.draws}
            label="Draws"
            hint="How many random weightings"
            inputMode="numeric"
            value={draws}
            onChange={(event) => setDraws(event.target.value)}
            error={errorFor(errors, fieldIds.draws)}
          />
          <TextField
            id={fieldIds.spread}
            label="Spread (± per cent)"
            hint="The most a weight moves"
            inputMode="decimal"
            value={spread}
            onChange={(event) => setSpread(event.target.value)}
            error={errorFor(errors, fieldIds.spread)}
          />
          <TextField
            id={fieldIds.seed}
            label="Seed"
            hint="The same seed gives the same result"
            inputMode="numeric"
            value={seed}
            onChange={(event) => setSeed(event.target.value)}
            error={errorFor(errors, fieldIds.seed)}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={running}>
            Run sensitivity analysis
          </button>
        </div>
      </form>
      <p role="status" className="status-message" data-testid="sensitivity-status">
        {running
          ? 'Running the sensitivity analysis…'
          : result
            ? `Ran ${formatCount(result.draws)} draws, each weight moved by up to ±${Math.round(result.spread * 100)}% (seed ${result.seed}).`
            : ''}
      </p>
      {result ? (
        <div className="matrix-sensitivity-results" data-testid="sensitivity-results">
          {stale ? <p className="matrix-notice">The matrix or a judgement has changed since this was run. Run it again to see the current figures.</p> : null}
          <RankRangeChart
            id="matrix-rank-range"
            rows={result.offences}
            caption={`Rank ranges over ${formatCount(result.draws)} draws with every weight moved by up to ±${Math.round(result.spread * 100)}% (seed ${result.seed}): the line runs from each type's best to its worst rank`}
          />
          <details className="matrix-figures">
            <summary>Show the figures</summary>
            <SensitivityTable result={result} />
          </details>
        </div>
      ) : null}
    </section>
  );
}
