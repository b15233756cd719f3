import { Paper, Stack, Text, Title } from '@mantine/core';
import type { TPulse } from '@tandem/contracts';

const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) : null);

/**
 * While a pulse is open: what can be shown without a live response count (decision 133 reconciles
 * issue 17's "responses so far" with decision 023, which takes precedence). Links issued, the dates,
 * and when and how results will appear; never how many answered.
 */
export function ProgressPanel({ pulse }: { pulse: TPulse }) {
  const closes = day(pulse.closesAt);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="progress-title" data-testid="pulse-progress">
      <Stack gap={6}>
        <Title order={2} size="h4" id="progress-title">
          {pulse.status === 'draft' ? 'Not open yet' : 'In progress'}
        </Title>
        <Text size="sm">
          {pulse.status === 'draft'
            ? 'No link has been issued. Issuing links opens the pulse.'
            : `${pulse.invited} ${pulse.invited === 1 ? 'link' : 'links'} issued${day(pulse.openedAt) ? `, open since ${day(pulse.openedAt)}` : ''}. ${closes ? `Closes on ${closes}.` : 'No closing date: close it when you are done.'}`}
        </Text>
        <Text size="sm">
          Results appear when the pulse closes, for every group of at least {pulse.minGroupSize} people. How many have answered is not shown while it is open: a count that moves while you watch would tell whether the person who just said “I answered” did.
        </Text>
      </Stack>
    </Paper>
  );
}
