import { useEffect, useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Checkbox, Group, List, NativeSelect, Paper, ScrollArea, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { TFlowStatus, TRequestFlow, TStatusCategory } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { Page } from '../../../components/Page';
import { ApiError } from '../../../lib/api';
import { hasRole, useCurrentMe } from '../../org';
import { useRequestFlow, useSetRequestFlow } from '../api/requests';
import { CATEGORIES, CATEGORY_COLOR, CATEGORY_LABEL } from '../labels';

type Draft = { statuses: (TFlowStatus & { requestCount: number })[]; moves: Set<string> };
const move = (from: string, to: string) => `${from}>${to}`;

function draftOf(flow: TRequestFlow): Draft {
  return { statuses: flow.statuses.map((s) => ({ ...s })), moves: new Set(flow.transitions.map((t) => move(t.from, t.to))) };
}

/** A key from a label: lower case, words joined by underscores, starting with a letter. */
function keyOf(label: string, taken: Set<string>): string {
  const base = (label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^[^a-z]+|_+$/g, '') || 'status').slice(0, 36);
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}_${i}`;
  return key;
}

/**
 * The organisation's flow of requests: its statuses (each in one of six categories that the
 * analytics and forecasts read) and the moves allowed between them. Admins edit it; everyone sees it.
 */
export function RequestStatusesPage() {
  const me = useCurrentMe();
  const admin = hasRole(me.current?.role, 'admin');
  const q = useRequestFlow();
  const save = useSetRequestFlow();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [newLabel, setNewLabel] = useState('');
  const [newCategory, setNewCategory] = useState<TStatusCategory>('in_progress');
  useEffect(() => {
    if (q.data && !draft) setDraft(draftOf(q.data));
  }, [q.data, draft]);
  if (q.isPending) return <FullPageLoader />;
  if (q.isError) return <ErrorAlert error={q.error} title="The flow could not be loaded" />;
  if (!draft) return <FullPageLoader />;
  const details = save.error instanceof ApiError && Array.isArray(save.error.details) ? (save.error.details as { message?: string }[]).filter((d) => d.message) : [];
  const setStatus = (i: number, patch: Partial<TFlowStatus>) => setDraft({ ...draft, statuses: draft.statuses.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const swap = (i: number, j: number) => {
    const statuses = [...draft.statuses];
    [statuses[i], statuses[j]] = [statuses[j]!, statuses[i]!];
    setDraft({ ...draft, statuses });
  };
  const remove = (i: number) => {
    const key = draft.statuses[i]!.key;
    setDraft({ statuses: draft.statuses.filter((_, j) => j !== i), moves: new Set([...draft.moves].filter((m) => !m.split('>').includes(key))) });
  };
  const toggle = (from: string, to: string, on: boolean) => {
    const moves = new Set(draft.moves);
    if (on) moves.add(move(from, to));
    else moves.delete(move(from, to));
    setDraft({ ...draft, moves });
  };
  return (
    <Page title="Request flow">
      <Text size="sm" c="dimmed" maw={760}>
        The statuses a request moves through and the moves allowed between them. Each status belongs to a category: entering an <b>in progress</b> status dates the start, entering a <b>done</b> status dates the
        delivery, and lead time, cycle time, throughput, ageing and forecasts count categories and dates only, so renaming or adding a status changes none of them. A move the flow does not list is refused.
        A new request starts in the first status of category new.
      </Text>
      {q.data.isDefault ? (
        <Alert color="gray" variant="light" maw={760}>
          This organisation uses the default flow: the six categories as statuses, any move allowed.
        </Alert>
      ) : null}
      <Paper withBorder p="md" component="section" aria-labelledby="statuses-title">
        <Title order={2} size="h3" id="statuses-title" mb="xs">
          Statuses
        </Title>
        <ScrollArea type="auto" tabIndex={0} aria-label="Statuses table">
          <Table aria-label="Statuses">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Order</Table.Th>
                <Table.Th scope="col">Label</Table.Th>
                <Table.Th scope="col">Key</Table.Th>
                <Table.Th scope="col">Category</Table.Th>
                <Table.Th scope="col">Requests</Table.Th>
                {admin ? <Table.Th scope="col">Actions</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {draft.statuses.map((s, i) => (
                <Table.Tr key={s.key}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>{admin ? <TextInput size="xs" aria-label={`Label of ${s.key}`} value={s.label} onChange={(e) => setStatus(i, { label: e.currentTarget.value })} /> : s.label}</Table.Td>
                  <Table.Td>
                    <code>{s.key}</code>
                  </Table.Td>
                  <Table.Td>
                    {admin && s.requestCount === 0 ? (
                      <NativeSelect
                        size="xs"
                        aria-label={`Category of ${s.label}`}
                        value={s.category}
                        onChange={(e) => setStatus(i, { category: e.currentTarget.value as TStatusCategory })}
                        data={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABEL[c] }))}
                      />
                    ) : (
                      <Badge color={CATEGORY_COLOR[s.category]} variant="light">
                        {CATEGORY_LABEL[s.category]}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{s.requestCount}</Table.Td>
                  {admin ? (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon variant="default" size="sm" aria-label={`Move ${s.label} up`} disabled={i === 0} onClick={() => swap(i, i - 1)}>
                          ↑
                        </ActionIcon>
                        <ActionIcon variant="default" size="sm" aria-label={`Move ${s.label} down`} disabled={i === draft.statuses.length - 1} onClick={() => swap(i, i + 1)}>
                          ↓
                        </ActionIcon>
                        <Button
                          size="compact-xs"
                          variant="default"
                          disabled={s.requestCount > 0}
                          title={s.requestCount > 0 ? 'Requests hold this status: move them first' : undefined}
                          onClick={() => remove(i)}
                        >
                          Remove {s.label}
                        </Button>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
        {admin ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!newLabel.trim()) return;
              const key = keyOf(newLabel, new Set(draft.statuses.map((s) => s.key)));
              setDraft({ ...draft, statuses: [...draft.statuses, { key, label: newLabel.trim(), category: newCategory, requestCount: 0 }] });
              setNewLabel('');
            }}
          >
            <Group align="end" mt="sm">
              <TextInput label="New status" value={newLabel} onChange={(e) => setNewLabel(e.currentTarget.value)} />
              <NativeSelect label="Its category" value={newCategory} onChange={(e) => setNewCategory(e.currentTarget.value as TStatusCategory)} data={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABEL[c] }))} />
              <Button type="submit" variant="default">
                Add status
              </Button>
            </Group>
          </form>
        ) : null}
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="moves-title">
        <Title order={2} size="h3" id="moves-title" mb="xs">
          Allowed moves
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          Rows: from; columns: to. A ticked box lets a request move from the row&apos;s status to the column&apos;s.
        </Text>
        <ScrollArea type="auto" tabIndex={0} aria-label="Allowed moves table">
          <Table aria-label="Allowed moves" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">From \ to</Table.Th>
                {draft.statuses.map((s) => (
                  <Table.Th scope="col" key={s.key}>
                    {s.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {draft.statuses.map((from) => (
                <Table.Tr key={from.key}>
                  <Table.Th scope="row">{from.label}</Table.Th>
                  {draft.statuses.map((to) => (
                    <Table.Td key={to.key}>
                      {from.key === to.key ? (
                        '–'
                      ) : (
                        <Checkbox
                          aria-label={`Allow ${from.label} → ${to.label}`}
                          checked={draft.moves.has(move(from.key, to.key))}
                          disabled={!admin}
                          onChange={(e) => toggle(from.key, to.key, e.currentTarget.checked)}
                        />
                      )}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Paper>
      {admin ? (
        <Stack gap="xs" maw={760}>
          {save.error ? (
            <Alert color="red" variant="light" role="alert" title="The flow was not saved" data-testid="flow-errors">
              {details.length ? (
                <List size="sm">
                  {details.map((d, i) => (
                    <List.Item key={i}>{d.message}</List.Item>
                  ))}
                </List>
              ) : (
                save.error.message
              )}
            </Alert>
          ) : null}
          {save.isSuccess && !save.error ? (
            <Alert color="teal" variant="light" role="status">
              Flow saved.
            </Alert>
          ) : null}
          <Group>
            <Button
              loading={save.isPending}
              onClick={() => {
                const keys = new Set(draft.statuses.map((s) => s.key));
                const transitions = [...draft.moves].map((m) => m.split('>') as [string, string]).filter(([f, t]) => keys.has(f) && keys.has(t)).map(([from, to]) => ({ from, to }));
                save.mutate(
                  { statuses: draft.statuses.map(({ key, label, category }) => ({ key, label, category })), transitions },
                  { onSuccess: (flow) => setDraft(draftOf(flow)) },
                );
              }}
            >
              Save flow
            </Button>
            <Button variant="default" onClick={() => setDraft(draftOf(q.data))}>
              Undo changes
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Page>
  );
}
