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
/**
 * A number input (issue #17: numbers are numbers). `step="any"` for measures, 1 for person-days;
 * the browser refuses letters, and `unreadableNumbers` catches what it could not read.
 */
export function NumberField({ name, label, defaultValue, error, step = 'any', min }: { name: string; label: string; defaultValue?: number | null; error?: string; step?: string; min?: number }) {
  return <TextInput type="number" name={name} label={label} step={step} min={min} defaultValue={defaultValue ?? ''} error={error} />;
}

/** Number inputs the browser could not read (letters pasted in): label → message, never sent as empty. */
export function unreadableNumbers(form: HTMLFormElement, labels: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, label] of Object.entries(labels)) {
    const el = form.elements.namedItem(name);
    if (el instanceof HTMLInputElement && el.validity.badInput) out[name] = `${label} is not a number`;
  }
  return out;
}

/**
 * The typed number, null when blank. Text that is not a number is passed on as typed (never
 * turned into null) so the server refuses it in plain words: `Target "two" is not a number`.
 */
export const numberOrNull = (v: string | undefined): number | null => {
  if (v === undefined || v.trim() === '') return null;
  const n = Number(v);
  return (Number.isFinite(n) ? n : v.trim()) as number;
};
