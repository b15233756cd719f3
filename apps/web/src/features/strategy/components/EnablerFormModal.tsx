import { useState } from 'react';
import { Modal, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { TEnabler, TInitiative, TPerson, TStrategyStatus } from '@tandem/contracts';
import { FormActions, ItemHistory } from './ItemFormParts';
import { fieldErrors } from '../../../lib/api';
import { formValues } from '../../../lib/form';
import { useCreateEnabler, useUpdateEnabler } from '../api/save-enabler';
import { STATUS_LABEL } from '../labels';
import { Checklist } from './Checklist';
import { DateInput, NumberField, numberOrNull, orNull, PersonSelect, unreadableNumbers } from './fields';

const FIELDS = ['title', 'initiativeIds', 'dependsOnIds', 'ownerId', 'startDate', 'endDate', 'status', 'effort'] as const;

interface Props {
  opened: boolean;
  enabler: TEnabler | null;
  initiatives: TInitiative[];
  enablers: TEnabler[];
  people: TPerson[];
  onClose: () => void;
  onDelete?: () => void;
  onSaved: (e: TEnabler) => void;
}

export function EnablerFormModal({ opened, onDelete, enabler, initiatives, enablers, people, onClose, onSaved }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={enabler ? 'Edit technical enabler' : 'Add a technical enabler'} size="xl">
      <EnablerForm key={enabler?.id ?? 'new'} enabler={enabler} initiatives={initiatives} enablers={enablers} people={people} onCancel={onClose} onSaved={onSaved} onDelete={onDelete} />
    </Modal>
  );
}

function EnablerForm({ onDelete, enabler, initiatives, enablers, people, onCancel, onSaved }: Omit<Props, 'opened' | 'onClose'> & { onCancel: () => void }) {
  const create = useCreateEnabler();
  const update = useUpdateEnabler();
  const mutation = enabler ? update : create;
  const [unreadable, setUnreadable] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(mutation.error), ...unreadable };
  const [initiativeIds, setInitiativeIds] = useState<string[]>(enabler?.initiativeIds ?? []);
  const [dependsOnIds, setDependsOnIds] = useState<string[]>(enabler?.dependsOnIds ?? []);
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
          initiativeIds,
          dependsOnIds,
          ownerId: orNull(v.ownerId),
          startDate: orNull(v.startDate),
          endDate: orNull(v.endDate),
          status: v.status as TStrategyStatus,
          effort: numberOrNull(v.effort),
        };
        if (enabler) update.mutate({ id: enabler.id, ...body }, { onSuccess: onSaved });
        else create.mutate(body, { onSuccess: onSaved });
      }}
    >
      <Stack gap="sm">
        <TextInput name="title" label="Enabler" description="What IT builds or changes" required defaultValue={enabler?.title} error={errors.title} data-autofocus />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Checklist label="Initiatives it enables" options={initiatives.map((i) => ({ value: i.id, label: i.title }))} value={initiativeIds} onChange={setInitiativeIds} error={errors.initiativeIds} />
          <Checklist
            label="Depends on enablers"
            options={enablers.filter((x) => x.id !== enabler?.id).map((x) => ({ value: x.id, label: x.title }))}
            value={dependsOnIds}
            onChange={setDependsOnIds}
            error={errors.dependsOnIds}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <PersonSelect name="ownerId" label="Owner" people={people} defaultValue={enabler?.ownerId} error={errors.ownerId} />
          <DateInput name="startDate" label="Start date" defaultValue={enabler?.startDate} error={errors.startDate} />
          <DateInput name="endDate" label="End date" defaultValue={enabler?.endDate} error={errors.endDate} />
          <NativeSelect name="status" label="Status" defaultValue={enabler?.status ?? 'proposed'} data={Object.entries(STATUS_LABEL).map(([value, label]) => ({ value, label }))} error={errors.status} />
          <NumberField name="effort" label="Effort (person-days)" step="1" min={0} defaultValue={enabler?.effort} error={errors.effort} />
        </SimpleGrid>
        <FormActions error={mutation.error} fields={FIELDS} onCancel={onCancel} pending={mutation.isPending} onDelete={enabler ? onDelete : undefined} submitLabel={enabler ? 'Save enabler' : 'Add enabler'} />
      </Stack>
      {enabler ? <ItemHistory type="enablers" id={enabler.id} people={people} /> : null}
    </form>
  );
}
