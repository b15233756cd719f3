import { Badge, Button, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TInvitation } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { errorMessage } from '../../../lib/api';
import { useInvitations } from '../api/get-invitations';
import { useRevokeInvitation } from '../api/revoke-invitation';
import { ROLE_LABEL } from '../roles';
import { InviteForm } from './InviteForm';
import { Section } from './Section';

type Status = 'open' | 'accepted' | 'revoked' | 'expired';

function statusOf(i: TInvitation, now: number): Status {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  return new Date(i.expiresAt).getTime() <= now ? 'expired' : 'open';
}

const STATUS_COLOR: Record<Status, string> = { open: 'blue', accepted: 'teal', revoked: 'gray', expired: 'gray' };

export function InvitationsSection() {
  const invitations = useInvitations();
  const revoke = useRevokeInvitation();
  const now = Date.now();

  return (
    <Section id="invitations" title="Invitations" description="Invite people by a single-use link that expires after a week.">
      <InviteForm />
      <ErrorAlert error={invitations.error} title="Invitations could not be loaded" />
      {invitations.data && invitations.data.length > 0 ? (
        <Table.ScrollContainer minWidth={560} type="native">
          <Table aria-label="Invitations" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Email</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invitations.data.map((i) => {
                const status = statusOf(i, now);
                return (
                  <Table.Tr key={i.id}>
                    <Table.Td>{i.email}</Table.Td>
                    <Table.Td>{ROLE_LABEL[i.role]}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={STATUS_COLOR[status]}>
                        {status}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{new Date(i.expiresAt).toLocaleDateString()}</Table.Td>
                    <Table.Td>
                      {status === 'open' ? (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          aria-label={`Revoke invitation for ${i.email}`}
                          loading={revoke.isPending && revoke.variables === i.id}
                          onClick={() =>
                            revoke.mutate(i.id, {
                              onSuccess: () => notifications.show({ message: `Invitation for ${i.email} revoked` }),
                              onError: (e) => notifications.show({ color: 'red', title: 'Not revoked', message: errorMessage(e) }),
                            })
                          }
                        >
                          Revoke
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : invitations.data ? (
        <Text size="sm" c="dimmed">
          No invitations yet.
        </Text>
      ) : null}
    </Section>
  );
}
