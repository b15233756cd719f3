import { Badge, Card, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { TInitiative, TLadderRung } from '@tandem/contracts';
import { RUNG_LABEL, RUNGS } from '../labels';

/** The now / next week / next month / next year board across initiatives: what the business can have, when. */
export function LadderBoard({ initiatives }: { initiatives: TInitiative[] }) {
  const byRung = new Map<TLadderRung, { initiative: TInitiative; deliverable: string; date: string | null; done: boolean }[]>(RUNGS.map((r) => [r, []]));
  for (const i of initiatives) for (const r of i.ladder) byRung.get(r.rung)!.push({ initiative: i, deliverable: r.deliverable, date: r.date, done: r.done });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
      {RUNGS.map((rung) => {
        const items = byRung.get(rung)!.sort((a, b) => (a.date ?? '9').localeCompare(b.date ?? '9'));
        return (
          <Paper key={rung} withBorder p="sm" component="section" aria-labelledby={`rung-${rung}`} data-testid={`rung-${rung}`}>
            <Stack gap="xs">
              <Title order={2} size="h4" id={`rung-${rung}`}>
                {RUNG_LABEL[rung]} <Text span c="dimmed" size="sm">({items.length})</Text>
              </Title>
              {items.length === 0 ? <Text size="sm" c="dimmed">Nothing promised yet.</Text> : null}
              {items.map((x) => (
                <Card key={`${x.initiative.id}-${rung}`} withBorder padding="xs">
                  <Text size="sm" fw={500}>
                    {x.deliverable || <Text span fw={600}>No deliverable</Text>}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {x.initiative.title}
                  </Text>
                  <Text size="xs">
                    {x.date ?? <Text span fw={600}>No date</Text>} {x.done ? <Badge size="xs" color="teal" variant="light">Delivered</Badge> : null}
                  </Text>
                </Card>
              ))}
            </Stack>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
