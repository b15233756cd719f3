import { Alert } from '@mantine/core';
import { errorMessage } from '../lib/api';

interface ErrorAlertProps {
  error: unknown;
  title?: string;
}

/** A failed load or action, in words; renders nothing when there is no error. */
export function ErrorAlert({ error, title = 'Something went wrong' }: ErrorAlertProps) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      {errorMessage(error)}
    </Alert>
  );
}
