import type { ReactNode } from 'react';
import { Paper, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';

interface TileProps {
  title: string;
  /** The headline number, already formatted. */
  value: ReactNode;
  /** How the number is computed: shown on hover and given as text to screen readers. */
  method: string;
  /** The link to the source data, one click away. */
  link?: ReactNode;
  children?: ReactNode;
  testId: string;
}

/** One number of the one-screen with its method, its trend and a link into its module. */
export function Tile({ title, value, method, link, children, testId }: TileProps) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title} data-testid={testId}>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <Tooltip label={method} multiline w={280} withArrow events={{ hover: true, focus: true, touch: true }}>
          <Text size="xl" fw={700} tabIndex={0} style={{ cursor: 'help' }} w="fit-content">
            {value}
          </Text>
        </Tooltip>
        <VisuallyHidden>Method: {method}</VisuallyHidden>
        {children}
        {link}
      </Stack>
    </Paper>
  );
}
