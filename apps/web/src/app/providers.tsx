import type { ReactNode } from 'react';
import { Badge, MantineProvider, Modal, Notification, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';

const theme = createTheme({
  // People who ask their system for less motion get no transitions.
  respectReducedMotion: true,
  primaryColor: 'blue',
  // Shade 8 keeps white button text above the WCAG AA contrast ratio of 4.5:1 (shade 6 is 3.5:1).
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  // Mantine's icon-only close buttons have no accessible name of their own.
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    // A dialog's <header> is portalled to <body>, where it would read as a second page banner.
    ModalHeader: Modal.Header.extend({ defaultProps: { role: 'none' } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } } }),
    // In narrow table cells a badge would otherwise be cut to "MEDI…".
    Badge: Badge.extend({ styles: { root: { minWidth: 'max-content', flexShrink: 0 } } }),
  },
});

/**
 * Contrast (WCAG AA, 4.5:1) that Mantine's defaults miss: dimmed text (gray 6) and error text
 * (red 6) on white, and shade-9 text of light variants (alerts, badges, the active or hovered nav
 * link) on shade 1 or 2. Light variants get shade 0 and hover shade 1. Yellow, orange and green
 * fail even then, so the app does not use them for text.
 */
const LIGHT_VARIANT_COLORS = ['blue', 'teal', 'red', 'gray'] as const;
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    ...Object.fromEntries(
      LIGHT_VARIANT_COLORS.flatMap((c) => [
        [`--mantine-color-${c}-light`, `var(--mantine-color-${c}-0)`],
        [`--mantine-color-${c}-light-hover`, `var(--mantine-color-${c}-1)`],
      ]),
    ),
  },
  dark: {},
});

export function Providers({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}
