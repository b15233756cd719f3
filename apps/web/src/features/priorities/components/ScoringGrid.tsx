import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Alert, Button, Group, NativeSelect, NumberInput, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import type { TCriterion, TRound, TScoringSheet } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { errorMessage } from '../../../lib/api';
import { saveScores, useScoringSheet } from '../api/scores';
import { ScoreStore } from './score-store';

type Item = TRound['items'][number];

/** Up to this many rows the grid renders them all (a screen reader can browse the whole table). */
const RENDER_ALL_UP_TO = 100;
const ROW_ESTIMATE_PX = 52;
const OVERSCAN_ROWS = 10;

/**
 * Scoring for one person, as a grid (one row per item, one column per criterion the scorer's side
 * owns) or one item at a time with each criterion's definition beside it: native selects and number
 * inputs, so Tab, arrows and typing work everywhere. Nobody else's scores are shown: the round is
 * blind until it closes. `personId` is null for the caller, or the person an admin enters scores
 * for (from a workshop, say). Made for 500 items (decision 036): the sheet comes in one request,
 * the values live in a store that re-renders only the row that changed, large rounds render only
 * the rows near the viewport, and changes are saved in the background, batched per item.
 */
export function ScoringGrid({ round, personId = null }: { round: TRound; personId?: string | null }) {
  const sheet = useScoringSheet(round.id, personId);
  if (sheet.isPending) return <Text>Loading your scores…</Text>;
  if (sheet.isError) return <ErrorAlert error={sheet.error} title={personId ? 'These scores could not be loaded' : 'Your scores could not be loaded'} />;
  return <ScoringSheet key={sheet.data.person.personId} round={round} sheet={sheet.data} forOther={personId !== null} />;
}

function ScoringSheet({ round, sheet, forOther }: { round: TRound; sheet: TScoringSheet; forOther: boolean }) {
  const { person, criteria } = sheet;
  const [store] = useState(
    () =>
      new ScoreStore(
        criteria.map((c) => c.key),
        sheet.values,
        saveScores(round.id, person.personId),
        errorMessage,
      ),
  );
  const [layout, setLayout] = useState<'grid' | 'one'>('grid');
  const [at, setAt] = useState(0);
  // Nothing waiting is lost when the person leaves the page or the tab.
  useEffect(() => {
    const flush = () => store.flushAll();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', flush);
      flush();
    };
  }, [store]);
  const items = round.items;
  const side = person.side === 'it' ? 'IT' : 'Business';
  const index = Math.min(at, Math.max(0, items.length - 1));
  const nextUnscored = useCallback(() => {
    for (let d = 1; d <= items.length; d++) {
      const k = (index + d) % items.length;
      if (!store.isComplete(items[k]!.itemId)) return setAt(k);
    }
  }, [index, items, store]);

  return (
    <Stack gap="sm">
      {forOther ? (
        <Text size="sm">
          You enter the scores of <b>{person.name}</b> ({side}): only the criteria their side owns.
        </Text>
      ) : (
        <Text size="sm">
          You score as <b>{person.name}</b> ({side}): only the criteria your side owns. Nobody sees anyone's scores until the round closes.
        </Text>
      )}
      <SegmentedControl
        aria-label="Scoring layout"
        value={layout}
        onChange={(v) => {
          store.flushAll();
          setLayout(v as 'grid' | 'one');
        }}
        data={[
          { value: 'grid', label: 'All items' },
          { value: 'one', label: 'One item at a time' },
        ]}
        w="fit-content"
      />
      <Progress store={store} total={items.length} />
      {layout === 'one' && items.length > 0 ? (
        <OneItem index={index} count={items.length} item={items[index]!} criteria={criteria} store={store} onMove={(k) => setAt(Math.max(0, Math.min(items.length - 1, k)))} nextUnscored={nextUnscored} />
      ) : (
        <Grid items={items} criteria={criteria} store={store} />
      )}
    </Stack>
  );
}

/** How many items are fully saved, whether a save is on its way, and the last failure. */
function Progress({ store, total }: { store: ScoreStore; total: number }) {
  const s = useSyncExternalStore(store.subscribe, store.getSummary);
  return (
    <>
      <Group gap="xs">
        <Text size="sm" aria-live="polite">
          {s.complete} of {total} items fully scored
        </Text>
        <Text size="sm" c="dimmed" role="status">
          {s.saving > 0 ? 'Saving…' : s.complete > 0 || s.error ? '' : 'Each choice is saved as you go.'}
        </Text>
      </Group>
      {s.error ? (
        <Alert color="red" title="Not saved">
          {s.error}
        </Alert>
      ) : null}
    </>
  );
}

/**
 * The grid. A round of up to RENDER_ALL_UP_TO items renders every row; a larger one only the rows
 * near the viewport (the page itself scrolls, so Tab moving down the rows scrolls the next ones in),
 * with spacer rows keeping the scroll height and aria-rowcount/aria-rowindex the table's real size.
 */
