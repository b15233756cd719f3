import { Text } from '@mantine/core';
import type { TBusinessResults } from '@tandem/contracts';
import { money, pct } from '../labels';

/**
 * The simulated NPV distribution as a histogram (hand-drawn SVG: @mantine/charts has no release
 * matching the installed @mantine/core, docs/decisions/043-cases-web.md). Bars below zero are red.
 */
export function NpvChart({ results, currency }: { results: TBusinessResults; currency: string }) {
  const w = 560;
  const h = 200;
  const pad = { l: 12, r: 12, t: 10, b: 34 };
  const bins = results.histogram;
  const min = bins[0]!.from;
  const max = bins[bins.length - 1]!.to;
  const span = max - min || 1;
  const top = Math.max(...bins.map((b) => b.count), 1);
  const x = (v: number) => pad.l + ((v - min) / span) * (w - pad.l - pad.r);
  const y = (c: number) => pad.t + (1 - c / top) * (h - pad.t - pad.b);
  const { p10, p50, p90 } = results.npv;
  const summary = `Distribution of NPV over ${results.iterations.toLocaleString('en-GB')} simulated outcomes: P10 ${money(p10, currency)}, median ${money(p50, currency)}, P90 ${money(p90, currency)}; NPV is positive in ${pct(results.probabilityPositive)} of outcomes.`;
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${w} ${h}`} width="100%" role="img" aria-label={summary} style={{ maxWidth: w }}>
        {bins.map((b, i) => (
          <rect key={i} x={x(b.from)} y={y(b.count)} width={Math.max(1, x(b.to) - x(b.from) - 1)} height={h - pad.b - y(b.count)} fill={b.to <= 0 ? '#e03131' : b.from >= 0 ? '#2f9e44' : '#868e96'} />
        ))}
        {min < 0 && max > 0 ? <line x1={x(0)} x2={x(0)} y1={pad.t} y2={h - pad.b} stroke="#1a1b1e" strokeDasharray="4 3" /> : null}
        {[
          ['P10', p10],
          ['P50', p50],
          ['P90', p90],
        ].map(([label, v]) => (
          <g key={label as string}>
            <line x1={x(v as number)} x2={x(v as number)} y1={h - pad.b} y2={h - pad.b + 6} stroke="#1a1b1e" />
            <text x={x(v as number)} y={h - pad.b + 17} fontSize="10" textAnchor="middle" fill="#343a40">
              {label as string}
            </text>
          </g>
        ))}
        <text x={pad.l} y={h - 3} fontSize="10" fill="#343a40">
          {money(min, currency, true)}
        </text>
        <text x={w - pad.r} y={h - 3} fontSize="10" textAnchor="end" fill="#343a40">
          {money(max, currency, true)}
        </text>
      </svg>
      <Text component="figcaption" size="sm">
        {summary}
      </Text>
    </figure>
  );
}
