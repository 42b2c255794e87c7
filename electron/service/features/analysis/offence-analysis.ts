import type { AnalysisView, DenominatorFigure, OffenceAnalysis, OffenceKind, OffenceSource } from '../../../../shared/domain/analysis';
import { offenceDisplayLabel, totalRecordedCrimeKey } from '../../../../shared/domain/offence-key';
import type { OffenceInputs, PeerWorking } from '../../../../shared/matrix';
import { offenceMatchFromKey, subgroupIdsCovered } from '../../../../shared/taxonomy';
import {
  countInPeriod,
  countsWithinPeriod,
  describePeriod,
  harmFallbackFor,
  harmPricing,
  historyPeriodOf,
  summariseOffence,
  withReportedZeros,
  type AssessmentPeriods,
  type CodeMix,
  type OffenceSummary,
  type PeriodCount,
} from '../../../../shared/statistics';
import { readPartnershipDetails } from '../partnership/partnership-store';
import { sourceAreaOf } from './source-area';
import type { WorkspaceDatabase } from '../../workspace-file';
import { workspaceRevision } from '../../workspace-revision';
import { householdsFigure, populationFor, readAnalysisSettings } from './analysis-settings';
import { peerRatioOf, readPeerRates } from '../peers/peer-rates';
import { readPeers } from '../peers/peer-store';
import { keysOutsideWindow, readSourceSeries, type SourceSeries } from './source-series';

function kindOf(key: string): OffenceKind {
  const prefix = key.slice(0, key.indexOf(':'));
  switch (prefix) {
    case 'subgroup':
    case 'group':
    case 'police-uk':
    case 'indicator':
      return prefix;
    default:
      return 'total';
  }
}

/** How well a series serves a type: months of the assessment period covered, then of the comparison. */
function coverageRank(counts: readonly PeriodCount[], periods: AssessmentPeriods): number {
  return countInPeriod(counts, periods.current).monthsCovered * 1000 + countInPeriod(counts, periods.comparison).monthsCovered;
}

/**
 * One series per offence type: the one covering most of the two periods, the newest on a tie.
 * The others are named as not used.
 */
function chooseSeries(key: string, candidates: readonly SourceSeries[], periods: AssessmentPeriods) {
  let best: { series: SourceSeries; counts: PeriodCount[]; rank: number } | null = null;
  for (const series of candidates) {
    const counts = withReportedZeros(series.byKey.get(key)!, series.reportedPeriods);
    const rank = candidates.length === 1 ? 0 : coverageRank(counts, periods);
    if (!best || rank > best.rank || (rank === best.rank && series.datasets[0]!.id > best.series.datasets[0]!.id)) best = { series, counts, rank };
  }
  return best!;
}

/**
 * A group or broad police.uk type whose subgroups are scored itself would count the same
 * offences twice in the ranking, so it is scored through those subgroups instead.
 */
function scoredSubgroupsWithin(key: string, scoredSubgroups: ReadonlyMap<string, string>): string[] {
  const match = offenceMatchFromKey(key);
  if (!match || match.kind === 'subgroup' || match.kind === 'indicator') return [];
  return subgroupIdsCovered(match).flatMap((id) => scoredSubgroups.get(`subgroup:${id}`) ?? []);
}

function whyNotScored(key: string, summary: OffenceSummary, scoredSubgroups: ReadonlyMap<string, string>): string | null {
  if (key === totalRecordedCrimeKey) return 'Total recorded crime is the sum of the offence types, not one of them.';
  const within = scoredSubgroupsWithin(key, scoredSubgroups);
  if (within.length > 0) return `Scored through its subgroups, which have their own figures: ${within.join(', ')}.`;
  if (summary.current.coverage === 'none') return `There are no figures for ${summary.current.label}.`;
  if (summary.current.coverage === 'partial') {
    return `The figures cover only ${summary.current.monthsCovered} of the ${summary.current.monthsInPeriod} months of ${summary.current.label}.`;
  }
  return null;
}

/** What the matrix reads for a type with a complete assessment period (scoring method 2). */
export function matrixInputsOf(key: string, label: string, summary: OffenceSummary, peer: PeerWorking): OffenceInputs {
  return {
    key,
    label,
    ratePer1000: summary.current.ratePer1000,
    volume: summary.volume.value,
    volumeBasis: summary.volume.basis,
    currentCount: summary.current.count,
    previousCount: summary.change?.previous ?? 0,
    percentChange: summary.change?.percentChange ?? null,
    significant: summary.change?.significant ?? false,
    ...(summary.change ? { pValue: summary.change.pValue } : {}),
    meanHarmWeight: summary.harm.meanWeight,
    totalHarm: summary.harm.totalHarm,
    peerRatio: peerRatioOf(peer),
    peer,
    harmPricing: harmPricing(summary.harm),
  };
}

/**
 * Code-level counts of each series for the assessment period, where it has any: a series
 * without codes can then price a subgroup by another dataset's mix of codes for the same area.
 */
