import { useState } from 'react';
import { Button, NativeSelect, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TMember, TRole } from '@tandem/contracts';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { errorMessage } from '../../../lib/api';
import { useMembers } from '../api/get-members';
import { useRemoveMember } from '../api/remove-member';
import { useUpdateMember } from '../api/update-member';
import { hasRole, ROLE_LABEL, ROLES } from '../roles';
import { Section } from './Section';

interface MembersSectionProps {
  myRole: TRole;
  myUserId: string;
}

/** Accounts of the organisation and their roles; admins change roles and remove members. */
export function MembersSection({ myRole, myUserId }: MembersSectionProps) {
  const members = useMembers();
  const update = useUpdateMember();
  const remove = useRemoveMember();
  const [removing, setRemoving] = useState<TMember | null>(null);
  const isAdmin = hasRole(myRole, 'admin');
  // Nobody grants a role above their own; the server enforces the same rule.
  const grantable = ROLES.filter((r) => hasRole(myRole, r));

  return (
    <Section id="members" title="Members and roles" description="Owners and admins manage the organisation; leaders and members use it.">
      <ErrorAlert error={members.error} title="Members could not be loaded" />
      {members.data ? (
        <Table.ScrollContainer minWidth={560} type="native">
          <Table aria-label="Members" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Role</Table.Th>
                {isAdmin ? <Table.Th>Actions</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.map((m) => {
                // Your own role is changed by another admin or owner, never by accident from your own row.
                const manageable = isAdmin && hasRole(myRole, m.role) && m.userId !== myUserId;
                return (
                  <Table.Tr key={m.userId}>
                    <Table.Td>
                      {m.name}
                      {m.userId === myUserId ? <Text span c="dimmed" size="sm"> (you)</Text> : null}
                    </Table.Td>
                    <Table.Td>{m.email}</Table.Td>
                    <Table.Td>
                      {manageable ? (
                        <NativeSelect
                          aria-label={`Role of ${m.name}`}
                          size="xs"
                          value={m.role}
                          disabled={update.isPending}
                          data={grantable.map((r) => ({ value: r, label: ROLE_LABEL[r] }))}
                          onChange={(e) =>
                            update.mutate(
                              { userId: m.userId, role: e.currentTarget.value as TRole },
                              {
                                onSuccess: (r) => notifications.show({ message: `${m.name} is now ${ROLE_LABEL[r.role].toLowerCase()}` }),
                                onError: (err) => notifications.show({ color: 'red', title: 'Role not changed', message: errorMessage(err) }),
                              },
                            )
                          }
                        />
                      ) : (
                        ROLE_LABEL[m.role]
                      )}
                    </Table.Td>
                    {isAdmin ? (
                      <Table.Td>
                        {manageable ? (
                          <Button size="compact-sm" variant="subtle" color="red" aria-label={`Remove ${m.name}`} onClick={() => setRemoving(m)}>
                            Remove
                          </Button>
                        ) : null}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <ConfirmDialog
        opened={removing !== null}
        title="Remove member"
        confirmLabel="Remove"
        loading={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.userId, {
            onSuccess: () => notifications.show({ message: `${removing.name} removed` }),
            onError: (err) => notifications.show({ color: 'red', title: 'Not removed', message: errorMessage(err) }),
            onSettled: () => setRemoving(null),
          })
        }
      >
        {removing ? `${removing.name} loses access to this organisation and is signed out of it. Their directory entry stays.` : null}
      </ConfirmDialog>
    </Section>
  );
}
