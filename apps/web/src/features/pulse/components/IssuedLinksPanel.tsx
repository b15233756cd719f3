import { useState } from 'react';
import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { TPulse } from '@tandem/contracts';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { errorMessage } from '../../../lib/api';
import { useIssuedLinks, useReissueLink, useRemindRespondents } from '../api/invite-respondents';
import { ScrollRegion } from './ScrollRegion';

/** One formatter for every row: `toLocaleString()` builds a new one per call, a visible cost at 100 rows. */
const ISSUED_AT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The issued links of a pulse, read from the server so they survive a reload: who has a link and
 * when it was issued. Never whether a link was used: the total who answered shows only under the
 * audited rule (decision 023: none while open). On a closed pulse nothing can be re-issued any more,
 * so the list of holders folds away behind a button (decision 162).
 */
export function IssuedLinksPanel({ pulse }: { pulse: TPulse }) {
  const links = useIssuedLinks(pulse.id, pulse.invited > 0);
  const reissue = useReissueLink();
  const remind = useRemindRespondents();
  const [asking, setAsking] = useState(false);
  const [target, setTarget] = useState<{ personId: string; name: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [unfolded, setUnfolded] = useState(false);
  const listShown = pulse.status !== 'closed' || unfolded;
  if (pulse.invited === 0) return null;
  const first = links.data?.pages[0];
  const d = first ? { ...first, items: links.data!.pages.flatMap((p) => p.items) } : undefined;
  return (
    <section aria-labelledby="issued-title">
      <Stack gap="xs">
        <Title order={2} size="h3" id="issued-title">
          Issued links
        </Title>
        {links.isError ? <Alert color="red">{errorMessage(links.error)}</Alert> : null}
        {d ? (
          <>
            <Text size="sm" data-testid="issued-summary">
              {d.issued} links issued ({d.issued - d.unlinked} personal, {d.unlinked} unlinked) ·{' '}
              {d.respondents === null ? 'answered: counted once the pulse closes, and only for a group of at least ' + String(pulse.minGroupSize) : `${d.respondents} answered in total`}. Whether a particular link was used is
              never shown.
            </Text>
            {done ? (
              <Alert color="teal" variant="light" role="status">
                {done}
              </Alert>
            ) : null}
            {reissue.isError ? (
              <Alert color="gray" variant="light" role="alert">
                {errorMessage(reissue.error)}
              </Alert>
            ) : null}
            {remind.isError ? (
              <Alert color="gray" variant="light" role="alert" title="No reminder was sent">
                {errorMessage(remind.error)}
              </Alert>
            ) : null}
            {pulse.status === 'open' && d.issued - d.unlinked > 0 ? (
              <Group>
                <Button variant="default" onClick={() => setAsking(true)}>
                  Remind those who have not answered
                </Button>
              </Group>
            ) : null}
            {!listShown ? (
              <Group>
                <Button variant="default" aria-expanded={false} onClick={() => setUnfolded(true)}>
                  Show the {d.issued} issued links
                </Button>
              </Group>
            ) : null}
            {listShown ? (
              <ScrollRegion label="Issued links" minWidth={420}>
                <Table aria-label="Issued links" data-testid="issued-links">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Link holder</Table.Th>
                      <Table.Th scope="col">Issued</Table.Th>
                      <Table.Th scope="col">Action</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.items.map((i, k) => (
                      <Table.Tr key={`${i.personId ?? 'unlinked'}-${k}`}>
                        <Table.Td>{i.personId ? i.name : <Text c="dimmed" size="sm">Unlinked link</Text>}</Table.Td>
                        <Table.Td>{ISSUED_AT.format(new Date(i.issuedAt))}</Table.Td>
                        <Table.Td>
                          {i.personId && pulse.status === 'open' ? (
                            <Button size="xs" variant="default" onClick={() => setTarget({ personId: i.personId!, name: i.name ?? '' })} aria-label={`Re-issue the link of ${i.name}`}>
                              Re-issue
                            </Button>
                          ) : null}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollRegion>
            ) : null}
            {listShown && links.hasNextPage ? (
              <Group>
                <Button variant="default" loading={links.isFetchingNextPage} onClick={() => void links.fetchNextPage()}>
                  Show more links ({d.items.length} of {d.issued} shown)
                </Button>
              </Group>
            ) : null}
          </>
        ) : null}
      </Stack>
      <ConfirmDialog
        opened={asking}
        title="Send a reminder?"
        confirmLabel="Mail the reminders"
        loading={remind.isPending}
        onCancel={() => setAsking(false)}
        onConfirm={() =>
          remind.mutate(pulse.id, {
            onSuccess: () => setDone('Reminders were mailed to everyone with a personal link who has not answered. You are not told how many, nor who.'),
            onSettled: () => setAsking(false),
          })
        }
      >
        Everyone with a personal link who has not answered yet gets a mail with a new link; their old link stops working. The server knows who they are; you will not learn how many or who. Unlinked links cannot be reminded.
      </ConfirmDialog>
      <ConfirmDialog
        opened={target !== null}
        title="Re-issue this link?"
        confirmLabel="Re-issue by mail"
        loading={reissue.isPending}
        onCancel={() => setTarget(null)}
        onConfirm={() =>
          reissue.mutate(
            { id: pulse.id, personId: target!.personId },
            {
              onSuccess: () => setDone(`${target!.name} was mailed. If they had a link, the old one no longer works.`),
              onSettled: () => setTarget(null),
            },
          )
        }
      >
        {target?.name} gets a mail with a new link, and their old link stops working. This cannot be undone. You will not learn whether they had already answered.
      </ConfirmDialog>
    </section>
  );
}
