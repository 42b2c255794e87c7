import type { SensitivityResult } from '../../../shared/matrix';
import { DataTable, type Column } from '../components/DataTable';
import { formatShare, formatUpTo } from '../../../shared/format';

/** The rank-range chart's figures, one row per offence type: the chart's text alternative. */
export function SensitivityTable({ result }: { result: SensitivityResult }) {
  return (
    <DataTable
      caption={<>Best, median and worst rank of each offence type over the draws, and how often it ranked in the top {result.topN.join(' and top ')}</>}
      captionShown
      scroll
      compact
      testId="sensitivity-table"
      rows={result.offences}
      rowKey={(row) => row.key}
      rowTestId="sensitivity-row"
      columns={[
        { id: 'rank', header: 'Rank as weighted', numeric: true, cell: (row) => row.rank },
        { id: 'offence', header: 'Offence type', rowHeader: true, cell: (row) => row.label },
        { id: 'best', header: 'Best', numeric: true, cell: (row) => row.bestRank },
        { id: 'median', header: 'Median', numeric: true, cell: (row) => formatUpTo(row.medianRank, 1) },
        { id: 'worst', header: 'Worst', numeric: true, cell: (row) => row.worstRank },
        ...result.topN.map(
          (n, index): Column<SensitivityResult['offences'][number]> => ({
            id: `top-${n}`,
            header: `In top ${n}`,
            numeric: true,
            cell: (row) => formatShare(row.inTop[index]!.share),
          }),
        ),
      ]}
    />
  );
}
