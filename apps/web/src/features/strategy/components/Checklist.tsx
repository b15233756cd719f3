import { useState } from 'react';
import { Checkbox, Input, ScrollArea, Stack, TextInput } from '@mantine/core';

interface ChecklistProps {
  label: string;
  description?: string;
  options: { value: string; label: string }[];
  value: string[];
  onChange: (v: string[]) => void;
  error?: string;
}

/**
 * Many-to-many links as checkboxes: every option is a real, labelled checkbox (keyboard and screen
 * reader friendly); a filter appears when the list is long.
 */
export function Checklist({ label, description, options, value, onChange, error }: ChecklistProps) {
  const [filter, setFilter] = useState('');
  const shown = filter ? options.filter((o) => o.label.toLowerCase().includes(filter.toLowerCase()) || value.includes(o.value)) : options;
  return (
    <Input.Wrapper label={label} description={description} error={error}>
      <Stack gap={6} mt={4}>
        {options.length > 8 ? <TextInput size="xs" aria-label={`Filter ${label.toLowerCase()}`} placeholder="Filter…" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} /> : null}
        <ScrollArea.Autosize mah={180} type="auto">
          <Checkbox.Group value={value} onChange={onChange} aria-label={label}>
            <Stack gap={4}>
              {shown.length === 0 ? <Input.Description>None yet</Input.Description> : null}
              {shown.map((o) => (
                <Checkbox key={o.value} value={o.value} label={o.label} size="sm" />
              ))}
            </Stack>
          </Checkbox.Group>
        </ScrollArea.Autosize>
      </Stack>
    </Input.Wrapper>
  );
}
