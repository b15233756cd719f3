import { Alert } from '@mantine/core';
import { Page } from '../../../components/Page';
import { useCurrentMe } from '../api/get-me';
import { ChangePasswordSection } from '../components/ChangePasswordSection';
import { InvitationsSection } from '../components/InvitationsSection';
import { MembersSection } from '../components/MembersSection';
import { OrganisationsSection } from '../components/OrganisationsSection';
import { hasRole } from '../roles';

export function OrganisationPage() {
  const me = useCurrentMe();
  const current = me.current;
  return (
    <Page title={current ? `Organisation: ${current.name}` : 'Organisation'}>
      {current ? (
        <>
          <MembersSection myRole={current.role} myUserId={me.user.id} />
          {hasRole(current.role, 'admin') ? <InvitationsSection /> : null}
        </>
      ) : (
        <Alert color="blue" variant="light" role="status">
          You are not in an organisation right now. Create one below, or ask an admin to invite you.
        </Alert>
      )}
      <OrganisationsSection me={me} />
      <ChangePasswordSection />
    </Page>
  );
}
