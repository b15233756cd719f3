import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { CenteredCard } from '../../../components/CenteredCard';
import { FormError } from '../../../components/FormError';
import { fieldErrors } from '../../../lib/api';
import { formValues } from '../../../lib/form';
import { useConfirmPasswordReset } from '../api/reset-password';

/**
 * Sets a new password from a mailed link. The token travels in the URL fragment, which browsers
 * never send to the server, so it appears in no request log.
 */
export function ResetPasswordPage({ token }: { token: string }) {
  const confirm = useConfirmPasswordReset();
  const navigate = useNavigate();
  const errors = fieldErrors(confirm.error);
  if (!token) {
    return (
      <CenteredCard title="Choose a new password">
        <Alert color="red" variant="light" role="alert">
          This page needs the link from the password reset mail.
        </Alert>
        <Anchor component={Link} to="/forgot-password" size="sm">
          Ask for a new link
        </Anchor>
      </CenteredCard>
    );
  }
  return (
    <CenteredCard title="Choose a new password" subtitle="Every session of your account ends; this browser is then signed in.">
      <form
        noValidate
        onSubmit={(e) => {
          confirm.mutate({ token, password: formValues(e).password ?? '' }, { onSuccess: () => void navigate({ to: '/people' }) });
        }}
      >
        <Stack gap="sm">
          <PasswordInput
            name="password"
            label="New password"
            description="At least 10 characters, hard to guess, without your e-mail address (a phrase of unrelated words works well)"
            required
            autoComplete="new-password"
            error={errors.password}
          />
          <FormError error={confirm.error} fields={['password']} />
          <Button type="submit" loading={confirm.isPending} mt="xs">
            Set the new password
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm">
            Ask for a new link
          </Anchor>
        </Stack>
      </form>
    </CenteredCard>
  );
}
