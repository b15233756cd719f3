import { useCallback, useMemo, useState } from 'react';
import { Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TPerson } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { Page } from '../../../components/Page';
import { errorMessage } from '../../../lib/api';
import { useCurrentMe } from '../api/get-me';
import { PEOPLE_CSV_URL, PEOPLE_XLSX_URL, usePeople, usePeoplePages } from '../api/get-people';
import { useUpdatePerson } from '../api/update-person';
import { ImportPeopleModal } from '../components/ImportPeopleModal';
import { PeopleFilters } from '../components/PeopleFilters';
import { EMPTY_FILTER, matchesFilter, type PeopleFilter } from '../people-filter';
import { PeopleTable } from '../components/PeopleTable';
import { PersonFormModal } from '../components/PersonFormModal';
import { hasRole } from '../roles';

type Editing = { person: TPerson | null } | null;

export function PeoplePage() {
  const me = useCurrentMe();
  const canEdit = hasRole(me.current?.role, 'admin');
  const [filter, setFilter] = useState<PeopleFilter>(EMPTY_FILTER);
  const [editing, setEditing] = useState<Editing>(null);
  const [importing, setImporting] = useState(false);
  const people = usePeoplePages(filter.includeInactive);
  // The manager picker needs everyone: loaded only while the form is open.
  const everyone = usePeople(true, editing !== null);
  const update = useUpdatePerson();
  const { mutate: updatePerson } = update;

  const all = useMemo(() => people.data?.pages.flatMap((p) => p.items) ?? [], [people.data]);
  const more = people.hasNextPage;
  const shown = useMemo(() => all.filter((p) => matchesFilter(p, filter)), [all, filter]);

  const onEdit = useCallback((p: TPerson) => setEditing({ person: p }), []);
  const onSetActive = useCallback(
    (p: TPerson, active: boolean) =>
      updatePerson(
        { id: p.id, active },
        {
          onSuccess: () => notifications.show({ message: `${p.name} ${active ? 'reactivated' : 'deactivated'}` }),
          onError: (e) => notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) }),
        },
      ),
    [updatePerson],
  );

  return (
    <Page
      title="People"
      actions={
        canEdit ? (
          <>
            <Button onClick={() => setEditing({ person: null })}>Add person</Button>
            <Button variant="default" onClick={() => setImporting(true)}>
              Import CSV
            </Button>
            <Button variant="default" component="a" href={PEOPLE_CSV_URL} download="people.csv">
              Export CSV
            </Button>
            <Button variant="default" component="a" href={PEOPLE_XLSX_URL} download="people.xlsx">
              Export Excel
            </Button>
          </>
        ) : null
      }
    >
      <Text c="dimmed" size="sm" maw={720}>
        Everyone on both sides of the table: IT and Business, leaders and employees. Pulses, pairing and participation are measured
        against this directory.
      </Text>
      <PeopleFilters value={filter} onChange={setFilter} />
      {people.isPending ? (
        <FullPageLoader />
      ) : people.isError ? (
        <ErrorAlert error={people.error} title="The directory could not be loaded" />
      ) : (
        <>
          <Text size="sm" aria-live="polite" data-testid="people-count">
            {more
              ? `Showing ${shown.length} of the first ${all.length} people`
              : shown.length === all.length
                ? `${all.length} ${all.length === 1 ? 'person' : 'people'}`
                : `Showing ${shown.length} of ${all.length} people`}
          </Text>
          {all.length === 0 ? (
            <Text>{canEdit ? 'No one yet. Add a person or import a CSV to start.' : 'No one in the directory yet.'}</Text>
          ) : (
            <PeopleTable people={shown} canEdit={canEdit} busyId={update.isPending ? (update.variables?.id ?? null) : null} onEdit={onEdit} onSetActive={onSetActive} />
          )}
          {more ? (
            <Button variant="default" onClick={() => void people.fetchNextPage()} loading={people.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
              Load more people
            </Button>
          ) : null}
        </>
      )}
      <PersonFormModal
        opened={editing !== null}
        person={editing?.person ?? null}
        people={everyone.data?.people ?? all}
        onClose={() => setEditing(null)}
        onSaved={(p) => {
          notifications.show({ message: `${p.name} saved` });
          setEditing(null);
        }}
      />
      <ImportPeopleModal opened={importing} onClose={() => setImporting(false)} />
    </Page>
  );
}
