import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../../../lib/api';
import { useCurrentMe } from '../api/get-me';
import { useSwitchOrganisation } from '../api/switch-organisation';

/** The organisation everything on screen belongs to; switching reloads the view for the other one. */
export function OrgSwitcher(props: Pick<NativeSelectProps, 'visibleFrom' | 'hiddenFrom' | 'w' | 'mt'>) {
  const me = useCurrentMe();
  const switchOrg = useSwitchOrganisation();
  if (me.organisations.length === 0) return null;
  return (
    <NativeSelect
      {...props}
      aria-label="Current organisation"
      value={me.current?.id ?? ''}
      disabled={switchOrg.isPending}
      data={[
        ...(me.current ? [] : [{ value: '', label: 'Choose an organisation' }]),
        ...me.organisations.map((o) => ({ value: o.id, label: o.name })),
      ]}
      onChange={(e) => {
        const id = e.currentTarget.value;
        if (id && id !== me.current?.id) {
          switchOrg.mutate(id, {
            onSuccess: (org) => notifications.show({ message: `Now working in ${org.name}` }),
            onError: (err) => notifications.show({ color: 'red', title: 'Not switched', message: errorMessage(err) }),
          });
        }
      }}
    />
  );
}
