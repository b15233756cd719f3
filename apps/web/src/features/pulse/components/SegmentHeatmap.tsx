import { useState, type FocusEvent, type MouseEvent, type ReactNode } from 'react';
import { Table, Text, Tooltip } from '@mantine/core';
import type { TPulseResults } from '@tandem/contracts';
import { pct, segmentLabel } from '../labels';
import { ScrollRegion } from './ScrollRegion';

/** A light background from red (0% favourable) through amber to green (100%), with dark text on it. */
function heat(p: number): string {
  const hue = Math.round(p * 120);
  return `hsl(${hue} 70% 88%)`;
}

/**
 * One tooltip for the whole grid, moved to the cell under the pointer or keyboard focus (a Mantine
 * Tooltip per cell set up a floating element for each of about a hundred cells on every render).
 * The cells carry their detail in `data-detail`; the table below stays untouched when it moves.
 */
function SharedTooltip({ children }: { children: ReactNode }) {
  const [at, setAt] = useState<{ el: HTMLElement; label: string } | null>(null);
  const show = (e: MouseEvent | FocusEvent) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-detail]');
    if (el) setAt((cur) => (cur?.el === el ? cur : { el, label: el.dataset.detail ?? '' }));
  };
  const hide = (e: MouseEvent | FocusEvent) => {
    const next = e.relatedTarget instanceof Element ? e.relatedTarget.closest('[data-detail]') : null;
    if (!next) setAt(null);
  };
  return (
    <div onMouseOver={show} onFocus={show} onMouseOut={hide} onBlur={hide}>
      {children}
      {at ? <Tooltip label={at.label} target={at.el} opened /> : null}
    </div>
  );
}

/** Questions by segments: % favourable in each cell, a dash where the group is too small to show. */
export function SegmentHeatmap({ results }: { results: TPulseResults }) {
  const segments = results.questions[0]?.segments ?? [];
  return (
    <ScrollRegion label="Favourable by question and segment" minWidth={Math.max(480, 160 + segments.length * 96)}>
      <SharedTooltip>
        <Table aria-label="Favourable by question and segment" withTableBorder withColumnBorders data-testid="pulse-heatmap">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Statement</Table.Th>
              {segments.map((s) => (
                <Table.Th scope="col" key={JSON.stringify(s.key)} style={{ textAlign: 'center' }}>
                  {segmentLabel(s.key)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {results.questions.map((q) => (
              <Table.Tr key={q.questionId}>
                <Table.Th scope="row" style={{ fontWeight: 500 }}>
                  {q.text}
                </Table.Th>
                {q.segments.map((s) =>
                  'suppressed' in s ? (
                    <Table.Td key={JSON.stringify(s.key)} style={{ textAlign: 'center' }} data-suppressed="true">
                      <Text span c="dimmed" aria-label={`${segmentLabel(s.key)}: hidden, fewer than ${results.minGroupSize} respondents or could reveal a smaller group`}>
                        —
                      </Text>
                    </Table.Td>
                  ) : (
                    <Table.Td key={JSON.stringify(s.key)} style={{ textAlign: 'center', background: heat(s.favourable), color: '#1a1b1e' }} data-favourable={s.favourable}>
                      <span tabIndex={0} data-detail={`n = ${s.n}; 95% interval ${pct(s.ci[0])}–${pct(s.ci[1])}; answers 1-5: ${s.distribution.join(' / ')}`}>
                        {pct(s.favourable)} <Text span size="xs">(n {s.n})</Text>
                      </span>
                    </Table.Td>
                  ),
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </SharedTooltip>
    </ScrollRegion>
  );
}
