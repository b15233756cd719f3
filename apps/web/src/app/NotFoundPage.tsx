import { Anchor, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { CenteredCard } from '../components/CenteredCard';

export function NotFoundPage() {
  return (
    <CenteredCard title="Page not found">
      <Text>There is nothing at this address.</Text>
      <Anchor component={Link} to="/people">
        Go to People
      </Anchor>
    </CenteredCard>
  );
}
