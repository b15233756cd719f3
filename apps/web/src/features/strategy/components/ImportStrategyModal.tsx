import { useState } from 'react';
import { Button, Code, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { ENABLERS_CSV_HEADER, GOALS_CSV_HEADER, INITIATIVES_CSV_HEADER, type TImportResult } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ApiError } from '../../../lib/api';
import { useImportStrategy, type StrategyCsvKind } from '../api/import-strategy';
import { ImportResultView } from '../../../components/ImportResultView';

const HEADER: Record<StrategyCsvKind, string> = { goals: GOALS_CSV_HEADER.join(','), initiatives: INITIATIVES_CSV_HEADER.join(','), enablers: ENABLERS_CSV_HEADER.join(',') };

function headerProblem(e: unknown): TImportResult | null {
  if (!(e instanceof ApiError) || e.code !== 'validation' || !Array.isArray(e.details)) return null;
  const errors = (e.details as { line?: unknown; message?: unknown }[])
    .filter((d) => typeof d.line === 'number' && typeof d.message === 'string')
    .map((d) => ({ line: d.line as number, message: `${e.message} (${d.message as string})` }));
  return errors.length ? { added: 0, errors } : null;
}

/** CSV import of goals, initiatives or enablers, with the rows that failed listed by line. */
export function ImportStrategyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [kind, setKind] = useState<StrategyCsvKind>('goals');
  const [csv, setCsv] = useState('');
  const run = useImportStrategy();
  const result = run.data ?? headerProblem(run.error);
  const close = () => {
    run.reset();
    setCsv('');
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Import from CSV" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          run.mutate({ kind, csv });
        }}
      >
        <Stack gap="sm">
          <NativeSelect
            label="What to import"
            value={kind}
            onChange={(e) => {
              setKind(e.currentTarget.value as StrategyCsvKind);
              run.reset();
            }}
            data={[
              { value: 'goals', label: 'Goals' },
              { value: 'initiatives', label: 'Initiatives' },
              { value: 'enablers', label: 'Enablers' },
            ]}
          />
          <Text size="sm">
            Header: <Code>{HEADER[kind]}</Code>. People by email; goals and initiatives by title, several separated by <Code>;</Code>. Dates are YYYY-MM-DD.
          </Text>
          <Textarea label="CSV" value={csv} onChange={(e) => setCsv(e.currentTarget.value)} autosize minRows={6} maxRows={14} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} />
          {result ? <ImportResultView result={result} /> : <ErrorAlert error={run.error} title="Import failed" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {result ? 'Done' : 'Cancel'}
            </Button>
            <Button type="submit" loading={run.isPending} disabled={!csv.trim()}>
              Import
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
