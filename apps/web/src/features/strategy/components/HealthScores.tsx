import { Alert, Card, Group, RingProgress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { TRoadmapHealth } from '@tandem/contracts';
import { SCORE_LABEL, SCORE_QUESTION } from '../labels';

const color = (s: number) => (s >= 80 ? 'teal' : s >= 60 ? 'yellow' : 'red');
const SCORES = ['aggressive', 'enablers', 'specific', 'includesIt'] as const;

/** A score, or "No data" when its question judged nothing (decision 140): never a made-up 100. */
function Score({ value, size }: { value: number | null; size: number }) {
  return (
    <RingProgress
        size={size}
        thickness={size > 70 ? 9 : 7}
        sections={value === null ? [] : [{ value, color: color(value) }]}
        label={
          <Text ta="center" fw={700} size={size > 70 ? 'lg' : 'sm'}>
            {value ?? '–'}
          </Text>
        }
        aria-hidden
      />
  );
}

/**
 * The count of high findings first (what to fix today), then the overall score and one score per
 * seed question. Each score weighs findings by severity over the items judged (decision 140).
 */
export function HealthScores({ health }: { health: TRoadmapHealth }) {
  const { counts } = health;
  return (
    <Stack gap="sm">
      {health.message ? (
        <Alert color="gray" title="No data" data-testid="health-empty">
          {health.message}
        </Alert>
      ) : (
        <Text fw={700} size="lg" data-testid="high-findings">
          {counts.high === 0 ? 'No high findings' : `${counts.high} high finding${counts.high === 1 ? '' : 's'} to fix`}
          <Text span c="dimmed" size="sm" fw={400}>
            {` · ${counts.medium} medium · ${counts.low} low, over ${health.items} item${health.items === 1 ? '' : 's'}`}
          </Text>
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
        <Card withBorder padding="sm">
          <Group gap="sm" wrap="nowrap">
            <Score value={health.overall} size={84} />
            <Stack gap={0}>
              <Text fw={700}>Overall</Text>
              <Text size="sm" data-testid="score-overall">
                {health.overall === null ? 'No data' : `${health.overall} / 100`}
              </Text>
            </Stack>
          </Group>
        </Card>
        {SCORES.map((k) => (
          <Card key={k} withBorder padding="sm">
            <Group gap="sm" wrap="nowrap">
              <Score value={health.scores[k]} size={64} />
              <Stack gap={0}>
                <Text fw={600} size="sm">
                  {SCORE_LABEL[k]}
                </Text>
                <Text size="xs" c="dimmed">
                  {SCORE_QUESTION[k]}
                </Text>
                <Text size="sm" data-testid={`score-${k}`}>
                  {health.scores[k] === null ? 'No data: nothing to judge' : `${health.scores[k]} / 100`}
                </Text>
              </Stack>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
