import { useState } from 'react';
import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import type { TInvitationCreated } from '@tandem/contracts';
import { FormError } from '../../../components/FormError';
import { fieldErrors } from '../../../lib/api';
import { useCreateInvitation } from '../api/create-invitation';
import { INVITABLE_ROLES, ROLE_LABEL } from '../roles';
import { InvitationLink } from './InvitationLink';

export function InviteForm() {
  const create = useCreateInvitation();
  const [created, setCreated] = useState<{ invitation: TInvitationCreated; email: string } | null>(null);
  const errors = fieldErrors(create.error);

  return (
    <Stack gap="sm">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const data = new FormData(form);
          const email = String(data.get('email') ?? '');
          const role = String(data.get('role') ?? 'member') as (typeof INVITABLE_ROLES)[number];
          setCreated(null);
          create.mutate(
            { email, role },
            {
              onSuccess: (invitation) => {
                setCreated({ invitation, email: email.trim().toLowerCase() });
                form.reset();
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput name="email" type="email" label="Email to invite" required error={errors.email} miw={260} style={{ flexGrow: 1 }} />
            <NativeSelect
              name="role"
              label="Role"
              defaultValue="member"
              error={errors.role}
              data={INVITABLE_ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))}
            />
          </Group>
          <FormError error={create.error} fields={['email', 'role']} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              Create invitation
            </Button>
          </Group>
        </Stack>
      </form>
      {created ? <InvitationLink invitation={created.invitation} email={created.email} /> : null}
    </Stack>
  );
}
