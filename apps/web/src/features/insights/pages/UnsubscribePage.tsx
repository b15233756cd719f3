import { Button, Text } from '@mantine/core';
import { CenteredCard } from '../../../components/CenteredCard';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useUnsubscribe } from '../api/insights';

/**
 * The digest mail's unsubscribe link: no sign-in, and a button rather than acting on load, so a
 * mail scanner that follows links does not unsubscribe anyone.
 */
export function UnsubscribePage({ token }: { token: string }) {
  const u = useUnsubscribe();
  return (
    <CenteredCard title="Stop the weekly digest">
      {u.isSuccess ? (
        <Text role="status">You will not get the weekly digest any more. You can turn it on again on the Insights page.</Text>
      ) : (
        <>
          <Text>Stop sending me the weekly Tandem digest.</Text>
          <Button onClick={() => u.mutate(token)} loading={u.isPending} disabled={!token}>
            Unsubscribe
          </Button>
          <ErrorAlert error={u.error} title="Not unsubscribed" />
        </>
      )}
    </CenteredCard>
  );
}
