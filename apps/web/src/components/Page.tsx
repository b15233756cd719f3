import type { ReactNode } from 'react';
import { Group, Stack, Title } from '@mantine/core';
import { usePageTitle } from './usePageTitle';

interface PageProps {
  title: string;
  /** Buttons shown beside the heading. */
  actions?: ReactNode;
  children: ReactNode;
}

/** A page inside the signed-in layout: its heading, the document title, and the content. */
export function Page({ title, actions, children }: PageProps) {
  usePageTitle(title);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Title order={1} size="h2">
          {title}
        </Title>
        {actions ? <Group gap="sm">{actions}</Group> : null}
      </Group>
      {children}
    </Stack>
  );
}
