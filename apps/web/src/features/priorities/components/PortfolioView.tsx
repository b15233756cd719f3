import { Fragment, useState } from 'react';
import { Alert, Badge, Button, Group, NativeSelect, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DEFAULT_CATEGORY_LABELS, type TCategoryLabels, type TMix, type TPortfolio, type TPortfolioCategory, type TPortfolioSettings, type TPriorityHorizon } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { errorMessage } from '../../../lib/api';
import { usePortfolio, usePortfolioSettings, useSetPortfolio } from '../api/portfolio';
import { useCompare, useCreateScenario, useScenarios } from '../api/scenarios';
import { useTagItem } from '../api/tag-item';
import { fmt } from './words';

const CATS = ['run', 'grow', 'transform'] as const;
const HORIZONS = ['now', 'next', 'later'] as const;
const HORIZON_LABEL = { now: 'Now', next: 'Next', later: 'Later' } as const;

/** Capacity and target mix, the cut line on the combined ranking, the balance chart, and scenarios. */
export function PortfolioView({ roundId, leader }: { roundId: string; leader: boolean }) {
  const settings = usePortfolioSettings();
  const [drop, setDrop] = useState<string | null>(null);
  const portfolio = usePortfolio(roundId, drop, !!settings.data?.settings);
  if (settings.isPending) return <Text>Loading…</Text>;
  if (settings.isError) return <ErrorAlert error={settings.error} />;
  return (
    <Stack gap="lg">
      {leader ? <SettingsForm current={settings.data.settings} /> : null}
      {!settings.data.settings ? (
        <Alert color="gray">Capacity and the target mix are not set yet{leader ? '' : ': ask a leader'}.</Alert>
      ) : portfolio.isPending ? (
        <Text>Loading…</Text>
      ) : portfolio.isError ? (
        <ErrorAlert error={portfolio.error} />
      ) : (
        <>
          <Balance p={portfolio.data} />
          <CutLine roundId={roundId} p={portfolio.data} drop={drop} setDrop={setDrop} leader={leader} />
          <Scenarios roundId={roundId} p={portfolio.data} leader={leader} />
        </>
      )}
    </Stack>
  );
}

function SettingsForm({ current }: { current: TPortfolioSettings | null }) {
  const set = useSetPortfolio();
  const [capacity, setCapacity] = useState<number | string>(current?.capacity ?? '');
  const [mix, setMix] = useState<Record<string, number | string>>(current?.targetMix ?? { run: 60, grow: 25, transform: 15 });
  const [topN, setTopN] = useState<number | string>(current?.disagreementTopN ?? 3);
  const [threshold, setThreshold] = useState<number | string>(current?.disagreementThreshold ?? '');
  const [names, setNames] = useState<TCategoryLabels>(current?.categoryLabels ?? DEFAULT_CATEGORY_LABELS);
  const labels = current?.categoryLabels ?? DEFAULT_CATEGORY_LABELS;
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      aria-label="Capacity and target mix"
      onSubmit={(e: React.FormEvent) => {
        e.preventDefault();
        set.mutate({
          capacity: Number(capacity),
          targetMix: { run: Number(mix.run), grow: Number(mix.grow), transform: Number(mix.transform) },
          disagreementTopN: Number(topN),
          disagreementThreshold: threshold === '' ? null : Number(threshold),
          categoryLabels: names,
        });
      }}
    >
      <Group align="flex-end">
        <NumberInput label="Capacity (effort units per period)" min={0} value={capacity} onChange={setCapacity} required />
        {CATS.map((c) => (
          <NumberInput key={c} label={`Target ${labels[c]}`} min={0} w={120} value={mix[c]} onChange={(v) => setMix((m) => ({ ...m, [c]: v }))} />
        ))}
        <Button type="submit" loading={set.isPending}>
          Save
        </Button>
      </Group>
      <Group align="flex-end" mt="sm">
        <NumberInput label="Disagreement queue: the top" description="items by rank difference" min={0} max={100} allowDecimal={false} w={200} value={topN} onChange={setTopN} />
        <NumberInput
          label="…or every item with |rank difference| at least"
          description="Empty: use the top N"
          min={0}
          w={300}
          value={threshold}
          onChange={setThreshold}
        />
      </Group>
      <Group align="flex-end" mt="sm">
        {CATS.map((c) => (
          <TextInput
            key={c}
            label={`Name of the ${c} category`}
            description={`Default: ${DEFAULT_CATEGORY_LABELS[c]}`}
            maxLength={40}
            required
            w={220}
            value={names[c]}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setNames((n) => ({ ...n, [c]: v }));
            }}
          />
        ))}
      </Group>
      {set.isError ? <Alert color="red">{errorMessage(set.error)}</Alert> : null}
    </Paper>
  );
}

