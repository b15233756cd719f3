import { Button, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { CenteredCard } from '../../../components/CenteredCard';
import { FormError } from '../../../components/FormError';
import { fieldErrors } from '../../../lib/api';
import { formValues } from '../../../lib/form';
import { useSetUpInstance } from '../api/set-up-instance';

const FIELDS = ['organisation.name', 'organisation.currency', 'owner.name', 'owner.email', 'owner.password'] as const;

/** First run: the organisation and its owner, in one step; the owner is signed in afterwards. */
export function SetupPage() {
  const setUp = useSetUpInstance();
  const navigate = useNavigate();
  const errors = fieldErrors(setUp.error);

  return (
    <CenteredCard title="Set up Tandem" subtitle="Create your organisation and the owner account. You can invite everyone else afterwards.">
      <form
        noValidate
        onSubmit={(e) => {
          const v = formValues(e);
          setUp.mutate(
            {
              organisation: { name: v.orgName ?? '', currency: (v.currency ?? '').trim().toUpperCase() },
              owner: { name: v.name ?? '', email: v.email ?? '', password: v.password ?? '' },
            },
            { onSuccess: () => void navigate({ to: '/people' }) },
          );
        }}
      >
        <Stack gap="sm">
          <Text fw={600} component="h2" size="md">
            Organisation
          </Text>
          <TextInput name="orgName" label="Organisation name" required autoComplete="organization" error={errors['organisation.name']} />
          <TextInput
            name="currency"
            label="Currency"
            description="ISO 4217 code, e.g. EUR, USD, GBP; business cases are shown in it"
            defaultValue="EUR"
            maxLength={3}
            required
            error={errors['organisation.currency']}
          />
          <Divider my="xs" />
          <Text fw={600} component="h2" size="md">
            Owner account
          </Text>
          <TextInput name="name" label="Your name" required autoComplete="name" error={errors['owner.name']} />
          <TextInput name="email" type="email" label="Email" required autoComplete="email" error={errors['owner.email']} />
          <PasswordInput
            name="password"
            label="Password"
            description="At least 10 characters"
            required
            autoComplete="new-password"
            error={errors['owner.password']}
          />
          <FormError error={setUp.error} fields={FIELDS} />
          <Button type="submit" loading={setUp.isPending} mt="xs">
            Create organisation
          </Button>
        </Stack>
      </form>
    </CenteredCard>
  );
}
