import { useState } from 'react';
import { Badge, Button, Card, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { THealthFinding } from '@tandem/contracts';
import type { Roadmap } from '../api/use-roadmap';
import { SCORE_LABEL, SEVERITY_COLOR } from '../labels';
import { useEditor } from './RoadmapEditor';

const SHOWN = 200;

/** Each finding names the item to fix and opens it in place. */
export function FindingsList({ findings, roadmap, canEdit }: { findings: THealthFinding[]; roadmap: Roadmap; canEdit: boolean }) {
  const editor = useEditor();
  // At phone width each finding is a card with its Fix button in view, not a table row to scroll to.
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [score, setScore] = useState<'all' | THealthFinding['score']>('all');
  const shown = findings.filter((f) => score === 'all' || f.score === score);
  const fix = (f: THealthFinding) => {
    if (f.itemType === 'goal') {
      const g = roadmap.goalById.get(f.itemId);
      if (g) editor.editGoal(g);
    } else if (f.itemType === 'initiative') {
      const i = roadmap.initiativeById.get(f.itemId);
      if (i) (f.rule === 'ladder_incomplete' ? editor.editLadder : editor.editInitiative)(i);
    } else {
      const e = roadmap.enablerById.get(f.itemId);
      if (e) editor.editEnabler(e);
    }
  };
  const title = (f: THealthFinding) =>
    (f.itemType === 'goal' ? roadmap.goalById.get(f.itemId)?.title : f.itemType === 'initiative' ? roadmap.initiativeById.get(f.itemId)?.title : roadmap.enablerById.get(f.itemId)?.title) ?? '';
  return (
    <>
      <SegmentedControl
        aria-label="Show findings of"
        value={score}
        onChange={(v) => setScore(v as typeof score)}
        data={[{ value: 'all', label: `All (${findings.length})` }, ...(['aggressive', 'enablers', 'specific', 'includesIt'] as const).map((k) => ({ value: k, label: SCORE_LABEL[k] }))]}
      />
      {shown.length === 0 ? (
        <Text data-testid="no-findings">Nothing to fix here.</Text>
      ) : isPhone ? (
        <Stack gap="xs" data-testid="findings" role="list" aria-label="Findings">
          {shown.slice(0, SHOWN).map((f) => (
            <Card key={`${f.rule}-${f.itemId}-${f.relatedId ?? ''}`} withBorder padding="sm" role="listitem" data-rule={f.rule}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Group gap={6}>
                  <Badge color={SEVERITY_COLOR[f.severity]} variant="filled" autoContrast>
                    {f.severity}
                  </Badge>
                  <Text size="sm" c="dimmed">
                    {SCORE_LABEL[f.score]}
                    {f.slipDays !== undefined ? ` · ${f.slipDays} days` : ''}
                  </Text>
                </Group>
                {canEdit ? (
                  <Button size="compact-sm" variant="default" onClick={() => fix(f)} aria-label={`Fix ${title(f)}`}>
                    Fix
                  </Button>
                ) : null}
              </Group>
              <Text size="sm" mt={6}>
                {f.message}
              </Text>
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs" aria-label="Findings" data-testid="findings">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Severity</Table.Th>
                <Table.Th>Question</Table.Th>
                <Table.Th>Finding</Table.Th>
                <Table.Th>Slip</Table.Th>
                {canEdit ? <Table.Th>Fix</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.slice(0, SHOWN).map((f) => (
                <Table.Tr key={`${f.rule}-${f.itemId}-${f.relatedId ?? ''}`} data-rule={f.rule}>
                  <Table.Td>
                    <Badge color={SEVERITY_COLOR[f.severity]} variant="filled" autoContrast>
                      {f.severity}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{SCORE_LABEL[f.score]}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{f.message}</Text>
                  </Table.Td>
                  <Table.Td>{f.slipDays !== undefined ? `${f.slipDays} days` : ''}</Table.Td>
                  {canEdit ? (
                    <Table.Td>
                      <Button size="compact-xs" variant="default" onClick={() => fix(f)} aria-label={`Fix ${title(f)}`}>
                        Fix
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {shown.length > SHOWN ? (
        <Group>
          <Text size="sm" c="dimmed">
            Showing the {SHOWN} most severe of {shown.length} findings.
          </Text>
        </Group>
      ) : null}
    </>
  );
}
