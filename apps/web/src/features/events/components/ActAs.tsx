import { Select, Text } from '@mantine/core';
import type { TEventsMe } from '@tandem/contracts';
import { usePeople } from '../../org';
import { SIDE_LABEL } from './labels';

/**
 * Who a pitch, a join or a vote is recorded for (decision 082): a member acts as their own person;
 * a leader facilitating the event may pick anyone. `value` null means "myself".
 */
export function ActAs({ me, value, onChange }: { me: TEventsMe; value: string | null; onChange: (personId: string | null) => void }) {
  const people = usePeople(false, me.actsForOthers);
  if (!me.actsForOthers) {
    return me.personId ? (
      <Text size="sm">
        You act as <b>{me.name}</b> ({SIDE_LABEL[me.side ?? 'it']}).
      </Text>
    ) : (
      <Text size="sm">Your account is not linked to a person of this organisation, so you can read this page but not take part; ask an admin to link it.</Text>
    );
  }
  return (
    <Select
      label="Act as"
      description="As a leader you can record for anyone, for example when you facilitate the event."
      searchable
      maw={360}
      data={(people.data?.people ?? []).map((p) => ({ value: p.id, label: `${p.name} (${SIDE_LABEL[p.side]}, ${p.department})` }))}
      value={value ?? me.personId}
      onChange={onChange}
      placeholder="Choose a person"
      nothingFoundMessage="Nobody by that name"
    />
  );
}
