import { useState } from 'react';
import { Alert, Badge, Button, Group, List, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { TRequestType, TStatusCategory } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormError } from '../../../components/FormError';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { Page } from '../../../components/Page';
import { ApiError, fieldErrors } from '../../../lib/api';
import { hasRole, useCurrentMe } from '../../org';
import { useCreateRequest, useImportRequests, useRequestCount, useRequestFlow, useRequests, useUpdateRequest } from '../api/requests';
import { CATEGORIES, CATEGORY_COLOR, CATEGORY_LABEL, REQUEST_TYPE_LABEL, URGENCY_LABEL, statusLabel } from '../labels';

const TYPES = Object.keys(REQUEST_TYPE_LABEL) as TRequestType[];
const PAGE = 50;

/** Intake and triage: file a request, see the queue, move requests through the flow. */
export function RequestsPage() {
  const me = useCurrentMe();
  const leader = hasRole(me.current?.role, 'leader');
  const admin = hasRole(me.current?.role, 'admin');
  const flow = useRequestFlow();
  const [status, setStatus] = useState('');
  const [category, setCategory] = useState('');
  // The cursors of the pages seen so far: the last one is the page shown ("Newer" pops it).
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const filter = { ...(status ? { status } : {}), ...(category ? { category: category as TStatusCategory } : {}) };
  const cursor = cursors[cursors.length - 1] ?? null;
  const list = useRequests({ ...filter, limit: PAGE, ...(cursor ? { cursor } : {}) });
  const total = useRequestCount(filter);
  const first = (cursors.length - 1) * PAGE;
  return (
    <Page title="Requests">
      <Text size="sm" c="dimmed" maw={760}>
        Everything the business asks of IT, and the needs IT raises itself. Each request moves through your organisation&apos;s flow (
        {flow.data ? flow.data.statuses.map((s) => s.label).join(' → ') : 'new → triaged → in progress → done, or rejected, or deferred'}); every move is dated, and so is the day IT got
        involved. {admin ? <Link to="/requests/statuses">Edit the flow</Link> : null}
      </Text>
      <IntakeForm />
      <Stack gap="xs">
        <Group align="end">
          <Title order={2} size="h3">
            Queue
          </Title>
          <NativeSelect
            label="Status"
            value={status}
            onChange={(e) => {
              setStatus(e.currentTarget.value);
              setCursors([null]);
            }}
            data={[{ value: '', label: 'All' }, ...(flow.data?.statuses ?? []).map((s) => ({ value: s.key, label: s.label }))]}
          />
          <NativeSelect
            label="Category"
            value={category}
            onChange={(e) => {
              setCategory(e.currentTarget.value);
              setCursors([null]);
            }}
            data={[{ value: '', label: 'All' }, ...CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABEL[c] }))]}
          />
        </Group>
        {list.isPending ? (
          <FullPageLoader />
        ) : list.isError ? (
          <ErrorAlert error={list.error} title="Requests could not be loaded" />
        ) : list.data.items.length === 0 ? (
          <Alert color="gray" variant="light">
            No requests here yet.
          </Alert>
        ) : (
          <>
            <Table aria-label="Requests" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Request</Table.Th>
                  <Table.Th scope="col">Type</Table.Th>
                  <Table.Th scope="col">Created</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Lead time</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Link to="/requests/$id" params={{ id: r.id }}>
                        {r.title}
                      </Link>
                    </Table.Td>
                    <Table.Td>{REQUEST_TYPE_LABEL[r.type]}</Table.Td>
                    <Table.Td>{r.createdAt}</Table.Td>
                    <Table.Td>
                      {leader ? (
                        <StatusSelect id={r.id} title={r.title} status={r.status} />
                      ) : (
                        <Badge color={CATEGORY_COLOR[r.statusCategory]} variant="light">
                          {statusLabel(flow.data, r.status)}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{r.leadTimeDays === null ? '–' : `${r.leadTimeDays} d`}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group>
              <Text size="sm">
                {first + 1}–{first + list.data.items.length}
                {total.data ? ` of ${total.data.count}` : ''}
              </Text>
              <Button variant="default" size="xs" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
                Newer
              </Button>
              <Button variant="default" size="xs" disabled={!list.data.nextCursor} onClick={() => setCursors([...cursors, list.data.nextCursor])}>
                Older
              </Button>
            </Group>
          </>
        )}
      </Stack>
      {admin ? <ImportForm /> : null}
    </Page>
  );
}

/** The status of a request with the moves the flow allows from it (others are not offered; the server refuses them too). */
export function StatusSelect({ id, title, status }: { id: string; title: string; status: string }) {
  const update = useUpdateRequest();
  const flow = useRequestFlow();
  const next = new Set((flow.data?.transitions ?? []).filter((t) => t.from === status).map((t) => t.to));
  const options = (flow.data?.statuses ?? []).filter((s) => s.key === status || next.has(s.key)).map((s) => ({ value: s.key, label: s.label }));
  if (!options.some((o) => o.value === status)) options.unshift({ value: status, label: status });
  return (
    <Stack gap={2}>
      <NativeSelect
        aria-label={`Status of ${title}`}
        size="xs"
        value={status}
        disabled={update.isPending || options.length < 2}
        onChange={(e) => update.mutate({ id, status: e.currentTarget.value })}
        data={options}
      />
      <ErrorAlert error={update.error} title="Status not changed" />
    </Stack>
  );
}

