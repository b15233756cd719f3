import { Alert } from '@mantine/core';
import { ApiError, errorMessage, fieldErrors } from '../lib/api';

interface FormErrorProps {
  error: unknown;
  /** The fields the form shows its own messages for; other problems are listed here. */
  fields: readonly string[];
}

/**
 * The part of a failed submission that no input can show: a conflict, a wrong password, or a
 * validation problem on a field the form does not have.
 */
export function FormError({ error, fields }: FormErrorProps) {
  if (!error) return null;
  const byField = fieldErrors(error);
  const shown = Object.keys(byField).filter((k) => fields.includes(k));
  const rest = Object.entries(byField).filter(([k]) => !fields.includes(k));
  const isValidation = error instanceof ApiError && error.code === 'validation';
  if (isValidation && shown.length > 0 && rest.length === 0) {
    return (
      <Alert color="red" variant="light" role="alert">
        Please correct the highlighted {shown.length === 1 ? 'field' : 'fields'}.
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" role="alert">
      {rest.length > 0 ? rest.map(([k, m]) => `${k}: ${m}`).join('; ') : errorMessage(error)}
    </Alert>
  );
}
