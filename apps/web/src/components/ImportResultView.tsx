import { Alert, List, Text } from '@mantine/core';
import type { TImportResult } from '@tandem/contracts';

/** What an import did: how many were added and, line by line, why the others were not. */
export function ImportResultView({ result }: { result: TImportResult }) {
  const n = result.errors.length;
  return (
    <Alert color={n ? 'blue' : 'teal'} variant="light" title={`${result.added} added`} role="status" data-testid="import-result">
      {n === 0 ? (
        <Text size="sm">Every row was imported.</Text>
      ) : (
        <>
          <Text size="sm" mb="xs">
            {n} {n === 1 ? 'row was' : 'rows were'} not imported. Fix {n === 1 ? 'it' : 'them'} and import just those lines again:
          </Text>
          <List size="sm" spacing={4} aria-label="Rows not imported">
            {result.errors.map((e) => (
              <List.Item key={`${e.line}-${e.message}`}>
                <b>Line {e.line}</b>: {e.message}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}
