import { Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { usePageTitle } from '../../../components/usePageTitle';
import { usePulseResults } from '../api/get-results';
import { GapView } from '../components/GapView';
import { Headline } from '../components/Headline';
import { ResponseRates } from '../components/ResponseRates';
import { SegmentHeatmap } from '../components/SegmentHeatmap';

/** The results on paper: no navigation, every statement's gaps listed, the print dialog one click away. */
export function PulsePrintPage({ id }: { id: string }) {
  const results = usePulseResults(id, 'side,level');
  usePageTitle(results.data ? `${results.data.title} (print)` : 'Pulse results (print)');
  if (results.isPending) return <FullPageLoader />;
  if (results.isError) return <ErrorAlert error={results.error} title="Results could not be loaded" />;
  const r = results.data;
  return (
    <Container size="lg" py="md" component="main">
      <style>{'@media print { .no-print { display: none !important; } }'}</style>
      <Stack gap="md">
        <Group justify="space-between" className="no-print">
          <Text size="sm" c="dimmed">
            Printable view
          </Text>
          <Button onClick={() => window.print()}>Print</Button>
        </Group>
        <Title order={1} size="h2">
          {r.title}
        </Title>
        <Text size="sm">
          {r.respondents === null ? `Fewer than ${r.minGroupSize} respondents` : `${r.respondents} respondents`} of {r.invited} invited; minimum group {r.minGroupSize}. Favourable = agree or strongly agree; intervals are 95%
          (Wilson for shares, Newcombe for gaps).
        </Text>
        <Headline results={r} />
        <SegmentHeatmap results={r} />
        {r.questions.map((q) => (
          <section key={q.questionId} aria-label={`Gaps: ${q.text}`}>
            <Title order={2} size="h5" mb={4}>
              {q.text}
            </Title>
            <GapView results={r} questionId={q.questionId} />
          </section>
        ))}
        <ResponseRates results={r} />
      </Stack>
    </Container>
  );
}
