import { useState } from 'react';
import { Button, CloseButton, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { TSwotItem, TSwotQuadrant } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formValues } from '../../../lib/form';
import { useSwot } from '../api/get-swot';
import { useCreateSwot, useDeleteSwot } from '../api/save-swot';
import type { Roadmap } from '../api/use-roadmap';
import { SWOT_LABEL } from '../labels';

const QUADRANTS: TSwotQuadrant[] = ['strength', 'weakness', 'opportunity', 'threat'];

/** SWOT of one goal or initiative; an item may cite the enabler that answers it. */
export function SwotBoard({ roadmap, canEdit }: { roadmap: Roadmap; canEdit: boolean }) {
  const swot = useSwot();
  const create = useCreateSwot();
  const remove = useDeleteSwot();
  const subjects = [
    ...roadmap.goals.map((g) => ({ value: `goal:${g.id}`, label: `Goal: ${g.title}` })),
    ...roadmap.initiatives.map((i) => ({ value: `initiative:${i.id}`, label: `Initiative: ${i.title}` })),
  ];
  const withItems = new Set((swot.data?.items ?? []).map((s) => (s.goalId ? `goal:${s.goalId}` : `initiative:${s.initiativeId}`)));
  const [subject, setSubject] = useState<string>('');
  const current = subject || subjects.find((s) => withItems.has(s.value))?.value || subjects[0]?.value || '';
  const [kind, id] = current.split(':') as ['goal' | 'initiative', string];
  const items = (swot.data?.items ?? []).filter((s) => (kind === 'goal' ? s.goalId === id : s.initiativeId === id));
  if (subjects.length === 0) return <Text size="sm">Add a goal or an initiative first.</Text>;
  return (
    <Stack gap="sm">
      <NativeSelect label="SWOT of" value={current} onChange={(e) => setSubject(e.currentTarget.value)} data={subjects} maw={520} />
      <ErrorAlert error={swot.error ?? create.error ?? remove.error} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        {QUADRANTS.map((q) => (
          <Paper key={q} withBorder p="sm" component="section" aria-labelledby={`swot-${q}`}>
            <Title order={3} size="h5" id={`swot-${q}`}>
              {SWOT_LABEL[q]}
            </Title>
            <Stack gap={4} mt={4}>
              {items.filter((s) => s.quadrant === q).length === 0 ? <Text size="xs" c="dimmed">None yet</Text> : null}
              {items
                .filter((s) => s.quadrant === q)
                .map((s: TSwotItem) => (
                  <Group key={s.id} gap={4} wrap="nowrap" justify="space-between">
                    <Text size="sm">
                      {s.text}
                      {s.enablerId ? <Text span size="xs" c="teal.9"> · answered by {roadmap.enablerById.get(s.enablerId)?.title}</Text> : null}
                    </Text>
                    {canEdit ? <CloseButton size="sm" aria-label={`Remove "${s.text}"`} onClick={() => remove.mutate(s.id)} /> : null}
                  </Group>
                ))}
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
      {canEdit ? (
        <form
          onSubmit={(e) => {
            const v = formValues(e);
            const form = e.currentTarget;
            create.mutate(
              { ...(kind === 'goal' ? { goalId: id } : { initiativeId: id }), quadrant: v.quadrant as TSwotQuadrant, text: v.text ?? '', enablerId: v.enablerId || null },
              { onSuccess: () => form.reset() },
            );
          }}
        >
          <Group align="end" gap="xs" wrap="wrap">
            <NativeSelect name="quadrant" label="Quadrant" data={QUADRANTS.map((q) => ({ value: q, label: SWOT_LABEL[q] }))} />
            <TextInput name="text" label="Item" required miw={280} />
            <NativeSelect name="enablerId" label="Answered by enabler" data={[{ value: '', label: 'None' }, ...roadmap.enablers.map((x) => ({ value: x.id, label: x.title }))]} maw={280} />
            <Button type="submit" variant="default" loading={create.isPending}>
              Add to SWOT
            </Button>
          </Group>
        </form>
      ) : null}
    </Stack>
  );
}
