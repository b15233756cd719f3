import { Box, VisuallyHidden } from '@mantine/core';
import { Line, LineChart, ResponsiveContainer, YAxis } from 'recharts';

/** A small trend line; the points are also given as a sentence for screen readers. */
export function Sparkline({ points, label, format }: { points: { label: string; value: number | null }[]; label: string; format: (n: number) => string }) {
  const shown = points.filter((p) => p.value !== null);
  if (shown.length < 2) return null;
  const words = shown.map((p) => `${p.label}: ${format(p.value!)}`).join('; ');
  return (
    <Box>
      <Box h={40} aria-hidden="true">
        <ResponsiveContainer>
          <LineChart data={points} accessibilityLayer={false}>
            <YAxis hide domain={['auto', 'auto']} />
            <Line dataKey="value" stroke="#1c7ed6" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />
          </LineChart>
        </ResponsiveContainer>
      </Box>
      <VisuallyHidden>
        Trend of {label}: {words}.
      </VisuallyHidden>
    </Box>
  );
}
