import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { Alert, Button, Group, NativeSelect, NumberInput, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import type { TCriterion, TRound } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { errorMessage } from '../../../lib/api';
import { useMyScores, useSaveScore } from '../api/scores';

type Me = NonNullable<TRound['me']>;
const cellKey = (itemId: string, criterion: string) => `${itemId}:${criterion}`;

/**
 * Scoring for one person, as a grid (one row per item, one column per criterion the scorer's side
 * owns) or one item at a time with each criterion's definition beside it: native selects and number
 * inputs, so Tab, arrows and typing work everywhere. Each change is saved at once (PUT the first
 * time, PATCH after). Nobody else's scores are shown: the round is blind until it closes. `forOther`
 * is set when an admin enters the scores of another person (from a workshop, say).
 */
export function ScoringGrid({ round, me, forOther = false }: { round: TRound; me: Me; forOther?: boolean }) {
  const [layout, setLayout] = useState<'grid' | 'one'>('grid');
  const [at, setAt] = useState(0);
  const criteria = useMemo(() => round.criteria.filter((c) => c.owner === 'both' || c.owner === me.side), [round.criteria, me.side]);
  const mine = useMyScores(round.id, me.personId);
  const save = useSaveScore(round.id);
  const [local, setLocal] = useState<Record<string, number>>({});
  const [error, setError] = useState<string | null>(null);
  const savedRef = useRef<Record<string, number>>({});
  // mutateAsync, not mutate: with several saves in flight, TanStack Query calls a `mutate` call's own
  // onSuccess only for the latest one, so fast scoring would lose cells that were in fact saved.
  const mutateAsync = save.mutateAsync;
  const onScore = useCallback(
    (itemId: string, c: TCriterion, value: number) => {
      const k = cellKey(itemId, c.key);
      const change = savedRef.current[k] !== undefined;
      setError(null);
      mutateAsync({ body: { personId: me.personId, itemId, scores: { [c.key]: value } }, change }).then(
        () => setLocal((l) => ({ ...l, [k]: value })),
        (e: unknown) => setError(errorMessage(e)),
      );
    },
    [me.personId, mutateAsync],
  );
  if (mine.isPending) return <Text>Loading your scores…</Text>;
  if (mine.isError) return <ErrorAlert error={mine.error} title="Your scores could not be loaded" />;
  const saved: Record<string, number> = { ...Object.fromEntries(mine.data.scores.map((s) => [cellKey(s.itemId, s.criterion), s.value])), ...local };
  savedRef.current = saved;
  const scoredItems = round.items.filter((i) => criteria.every((c) => saved[cellKey(i.itemId, c.key)] !== undefined)).length;

  return (
    <Stack gap="sm">
      {forOther ? (
        <Text size="sm">
          You enter the scores of <b>{me.name}</b> ({me.side === 'it' ? 'IT' : 'Business'}): only the criteria their side owns.
        </Text>
      ) : (
        <Text size="sm">
          You score as <b>{me.name}</b> ({me.side === 'it' ? 'IT' : 'Business'}): only the criteria your side owns. Nobody sees anyone's scores until the round closes.
        </Text>
      )}
      <SegmentedControl
        aria-label="Scoring layout"
        value={layout}
        onChange={(v) => setLayout(v as 'grid' | 'one')}
        data={[
          { value: 'grid', label: 'All items' },
          { value: 'one', label: 'One item at a time' },
        ]}
        w="fit-content"
      />
      <Text size="sm" aria-live="polite">
        {scoredItems} of {round.items.length} items fully scored
      </Text>
      {error ? <Alert color="red" title="Not saved">{error}</Alert> : null}
      {layout === 'one' && round.items.length > 0 ? (
        <OneItem
          index={Math.min(at, round.items.length - 1)}
          count={round.items.length}
          item={round.items[Math.min(at, round.items.length - 1)]!}
          criteria={criteria}
          values={criteria.map((c) => saved[cellKey(round.items[Math.min(at, round.items.length - 1)]!.itemId, c.key)])}
          onScore={onScore}
          onMove={(k) => setAt(Math.max(0, Math.min(round.items.length - 1, k)))}
          nextUnscored={() => {
            const from = Math.min(at, round.items.length - 1);
            for (let d = 1; d <= round.items.length; d++) {
              const k = (from + d) % round.items.length;
              if (!criteria.every((c) => saved[cellKey(round.items[k]!.itemId, c.key)] !== undefined)) return setAt(k);
            }
          }}
        />
      ) : (
      <Table.ScrollContainer minWidth={600}>
        <Table striped withTableBorder stickyHeader aria-label="Your scores">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Item</Table.Th>
              {criteria.map((c) => (
                <Table.Th key={c.key} scope="col">
                  {c.label}
                  <Text size="xs" fw={400} c="dimmed">
                    {c.definition}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {round.items.map((i) => (
              <ScoreRow key={i.itemId} itemId={i.itemId} title={i.title} criteria={criteria} valuesKey={criteria.map((c) => saved[cellKey(i.itemId, c.key)] ?? '').join('|')} onScore={onScore} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** One item, its criteria with their definitions, and the way to the previous, next and next unscored item. */
function OneItem(props: {
  index: number;
  count: number;
  item: TRound['items'][number];
  criteria: TCriterion[];
  values: Array<number | undefined>;
  onScore: (itemId: string, c: TCriterion, v: number) => void;
  onMove: (index: number) => void;
  nextUnscored: () => void;
}) {
  const { index, count, item, criteria, values, onScore, onMove, nextUnscored } = props;
  return (
    <Paper withBorder p="md" aria-label={`Item ${index + 1} of ${count}`} component="section">
      <Text size="sm" c="dimmed">
        Item {index + 1} of {count}
      </Text>
      <Title order={2} size="h4" mb="sm">
        {item.title}
      </Title>
      <Stack gap="sm" key={item.itemId}>
        {criteria.map((c, k) => (
          <Group key={c.key} align="flex-end" wrap="wrap" gap="md">
            {c.scale.kind === 'set' ? (
              <NativeSelect
                label={c.label}
                description={c.definition}
                w={260}
                value={values[k] === undefined ? '' : String(values[k])}
                data={[{ value: '', label: '–', disabled: true }, ...c.scale.values.map((v) => ({ value: String(v), label: String(v) }))]}
                onChange={(e) => e.currentTarget.value !== '' && onScore(item.itemId, c, Number(e.currentTarget.value))}
              />
            ) : (
              <NumberInput
                label={c.label}
                description={c.definition}
                w={260}
                defaultValue={values[k]}
                min={c.scale.min}
                max={c.scale.max ?? undefined}
                decimalScale={3}
                hideControls
                onBlur={(e) => {
                  const v = e.currentTarget.value.trim();
                  if (v !== '' && Number(v) !== values[k]) onScore(item.itemId, c, Number(v));
                }}
              />
            )}
          </Group>
        ))}
      </Stack>
      <Group mt="md" gap="xs">
        <Button variant="default" disabled={index === 0} onClick={() => onMove(index - 1)}>
          Previous item
        </Button>
        <Button variant="default" disabled={index === count - 1} onClick={() => onMove(index + 1)}>
          Next item
        </Button>
        <Button variant="light" onClick={nextUnscored}>
          Next unscored item
        </Button>
      </Group>
    </Paper>
  );
}

/** A row re-renders only when its own values change: 500 rows stay responsive. */
const ScoreRow = memo(function ScoreRow(props: { itemId: string; title: string; criteria: TCriterion[]; valuesKey: string; onScore: (itemId: string, c: TCriterion, v: number) => void }) {
  const { itemId, title, criteria, valuesKey, onScore } = props;
  const values = valuesKey.split('|').map((v) => (v === '' ? undefined : Number(v)));
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        {title}
      </Table.Th>
      {criteria.map((c, k) => (
        <Table.Td key={c.key}>
          {c.scale.kind === 'set' ? (
            <NativeSelect
              aria-label={`${c.label} for ${title}`}
              value={values[k] === undefined ? '' : String(values[k])}
              data={[{ value: '', label: '–', disabled: true }, ...c.scale.values.map((v) => ({ value: String(v), label: String(v) }))]}
              onChange={(e) => e.currentTarget.value !== '' && onScore(itemId, c, Number(e.currentTarget.value))}
            />
          ) : (
            <NumberInput
              aria-label={`${c.label} for ${title}`}
              defaultValue={values[k]}
              min={c.scale.min}
              max={c.scale.max ?? undefined}
              decimalScale={3}
              hideControls
              onBlur={(e) => {
                const v = e.currentTarget.value.trim();
                if (v !== '' && Number(v) !== values[k]) onScore(itemId, c, Number(v));
              }}
            />
          )}
        </Table.Td>
      ))}
    </Table.Tr>
  );
});
