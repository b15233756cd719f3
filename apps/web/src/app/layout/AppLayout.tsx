import { Anchor, AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Outlet } from '@tanstack/react-router';
import { FullPageLoader } from '../../components/FullPageLoader';
import { OrgSwitcher, UserMenu, useMe } from '../../features/org';
import { MainNav } from './MainNav';

/** The signed-in frame: header (brand, organisation, account), navigation, and the page. */
export function AppLayout() {
  const { data: me } = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);
  // Mantine's `sm` breakpoint: below it the navbar slides in over the page.
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  // Between signing out (or a session expiring) and the redirect to sign-in there is no user to show.
  if (!me) return <FullPageLoader />;

  return (
    // No transition on laptops: there the navbar never moves, and an animated offset made the page
    // slide sideways just after it loaded (seen as bars moving under a drag in the timeline journey).
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md" transitionDuration={isPhone ? 200 : 0}>
      <Anchor href="#main-content" className="skip-link">
        Skip to content
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" aria-expanded={opened} aria-controls="main-nav" />
            <Text fw={700} size="lg">
              Tandem
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <OrgSwitcher visibleFrom="sm" w={220} />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      {/* While collapsed on a phone the navbar sits off-screen; `inert` keeps it out of the tab order too. */}
      <AppShell.Navbar p="sm" id="main-nav" aria-label="Main" inert={isPhone && !opened}>
        {/* The menu is longer than a laptop window: it scrolls on its own, the page keeps its place. */}
        {/* Native scrolling: Mantine's ScrollArea measured itself on every page load (decision 162). */}
        <AppShell.Section grow style={{ overflowY: 'auto' }}>
          <MainNav onNavigate={close} />
          <OrgSwitcher hiddenFrom="sm" mt="md" />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
