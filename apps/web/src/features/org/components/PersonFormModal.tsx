import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { TPerson } from '@tandem/contracts';
import { FormError } from '../../../components/FormError';
import { fieldErrors } from '../../../lib/api';
import { formValues } from '../../../lib/form';
import { useCreatePerson } from '../api/create-person';
import { useUpdatePerson } from '../api/update-person';
import { LEVEL_LABEL, SIDE_LABEL } from '../people-labels';

const FIELDS = ['name', 'email', 'department', 'side', 'level', 'location', 'managerId'] as const;

interface PersonFormModalProps {
  opened: boolean;
  /** The person to edit; absent to add a new one. */
  person: TPerson | null;
  /** Candidates for manager. */
  people: TPerson[];
  onClose: () => void;
  onSaved: (p: TPerson) => void;
}

export function PersonFormModal({ opened, person, people, onClose, onSaved }: PersonFormModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={person ? `Edit ${person.name}` : 'Add a person'} size="lg">
      {/* A fresh form per person, so that the uncontrolled inputs start from its values. */}
      <PersonForm key={person?.id ?? 'new'} person={person} people={people} onCancel={onClose} onSaved={onSaved} />
    </Modal>
  );
}

function PersonForm({ person, people, onCancel, onSaved }: Omit<PersonFormModalProps, 'opened' | 'onClose'> & { onCancel: () => void }) {
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const mutation = person ? update : create;
  const errors = fieldErrors(mutation.error);
  const managers = people.filter((p) => p.active && p.id !== person?.id);

  return (
    <form
      noValidate
      onSubmit={(e) => {
        const v = formValues(e);
        const body = {
          name: v.name ?? '',
          email: v.email ?? '',
          department: v.department ?? '',
          side: v.side as TPerson['side'],
          level: v.level as TPerson['level'],
          location: v.location ?? '',
          managerId: v.managerId ? v.managerId : null,
        };
        if (person) update.mutate({ id: person.id, ...body }, { onSuccess: onSaved });
        else create.mutate(body, { onSuccess: onSaved });
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput name="name" label="Name" required defaultValue={person?.name} error={errors.name} data-autofocus />
          <TextInput name="email" type="email" label="Email" required defaultValue={person?.email} error={errors.email} />
          <TextInput name="department" label="Department" required defaultValue={person?.department} error={errors.department} />
          <TextInput name="location" label="Location" defaultValue={person?.location} error={errors.location} />
          <NativeSelect
            name="side"
            label="Side"
            required
            defaultValue={person?.side ?? 'it'}
            error={errors.side}
            data={Object.entries(SIDE_LABEL).map(([value, label]) => ({ value, label }))}
          />
          <NativeSelect
            name="level"
            label="Level"
            required
            defaultValue={person?.level ?? 'employee'}
            error={errors.level}
            data={Object.entries(LEVEL_LABEL).map(([value, label]) => ({ value, label }))}
          />
        </SimpleGrid>
        <NativeSelect
          name="managerId"
          label="Manager"
          defaultValue={person?.managerId ?? ''}
          error={errors.managerId}
          data={[{ value: '', label: 'No manager' }, ...managers.map((m) => ({ value: m.id, label: `${m.name} (${m.email})` }))]}
        />
        <FormError error={mutation.error} fields={FIELDS} />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {person ? 'Save changes' : 'Add person'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
