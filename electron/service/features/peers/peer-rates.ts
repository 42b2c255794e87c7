import type { PeerWorking } from '../../../../shared/matrix';
import { countInPeriod, type Period, type PeriodCount, type VolumeFigure } from '../../../../shared/statistics';
import { cachedStatement } from '../../statement-cache';
import type { WorkspaceDatabase } from '../../workspace-file';
import { populationEstimateFor } from '../analysis/analysis-settings';

/**
 * The peer factor's input (brief.md, workflow 4): the area's rate per 1,000 residents divided
 * by the mean rate of the chosen comparator areas, for the same offence type and period. A
 * peer's count comes from the rows a multi-area dataset keeps for it; its population is the
 * ONS estimate for that area.
 */

type Row = [datasetId: number, offenceKey: string, periodFrom: string, periodTo: string, count: number];

interface PeerFigures {
  area: string;
  population: number | null;
  /** offence key → dataset id → the dataset's rows for the key. */
  byKey: Map<string, Map<number, PeriodCount[]>>;
}

export interface PeerRates {
  /** The peer working for one type, from its source's datasets (preferred) and its own rate. */
  workingFor(key: string, sourceDatasets: readonly number[], area: string | null, volume: VolumeFigure): PeerWorking;
}

function readPeer(db: WorkspaceDatabase, area: string, window: Period, periodEnd: string): PeerFigures {
  const rows = cachedStatement(
    db,
    `SELECT dataset_id, offence_key, period_from, period_to, sum(count) FROM offence_count
     WHERE in_area = 0 AND area_name = ? COLLATE NOCASE AND offence_key IS NOT NULL AND period_to >= ? AND period_from <= ?
     GROUP BY dataset_id, offence_key, period_from, period_to`,
  )
    .raw()
    .all(area, window.from, window.to) as Row[];
  const byKey = new Map<string, Map<number, PeriodCount[]>>();
  for (const [datasetId, key, periodFrom, periodTo, count] of rows) {
    const byDataset = byKey.get(key) ?? new Map<number, PeriodCount[]>();
    byKey.set(key, byDataset);
    const list = byDataset.get(datasetId) ?? [];
    byDataset.set(datasetId, list);
    list.push({ periodFrom, periodTo, count, offenceCode: null });
  }
  return { area, population: populationEstimateFor(db, area, periodEnd).value, byKey };
}

const rate = (count: number, population: number) => (count / population) * 1000;

/** One peer's rate: from the type's own source datasets first, then the newest dataset that covers the period. */
function peerRate(peer: PeerFigures, key: string, sourceDatasets: readonly number[], period: Period): PeerWorking['peers'][number] {
  if (peer.population === null) return { area: peer.area, rate: null, note: 'no population estimate' };
  const byDataset = peer.byKey.get(key);
  if (!byDataset) return { area: peer.area, rate: null, note: 'no figures for this type' };
  const preferred = [...sourceDatasets.filter((id) => byDataset.has(id)), ...[...byDataset.keys()].filter((id) => !sourceDatasets.includes(id)).sort((a, b) => b - a)];
  for (const datasetId of preferred) {
    const figures = countInPeriod(byDataset.get(datasetId)!, period);
    if (figures.coverage === 'complete') return { area: peer.area, rate: rate(figures.count, peer.population) };
  }
  return { area: peer.area, rate: null, note: 'the figures do not cover the whole period' };
}

export function readPeerRates(db: WorkspaceDatabase, areas: readonly string[], window: Period, period: Period): PeerRates {
  const peers = areas.map((area) => readPeer(db, area, window, period.to));
  return {
    workingFor(key, sourceDatasets, area, volume) {
      const ownRate = volume.basis === 'per-1000-residents' ? volume.value : null;
      const rows = peers.filter((peer) => peer.area.toLowerCase() !== (area ?? '').toLowerCase()).map((peer) => peerRate(peer, key, sourceDatasets, period));
      const rates = rows.flatMap((row) => (row.rate === null ? [] : [row.rate]));
      const peerMean = rates.length > 0 ? rates.reduce((sum, value) => sum + value, 0) / rates.length : null;
      const note =
        rows.length === 0
          ? 'No peers are chosen.'
          : ownRate === null
            ? `No rate per 1,000 residents for ${area ?? 'the area'}, so no ratio.`
            : peerMean === null || peerMean === 0
              ? 'None of the peers has a rate for this type and period.'
              : undefined;
      return { area: area ?? 'the area', rate: ownRate, peers: rows, peerMean, ...(note ? { note } : {}) };
    },
  };
}

/** The ratio the peer factor scores, or null when there is none. */
export function peerRatioOf(working: PeerWorking): number | null {
  if (working.rate === null || working.peerMean === null || working.peerMean === 0) return null;
  return working.rate / working.peerMean;
}