function MixChart({ actual, target, label, names }: { actual: TMix; target: TMix; label: string; names: TCategoryLabels }) {
  const labels = names;
  const data = CATS.map((c) => ({ category: labels[c], actual: Math.round(actual[c] * 10) / 10, target: target[c] }));
  const text = CATS.map((c) => `${labels[c]} ${fmt(actual[c], 1)} (target ${fmt(target[c], 1)})`).join(', ');
  return (
    <figure style={{ margin: 0 }}>
      <figcaption>
        <Text size="sm">
          {label}: {text}.
        </Text>
      </figcaption>
      <div role="img" aria-label={`${label}: ${text}`} style={{ width: '100%', maxWidth: 520, height: 220 }}>
        <ResponsiveContainer>
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="category" />
            <YAxis />
            <Tooltip />
            <Legend />
            <Bar dataKey="actual" name="Actual" fill="#1c7ed6" isAnimationActive={false} />
            <Bar dataKey="target" name="Target" fill="#adb5bd" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

function Balance({ p }: { p: TPortfolio }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h3">
        Balance above the cut line
      </Title>
      <MixChart actual={p.mix.actual} target={p.mix.target} names={p.categoryLabels} label="Share of effort above the cut line by category, against the target" />
      <Text size="sm">
        Business work (initiatives) {fmt(p.split.business * 100, 0)}% and IT work (enablers) {fmt(p.split.it * 100, 0)}% of the effort above the cut line.
        {p.mix.uncategorised > 0 ? ` Uncategorised: ${fmt(p.mix.uncategorised, 1)}.` : ''}
      </Text>
      <Text size="xs" c="dimmed">
        Method: each category's share of the summed effort of the items that fit, on the target's own scale. Effort is the initiative's or enabler's own effort field; a missing effort counts as 0.
      </Text>
    </Paper>
  );
}

function CutLine({ roundId, p, drop, setDrop, leader }: { roundId: string; p: TPortfolio; drop: string | null; setDrop: (v: string | null) => void; leader: boolean }) {
  const tag = useTagItem(roundId);
  const title = (id: string) => p.ranking.find((r) => r.itemId === id)?.title ?? id;
  const firstOut = p.ranking.findIndex((r) => !r.in);
  const labels = p.categoryLabels;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h3">
        Cut line
      </Title>
      <Text size="sm" data-testid="cut-summary">
        {p.cutLine.in.length} items in ({fmt(p.used, 1)} of {fmt(p.capacity, 1)} effort units), {p.cutLine.out.length} out.
      </Text>
      <Text size="xs" c="dimmed">
        Walking the combined ranking from the top, items are in while the cumulative effort fits the capacity; the first that does not fit and all after it are out.
      </Text>
      <NativeSelect
        label="What would move in if we dropped…"
        value={drop ?? ''}
        onChange={(e) => setDrop(e.currentTarget.value || null)}
        data={[{ value: '', label: 'Choose an item' }, ...p.cutLine.in.map((id) => ({ value: id, label: title(id) }))]}
        maw={480}
      />
      {p.ifDropped ? (
        <Text size="sm" aria-live="polite">
          {p.ifDropped.movesIn.length ? `Moves in: ${p.ifDropped.movesIn.map(title).join(', ')}.` : 'Nothing else would fit.'}
        </Text>
      ) : null}
      {tag.isError ? <Alert color="red" title="Tag not saved">{errorMessage(tag.error)}</Alert> : null}
      <Table.ScrollContainer minWidth={600}>
        <Table withTableBorder aria-label="Combined ranking with the cut line">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Rank</Table.Th>
              <Table.Th scope="col">Item</Table.Th>
              <Table.Th scope="col">Category</Table.Th>
              <Table.Th scope="col">Horizon</Table.Th>
              <Table.Th scope="col">Effort</Table.Th>
              <Table.Th scope="col">In or out</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.ranking.map((r, k) => (
              <Fragment key={r.itemId}>
                {k === firstOut ? (
                  <Table.Tr key="cut">
                    <Table.Td colSpan={6}>
                      <Text size="sm" fw={700}>
                        Capacity runs out here
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
                <Table.Tr data-testid={r.in ? 'in-row' : 'out-row'}>
                  <Table.Td>{r.combinedRank}</Table.Td>
                  <Table.Th scope="row" fw={500}>
                    {r.title}
                  </Table.Th>
                  <Table.Td>
                    {leader ? (
                      <NativeSelect
                        aria-label={`Category of ${r.title}`}
                        value={r.category ?? ''}
                        disabled={tag.isPending}
                        onChange={(e) => tag.mutate({ itemId: r.itemId, body: { category: (e.currentTarget.value || null) as TPortfolioCategory | null } })}
                        data={[{ value: '', label: 'None' }, ...CATS.map((c) => ({ value: c, label: labels[c] }))]}
                      />
                    ) : r.category ? (
                      labels[r.category]
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>
                    {leader ? (
                      <NativeSelect
                        aria-label={`Horizon of ${r.title}`}
                        value={r.horizon ?? ''}
                        disabled={tag.isPending}
                        onChange={(e) => tag.mutate({ itemId: r.itemId, body: { horizon: (e.currentTarget.value || null) as TPriorityHorizon | null } })}
                        data={[{ value: '', label: 'None' }, ...HORIZONS.map((h) => ({ value: h, label: HORIZON_LABEL[h] }))]}
                      />
                    ) : r.horizon ? (
                      HORIZON_LABEL[r.horizon]
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>{r.effort ?? 'not estimated'}</Table.Td>
                  <Table.Td>
                    <Badge color={r.in ? 'teal' : 'gray'} variant="light">
                      {r.in ? 'in' : 'out'}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function Scenarios({ roundId, p, leader }: { roundId: string; p: TPortfolio; leader: boolean }) {
  const list = useScenarios(roundId);
  const create = useCreateScenario(roundId);
  const [name, setName] = useState('');
  const [moveItem, setMoveItem] = useState('');
  const [moveRank, setMoveRank] = useState<number | string>(1);
  const [a, setA] = useState<string | null>(null);
  const [b, setB] = useState<string | null>(null);
  const cmp = useCompare(a, b);
  const title = (id: string) => p.ranking.find((r) => r.itemId === id)?.title ?? id;
  const options = (list.data ?? []).map((s) => ({ value: s.id, label: s.name }));
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          Scenarios
        </Title>
        {leader ? (
          <form
            aria-label="New scenario"
            onSubmit={(e) => {
              e.preventDefault();
              create.mutate({ name, moves: moveItem ? [{ itemId: moveItem, rank: Number(moveRank) }] : [] }, { onSuccess: () => setName('') });
            }}
          >
            <Group align="flex-end">
              <TextInput label="Scenario name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
              <NativeSelect label="Move item" value={moveItem} onChange={(e) => setMoveItem(e.currentTarget.value)} data={[{ value: '', label: 'No move' }, ...p.ranking.map((r) => ({ value: r.itemId, label: r.title }))]} maw={320} />
              <NumberInput label="to rank" min={1} max={p.ranking.length} value={moveRank} onChange={setMoveRank} w={100} />
              <Button type="submit" loading={create.isPending}>
                Save scenario
              </Button>
            </Group>
            {create.isError ? <Alert color="red">{errorMessage(create.error)}</Alert> : null}
          </form>
        ) : null}
        {options.length ? (
          <Group align="flex-end">
            <NativeSelect label="Compare" value={a ?? ''} onChange={(e) => setA(e.currentTarget.value || null)} data={[{ value: '', label: 'Choose a scenario' }, ...options]} />
            <NativeSelect label="with" value={b ?? ''} onChange={(e) => setB(e.currentTarget.value || null)} data={[{ value: '', label: 'Current combined ranking' }, ...options]} />
          </Group>
        ) : (
          <Text size="sm">No scenarios yet.</Text>
        )}
        {cmp.data ? (
          <Stack gap="xs" aria-live="polite">
            <Text size="sm">
              From “{cmp.data.a.name}” to “{cmp.data.b.name}”: moves in {cmp.data.movesIn.length ? cmp.data.movesIn.map(title).join(', ') : 'nothing'}; moves out{' '}
              {cmp.data.movesOut.length ? cmp.data.movesOut.map(title).join(', ') : 'nothing'}.
            </Text>
            <Group grow align="flex-start">
              <MixChart actual={cmp.data.a.mix} target={cmp.data.target} names={p.categoryLabels} label={`Balance under “${cmp.data.a.name}”`} />
              <MixChart actual={cmp.data.b.mix} target={cmp.data.target} names={p.categoryLabels} label={`Balance under “${cmp.data.b.name}”`} />
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
