import { useState } from 'react';
import { Modal, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { TAnsoff, TGoal, TInitiative, TPerson, TStrategyStatus } from '@tandem/contracts';
import { FormActions, ItemHistory } from './ItemFormParts';
import { fieldErrors } from '../../../lib/api';
import { formValues } from '../../../lib/form';
import { useCreateInitiative, useUpdateInitiative } from '../api/save-initiative';
import { ANSOFF_LABEL, STATUS_LABEL } from '../labels';
import { Checklist } from './Checklist';
import { DateInput, NumberField, numberOrNull, orNull, PersonSelect, unreadableNumbers } from './fields';

const FIELDS = ['title', 'description', 'goalIds', 'ownerId', 'businessChampionId', 'itChampionId', 'startDate', 'endDate', 'status', 'effort', 'ansoff', 'itInvolvedAt'] as const;

interface Props {
  opened: boolean;
  initiative: TInitiative | null;
  goals: TGoal[];
  people: TPerson[];
  onClose: () => void;
  onDelete?: () => void;
  onSaved: (i: TInitiative) => void;
}

export function InitiativeFormModal({ opened, onDelete, initiative, goals, people, onClose, onSaved }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={initiative ? 'Edit initiative' : 'Add an initiative'} size="xl">
      <InitiativeForm key={initiative?.id ?? 'new'} initiative={initiative} goals={goals} people={people} onCancel={onClose} onSaved={onSaved} onDelete={onDelete} />
    </Modal>
  );
}

function InitiativeForm({ onDelete, initiative, goals, people, onCancel, onSaved }: Omit<Props, 'opened' | 'onClose'> & { onCancel: () => void }) {
  const create = useCreateInitiative();
  const update = useUpdateInitiative();
  const mutation = initiative ? update : create;
  const [unreadable, setUnreadable] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(mutation.error), ...unreadable };
  const [goalIds, setGoalIds] = useState<string[]>(initiative?.goalIds ?? []);
  const business = people.filter((p) => p.side === 'business');
  const it = people.filter((p) => p.side === 'it');
  return (
    <form
      noValidate
      onSubmit={(e) => {
        const v = formValues(e);
        const bad = unreadableNumbers(e.currentTarget, { effort: 'Effort' });
        setUnreadable(bad);
        if (Object.keys(bad).length > 0) return;
        const body = {
          title: v.title ?? '',
          description: v.description ?? '',
          goalIds,
          ownerId: orNull(v.ownerId),
          businessChampionId: orNull(v.businessChampionId),
          itChampionId: orNull(v.itChampionId),
          startDate: orNull(v.startDate),
          endDate: orNull(v.endDate),
          status: v.status as TStrategyStatus,
          effort: numberOrNull(v.effort),
          ansoff: orNull(v.ansoff) as TAnsoff | null,
          itInvolvedAt: orNull(v.itInvolvedAt),
        };
        if (initiative) update.mutate({ id: initiative.id, ...body }, { onSuccess: onSaved });
        else create.mutate(body, { onSuccess: onSaved });
      }}
    >
      <Stack gap="sm">
        <TextInput name="title" label="Initiative" required defaultValue={initiative?.title} error={errors.title} data-autofocus />
        <Textarea name="description" label="Description" autosize minRows={2} maxRows={5} defaultValue={initiative?.description} error={errors.description} />
        <Checklist label="Goals it serves" options={goals.map((g) => ({ value: g.id, label: g.title }))} value={goalIds} onChange={setGoalIds} error={errors.goalIds} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <PersonSelect name="ownerId" label="Owner" people={people} defaultValue={initiative?.ownerId} error={errors.ownerId} />
          <PersonSelect name="businessChampionId" label="Business champion" people={business} defaultValue={initiative?.businessChampionId} error={errors.businessChampionId} />
          <PersonSelect name="itChampionId" label="IT champion" people={it} defaultValue={initiative?.itChampionId} error={errors.itChampionId} />
          <DateInput name="startDate" label="Start date" defaultValue={initiative?.startDate} error={errors.startDate} />
          <DateInput name="endDate" label="End date" defaultValue={initiative?.endDate} error={errors.endDate} />
          <DateInput name="itInvolvedAt" label="IT first involved on" defaultValue={initiative?.itInvolvedAt} error={errors.itInvolvedAt} />
          <NativeSelect name="status" label="Status" defaultValue={initiative?.status ?? 'proposed'} data={Object.entries(STATUS_LABEL).map(([value, label]) => ({ value, label }))} error={errors.status} />
          <NumberField name="effort" label="Effort (person-days)" step="1" min={0} defaultValue={initiative?.effort} error={errors.effort} />
          <NativeSelect
            name="ansoff"
            label="Ansoff quadrant"
            defaultValue={initiative?.ansoff ?? ''}
            data={[{ value: '', label: 'Not set' }, ...Object.entries(ANSOFF_LABEL).map(([value, label]) => ({ value, label }))]}
            error={errors.ansoff}
          />
        </SimpleGrid>
        <FormActions error={mutation.error} fields={FIELDS} onCancel={onCancel} pending={mutation.isPending} onDelete={initiative ? onDelete : undefined} submitLabel={initiative ? 'Save initiative' : 'Add initiative'} />
      </Stack>
      {initiative ? <ItemHistory type="initiatives" id={initiative.id} people={people} /> : null}
    </form>
  );
}
