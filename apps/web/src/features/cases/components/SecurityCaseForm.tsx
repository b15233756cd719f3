import { useState } from 'react';
import { ActionIcon, Button, Group, NumberInput, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import type { TControl } from '@tandem/contracts';
import { fieldErrors } from '../../../lib/api';
import { FormError } from '../../../components/FormError';

export interface SecurityValues {
  title: string;
  asset: string;
  threat: string;
  frequency: { low: number; likely: number; high: number };
  magnitude: { low: number; high: number };
  controls: TControl[];
}

/**
 * A FAIR scenario: loss events per year as a range, loss per event as a 90% interval (5th to 95th
 * percentile), and the controls with their yearly cost and effect (entered in %, sent as fractions).
 */
export function SecurityCaseForm({
  initial,
  submitLabel,
  withNote,
  pending,
  error,
  onSubmit,
}: {
  initial: SecurityValues;
  submitLabel: string;
  withNote?: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: (v: SecurityValues & { note: string }) => void;
}) {
  const [v, setV] = useState(initial);
  const [note, setNote] = useState('');
  const errs = fieldErrors(error);
  const num = (x: string | number) => (typeof x === 'number' ? x : Number(x) || 0);
  const setControl = (i: number, patch: Partial<TControl>) => setV((s) => ({ ...s, controls: s.controls.map((c, k) => (k === i ? { ...c, ...patch } : c)) }));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({ ...v, note });
      }}
    >
      <Stack gap="sm">
        {withNote ? null : (
          <>
            <TextInput label="Title" required value={v.title} onChange={(e) => setV({ ...v, title: e.currentTarget.value })} error={errs.title} />
            <Group grow>
              <TextInput label="Asset" value={v.asset} onChange={(e) => setV({ ...v, asset: e.currentTarget.value })} />
              <TextInput label="Threat" value={v.threat} onChange={(e) => setV({ ...v, threat: e.currentTarget.value })} />
            </Group>
          </>
        )}
        <Text size="sm" fw={500}>
          Loss events per year
        </Text>
        <Group grow>
          {(['low', 'likely', 'high'] as const).map((k) => (
            <NumberInput key={k} label={`Events a year, ${k === 'likely' ? 'most likely' : k}`} value={v.frequency[k]} onChange={(x) => setV({ ...v, frequency: { ...v.frequency, [k]: num(x) } })} min={0} decimalScale={3} error={errs[`frequency.${k}`]} />
          ))}
        </Group>
        <Text size="sm" fw={500}>
          Loss per event: 90% range (low is the 5th, high the 95th percentile)
        </Text>
        <Group grow>
          <NumberInput label="Loss per event, low (5th percentile)" value={v.magnitude.low} onChange={(x) => setV({ ...v, magnitude: { ...v.magnitude, low: num(x) } })} min={0} thousandSeparator="," error={errs['magnitude.low']} />
          <NumberInput label="Loss per event, high (95th percentile)" value={v.magnitude.high} onChange={(x) => setV({ ...v, magnitude: { ...v.magnitude, high: num(x) } })} min={0} thousandSeparator="," error={errs['magnitude.high']} />
        </Group>
        <Table fz="sm" aria-label="Controls">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Control</Table.Th>
              <Table.Th scope="col">Cost a year</Table.Th>
              <Table.Th scope="col">Fewer events (%)</Table.Th>
              <Table.Th scope="col">Smaller losses (%)</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Remove</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {v.controls.map((c, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  <TextInput aria-label={`Control ${i + 1} label`} value={c.label} onChange={(e) => setControl(i, { label: e.currentTarget.value })} error={errs[`controls.${i}.label`]} />
                </Table.Td>
                <Table.Td>
                  <NumberInput aria-label={`Control ${i + 1} cost a year`} value={c.costPerYear} onChange={(x) => setControl(i, { costPerYear: num(x) })} min={0} thousandSeparator="," error={errs[`controls.${i}.costPerYear`]} />
                </Table.Td>
                <Table.Td>
                  <NumberInput aria-label={`Control ${i + 1} fewer events (%)`} value={c.frequencyReduction * 100} onChange={(x) => setControl(i, { frequencyReduction: num(x) / 100 })} min={0} max={100} error={errs[`controls.${i}.frequencyReduction`]} />
                </Table.Td>
                <Table.Td>
                  <NumberInput aria-label={`Control ${i + 1} smaller losses (%)`} value={c.magnitudeReduction * 100} onChange={(x) => setControl(i, { magnitudeReduction: num(x) / 100 })} min={0} max={100} error={errs[`controls.${i}.magnitudeReduction`]} />
                </Table.Td>
                <Table.Td>
                  <ActionIcon variant="subtle" color="red" aria-label={`Remove control ${i + 1}`} onClick={() => setV({ ...v, controls: v.controls.filter((_, k) => k !== i) })}>
                    ×
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button variant="default" size="xs" onClick={() => setV({ ...v, controls: [...v.controls, { label: '', costPerYear: 0, frequencyReduction: 0, magnitudeReduction: 0 }] })}>
            Add control
          </Button>
        </Group>
        {withNote ? <TextInput label="Why this change (kept with the version)" value={note} onChange={(e) => setNote(e.currentTarget.value)} /> : null}
        <FormError error={error} fields={Object.keys(errs)} />
        <Group>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
