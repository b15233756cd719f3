import { Group, NativeSelect, Switch, TextInput } from '@mantine/core';
import type { PeopleFilter } from '../people-filter';

interface PeopleFiltersProps {
  value: PeopleFilter;
  onChange: (f: PeopleFilter) => void;
}

export function PeopleFilters({ value, onChange }: PeopleFiltersProps) {
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        type="search"
        label="Search"
        placeholder="Name, email, department or location"
        value={value.text}
        onChange={(e) => onChange({ ...value, text: e.currentTarget.value })}
        miw={240}
        style={{ flexGrow: 1 }}
      />
      <NativeSelect
        label="Side"
        value={value.side}
        onChange={(e) => onChange({ ...value, side: e.currentTarget.value as PeopleFilter['side'] })}
        data={[
          { value: '', label: 'Both sides' },
          { value: 'it', label: 'IT' },
          { value: 'business', label: 'Business' },
        ]}
      />
      <NativeSelect
        label="Level"
        value={value.level}
        onChange={(e) => onChange({ ...value, level: e.currentTarget.value as PeopleFilter['level'] })}
        data={[
          { value: '', label: 'All levels' },
          { value: 'leader', label: 'Leader' },
          { value: 'employee', label: 'Employee' },
        ]}
      />
      <Switch
        label="Show inactive"
        checked={value.includeInactive}
        onChange={(e) => onChange({ ...value, includeInactive: e.currentTarget.checked })}
        mb={8}
      />
    </Group>
  );
}
