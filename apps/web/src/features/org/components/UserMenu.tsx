import { Avatar, Button, Menu, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useCurrentMe } from '../api/get-me';
import { useLogOut } from '../api/log-out';

function initials(name: string) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
}

export function UserMenu() {
  const me = useCurrentMe();
  const logOut = useLogOut();
  const navigate = useNavigate();
  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="dark"
          px="xs"
          leftSection={
            <Avatar size={28} radius="xl" color="blue" aria-hidden="true">
              {initials(me.user.name)}
            </Avatar>
          }
          aria-label={`Account: ${me.user.name}`}
          data-testid="user-menu"
        >
          <Text span size="sm" visibleFrom="sm">
            {me.user.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          Signed in as {me.user.name}
          <br />
          {me.user.email}
        </Menu.Label>
        <Menu.Item onClick={() => void navigate({ to: '/organisation', hash: 'password' })}>Change password</Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red"
          onClick={() => logOut.mutate(undefined, { onSettled: () => void navigate({ to: '/login' }) })}
        >
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
