import { Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TResults } from '@tandem/contracts';
import { alphaWords, fmt, tauWords } from './words';

const MAX_LINES = 40;

/**
 * Both rankings side by side: a slope chart (a line per item from its Business rank to its IT
 * rank; a steep line is a disagreement) and the same numbers as a table, which is also the
 * chart's text alternative.
 */
export function RankingsView({ results }: { results: TResults }) {
  const { agreement } = results;
  const shown = results.items.slice(0, MAX_LINES);
  const data = [
    { side: 'Business', ...Object.fromEntries(shown.map((i) => [i.itemId, i.business.rank])) },
    { side: 'IT', ...Object.fromEntries(shown.map((i) => [i.itemId, i.it.rank])) },
  ];
  const n = results.items.length;
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Title order={2} size="h3" data-testid="tau-words">
          {tauWords(agreement.kendallTauB)}
        </Title>
        <Text size="sm">
          {alphaWords('Business', agreement.alphaBusiness)}. {alphaWords('IT', agreement.alphaIt)}.
        </Text>
        <Text size="xs" c="dimmed">
          τ is Kendall's tau-b between the two sides' scores (1 = same order, 0 = unrelated, −1 = reversed; ties handled). α is Krippendorff's alpha (interval) among each side's own scorers (1 = they agree, 0 = chance).
          Each side's score takes its own scorers' median on the criteria it owns and the other side's median on the rest, then the model's formula. Ranks: 1 = highest priority, ties share the average rank.
          Scorers: {results.scorers.business} Business, {results.scorers.it} IT.
        </Text>
      </Paper>
      <figure style={{ margin: 0 }}>
        <figcaption>
          <Text size="sm" fw={500}>
            Business rank (left) against IT rank (right) for {shown.length < n ? `the top ${shown.length} of ${n} items by combined rank` : `all ${n} items`}; the table below holds the same numbers.
          </Text>
        </figcaption>
        <div role="img" aria-label={`Slope chart of ${shown.length} items from Business rank to IT rank`} style={{ width: '100%', height: 420 }}>
          <ResponsiveContainer>
            <LineChart data={data} margin={{ top: 10, right: 30, bottom: 10, left: 10 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="side" />
              <YAxis reversed domain={[1, n]} allowDecimals={false} label={{ value: 'rank', angle: -90, position: 'insideLeft' }} />
              <Tooltip formatter={(v, name) => [`rank ${String(v)}`, shown.find((i) => i.itemId === name)?.title ?? String(name)]} />
              {shown.map((i) => (
                <Line key={i.itemId} dataKey={i.itemId} isAnimationActive={false} stroke={Math.abs(i.rankDifference) >= n / 4 ? '#c92a2a' : '#868e96'} strokeWidth={Math.abs(i.rankDifference) >= n / 4 ? 2.5 : 1} dot={{ r: 3 }} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <Table.ScrollContainer minWidth={640}>
        <Table striped withTableBorder aria-label="Business and IT rankings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Combined rank</Table.Th>
              <Table.Th scope="col">Item</Table.Th>
              <Table.Th scope="col">Business rank (score)</Table.Th>
              <Table.Th scope="col">IT rank (score)</Table.Th>
              <Table.Th scope="col">Difference (Business − IT)</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {results.items.map((i) => (
              <Table.Tr key={i.itemId} data-testid="ranking-row">
                <Table.Td>
                  <Group gap={4}>
                    {i.combinedRank}
                    {i.decided ? <Text size="xs">(decided)</Text> : null}
                  </Group>
                </Table.Td>
                <Table.Th scope="row" fw={500}>
                  {i.title}
                </Table.Th>
                <Table.Td>
                  {fmt(i.business.rank, 1)} ({fmt(i.business.score)})
                </Table.Td>
                <Table.Td>
                  {fmt(i.it.rank, 1)} ({fmt(i.it.score)})
                </Table.Td>
                <Table.Td>{fmt(i.rankDifference, 1)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        Combined rank: decided positions first, then the rest by the model over everyone's median on each criterion.
      </Text>
    </Stack>
  );
}
