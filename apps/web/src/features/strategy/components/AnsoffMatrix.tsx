import { Box, Group, List, Paper, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import type { TAnsoff, TInitiative } from '@tandem/contracts';
import { ANSOFF_LABEL, HORIZON_COLOR, HORIZON_LABEL } from '../labels';

const CELLS: { q: TAnsoff; product: string; market: string }[] = [
  { q: 'market_penetration', product: 'Existing products', market: 'Existing markets' },
  { q: 'product_development', product: 'New products', market: 'Existing markets' },
  { q: 'market_development', product: 'Existing products', market: 'New markets' },
  { q: 'diversification', product: 'New products', market: 'New markets' },
];

/**
 * Ansoff's matrix of the open initiatives: bubble area is effort, colour is horizon, and each
 * quadrant lists its initiatives by name so touch and keyboard users need no hover.
 */
export function AnsoffMatrix({ initiatives }: { initiatives: TInitiative[] }) {
  const open = initiatives.filter((i) => i.status !== 'done' && i.status !== 'cancelled');
  const maxEffort = Math.max(1, ...open.map((i) => i.effort ?? 1));
  const unset = open.filter((i) => !i.ansoff).length;
  return (
    <Stack gap="xs">
      <SimpleGrid cols={2} spacing="xs" data-testid="ansoff">
        {CELLS.map((c) => {
          const items = open.filter((i) => i.ansoff === c.q);
          return (
            <Paper key={c.q} withBorder p="sm" component="section" aria-label={`${ANSOFF_LABEL[c.q]}: ${items.length} initiatives`}>
              <Text fw={700} size="sm">
                {ANSOFF_LABEL[c.q]}
              </Text>
              <Text size="xs" c="dimmed" mb="xs">
                {c.product}, {c.market}
              </Text>
              <Group gap={6}>
                {items.map((i) => {
                  const d = 14 + 46 * Math.sqrt((i.effort ?? 1) / maxEffort);
                  return (
                    <Tooltip key={i.id} label={`${i.title} · ${i.effort ?? '?'} person-days · ${HORIZON_LABEL[i.horizon]}`}>
                      <Box
                        role="img"
                        aria-label={`${i.title}, ${i.effort ?? 'unknown'} person-days, ${HORIZON_LABEL[i.horizon]}`}
                        w={d}
                        h={d}
                        style={{ borderRadius: '50%', background: HORIZON_COLOR[i.horizon], opacity: 0.85 }}
                      />
                    </Tooltip>
                  );
                })}
              </Group>
              {items.length ? (
                <List size="xs" mt="xs" spacing={2} aria-label={`Initiatives in ${ANSOFF_LABEL[c.q]}`}>
                  {items.map((i) => (
                    <List.Item key={i.id}>
                      {i.title} · {i.effort ?? '?'} person-days · {HORIZON_LABEL[i.horizon]}
                    </List.Item>
                  ))}
                </List>
              ) : (
                <Text size="xs" c="dimmed">
                  None yet.
                </Text>
              )}
            </Paper>
          );
        })}
      </SimpleGrid>
      <Group gap="md">
        {(['now', 'next', 'later', 'unscheduled'] as const).map((h) => (
          <Group key={h} gap={4}>
            <Box w={12} h={12} style={{ borderRadius: '50%', background: HORIZON_COLOR[h] }} aria-hidden />
            <Text size="xs">{HORIZON_LABEL[h]}</Text>
          </Group>
        ))}
        {unset ? <Text size="xs" c="dimmed">{unset} open initiatives have no quadrant yet.</Text> : null}
      </Group>
    </Stack>
  );
}
