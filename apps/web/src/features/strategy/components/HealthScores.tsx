import { Card, Group, RingProgress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { TRoadmapHealth } from '@tandem/contracts';
import { SCORE_LABEL, SCORE_QUESTION } from '../labels';

const color = (s: number) => (s >= 80 ? 'teal' : s >= 60 ? 'yellow' : 'red');
const SCORES = ['aggressive', 'enablers', 'specific', 'includesIt'] as const;

/** The overall score and one score per seed question, each a share of the roadmap that passes. */
export function HealthScores({ health }: { health: TRoadmapHealth }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
      <Card withBorder padding="sm">
        <Group gap="sm" wrap="nowrap">
          <RingProgress size={84} thickness={9} sections={[{ value: health.overall, color: color(health.overall) }]} label={<Text ta="center" fw={700} size="lg">{health.overall}</Text>} aria-hidden />
          <Stack gap={0}>
            <Text fw={700}>Overall</Text>
            <Text size="sm" data-testid="score-overall">
              {health.overall} / 100
            </Text>
          </Stack>
        </Group>
      </Card>
      {SCORES.map((k) => (
        <Card key={k} withBorder padding="sm">
          <Group gap="sm" wrap="nowrap">
            <RingProgress size={64} thickness={7} sections={[{ value: health.scores[k], color: color(health.scores[k]) }]} label={<Text ta="center" size="sm" fw={700}>{health.scores[k]}</Text>} aria-hidden />
            <Stack gap={0}>
              <Text fw={600} size="sm">
                {SCORE_LABEL[k]}
              </Text>
              <Text size="xs" c="dimmed">
                {SCORE_QUESTION[k]}
              </Text>
              <Text size="sm" data-testid={`score-${k}`}>
                {health.scores[k]} / 100
              </Text>
            </Stack>
          </Group>
        </Card>
      ))}
    </SimpleGrid>
  );
}
