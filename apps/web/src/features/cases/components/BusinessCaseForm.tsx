import { useState } from 'react';
import { ActionIcon, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput, Textarea, VisuallyHidden } from '@mantine/core';
import type { TCaseLine } from '@tandem/contracts';
import { fieldErrors } from '../../../lib/api';
import { FormError } from '../../../components/FormError';
import { useInitiativeOptions } from '../api/get-initiatives';

export interface BusinessValues {
  title: string;
  initiativeId: string | null;
  discountRate: number;
  years: number;
  question: string;
  assumptions: string;
  lines: TCaseLine[];
}

const blank = (year: number, type: 'cost' | 'benefit'): TCaseLine => ({ label: '', type, year, low: 0, likely: 0, high: 0 });

/**
 * A business case from ranges: each cost or benefit line per year as low / most likely / high.
 * Used to create a case and to save an edit as a new version (with a note saying why).
 */
export function BusinessCaseForm({
  initial,
  submitLabel,
  withNote,
  pending,
  error,
  onSubmit,
}: {
  initial: BusinessValues;
  submitLabel: string;
  withNote?: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: (v: BusinessValues & { note: string }) => void;
}) {
  const [v, setV] = useState(initial);
  const [note, setNote] = useState('');
  const initiatives = useInitiativeOptions();
  const errs = fieldErrors(error);
  const setLine = (i: number, patch: Partial<TCaseLine>) => setV((s) => ({ ...s, lines: s.lines.map((l, k) => (k === i ? { ...l, ...patch } : l)) }));
  const num = (x: string | number) => (typeof x === 'number' ? x : Number(x) || 0);
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
            <Select label="Initiative" placeholder="Not linked" clearable searchable data={initiatives.data ?? []} value={v.initiativeId} onChange={(x) => setV({ ...v, initiativeId: x })} error={errs.initiativeId} />
          </>
        )}
        <Group grow>
          <NumberInput label="Discount rate (% a year)" value={v.discountRate * 100} onChange={(x) => setV({ ...v, discountRate: num(x) / 100 })} decimalScale={2} min={-99} max={100} error={errs.discountRate} />
          <NumberInput label="Horizon (years after year 0)" value={v.years} onChange={(x) => setV({ ...v, years: num(x) })} min={1} max={15} allowDecimal={false} error={errs.years} />
        </Group>
        <Text size="sm" c="dimmed">
          Year 0 is now and is not discounted. Costs are entered as positive amounts. A line is certain when low, most likely and high are equal.
        </Text>
        <Table.ScrollContainer minWidth={760}>
          <Table fz="sm" aria-label="Cash-flow lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Line</Table.Th>
                <Table.Th scope="col">Type</Table.Th>
                <Table.Th scope="col">Year</Table.Th>
                <Table.Th scope="col">Low</Table.Th>
                <Table.Th scope="col">Most likely</Table.Th>
                <Table.Th scope="col">High</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Remove</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {v.lines.map((l, i) => (
                <Table.Tr key={i}>
                  <Table.Td>
                    <TextInput aria-label={`Line ${i + 1} label`} value={l.label} onChange={(e) => setLine(i, { label: e.currentTarget.value })} error={errs[`lines.${i}.label`]} />
                  </Table.Td>
                  <Table.Td>
                    <Select aria-label={`Line ${i + 1} type`} data={[{ value: 'cost', label: 'Cost' }, { value: 'benefit', label: 'Benefit' }]} value={l.type} onChange={(x) => setLine(i, { type: (x as 'cost' | 'benefit') ?? 'cost' })} allowDeselect={false} w={110} />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput aria-label={`Line ${i + 1} year`} value={l.year} onChange={(x) => setLine(i, { year: num(x) })} min={0} max={15} allowDecimal={false} w={70} error={errs[`lines.${i}.year`]} />
                  </Table.Td>
                  {(['low', 'likely', 'high'] as const).map((k) => (
                    <Table.Td key={k}>
                      <NumberInput aria-label={`Line ${i + 1} ${k === 'likely' ? 'most likely' : k}`} value={l[k]} onChange={(x) => setLine(i, { [k]: num(x) })} min={0} thousandSeparator="," error={errs[`lines.${i}.${k}`]} />
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" aria-label={`Remove line ${i + 1}`} onClick={() => setV({ ...v, lines: v.lines.filter((_, k) => k !== i) })}>
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group>
          <Button variant="default" size="xs" onClick={() => setV({ ...v, lines: [...v.lines, blank(0, 'cost')] })}>
            Add cost line
          </Button>
          <Button variant="default" size="xs" onClick={() => setV({ ...v, lines: [...v.lines, blank(1, 'benefit')] })}>
            Add benefit line
          </Button>
        </Group>
        {withNote ? null : (
          <>
            <Textarea label="The question for the CFO" autosize minRows={1} value={v.question} onChange={(e) => setV({ ...v, question: e.currentTarget.value })} />
            <Textarea label="Assumptions" autosize minRows={2} value={v.assumptions} onChange={(e) => setV({ ...v, assumptions: e.currentTarget.value })} />
          </>
        )}
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
