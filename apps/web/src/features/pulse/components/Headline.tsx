import { Alert, Text } from '@mantine/core';
import type { TPulseResults } from '@tandem/contracts';

/** The perception gap in the seed's words, or why it cannot be shown. */
export function Headline({ results }: { results: TPulseResults }) {
  if (results.headline) {
    return (
      <Alert color="indigo" variant="light" title="The perception gap" data-testid="pulse-headline">
        <Text size="lg" fw={600}>
          {results.headline}
        </Text>
      </Alert>
    );
  }
  return (
    <Alert color="gray" variant="light" title="No headline yet">
      {results.status === 'closed'
        ? `Leaders and employees are shown only when each group has at least ${results.minGroupSize} respondents.`
        : 'Results appear when the pulse closes; until then only the overall response count is shown, once it reaches the minimum group.'}
    </Alert>
  );
}
