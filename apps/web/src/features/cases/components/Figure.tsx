import { Paper, Text } from '@mantine/core';

/** One headline number with its method in a line below (every number states how it was made). */
export function Figure({ label, value, method, testId }: { label: string; value: string; method: string; testId?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm">{label}</Text>
      <Text fw={700} size="lg" data-testid={testId}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {method}
      </Text>
    </Paper>
  );
}