function IntakeForm() {
  const create = useCreateRequest();
  const [done, setDone] = useState<string | null>(null);
  const errors = fieldErrors(create.error);
  return (
    <Paper withBorder p="md" maw={760} component="section" aria-labelledby="intake-title">
      <Title order={2} size="h3" id="intake-title" mb="xs">
        New request
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const d = new FormData(form);
          const amount = String(d.get('valueAmount') ?? '').replace(/[^0-9.]/g, '');
          create.mutate(
            {
              title: String(d.get('title') ?? ''),
              description: String(d.get('description') ?? ''),
              type: String(d.get('type')) as TRequestType,
              side: d.get('type') === 'it_need' ? 'it' : 'business',
              department: String(d.get('department') ?? '').trim() || null,
              valueText: String(d.get('valueText') ?? '').trim() || null,
              valueAmount: amount ? Number(amount) : null,
              urgency: String(d.get('urgency')) as 'normal',
              desiredDate: String(d.get('desiredDate') ?? '') || null,
            },
            {
              onSuccess: (r) => {
                setDone(r.id);
                form.reset();
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <TextInput name="title" label="What do you need?" required error={errors.title} />
          <Textarea name="description" label="Details" autosize minRows={2} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect name="type" label="Type" data={TYPES.map((t) => ({ value: t, label: REQUEST_TYPE_LABEL[t] }))} />
            <NativeSelect name="urgency" label="Urgency" defaultValue="normal" data={Object.entries(URGENCY_LABEL).map(([value, label]) => ({ value, label }))} />
            <TextInput name="department" label="Department" />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput name="valueText" label="Value to the business" />
            <NumberInput name="valueAmount" label="Value in money (optional)" min={0} error={errors.valueAmount} />
            <TextInput type="date" name="desiredDate" label="Wanted by" />
          </SimpleGrid>
          <FormError error={create.error} fields={['title', 'valueAmount']} />
          {done ? (
            <Alert color="teal" variant="light" role="status">
              Request filed. <Link to="/requests/$id" params={{ id: done }}>Open it</Link>
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              Submit request
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

const MAP_FIELDS = [
  ['title', 'Title column', 'title'],
  ['createdAt', 'Created column', 'created'],
  ['startedAt', 'Started column', 'started'],
  ['doneAt', 'Done column', 'done'],
  ['type', 'Type column', 'type'],
  ['status', 'Status column', 'status'],
] as const;

/** CSV import of past requests: map the columns of an export, all or nothing per file. */
function ImportForm() {
  const imp = useImportRequests();
  const [csv, setCsv] = useState('');
  const lineErrors = imp.error instanceof ApiError && Array.isArray(imp.error.details) ? (imp.error.details as { line?: number; message?: string }[]).filter((d) => typeof d.line === 'number') : [];
  return (
    <Paper withBorder p="md" maw={760} component="section" aria-labelledby="import-title">
      <Title order={2} size="h3" id="import-title" mb="xs">
        Import history (CSV)
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Past requests with their real created, started and done dates, e.g. an export from Jira or ServiceNow. Name the columns that hold each field; other columns are ignored. If any row is invalid, nothing is imported and every bad row is listed.
      </Text>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const d = new FormData(e.currentTarget);
          const mapping: Record<string, string> = {};
          for (const [field] of MAP_FIELDS) {
            const v = String(d.get(`map.${field}`) ?? '').trim();
            if (v) mapping[field] = v;
          }
          imp.mutate({ csv, mapping });
        }}
      >
        <Stack gap="sm">
          <input
            type="file"
            accept=".csv,text/csv"
            aria-label="CSV file"
            onChange={async (e) => {
              const f = e.currentTarget.files?.[0];
              setCsv(f ? await f.text() : '');
            }}
          />
          <Textarea label="Or paste the CSV" value={csv} onChange={(e) => setCsv(e.currentTarget.value)} autosize minRows={3} maxRows={10} />
          <SimpleGrid cols={{ base: 2, sm: 3 }}>
            {MAP_FIELDS.map(([field, label, def]) => (
              <TextInput key={field} name={`map.${field}`} label={label} placeholder={def} />
            ))}
          </SimpleGrid>
          {imp.data ? (
            <Alert color="teal" variant="light" role="status" data-testid="import-result">
              {imp.data.added} requests imported.
            </Alert>
          ) : null}
          {imp.error ? (
            <Alert color="red" variant="light" role="alert" title={imp.error.message} data-testid="import-errors">
              {lineErrors.length ? (
                <List size="sm" aria-label="Rows not imported">
                  {lineErrors.map((x) => (
                    <List.Item key={`${x.line}`}>
                      <b>Line {x.line}</b>: {x.message}
                    </List.Item>
                  ))}
                </List>
              ) : null}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" loading={imp.isPending} disabled={!csv.trim()}>
              Import
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