function Grid({ items, criteria, store }: { items: Item[]; criteria: TCriterion[]; store: ScoreStore }) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    const measure = () => {
      const top = bodyRef.current ? Math.round(bodyRef.current.getBoundingClientRect().top + window.scrollY) : 0;
      setMargin((m) => (m === top ? m : top));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  });
  const v = useWindowVirtualizer({
    count: items.length,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: items.length <= RENDER_ALL_UP_TO ? items.length : OVERSCAN_ROWS,
    scrollMargin: margin,
    getItemKey: (k) => items[k]!.itemId,
  });
  const rows = v.getVirtualItems();
  const top = rows.length ? rows[0]!.start - margin : 0;
  const bottom = rows.length ? v.getTotalSize() - (rows[rows.length - 1]!.end - margin) : 0;
  const spacer = (h: number) =>
    h > 0 ? (
      <tr aria-hidden="true" style={{ height: h }}>
        <td colSpan={criteria.length + 1} style={{ padding: 0, border: 0 }} />
      </tr>
    ) : null;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped withTableBorder stickyHeader aria-label="Your scores" aria-rowcount={items.length + 1}>
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
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
        <Table.Tbody ref={bodyRef}>
          {spacer(top)}
          {rows.map((r) => (
            <ScoreRow key={r.key} index={r.index} item={items[r.index]!} criteria={criteria} store={store} measure={v.measureElement} />
          ))}
          {spacer(bottom)}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One item's row: it listens to its own item in the store, so a change elsewhere never renders it. */
const ScoreRow = memo(function ScoreRow(props: { index: number; item: Item; criteria: TCriterion[]; store: ScoreStore; measure: (el: Element | null) => void }) {
  const { index, item, criteria, store, measure } = props;
  const view = useSyncExternalStore(
    useCallback((cb: () => void) => store.subscribeItem(item.itemId, cb), [store, item.itemId]),
    () => store.item(item.itemId),
  );
  return (
    <Table.Tr ref={measure} data-index={index} aria-rowindex={index + 2}>
      <Table.Th scope="row" fw={500}>
        {item.title}
      </Table.Th>
      {criteria.map((c) => (
        <Table.Td key={c.key}>
          <ScoreInput criterion={c} label={`${c.label} for ${item.title}`} value={view.values[c.key]} onScore={(v) => store.set(item.itemId, c.key, v)} />
        </Table.Td>
      ))}
    </Table.Tr>
  );
});

/**
 * A select for a set scale (shows the choice at once; the store saves it), or a number input for a
 * range, saved when the person leaves the field or presses Enter: never on each keystroke.
 */
function ScoreInput({ criterion: c, label, value, onScore, withDefinition = false }: { criterion: TCriterion; label: string; value: number | undefined; onScore: (v: number) => void; withDefinition?: boolean }) {
  const labelling = withDefinition ? { label, description: c.definition, w: 260 } : { 'aria-label': label };
  if (c.scale.kind === 'set') {
    return (
      <NativeSelect
        {...labelling}
        value={value === undefined ? '' : String(value)}
        data={[{ value: '', label: '–', disabled: true }, ...c.scale.values.map((v) => ({ value: String(v), label: String(v) }))]}
        onChange={(e) => e.currentTarget.value !== '' && onScore(Number(e.currentTarget.value))}
      />
    );
  }
  const commit = (raw: string) => {
    const v = raw.trim();
    if (v !== '' && Number(v) !== value) onScore(Number(v));
  };
  return (
    <NumberInput
      {...labelling}
      defaultValue={value}
      min={c.scale.min}
      max={c.scale.max ?? undefined}
      decimalScale={3}
      hideControls
      onBlur={(e) => commit(e.currentTarget.value)}
      onKeyDown={(e) => e.key === 'Enter' && commit(e.currentTarget.value)}
    />
  );
}

/** One item, its criteria with their definitions, and the way to the previous, next and next unscored item. */
function OneItem(props: { index: number; count: number; item: Item; criteria: TCriterion[]; store: ScoreStore; onMove: (index: number) => void; nextUnscored: () => void }) {
  const { index, count, item, criteria, store, onMove, nextUnscored } = props;
  const view = useSyncExternalStore(
    useCallback((cb: () => void) => store.subscribeItem(item.itemId, cb), [store, item.itemId]),
    () => store.item(item.itemId),
  );
  return (
    <Paper withBorder p="md" aria-label={`Item ${index + 1} of ${count}`} component="section">
      <Text size="sm" c="dimmed">
        Item {index + 1} of {count}
      </Text>
      <Title order={2} size="h4" mb="sm">
        {item.title}
      </Title>
      <Stack gap="sm" key={item.itemId}>
        {criteria.map((c) => (
          <Group key={c.key} align="flex-end" wrap="wrap" gap="md">
            <ScoreInput criterion={c} label={c.label} value={view.values[c.key]} onScore={(v) => store.set(item.itemId, c.key, v)} withDefinition />
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
