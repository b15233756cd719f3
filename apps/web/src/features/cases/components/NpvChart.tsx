import { Box, Text } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TBusinessResults } from '@tandem/contracts';
import { money, pct } from '../labels';

const LOSS = '#e03131';
const GAIN = '#2f9e44';
const ACROSS = '#868e96';

/**
 * The simulated NPV distribution as a histogram (recharts, decision 161): bars wholly below zero
 * red, wholly above green, the bar across zero grey; P10, P50 and P90 marked. The chart is for
 * sighted readers; the figure's label and caption state every number it shows.
 */
export function NpvChart({ results, currency }: { results: TBusinessResults; currency: string }) {
  const bins = results.histogram;
  const min = bins[0]!.from;
  const max = bins[bins.length - 1]!.to;
  const data = bins.map((b) => ({ mid: (b.from + b.to) / 2, count: b.count, from: b.from, to: b.to, fill: b.to <= 0 ? LOSS : b.from >= 0 ? GAIN : ACROSS }));
  const { p10, p50, p90 } = results.npv;
  const summary = `Distribution of NPV over ${results.iterations.toLocaleString('en-GB')} simulated outcomes: P10 ${money(p10, currency)}, median ${money(p50, currency)}, P90 ${money(p90, currency)}; NPV is positive in ${pct(results.probabilityPositive)} of outcomes.`;
  return (
    <figure style={{ margin: 0 }}>
      <Box h={220} maw={640} role="img" aria-label={summary} data-testid="npv-chart">
        <ResponsiveContainer>
          <BarChart data={data} accessibilityLayer={false} barCategoryGap={1} margin={{ top: 16, right: 16, left: 0, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="mid" type="number" domain={[min, max]} tickFormatter={(v: number) => money(v, currency, true)} tick={{ fontSize: 12 }} tickCount={5} />
            <YAxis tick={{ fontSize: 12 }} width={44} allowDecimals={false} />
            <Tooltip
              formatter={(v) => [Number(v).toLocaleString('en-GB'), 'Outcomes']}
              labelFormatter={(_, p) => {
                const row = p?.[0]?.payload as { from: number; to: number } | undefined;
                return row ? `${money(row.from, currency)} to ${money(row.to, currency)}` : '';
              }}
            />
            <Bar dataKey="count" isAnimationActive={false}>
              {data.map((d, i) => (
                <Cell key={i} fill={d.fill} />
              ))}
            </Bar>
            {min < 0 && max > 0 ? <ReferenceLine x={0} stroke="#1a1b1e" strokeDasharray="4 3" /> : null}
            {(
              [
                ['P10', p10],
                ['P50', p50],
                ['P90', p90],
              ] as const
            ).map(([label, v]) => (
              <ReferenceLine key={label} x={v} stroke="#343a40" label={{ value: label, position: 'top', fontSize: 12, fill: '#343a40' }} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </Box>
      <Text component="figcaption" size="sm">
        {summary}
      </Text>
    </figure>
  );
}