function codeMixes(allSeries: readonly SourceSeries[], periods: AssessmentPeriods): { series: SourceSeries; mix: CodeMix }[] {
  return allSeries.flatMap((series) => {
    const counts = new Map<string, number>();
    for (const rows of series.byKey.values()) {
      for (const row of countsWithinPeriod(rows, periods.current)) {
        if (row.offenceCode !== null) counts.set(row.offenceCode, (counts.get(row.offenceCode) ?? 0) + row.count);
      }
    }
    if (counts.size === 0) return [];
    const area = series.area ? `${series.area}, ` : '';
    return [{ series, mix: { source: `${series.files} (${area}${describePeriod(periods.current)})`, counts } }];
  });
}

/** Another series for the same area whose codes price the key's subgroups, or null. */
function codeMixFor(key: string, chosen: SourceSeries, mixes: readonly { series: SourceSeries; mix: CodeMix }[]): CodeMix | null {
  const sameArea = (a: string | null, b: string | null) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
  for (const { series, mix } of mixes) {
    if (series === chosen || !sameArea(series.area, chosen.area)) continue;
    if (harmFallbackFor(key, mix)?.basis === 'code-counts') return mix;
  }
  return null;
}

const kindOrder: Record<OffenceKind, number> = { subgroup: 0, group: 1, 'police-uk': 2, indicator: 3, total: 4 };

/** What the Analysis works out from the workspace's figures for one pair of periods: all of it but the settings. */
type AnalysisFigures = Omit<AnalysisView, 'settings'>;

function analyseFigures(db: WorkspaceDatabase, periods: AssessmentPeriods): AnalysisFigures {
  const window = historyPeriodOf(periods);
  const allSeries = readSourceSeries(db, window);
  const keys = new Set(allSeries.flatMap((series) => [...series.byKey.keys()]));
  const outsidePeriods = keysOutsideWindow(db, window, keys).map(offenceDisplayLabel);
  const households = householdsFigure(db).value;
  const populationByArea = new Map<string, DenominatorFigure>();
  const partnershipArea = readPartnershipDetails(db).area;
  const peers = readPeers(db);
  const peerRates = readPeerRates(db, peers.areas, window, periods.current);
  const mixes = codeMixes(allSeries, periods);

  const summaries: { key: string; label: string; source: OffenceSource; summary: OffenceSummary }[] = [];
  for (const key of keys) {
    const candidates = allSeries.filter((series) => series.byKey.has(key));
    const { series, counts } = chooseSeries(key, candidates, periods);
    const areaName = series.area ?? '';
    if (!populationByArea.has(areaName)) populationByArea.set(areaName, populationFor(db, series.area, periods.current.to));
    const population = populationByArea.get(areaName)!;
    const summary = summariseOffence({
      offenceKey: key,
      counts,
      periods,
      denominators: { population: population.value, households },
      codeMix: codeMixFor(key, series, mixes),
    });
    const source: OffenceSource = {
      partner: series.partner,
      format: series.format,
      fileName: series.files,
      datasetIds: series.datasets.map((dataset) => dataset.id),
      area: series.area,
      where: sourceAreaOf(series.area, partnershipArea),
      population,
      otherDatasets: candidates.filter((other) => other !== series).reduce((total, other) => total + other.datasets.length, 0),
    };
    summaries.push({ key, label: offenceDisplayLabel(key), source, summary });
  }
  const scoredSubgroups = new Map(
    summaries.filter(({ key, summary }) => key.startsWith('subgroup:') && summary.current.coverage === 'complete').map(({ key, label }) => [key, label]),
  );
  const offences = summaries.map(({ key, label, source, summary }): OffenceAnalysis => {
    const notScored = whyNotScored(key, summary, scoredSubgroups);
    const peer = peerRates.workingFor(key, source.datasetIds, source.area, summary.volume);
    return { key, label, kind: kindOf(key), source, summary, inputs: notScored === null ? matrixInputsOf(key, label, summary, peer) : null, notScored, peer };
  });
  offences.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.label.localeCompare(b.label, 'en-GB'));
  return { offences, outsidePeriods, peers };
}

/** The figures last worked out on each connection, with the workspace revision and periods they are for. */
const kept = new WeakMap<WorkspaceDatabase, { revision: string; periods: string; figures: AnalysisFigures }>();

/**
 * The Analysis table (brief.md, workflow 3): every offence type and indicator with in-area
 * figures, summarised for the workspace's periods, with what the matrix will read.
 *
 * The Analysis is loaded on every visit to its screen and the Matrix's, and after every edit of
 * a weight or judgement, which change nothing it works out. So its figures are kept until the
 * workspace changes (workspace-revision.ts) or the periods do, which they can without a change
 * when a new month begins. The lists are copied, so that a caller may sort its own.
 */
export function buildAnalysis(db: WorkspaceDatabase, now: Date): AnalysisView {
  const revision = workspaceRevision(db);
  const settings = readAnalysisSettings(db, now);
  const periods = JSON.stringify(settings.periods);
  let entry = kept.get(db);
  if (revision === null || entry?.revision !== revision || entry.periods !== periods) {
    entry = { revision: revision ?? '', periods, figures: analyseFigures(db, settings.periods) };
    if (revision !== null) kept.set(db, entry);
  }
  const { offences, outsidePeriods, peers } = entry.figures;
  return { settings, offences: [...offences], outsidePeriods: [...outsidePeriods], peers };
}
