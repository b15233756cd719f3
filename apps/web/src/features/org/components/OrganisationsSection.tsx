import { Button, Divider, Group, Stack, Table, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TMeResponse } from '@tandem/contracts';
import { FormError } from '../../../components/FormError';
import { errorMessage, fieldErrors } from '../../../lib/api';
import { formValues } from '../../../lib/form';
import { useCreateOrganisation } from '../api/create-organisation';
import { useSwitchOrganisation } from '../api/switch-organisation';
import { ROLE_LABEL } from '../roles';
import { Section } from './Section';

/** The organisations you belong to, switching between them, and starting a new one. */
export function OrganisationsSection({ me }: { me: TMeResponse }) {
  const switchOrg = useSwitchOrganisation();
  const create = useCreateOrganisation();
  const errors = fieldErrors(create.error);

  return (
    <Section id="organisations" title="Your organisations" description="Each organisation has its own people, data and currency.">
      <Table.ScrollContainer minWidth={420} type="native">
        <Table aria-label="Your organisations" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Organisation</Table.Th>
              <Table.Th>Currency</Table.Th>
              <Table.Th>Your role</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {me.organisations.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>{o.name}</Table.Td>
                <Table.Td>{o.currency}</Table.Td>
                <Table.Td>{ROLE_LABEL[o.role]}</Table.Td>
                <Table.Td>
                  {o.id === me.current?.id ? (
                    'Current'
                  ) : (
                    <Button
                      size="compact-sm"
                      variant="default"
                      aria-label={`Switch to ${o.name}`}
                      loading={switchOrg.isPending && switchOrg.variables === o.id}
                      onClick={() =>
                        switchOrg.mutate(o.id, {
                          onSuccess: (org) => notifications.show({ message: `Now working in ${org.name}` }),
                          onError: (e) => notifications.show({ color: 'red', title: 'Not switched', message: errorMessage(e) }),
                        })
                      }
                    >
                      Switch
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Divider />
      <Title order={3} size="h4">
        Create an organisation
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          const form = e.currentTarget;
          const v = formValues(e);
          create.mutate(
            { name: v.name ?? '', currency: (v.currency ?? '').trim().toUpperCase() },
            {
              onSuccess: () => {
                form.reset();
                notifications.show({ message: `${v.name ?? ''} created; you are its owner` });
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput name="name" label="New organisation name" required error={errors.name} miw={240} style={{ flexGrow: 1 }} />
            <TextInput name="currency" label="Currency" description="ISO 4217, e.g. EUR" defaultValue="EUR" maxLength={3} required error={errors.currency} w={140} />
          </Group>
          <FormError error={create.error} fields={['name', 'currency']} />
          <Group>
            <Button type="submit" variant="default" loading={create.isPending}>
              Create organisation
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
