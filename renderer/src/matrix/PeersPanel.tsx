import { useState } from 'react';
import type { MatrixState } from '../../../shared/domain/analysis';
import type { Result } from '../../../shared/result';
import { formatScore } from './matrix-format';

interface PeersPanelProps {
  state: MatrixState;
  onSave(areas: string[]): Promise<Result<MatrixState>>;
}

/**
 * The comparator areas (Most Similar Group) for the peer factor, chosen from the areas that
 * multi-area datasets keep. Saving re-scores the ranking at once.
 */
export function PeersPanel({ state, onSave }: PeersPanelProps) {
  const { peers } = state;
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(peers.areas));
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const changed = chosen.size !== peers.areas.length || peers.areas.some((area) => !chosen.has(area));
  const hasPeerFactor = state.definition.factors.some((factor) => factor.kind === 'peer');

  function toggle(area: string) {
    setChosen((current) => {
      const next = new Set(current);
      if (!next.delete(area)) next.add(area);
      return next;
    });
  }

  async function save() {
    // Kept in the order the areas are listed, so the working reads the same each time.
    const areas = peers.candidates.map((candidate) => candidate.area).filter((area) => chosen.has(area));
    const result = await onSave(areas);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setError(null);
    const ratios = result.value.ranking.map((row) => row.factors.peer?.input).filter((ratio): ratio is number => ratio !== null && ratio !== undefined);
    setStatus(
      areas.length === 0
        ? 'No peers: the peer factor scores every type as in line.'
        : `Saved ${areas.length} peers. ${ratios.length} of ${result.value.ranking.length} types now have a peer ratio${ratios.length > 0 ? `, from ${formatScore(Math.min(...ratios))}× to ${formatScore(Math.max(...ratios))}×` : ''}.`,
    );
  }

  return (
    <section className="panel" aria-labelledby="matrix-peers-heading" data-testid="peers-panel">
      <h2 id="matrix-peers-heading">Peers (Most Similar Group)</h2>
      <p>
        The peer factor divides the area’s rate per 1,000 residents by the mean rate of the areas chosen here, for the same offence type and period.
        {hasPeerFactor ? '' : ' This matrix has no peer factor, so the choice applies to the other matrices.'}
      </p>
      {peers.note ? <p className="hint">{peers.note}</p> : null}
      {peers.candidates.length === 0 ? (
        <p data-testid="no-peer-candidates">
          No dataset keeps other areas. Import a multi-area table (the ONS force table, Home Office open data) with its other areas kept as
          comparators: the command line’s <code>dataset import --keep-comparators</code>.
        </p>
      ) : (
        <>
          <fieldset className="matrix-peer-choice">
            <legend>
              Comparator areas: {chosen.size} of {peers.candidates.length} chosen
            </legend>
            <div className="matrix-peer-scroll">
            <ul className="matrix-peer-list">
              {peers.candidates.map((candidate) => {
                const id = `peer-${candidate.area.replace(/[^A-Za-z0-9]+/g, '-')}`;
                return (
                  <li key={candidate.area}>
                    <input type="checkbox" id={id} checked={chosen.has(candidate.area)} onChange={() => toggle(candidate.area)} />
                    <label htmlFor={id} title={`From ${candidate.datasets}`}>
                      {candidate.area}
                    </label>
                  </li>
                );
              })}
            </ul>
            </div>
          </fieldset>
          {error ? (
            <p className="error-message" role="alert">
              {error}
            </p>
          ) : null}
          <div className="actions">
            <button type="button" className="button" onClick={() => void save()} disabled={!changed} data-testid="save-peers">
              Save peers and re-score
            </button>
          </div>
        </>
      )}
      <p role="status" className="hint" data-testid="peers-status">
        {status || (peers.areas.length > 0 ? `Peers now: ${peers.areas.join(', ')}.` : 'No peers chosen: the peer factor scores every type 3, as in line.')}
      </p>
    </section>
  );
}
