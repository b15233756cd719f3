import { Alert, Button, List, Text } from '@mantine/core';
import type { TPeopleImportResult } from '@tandem/contracts';

function download(csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'people-not-imported.csv';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** What a people import did, or would do on a preview: new, changed, unchanged, and the refused rows. */
export function PeopleImportResult({ result }: { result: TPeopleImportResult }) {
  const n = result.errors.length;
  const verb = result.dryRun ? 'would be' : 'were';
  const title = result.dryRun
    ? `Preview: ${result.created} new, ${result.updated} changed, ${result.unchanged} unchanged`
    : `${result.created} added, ${result.updated} updated, ${result.unchanged} unchanged`;
  return (
    <Alert color={n ? 'blue' : 'teal'} variant="light" title={title} role="status" data-testid="import-result">
      {n === 0 ? (
        <Text size="sm">{result.dryRun ? 'Every row can be imported. Nothing has been saved yet.' : 'Every row was imported.'}</Text>
      ) : (
        <>
          <Text size="sm" mb="xs">
            {n} {n === 1 ? 'row' : 'rows'} {verb} not imported. Download {n === 1 ? 'it' : 'them'}, fix, and import that file again:
          </Text>
          <List size="sm" spacing={4} aria-label="Rows not imported">
            {result.errors.map((e) => (
              <List.Item key={`${e.line}-${e.message}`}>
                <b>Line {e.line}</b>: {e.message}
              </List.Item>
            ))}
          </List>
          {result.failedCsv ? (
            <Button mt="xs" size="xs" variant="default" onClick={() => download(result.failedCsv)}>
              Download the rows not imported (CSV)
            </Button>
          ) : null}
        </>
      )}
    </Alert>
  );
}
