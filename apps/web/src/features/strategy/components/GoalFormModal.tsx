import { useState } from 'react';
import { Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { TGoal, TPerson } from '@tandem/contracts';
import { FormActions, ItemHistory } from './ItemFormParts';
import { fieldErrors } from '../../../lib/api';
import { formValues } from '../../../lib/form';
import { useCreateGoal, useUpdateGoal } from '../api/save-goal';
import { DateInput, NumberField, numberOrNull, orNull, PersonSelect, unreadableNumbers } from './fields';

const FIELDS = ['title', 'metric', 'baseline', 'target', 'unit', 'dueDate', 'ownerId'] as const;

interface Props {
  opened: boolean;
  goal: TGoal | null;
  people: TPerson[];
  onClose: () => void;
  onDelete?: () => void;
  onSaved: (g: TGoal) => void;
}

export function GoalFormModal({ opened, onDelete, goal, people, onClose, onSaved }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={goal ? `Edit goal` : 'Add a business goal'} size="lg">
      <GoalForm key={goal?.id ?? 'new'} goal={goal} people={people} onCancel={onClose} onSaved={onSaved} onDelete={onDelete} />
    </Modal>
  );
}

function GoalForm({ onDelete, goal, people, onCancel, onSaved }: Omit<Props, 'opened' | 'onClose'> & { onCancel: () => void }) {
  const create = useCreateGoal();
  const update = useUpdateGoal();
  const mutation = goal ? update : create;
  const [unreadable, setUnreadable] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(mutation.error), ...unreadable };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        const v = formValues(e);
        const bad = unreadableNumbers(e.currentTarget, { baseline: 'Baseline', target: 'Target' });
        setUnreadable(bad);
        if (Object.keys(bad).length > 0) return;
        const body = {
          title: v.title ?? '',
          metric: orNull(v.metric),
          baseline: numberOrNull(v.baseline),
          target: numberOrNull(v.target),
          unit: orNull(v.unit),
          dueDate: orNull(v.dueDate),
          ownerId: orNull(v.ownerId),
        };
        if (goal) update.mutate({ id: goal.id, ...body }, { onSuccess: onSaved });
        else create.mutate(body, { onSuccess: onSaved });
      }}
    >
      <Stack gap="sm">
        <TextInput name="title" label="Goal" description="Say what changes, by how much, by when" required defaultValue={goal?.title} error={errors.title} data-autofocus />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput name="metric" label="Metric" defaultValue={goal?.metric ?? ''} error={errors.metric} />
          <TextInput name="unit" label="Unit" defaultValue={goal?.unit ?? ''} error={errors.unit} />
          <NumberField name="baseline" label="Baseline" defaultValue={goal?.baseline} error={errors.baseline} />
          <NumberField name="target" label="Target" defaultValue={goal?.target} error={errors.target} />
          <DateInput name="dueDate" label="Due date" defaultValue={goal?.dueDate} error={errors.dueDate} />
          <PersonSelect name="ownerId" label="Owner" people={people} defaultValue={goal?.ownerId} error={errors.ownerId} />
        </SimpleGrid>
        <FormActions error={mutation.error} fields={FIELDS} onCancel={onCancel} pending={mutation.isPending} onDelete={goal ? onDelete : undefined} submitLabel={goal ? 'Save goal' : 'Add goal'} />
      </Stack>
      {goal ? <ItemHistory type="goals" id={goal.id} people={people} /> : null}
    </form>
  );
}
