import { Alert, Button, CopyButton, Group, Text, TextInput } from '@mantine/core';
import type { TInvitationCreated } from '@tandem/contracts';

/**
 * The invitation just created. With mail set up the link went only to the invitee's mailbox and is
 * never shown here (decision 007); without mail it is shown once in full, because the server keeps
 * only its hash.
 */
export function InvitationLink({ invitation, email }: { invitation: TInvitationCreated; email: string }) {
  const expires = new Date(invitation.expiresAt).toLocaleDateString();
  if (invitation.url === null) {
    return (
      <Alert color="teal" variant="light" title={`Invitation sent to ${email}`} role="status" data-testid="invitation-mailed">
        <Text size="sm">The single-use link was mailed to this address only; it expires on {expires}.</Text>
      </Alert>
    );
  }
  const url = invitation.url;
  return (
    <Alert color="teal" variant="light" title={`Invitation created for ${email}`} role="status">
      <Text size="sm" mb="xs">
        No email was sent (mail is not configured): share this single-use link with {email} yourself; it expires on {expires}. The account it makes
        stays unconfirmed until its owner proves the address by mail.
      </Text>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          label="Invitation link"
          value={url}
          readOnly
          style={{ flexGrow: 1 }}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="invitation-url"
        />
        <CopyButton value={url} timeout={2000}>
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
