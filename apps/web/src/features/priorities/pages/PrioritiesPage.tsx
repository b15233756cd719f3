import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import type { TPortfolioCategory, TPriorityModel, TRoundStatus } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { Page } from '../../../components/Page';
import { errorMessage } from '../../../lib/api';
import { hasRole, useCurrentMe } from '../../org';
import { useCreateRound } from '../api/create-round';
import { useRounds } from '../api/get-rounds';
import { useStrategyItems } from '../api/lookups';
import { useCategoryLabels } from '../api/portfolio';
import { dayWords } from '../components/dates';
import { CriteriaEditor, DEFAULT_CRITERIA, toCriteria, type CriterionDraft } from '../components/CriteriaEditor';

export function RoundStatusBadge({ status }: { status: TRoundStatus }) {
  return (
    <Badge color={status === 'open' ? 'teal' : status === 'closed' ? 'gray' : 'blue'} variant="light">
      {status}
    </Badge>
  );
}

export function PrioritiesPage() {
  const me = useCurrentMe();
  const leader = hasRole(me.current?.role, 'leader');
  const rounds = useRounds();
  return (
    <Page title="Priorities">
      <Text size="sm" c="dimmed" maw={760}>
        Business and IT score the same items separately, each on the criteria it owns. Both rankings stay side by side, the biggest disagreements become decisions with an owner, and the portfolio shows its balance and its cut line.
      </Text>
      {leader ? <CreateRoundForm /> : null}
      {rounds.isPending ? (
        <FullPageLoader />
      ) : rounds.isError ? (
        <ErrorAlert error={rounds.error} title="Rounds could not be loaded" />
      ) : rounds.data.pages[0]!.items.length === 0 ? (
        <Alert color="gray">No scoring rounds yet.</Alert>
      ) : (
        <Stack gap="xs" align="flex-start">
        <Table withTableBorder striped aria-label="Scoring rounds">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Round</Table.Th>
              <Table.Th scope="col">Model</Table.Th>
              <Table.Th scope="col">Items</Table.Th>
              <Table.Th scope="col">Scoring days (UTC)</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rounds.data.pages.flatMap((page) => page.items).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Link to="/priorities/$id" params={{ id: r.id }}>
                    {r.name}
                  </Link>
                </Table.Td>
                <Table.Td>{r.model.toUpperCase()}</Table.Td>
                <Table.Td>{r.itemCount}</Table.Td>
                <Table.Td>{r.opensAt || r.closesAt ? `${r.opensAt ? dayWords(r.opensAt) : 'by hand'} – ${r.closesAt ? dayWords(r.closesAt) : 'by hand'}` : '—'}</Table.Td>
                <Table.Td>
                  <RoundStatusBadge status={r.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {rounds.hasNextPage ? (
          <Button variant="default" onClick={() => void rounds.fetchNextPage()} loading={rounds.isFetchingNextPage}>
            Show older rounds
          </Button>
        ) : null}
        </Stack>
      )}
    </Page>
  );
}

function CreateRoundForm() {
  const [name, setName] = useState('');
  const [model, setModel] = useState<TPriorityModel>('wsjf');
  const [criteria, setCriteria] = useState<CriterionDraft[]>(DEFAULT_CRITERIA);
  const [withInitiatives, setWithInitiatives] = useState(true);
  const [withEnablers, setWithEnablers] = useState(true);
  const [withRequests, setWithRequests] = useState(false);
  const [category, setCategory] = useState<TPortfolioCategory | ''>('');
  const [opensAt, setOpensAt] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const labels = useCategoryLabels();
  const items = useStrategyItems(true);
  const create = useCreateRound();
  const navigate = useNavigate();
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      aria-label="New scoring round"
      onSubmit={(e: React.FormEvent) => {
        e.preventDefault();
        const tag = category ? { category } : {};
        const list = [
          ...(withInitiatives ? (items.data?.initiatives ?? []).map((i) => ({ type: 'initiative' as const, id: i.id, ...tag })) : []),
          ...(withEnablers ? (items.data?.enablers ?? []).map((i) => ({ type: 'enabler' as const, id: i.id, ...tag })) : []),
          ...(withRequests ? (items.data?.requests ?? []).map((i) => ({ type: 'request' as const, id: i.id, ...tag })) : []),
        ];
        create.mutate(
          {
            name,
            model,
            items: list,
            ...(model === 'weighted' ? { criteria: toCriteria(criteria) } : {}),
            ...(opensAt ? { opensAt } : {}),
            ...(closesAt ? { closesAt } : {}),
          },
          { onSuccess: (r) => void navigate({ to: '/priorities/$id', params: { id: r.id } }) },
        );
      }}
    >
      <Group align="flex-end">
        <TextInput label="Round name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <NativeSelect
          label="Scoring model"
          value={model}
          onChange={(e) => setModel(e.currentTarget.value as TPriorityModel)}
          data={[
            { value: 'wsjf', label: 'WSJF (value + urgency + risk) / job size' },
            { value: 'rice', label: 'RICE reach × impact × confidence / effort' },
            { value: 'cd3', label: 'CD3 cost of delay / duration' },
            { value: 'weighted', label: 'Weighted criteria of your own' },
          ]}
        />
        <Checkbox label={`All initiatives (${items.data?.initiatives.length ?? 0})`} checked={withInitiatives} onChange={(e) => setWithInitiatives(e.currentTarget.checked)} />
        <Checkbox label={`All enablers (${items.data?.enablers.length ?? 0})`} checked={withEnablers} onChange={(e) => setWithEnablers(e.currentTarget.checked)} />
        <Checkbox label={`Triaged requests (${items.data?.requests.length ?? 0})`} checked={withRequests} onChange={(e) => setWithRequests(e.currentTarget.checked)} />
        <Button type="submit" loading={create.isPending} disabled={items.isPending}>
          Create round
        </Button>
      </Group>
      <Group align="flex-end" mt="sm">
        <NativeSelect
          label="Portfolio category of these items"
          description="Each item can be re-tagged later"
          value={category}
          onChange={(e) => setCategory(e.currentTarget.value as TPortfolioCategory | '')}
          data={[{ value: '', label: 'None yet' }, ...(['run', 'grow', 'transform'] as const).map((c) => ({ value: c, label: labels[c] }))]}
        />
        <TextInput type="date" label="Opens on" description="Empty: open by hand" value={opensAt} onChange={(e) => setOpensAt(e.currentTarget.value)} />
        <TextInput type="date" label="Closes after" description="The last day of scoring (UTC)" value={closesAt} onChange={(e) => setClosesAt(e.currentTarget.value)} />
      </Group>
      {model === 'weighted' ? (
        <Paper withBorder p="sm" mt="sm">
          <CriteriaEditor value={criteria} onChange={setCriteria} />
        </Paper>
      ) : null}
      {create.isError ? <Alert color="red" mt="sm">{errorMessage(create.error)}</Alert> : null}
    </Paper>
  );
}
