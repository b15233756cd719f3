import { Alert, List } from '@mantine/core';
import { participationCautions, LOW_PARTICIPATION } from '@tandem/core';
import type { TPulseResults } from '@tandem/contracts';
import { pct } from '../labels';

/** A visible caution next to the headline when a closed pulse's numbers may mislead (decision 133). */
export function ParticipationCaution({ results, inTrend }: { results: TPulseResults; inTrend?: boolean }) {
  if (results.status !== 'closed') return null;
  const sizes = results.questions[0]?.segments.flatMap((s) => ('n' in s ? [s.n] : [])) ?? [];
  const cautions = participationCautions({ respondents: results.respondents, invited: results.invited, minGroupSize: results.minGroupSize, visibleGroupSizes: sizes });
  if (cautions.length === 0) return null;
  return (
    // The light yellow title fails contrast (axe): the title takes the text colour, the icon-less box keeps the yellow.
    <Alert color="yellow" variant="light" title="Read these results with care" role="note" data-testid="participation-caution" styles={{ title: { color: 'var(--mantine-color-text)' } }}>
      <List size="sm">
        {cautions.map((c) => (
          <List.Item key={c.kind}>
            {c.kind === 'low-participation'
              ? `Only ${pct(c.rate)} of the ${results.invited} invited answered (below ${pct(LOW_PARTICIPATION)}): those who answered may not speak for the rest.`
              : c.kind === 'total-hidden'
                ? `Fewer than ${results.minGroupSize} people answered, or the total is hidden: there is nothing to read yet.`
                : `The smallest group shown has ${c.smallest} people, barely above the minimum group of ${results.minGroupSize}: one person changing their answer moves its score by ${pct(c.onePersonMoves)}.`}
          </List.Item>
        ))}
        {inTrend !== undefined ? <List.Item>{inTrend ? 'You can leave this pulse out of the trend below.' : 'This pulse is left out of the trend.'}</List.Item> : null}
      </List>
    </Alert>
  );
}
