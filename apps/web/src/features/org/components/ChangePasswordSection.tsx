import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { FormError } from '../../../components/FormError';
import { fieldErrors } from '../../../lib/api';
import { formValues } from '../../../lib/form';
import { useChangePassword } from '../api/change-password';
import { Section } from './Section';

export function ChangePasswordSection() {
  const change = useChangePassword();
  const errors = fieldErrors(change.error);

  return (
    <Section id="password" title="Change password" description="Changing your password signs you out everywhere else.">
      <form
        noValidate
        onSubmit={(e) => {
          const form = e.currentTarget;
          const v = formValues(e);
          change.mutate(
            { currentPassword: v.currentPassword ?? '', newPassword: v.newPassword ?? '' },
            {
              onSuccess: () => {
                form.reset();
                notifications.show({ message: 'Password changed' });
              },
            },
          );
        }}
      >
        <Stack gap="sm" maw={420}>
          <PasswordInput name="currentPassword" label="Current password" required autoComplete="current-password" error={errors.currentPassword} />
          <PasswordInput
            name="newPassword"
            label="New password"
            description="At least 10 characters"
            required
            autoComplete="new-password"
            error={errors.newPassword}
          />
          <FormError error={change.error} fields={['currentPassword', 'newPassword']} />
          <Group>
            <Button type="submit" variant="default" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
