import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { TInvitationPreview } from '@tandem/contracts';
import { CenteredCard } from '../../../components/CenteredCard';
import { FormError } from '../../../components/FormError';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { errorMessage, fieldErrors } from '../../../lib/api';
import { formValues } from '../../../lib/form';
import { useAcceptInvitation } from '../api/accept-invitation';
import { useInvitationPreview } from '../api/get-invitation-preview';
import { ROLE_LABEL } from '../roles';

export function AcceptInvitationPage({ token }: { token: string }) {
  const preview = useInvitationPreview(token);
  if (preview.isPending) return <FullPageLoader />;
  if (preview.isError) {
    return (
      <CenteredCard title="Invitation not valid">
        <Alert color="red" variant="light" role="alert">
          {errorMessage(preview.error)}
        </Alert>
        <Text size="sm">Ask the person who invited you for a new link.</Text>
      </CenteredCard>
    );
  }
  return <AcceptForm token={token} invitation={preview.data} />;
}

function AcceptForm({ token, invitation }: { token: string; invitation: TInvitationPreview }) {
  const accept = useAcceptInvitation();
  const navigate = useNavigate();
  const errors = fieldErrors(accept.error);
  const existing = invitation.existingAccount;

  return (
    <CenteredCard
      title={`Join ${invitation.organisation}`}
      subtitle={
        <>
          You are invited to <b>{invitation.organisation}</b> as {ROLE_LABEL[invitation.role].toLowerCase()}, with the address{' '}
          <b>{invitation.email}</b>.
        </>
      }
    >
      <form
        noValidate
        onSubmit={(e) => {
          const v = formValues(e);
          // An existing account confirms with its password only; it keeps its own name.
          const body = existing ? { token, password: v.password ?? '' } : { token, name: v.name ?? '', password: v.password ?? '' };
          accept.mutate(body, { onSuccess: () => void navigate({ to: '/people' }) });
        }}
      >
        <Stack gap="sm">
          <TextInput label="Email" value={invitation.email} readOnly variant="filled" />
          {existing ? (
            <Text size="sm">You already have a Tandem account with this address: confirm with its password to join.</Text>
          ) : (
            <TextInput name="name" label="Your name" required autoComplete="name" error={errors.name} />
          )}
          <PasswordInput
            name="password"
            label={existing ? 'Your password' : 'Choose a password'}
            description={existing ? undefined : 'At least 10 characters'}
            required
            autoComplete={existing ? 'current-password' : 'new-password'}
            error={errors.password}
          />
          <FormError error={accept.error} fields={['name', 'password']} />
          <Button type="submit" loading={accept.isPending} mt="xs">
            Join {invitation.organisation}
          </Button>
        </Stack>
      </form>
    </CenteredCard>
  );
}
