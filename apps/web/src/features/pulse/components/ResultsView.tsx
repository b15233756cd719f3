import { useState } from 'react';
import { Alert, Checkbox, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import type { TPulseResults } from '@tandem/contracts';
import { DIMENSIONS } from '../labels';
import { DistributionChart } from './DistributionChart';
import { GapView } from './GapView';
import { Headline } from './Headline';
import { ResponseRates } from './ResponseRates';
import { SegmentHeatmap } from './SegmentHeatmap';

/** Everything the results screen shows; the CSV export is built from the same object on the server. */
export function ResultsView({ results, by, onByChange }: { results: TPulseResults; by?: string[]; onByChange?: (by: string[]) => void }) {
  const [questionId, setQuestionId] = useState<string | null>(results.questions[0]?.questionId ?? null);
  const current = results.questions.find((q) => q.questionId === questionId) ?? results.questions[0];
  const withComments = results.questions.filter((q) => q.comments && q.comments.length > 0);
  return (
    <Stack gap="lg">
      <Headline results={results} />
      <Text size="sm" c="dimmed">
        {results.status !== 'closed' ? 'Responses are counted when the pulse closes (a live count would show who just answered)' : results.respondents === null ? `Fewer than ${results.minGroupSize} respondents, or hidden by the audit,` : `${results.respondents} respondents`} of {results.invited} invited. Favourable = agree or strongly agree.
        A dash means the group is smaller than {results.minGroupSize}, or showing it would let a smaller group be worked out by combining other published numbers (the disclosure audit of decision 023).
      </Text>
      {onByChange && by ? (
        <Checkbox.Group label="Break down by" value={by} onChange={onByChange}>
          <Group mt={4}>
            {DIMENSIONS.map((d) => (
              <Checkbox key={d.value} value={d.value} label={d.label} />
            ))}
          </Group>
        </Checkbox.Group>
      ) : null}
      <section aria-labelledby="heatmap-title">
        <Title order={2} size="h4" id="heatmap-title" mb="xs">
          Favourable by statement and segment
        </Title>
        <SegmentHeatmap results={results} />
      </section>
      {results.status === 'closed' ? (
        <section aria-labelledby="distribution-title">
          <Title order={2} size="h4" id="distribution-title" mb="xs">
            Answers by statement{results.previous ? ', and the change since the last pulse' : ''}
          </Title>
          <DistributionChart results={results} />
        </section>
      ) : null}
      {current && results.gaps.length > 0 ? (
        <section aria-labelledby="gaps-title">
          <Title order={2} size="h4" id="gaps-title" mb="xs">
            Perception gaps
          </Title>
          <Select
            label="Statement"
            data={results.questions.map((q) => ({ value: q.questionId, label: q.text }))}
            value={current.questionId}
            onChange={setQuestionId}
            allowDeselect={false}
            maw={560}
            mb="xs"
          />
          <GapView results={results} questionId={current.questionId} />
        </section>
      ) : null}
      <section aria-labelledby="rates-title">
        <Title order={2} size="h4" id="rates-title" mb="xs">
          Response rate
        </Title>
        <ResponseRates results={results} />
      </section>
      {withComments.length > 0 ? (
        <section aria-labelledby="comments-title">
          <Title order={2} size="h4" id="comments-title" mb="xs">
            Comments (everyone, in alphabetical order)
          </Title>
          {withComments.map((q) => (
            <div key={q.questionId}>
              <Text fw={600} size="sm">
                {q.text}
              </Text>
              <List size="sm" mb="sm">
                {q.comments!.map((c, i) => (
                  <List.Item key={i}>{c}</List.Item>
                ))}
              </List>
            </div>
          ))}
        </section>
      ) : results.status === 'closed' ? (
        <Alert color="gray" variant="light">
          Comments are shown only when everyone who answered reaches the comment threshold.
        </Alert>
      ) : null}
    </Stack>
  );
}
