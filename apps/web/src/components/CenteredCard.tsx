import type { ReactNode } from 'react';
import { Box, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { usePageTitle } from './usePageTitle';

interface CenteredCardProps {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
}

/** The frame of the signed-out screens (setup, sign-in, invitation): one card in a main landmark. */
export function CenteredCard({ title, subtitle, children }: CenteredCardProps) {
  usePageTitle(title);
  return (
    <Box component="main" py={{ base: 'lg', sm: 60 }} px="md" mih="100dvh" bg="var(--mantine-color-gray-0)">
      <Container size={460} p={0}>
        <Text fw={700} size="lg" ta="center" mb="md">
          Tandem
        </Text>
        <Paper withBorder shadow="sm" radius="md" p={{ base: 'md', sm: 'xl' }}>
          <Stack gap="md">
            <div>
              <Title order={1} size="h2">
                {title}
              </Title>
              {subtitle ? (
                <Text c="dimmed" size="sm" mt={4}>
                  {subtitle}
                </Text>
              ) : null}
            </div>
            {children}
          </Stack>
        </Paper>
      </Container>
    </Box>
  );
}
