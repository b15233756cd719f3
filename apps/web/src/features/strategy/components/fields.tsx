import { NativeSelect, TextInput } from '@mantine/core';
import type { TPerson } from '@tandem/contracts';

/** A person picker for owners and champions; IT and Business people are labelled so the choice is informed. */
export function PersonSelect({ name, label, people, defaultValue, error }: { name: string; label: string; people: TPerson[]; defaultValue?: string | null; error?: string }) {
  return (
    <NativeSelect
      name={name}
      label={label}
      defaultValue={defaultValue ?? ''}
      error={error}
      data={[{ value: '', label: 'Nobody yet' }, ...people.map((p) => ({ value: p.id, label: `${p.name} (${p.side === 'it' ? 'IT' : 'Business'}, ${p.department})` }))]}
    />
  );
}

/** A native date input: it gives ISO YYYY-MM-DD, the wire format, and every browser makes it accessible. */
export function DateInput({ name, label, defaultValue, error }: { name: string; label: string; defaultValue?: string | null; error?: string }) {
  return <TextInput type="date" name={name} label={label} defaultValue={defaultValue ?? ''} error={error} />;
}

export const orNull = (v: string | undefined) => (v ? v : null);
export const numberOrNull = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : Number(v));
