import { Alert, Button, CopyButton, Group, Text, TextInput } from '@mantine/core';
import type { TInvitationCreated } from '@tandem/contracts';

/** The link just created: shown once in full, because the server keeps only its hash. */
export function InvitationLink({ invitation, email }: { invitation: TInvitationCreated; email: string }) {
  return (
    <Alert color="teal" variant="light" title={`Invitation created for ${email}`} role="status">
      <Text size="sm" mb="xs">
        {invitation.emailed ? 'It was emailed. ' : 'No email was sent (mail is not configured): '}
        Share this single-use link; it expires on {new Date(invitation.expiresAt).toLocaleDateString()}.
      </Text>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          label="Invitation link"
          value={invitation.url}
          readOnly
          style={{ flexGrow: 1 }}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="invitation-url"
        />
        <CopyButton value={invitation.url} timeout={2000}>
          {({ copied, copy }) => (
            <Button variant={copied ? 'filled' : 'default'} color={copied ? 'teal' : undefined} onClick={copy}>
              {copied ? 'Copied' : 'Copy link'}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Alert>
  );
}
