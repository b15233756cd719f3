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
          const name = (v.name ?? '').trim();
          accept.mutate({ token, ...(name ? { name } : {}), password: v.password ?? '' }, { onSuccess: () => void navigate({ to: '/people' }) });
        }}
      >
        <Stack gap="sm">
          <TextInput label="Email" value={invitation.email} readOnly variant="filled" />
          <TextInput name="name" label="Your name" description="Not needed if you already use Tandem with this address" autoComplete="name" error={errors.name} />
          <PasswordInput
            name="password"
            label="Password"
            description="New to Tandem: choose one of at least 10 characters that is hard to guess (a phrase of unrelated words works well). Already on Tandem: your current password."
            required
            autoComplete="new-password"
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
