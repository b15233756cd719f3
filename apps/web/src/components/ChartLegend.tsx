import { Group, Text } from '@mantine/core';

/**
 * A chart's key as plain HTML under the chart (decision 164). Recharts' own Legend is measured after
 * it renders and the chart then renders a second time to make room for it; a fixed key beside the
 * chart costs neither. `line` draws a stroke (line charts), otherwise a square (bars, areas). Hidden
 * from assistive technology like the charts it keys: their tables carry the same words and numbers.
 */
export function ChartLegend({ items, line = false }: { items: readonly { label: string; color: string }[]; line?: boolean }) {
  return (
    <Group gap="md" justify="center" mt={4} aria-hidden="true">
      {items.map((s) => (
        <Group gap={4} key={s.label} wrap="nowrap">
          <span aria-hidden style={{ display: 'inline-block', width: line ? 14 : 10, height: line ? 3 : 10, background: s.color }} />
          <Text size="xs">{s.label}</Text>
        </Group>
      ))}
    </Group>
  );
}
