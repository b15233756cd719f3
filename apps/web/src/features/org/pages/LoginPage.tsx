import type { ReactNode } from 'react';
import { Anchor, Button, Divider, PasswordInput, Stack, TextInput } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { CenteredCard } from '../../../components/CenteredCard';
import { FormError } from '../../../components/FormError';
import { fieldErrors } from '../../../lib/api';
import { formValues, safeRedirect } from '../../../lib/form';
import { useLogIn } from '../api/log-in';

const FIELDS = ['email', 'password'] as const;

/** `companySignIn`: the integrations feature's "Sign in with your company" form, placed by the router. */
export function LoginPage({ redirectTo, companySignIn }: { redirectTo?: string; companySignIn?: ReactNode }) {
  const logIn = useLogIn();
  const navigate = useNavigate();
  const errors = fieldErrors(logIn.error);

  return (
    <CenteredCard title="Sign in" subtitle="Welcome back to Tandem.">
      <form
        noValidate
        onSubmit={(e) => {
          const v = formValues(e);
          logIn.mutate(
            { email: v.email ?? '', password: v.password ?? '' },
            { onSuccess: () => void navigate({ to: safeRedirect(redirectTo, '/people') }) },
          );
        }}
      >
        <Stack gap="sm">
          <TextInput name="email" type="email" label="Email" required autoComplete="username" error={errors.email} />
          <PasswordInput name="password" label="Password" required autoComplete="current-password" error={errors.password} />
          <FormError error={logIn.error} fields={FIELDS} />
          <Button type="submit" loading={logIn.isPending} mt="xs">
            Sign in
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm">
            Forgot your password?
          </Anchor>
        </Stack>
      </form>
      {companySignIn ? (
        <>
          <Divider label="or" labelPosition="center" my="md" />
          {companySignIn}
        </>
      ) : null}
    </CenteredCard>
  );
}
