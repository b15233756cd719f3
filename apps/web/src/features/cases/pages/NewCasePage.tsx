import { useNavigate } from '@tanstack/react-router';
import { Text } from '@mantine/core';
import { Page } from '../../../components/Page';
import { useCreateCase } from '../api/save-case';
import { BusinessCaseForm } from '../components/BusinessCaseForm';
import { SecurityCaseForm } from '../components/SecurityCaseForm';

/** Build a business case from ranges, or a security case (FAIR scenario and its controls). */
export function NewCasePage({ kind }: { kind: 'business' | 'security' }) {
  const create = useCreateCase();
  const navigate = useNavigate();
  const go = (id: string) => navigate({ to: '/cases/$id', params: { id } });
  if (kind === 'business') {
    return (
      <Page title="New business case">
        <BusinessCaseForm
          initial={{ title: '', initiativeId: null, discountRate: 0.08, years: 5, question: '', assumptions: '', lines: [{ label: '', type: 'cost', year: 0, low: 0, likely: 0, high: 0 }] }}
          submitLabel="Create and simulate"
          pending={create.isPending}
          error={create.error}
          onSubmit={({ note: _note, initiativeId, ...v }) =>
            create.mutate({ kind: 'business', ...v, ...(initiativeId ? { initiativeId } : {}) }, { onSuccess: (r) => void go(r.id) })
          }
        />
      </Page>
    );
  }
  return (
    <Page title="New security case">
      <Text size="sm">Loss per event follows a lognormal through your 90% range; events per year a PERT range (FAIR, as riskquant).</Text>
      <SecurityCaseForm
        initial={{ title: '', asset: '', threat: '', frequency: { low: 0.1, likely: 0.3, high: 1 }, magnitude: { low: 10_000, high: 1_000_000 }, controls: [] }}
        submitLabel="Create and simulate"
        pending={create.isPending}
        error={create.error}
        onSubmit={({ note: _note, ...v }) => create.mutate({ kind: 'security', ...v }, { onSuccess: (r) => void go(r.id) })}
      />
    </Page>
  );
}
