import { useState } from 'react';
import { Button, Code, FileInput, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { PEOPLE_CSV_HEADER, PEOPLE_CSV_OPTIONAL, type TPeopleImportResult } from '@tandem/contracts';
import { ApiError } from '../../../lib/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useImportPeople } from '../api/import-people';
import { PeopleImportResult } from './PeopleImportResult';

interface ImportPeopleModalProps {
  opened: boolean;
  onClose: () => void;
}

const HEADER = PEOPLE_CSV_HEADER.join(',');

/** A rejected header comes back as a validation error whose details carry line numbers too. */
function headerProblem(e: unknown): TPeopleImportResult | null {
  if (!(e instanceof ApiError) || e.code !== 'validation' || !Array.isArray(e.details)) return null;
  const errors = (e.details as { line?: unknown; message?: unknown }[])
    .filter((d) => typeof d.line === 'number' && typeof d.message === 'string')
    .map((d) => ({ line: d.line as number, message: `${e.message} (${d.message as string})` }));
  return errors.length ? { dryRun: true, created: 0, updated: 0, unchanged: 0, errors, failedCsv: '' } : null;
}

export function ImportPeopleModal({ opened, onClose }: ImportPeopleModalProps) {
  const [csv, setCsv] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const importPeople = useImportPeople();
  const result = importPeople.data ?? headerProblem(importPeople.error);

  const close = () => {
    importPeople.reset();
    setCsv('');
    setFile(null);
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title="Import people from CSV" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          importPeople.mutate({ csv, dryRun: false });
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            The first line must be the header <Code>{HEADER}</Code>. Side is <Code>it</Code> or <Code>business</Code>; level is{' '}
            <Code>leader</Code> or <Code>employee</Code>. The columns <Code>{PEOPLE_CSV_OPTIONAL.join(',')}</Code> are optional, so the file that
            Export CSV gives imports again. A row whose e-mail is already in the directory updates that person. Preview shows what would change
            before anything is saved; good rows are imported even when others have errors.
          </Text>
          <FileInput
            label="CSV file"
            accept=".csv,text/csv"
            value={file}
            clearable
            onChange={(f) => {
              setFile(f);
              if (f) void f.text().then(setCsv);
            }}
          />
          <Textarea
            label="CSV"
            description="Or paste the rows here"
            value={csv}
            onChange={(e) => {
              setCsv(e.currentTarget.value);
              if (importPeople.data?.dryRun) importPeople.reset();
            }}
            autosize
            minRows={6}
            maxRows={14}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            placeholder={`${HEADER}\nAda Lovelace,ada@example.com,Engineering,it,leader,London`}
          />
          {result ? <PeopleImportResult result={result} /> : <ErrorAlert error={importPeople.error} title="Import failed" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {result && !result.dryRun ? 'Done' : 'Cancel'}
            </Button>
            <Button variant="default" loading={importPeople.isPending && importPeople.variables?.dryRun} disabled={!csv.trim()} onClick={() => importPeople.mutate({ csv, dryRun: true })}>
              Preview
            </Button>
            <Button type="submit" loading={importPeople.isPending && !importPeople.variables?.dryRun} disabled={!csv.trim()}>
              Import
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
