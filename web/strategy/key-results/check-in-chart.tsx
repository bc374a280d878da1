import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import type { TCheckIn, TKeyResult } from '../../../domain/strategy/key-results';
import { formatValue } from './kr-api';

interface CheckInChartProps {
  keyResult: TKeyResult;
  /** Newest first, as the API lists them. */
  checkIns: TCheckIn[];
}

const dayFmt = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** The check-in history of a key result as a line, with its target and baseline as reference lines. */
export function CheckInChart({ keyResult: k, checkIns }: CheckInChartProps) {
  const data = [...checkIns].reverse().map((c) => ({ date: dayFmt.format(new Date(c.checkedAt)), value: c.value }));
  return (
    <LineChart
      h={220}
      data={data}
      dataKey="date"
      series={[{ name: 'value', label: k.title, color: 'blue.7' }]}
      curveType="linear"
      valueFormatter={(v) => formatValue(v, k.unit)}
      yAxisProps={{ domain: ['auto', 'auto'], tickFormatter: (v: number) => formatValue(v, '') }}
      referenceLines={[
        { y: k.target, label: `Target ${formatValue(k.target, k.unit)}`, color: 'teal.8', labelPosition: 'insideTopRight', ifOverflow: 'extendDomain' },
        { y: k.baseline, label: `Baseline ${formatValue(k.baseline, k.unit)}`, color: 'gray.7', labelPosition: 'insideBottomRight', ifOverflow: 'extendDomain' },
      ]}
    />
  );
}
