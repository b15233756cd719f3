import { useState } from 'react';
import { Button, Code, FileInput, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { PEOPLE_CSV_HEADER, PEOPLE_CSV_OPTIONAL, type TPeopleImportResult } from '@tandem/contracts';
import { ApiError } from '../../../lib/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useImportPeople, XLSX_TYPE } from '../api/import-people';
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
  /** An Excel file is sent as it is; CSV is read into the text box so it can be checked and edited. */
  const workbook = file && (file.name.toLowerCase().endsWith('.xlsx') || file.type === XLSX_TYPE) ? file : null;
  const send = (dryRun: boolean) => importPeople.mutate(workbook ? { workbook, dryRun } : { csv, dryRun });
  const ready = workbook !== null || csv.trim() !== '';
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
          send(false);
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            The first line must be the header <Code>{HEADER}</Code>. Side is <Code>it</Code> or <Code>business</Code>; level is{' '}
            <Code>leader</Code> or <Code>employee</Code>. The columns <Code>{PEOPLE_CSV_OPTIONAL.join(',')}</Code> are optional, so the file that
            Export CSV gives imports again. An Excel workbook (.xlsx) works too: its first sheet, with the same header on the first row. A row whose e-mail is already in the directory updates that person. Preview shows what would change
            before anything is saved; good rows are imported even when others have errors.
          </Text>
          <FileInput
            label="CSV or Excel file"
            accept={`.csv,text/csv,.xlsx,${XLSX_TYPE}`}
            value={file}
            clearable
            clearButtonProps={{ 'aria-label': 'Clear the chosen file' }}
            onChange={(f) => {
              setFile(f);
              importPeople.reset();
              if (f && !(f.name.toLowerCase().endsWith('.xlsx') || f.type === XLSX_TYPE)) void f.text().then(setCsv);
              else setCsv('');
            }}
          />
          <Textarea
            label="CSV"
            description={workbook ? `The Excel file ${workbook.name} is chosen: its first sheet is imported` : 'Or paste the rows here'}
            disabled={workbook !== null}
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
            <Button variant="default" loading={importPeople.isPending && importPeople.variables?.dryRun} disabled={!ready} onClick={() => send(true)}>
              Preview
            </Button>
            <Button type="submit" loading={importPeople.isPending && !importPeople.variables?.dryRun} disabled={!ready}>
              Import
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
