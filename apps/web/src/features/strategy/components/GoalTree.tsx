import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, List, Progress, Stack, Text } from '@mantine/core';
import { slipDays } from '@tandem/core';
import type { TEnabler, TGoal, TInitiative } from '@tandem/contracts';
import type { Roadmap } from '../api/use-roadmap';
import { HORIZON_LABEL, percent, STATUS_COLOR, STATUS_LABEL } from '../labels';
import { useEditor } from './RoadmapEditor';

/**
 * Days an open enabler ends after the initiative it enables starts, as the health check counts
 * them (core slipDays); null when on time, closed or undated.
 */
export function slipOf(e: TEnabler, i: TInitiative): number | null {
  if (!e.endDate || !i.startDate || e.status === 'done' || e.status === 'cancelled' || i.status === 'done' || i.status === 'cancelled') return null;
  const d = slipDays(i.startDate, e.endDate);
  return d > 0 ? d : null;
}

function measure(g: TGoal): string {
  if (g.target === null) return 'No measurable target yet';
  const unit = g.unit ? ` ${g.unit}` : '';
  return `${g.metric ?? 'Target'}: ${g.baseline ?? '?'} → ${g.target}${unit}${g.dueDate ? ` by ${g.dueDate}` : ''}`;
}

function EnablerLine({ e, initiative, canEdit }: { e: TEnabler; initiative: TInitiative; canEdit: boolean }) {
  const editor = useEditor();
  const slip = slipOf(e, initiative);
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm">IT: {e.title}</Text>
      <Badge size="xs" variant="light" color={STATUS_COLOR[e.status]}>
        {STATUS_LABEL[e.status]}
      </Badge>
      <Text size="xs" c="dimmed">
        ends {e.endDate ?? '—'}
      </Text>
      {slip !== null ? (
        <Badge size="xs" color="red" variant="filled">
          {slip} days late
        </Badge>
      ) : null}
      {canEdit ? (
        <Anchor component="button" type="button" size="xs" onClick={() => editor.editEnabler(e)} aria-label={`Edit enabler ${e.title}`}>
          Edit
        </Anchor>
      ) : null}
    </Group>
  );
}

function InitiativeBlock({ i, roadmap, canEdit }: { i: TInitiative; roadmap: Roadmap; canEdit: boolean }) {
  const editor = useEditor();
  const enablers = i.enablerIds.map((id) => roadmap.enablerById.get(id)).filter((e): e is TEnabler => !!e);
  return (
    <Stack gap={4} pl="md" style={{ borderLeft: '3px solid var(--mantine-color-blue-3)' }}>
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Group gap="xs">
          <Text fw={500} size="sm">
            {i.title}
          </Text>
          <Badge size="xs" variant="light" color={STATUS_COLOR[i.status]}>
            {STATUS_LABEL[i.status]}
          </Badge>
          <Text size="xs" c="dimmed">
            {i.startDate ?? '?'} → {i.endDate ?? '?'} · {HORIZON_LABEL[i.horizon]} · {percent(i.progress)} done
          </Text>
        </Group>
        {canEdit ? (
          <Group gap={6}>
            <Button size="compact-xs" variant="default" onClick={() => editor.editInitiative(i)} aria-label={`Edit initiative ${i.title}`}>
              Edit
            </Button>
            <Button size="compact-xs" variant="default" onClick={() => editor.editLadder(i)} aria-label={`Delivery ladder of ${i.title}`}>
              Ladder
            </Button>
          </Group>
        ) : null}
      </Group>
      {enablers.length === 0 ? (
        <Text size="xs" fw={600}>
          No technical enabler yet
        </Text>
      ) : (
        <List size="sm" spacing={2} listStyleType="none">
          {enablers.map((e) => (
            <List.Item key={e.id}>
              <EnablerLine e={e} initiative={i} canEdit={canEdit} />
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** Above this many initiatives the goals start folded, so a large roadmap opens at once. */
const UNFOLDED_MAX = 40;

function GoalCard({ g, roadmap, canEdit, folded }: { g: TGoal; roadmap: Roadmap; canEdit: boolean; folded: boolean }) {
  const editor = useEditor();
  const [open, setOpen] = useState(!folded);
  return (
    <Card withBorder padding="md" component="section" id={`goal-${g.id}`} aria-label={`Goal: ${g.title}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Stack gap={0}>
            <Text fw={700}>{g.title}</Text>
            <Text size="xs" c="dimmed">
              {measure(g)}
              {g.ownerId ? ` · owner ${roadmap.personById.get(g.ownerId)?.name ?? ''}` : ' · no owner'}
            </Text>
          </Stack>
          <Group gap={6}>
            {g.initiativeIds.length ? (
              <Button size="compact-xs" variant="subtle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
                {open ? 'Fold' : `Show ${g.initiativeIds.length} initiative${g.initiativeIds.length === 1 ? '' : 's'}`}
              </Button>
            ) : null}
            {canEdit ? (
              <Button size="compact-xs" variant="default" onClick={() => editor.editGoal(g)} aria-label={`Edit goal ${g.title}`}>
                Edit
              </Button>
            ) : null}
          </Group>
        </Group>
        <Progress value={(g.progress ?? 0) * 100} aria-label={`Progress of ${g.title}: ${percent(g.progress)}`} />
        {g.initiativeIds.length === 0 ? (
          <Text size="sm" fw={600}>
            No initiative serves this goal yet.
          </Text>
        ) : null}
        {open
          ? g.initiativeIds.map((id) => {
              const i = roadmap.initiativeById.get(id);
              return i ? <InitiativeBlock key={id} i={i} roadmap={roadmap} canEdit={canEdit} /> : null;
            })
          : null}
      </Stack>
    </Card>
  );
}

/** Goal → initiatives → enablers, with progress rolled up from the bottom. */
export function GoalTree({ roadmap, canEdit }: { roadmap: Roadmap; canEdit: boolean }) {
  const orphans = roadmap.initiatives.filter((i) => i.goalIds.length === 0);
  const folded = roadmap.initiatives.length > UNFOLDED_MAX;
  const [showOrphans, setShowOrphans] = useState(!folded);
  return (
    <Stack gap="md" data-testid="goal-tree">
      {roadmap.goals.length === 0 ? <Text>No business goals yet. Add one: what changes, by how much, by when.</Text> : null}
      {roadmap.goals.map((g) => (
        <GoalCard key={g.id} g={g} roadmap={roadmap} canEdit={canEdit} folded={folded} />
      ))}
      {orphans.length ? (
        <Card withBorder padding="md" component="section" aria-label="Initiatives serving no goal">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={700}>Initiatives serving no goal ({orphans.length})</Text>
              <Button size="compact-xs" variant="subtle" aria-expanded={showOrphans} onClick={() => setShowOrphans((o) => !o)}>
                {showOrphans ? 'Fold' : 'Show'}
              </Button>
            </Group>
            {showOrphans ? orphans.map((i) => <InitiativeBlock key={i.id} i={i} roadmap={roadmap} canEdit={canEdit} />) : null}
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}
