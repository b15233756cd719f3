import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { CenteredCard } from '../../../components/CenteredCard';
import { FormError } from '../../../components/FormError';
import { fieldErrors } from '../../../lib/api';
import { formValues } from '../../../lib/form';
import { useRequestPasswordReset } from '../api/reset-password';

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const request = useRequestPasswordReset();
  const errors = fieldErrors(request.error);
  return (
    <CenteredCard title="Forgot your password?" subtitle="We mail a link to choose a new one.">
      {request.isSuccess ? (
        <Stack gap="sm">
          <Alert color="teal" variant="light" role="status" data-testid="reset-requested">
            {request.data.message}
          </Alert>
          <Anchor component={Link} to="/login" size="sm">
            Back to sign in
          </Anchor>
        </Stack>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            request.mutate({ email: formValues(e).email ?? '' });
          }}
        >
          <Stack gap="sm">
            <TextInput name="email" type="email" label="Email" required autoComplete="username" error={errors.email} />
            <Text size="sm" c="dimmed">
              Password reset needs mail to be set up on this Tandem; otherwise ask an administrator.
            </Text>
            <FormError error={request.error} fields={['email']} />
            <Button type="submit" loading={request.isPending} mt="xs">
              Send the link
            </Button>
            <Anchor component={Link} to="/login" size="sm">
              Back to sign in
            </Anchor>
          </Stack>
        </form>
      )}
    </CenteredCard>
  );
}
