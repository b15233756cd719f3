import { Alert, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { Page } from '../../../components/Page';
import { hasRole, useCurrentMe } from '../../org';
import { LadderRungsForm, RUNG_LABEL, RUNGS } from '../../strategy';
import { useRequest, useRequestFlow, useSetRequestLadder } from '../api/requests';
import { CATEGORY_COLOR, REQUEST_TYPE_LABEL, URGENCY_LABEL, money, statusLabel } from '../labels';
import { StatusSelect } from './RequestsPage';

/** One request: its facts, its transitions, and its delivery ladder (now, next week, next month, next year). */
export function RequestPage({ id }: { id: string }) {
  const me = useCurrentMe();
  const leader = hasRole(me.current?.role, 'leader');
  const q = useRequest(id);
  const flow = useRequestFlow();
  const save = useSetRequestLadder();
  if (q.isPending) return <FullPageLoader />;
  if (q.isError) return <ErrorAlert error={q.error} title="The request could not be loaded" />;
  const r = q.data;
  return (
    <Page title={r.title}>
      <Text size="sm">
        <Link to="/requests">All requests</Link>
      </Text>
      <Group gap="xs">
        <Badge color={CATEGORY_COLOR[r.statusCategory]} variant="light">
          {statusLabel(flow.data, r.status)}
        </Badge>
        <Badge variant="outline" color="gray">
          {REQUEST_TYPE_LABEL[r.type]}
        </Badge>
        <Badge variant="outline" color="gray">
          Urgency: {URGENCY_LABEL[r.urgency]}
        </Badge>
      </Group>
      {r.description ? <Text maw={760}>{r.description}</Text> : null}
      <SimpleGrid cols={{ base: 1, sm: 3 }} maw={900}>
        <Text size="sm">Created: {r.createdAt}</Text>
        <Text size="sm">IT involved: {r.itInvolvedAt ?? 'not yet'}</Text>
        <Text size="sm">Wanted by: {r.desiredDate ?? '–'}</Text>
        <Text size="sm">Started: {r.startedAt ?? '–'}</Text>
        <Text size="sm">Done: {r.doneAt ?? '–'}</Text>
        <Text size="sm">Lead time: {r.leadTimeDays === null ? '–' : `${r.leadTimeDays} days (created → done)`}</Text>
        <Text size="sm">Value: {r.valueText ?? '–'}{r.valueAmount !== null ? ` (${money(r.valueAmount)})` : ''}</Text>
      </SimpleGrid>
      {leader ? (
        <Group align="end">
          <Text size="sm" fw={500}>
            Move to:
          </Text>
          <StatusSelect id={r.id} title={r.title} status={r.status} />
        </Group>
      ) : null}
      <Paper withBorder p="md" component="section" aria-labelledby="ladder-title">
        <Title order={2} size="h3" id="ladder-title" mb="xs">
          Delivery ladder
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          What the requester can have now, next week, next month and next year: each rung a deliverable with a date.
        </Text>
        {leader ? (
          <LadderRungsForm key={JSON.stringify(r.ladder)} ladder={r.ladder} pending={save.isPending} error={save.error} onSave={(rungs) => save.mutate({ id: r.id, rungs })} />
        ) : r.ladder.length === 0 ? (
          <Alert color="gray" variant="light">
            Nothing promised yet.
          </Alert>
        ) : (
          <List>
            {RUNGS.map((rung) => {
              const x = r.ladder.find((l) => l.rung === rung);
              return x ? (
                <List.Item key={rung}>
                  <b>{RUNG_LABEL[rung]}</b>: {x.deliverable || 'no deliverable'} ({x.date ?? 'no date'}){x.done ? ', delivered' : ''}
                </List.Item>
              ) : null;
            })}
          </List>
        )}
        {save.isSuccess ? (
          <Text size="sm" role="status" mt="xs">
            Ladder saved.
          </Text>
        ) : null}
      </Paper>
      <Stack gap="xs" component="section" aria-labelledby="history-title">
        <Title order={2} size="h3" id="history-title">
          History
        </Title>
        <List size="sm">
          {r.transitions.map((t, i) => (
            <List.Item key={i}>
              {t.at.slice(0, 16).replace('T', ' ')}: {t.from ? `${statusLabel(flow.data, t.from)} → ` : 'filed as '}
              {statusLabel(flow.data, t.to)}
              {t.reason ? ` (${t.reason})` : ''}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Page>
  );
}
