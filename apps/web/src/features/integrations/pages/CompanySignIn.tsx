import { useState } from 'react';
import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import type { TSsoLookup } from '@tandem/contracts';
import { lookupSso } from '../api/integrations';

/**
 * "Sign in with your company": the person types the work e-mail, the domain tells which
 * organisations sign in through their identity provider (decision 122), and the browser goes there.
 */
export function CompanySignIn() {
  const [email, setEmail] = useState('');
  const [found, setFound] = useState<TSsoLookup['organisations'] | null>(null);
  const [busy, setBusy] = useState(false);
  const go = (slug: string) => window.location.assign(`/auth/oidc/start?org=${encodeURIComponent(slug)}`);
  return (
    <form
      noValidate
      aria-label="Sign in with your company"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        lookupSso(email)
          .then((r) => {
            if (r.organisations.length === 1) go(r.organisations[0]!.slug);
            else setFound(r.organisations);
          })
          .catch(() => setFound([]))
          .finally(() => setBusy(false));
      }}
    >
      <Stack gap="sm">
        <TextInput name="sso-email" type="email" label="Work e-mail" autoComplete="username" value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
        <Button type="submit" variant="default" loading={busy}>
          Sign in with your company
        </Button>
        {found !== null && found.length === 0 ? (
          <Alert color="blue" variant="light" role="status">
            No organisation signs in with single sign-on for this e-mail’s domain. Use your password above.
          </Alert>
        ) : null}
        {found && found.length > 1 ? (
          <Stack gap="xs">
            <Text size="sm">Choose your organisation:</Text>
            {found.map((o) => (
              <Button key={o.slug} variant="light" onClick={() => go(o.slug)}>
                {o.name}
              </Button>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </form>
  );
}
