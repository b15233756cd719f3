import { ActionIcon, Button, Group, NativeSelect, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import type { TCriterionInput, TCriterionOwner } from '@tandem/contracts';

/** A row being edited; the key is derived from the label when the round is created. */
export interface CriterionDraft {
  label: string;
  weight: number | '';
  owner: TCriterionOwner;
  definition: string;
}

export const DEFAULT_CRITERIA: CriterionDraft[] = [
  { label: 'Business value', weight: 3, owner: 'business', definition: 'Revenue, savings or customer value if done' },
  { label: 'Urgency', weight: 2, owner: 'both', definition: 'What waiting costs' },
  { label: 'Effort', weight: -1, owner: 'it', definition: 'How much work, for IT to judge' },
];

const OWNERS = [
  { value: 'business', label: 'Business scores it' },
  { value: 'it', label: 'IT scores it' },
  { value: 'both', label: 'Both sides score it' },
];

/** `Business value` → `businessValue`; unique within the round (a digit is added on a clash). */
export function toCriteria(drafts: CriterionDraft[]): TCriterionInput[] {
  const used = new Set<string>();
  return drafts.map((d) => {
    const words = d.label.normalize('NFKD').replace(/[^A-Za-z0-9 ]/g, ' ').trim().split(/\s+/).filter(Boolean);
    let key = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('').slice(0, 36);
    if (!/^[A-Za-z]/.test(key)) key = `c${key}`;
    let unique = key;
    for (let n = 2; used.has(unique); n++) unique = `${key}${n}`;
    used.add(unique);
    return { key: unique, label: d.label.trim(), weight: d.weight === '' ? Number.NaN : d.weight, owner: d.owner, ...(d.definition.trim() ? { definition: d.definition.trim() } : {}) };
  });
}

/**
 * The organisation's own criteria for a weighted round: a label, a weight (negative for costs such as
 * effort or risk) and which side owns it. Each side later scores only what it owns.
 */
export function CriteriaEditor({ value, onChange }: { value: CriterionDraft[]; onChange: (v: CriterionDraft[]) => void }) {
  const set = (i: number, patch: Partial<CriterionDraft>) => onChange(value.map((c, k) => (k === i ? { ...c, ...patch } : c)));
  const sum = value.reduce((s, c) => s + (c.weight === '' ? 0 : c.weight), 0);
  return (
    <Stack gap="xs" role="group" aria-label="Criteria of the weighted model">
      <Text size="sm">
        Criteria, each scored from 0 to 10: an item's score is the weighted mean of its scores. Give costs such as effort a negative weight. Each criterion is scored by the side that owns it.
      </Text>
      {value.map((c, i) => (
        <Group key={i} align="flex-end" gap="xs" wrap="wrap">
          <TextInput label={`Criterion ${i + 1}`} required value={c.label} onChange={(e) => set(i, { label: e.currentTarget.value })} w={180} />
          <NumberInput label={`Weight of criterion ${i + 1}`} required value={c.weight} onChange={(v) => set(i, { weight: typeof v === 'number' ? v : v === '' ? '' : Number(v) })} w={130} decimalScale={3} />
          <NativeSelect label={`Who scores criterion ${i + 1}`} value={c.owner} data={OWNERS} onChange={(e) => set(i, { owner: e.currentTarget.value as TCriterionOwner })} w={190} />
          <TextInput label={`Definition of criterion ${i + 1}`} value={c.definition} onChange={(e) => set(i, { definition: e.currentTarget.value })} w={240} />
          <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove criterion ${i + 1}`} disabled={value.length === 1} onClick={() => onChange(value.filter((_, k) => k !== i))}>
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="light" size="xs" disabled={value.length >= 20} onClick={() => onChange([...value, { label: '', weight: 1, owner: 'both', definition: '' }])}>
          Add a criterion
        </Button>
        {sum <= 0 ? <Text size="sm" c="red">The weights must add up to more than zero (now {sum}).</Text> : null}
      </Group>
    </Stack>
  );
}
