import { useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Radio, Stack, Text } from '@mantine/core';
import type { TPulse, TPulseInvitations } from '@tandem/contracts';
import { ApiError, errorMessage } from '../../../lib/api';
import { useInviteRespondents } from '../api/invite-respondents';

/** The audience in words: "Everyone", or its attributes. */
export function audienceLabel(a: TPulse['audience']): string {
  const parts = [a.side === 'it' ? 'IT' : a.side === 'business' ? 'Business' : null, a.level ? `${a.level}s` : null, a.department ?? null, a.location ?? null].filter(Boolean);
  return parts.length ? parts.join(', ') : 'Everyone';
}

/**
 * Issuing links, with a confirmation that names how many and to whom (decision 024). Person links
 * go by mail only; without mail the server refuses them and the leader may issue unlinked links,
 * whose respondents state their own side and level.
 */
export function IssueLinksDialog({
  pulse,
  audienceSize,
  opened,
  onClose,
  onIssued,
}: {
  pulse: TPulse;
  audienceSize: number | null;
  opened: boolean;
  onClose: () => void;
  onIssued: (r: TPulseInvitations) => void;
}) {
  const invite = useInviteRespondents();
  const [mode, setMode] = useState<'mail' | 'unlinked'>('mail');
  const [count, setCount] = useState<number | string>(audienceSize ?? 10);
  const audience = audienceLabel(pulse.audience);
  const n = mode === 'unlinked' ? Number(count) : audienceSize;
  const countValid = mode === 'mail' || (Number.isInteger(Number(count)) && Number(count) >= 1 && Number(count) <= 5000);
  const mailRefused = invite.error instanceof ApiError && invite.error.code === 'mail_required';

  const close = () => {
    invite.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title="Issue survey links" centered>
      <Stack>
        <Radio.Group label="How do people get their link?" value={mode} onChange={(v) => setMode(v as 'mail' | 'unlinked')}>
          <Stack gap="xs" mt={6}>
            <Radio value="mail" label="Mail each person their own link" description="Only the person ever sees their link. Members can also answer from My pulses." />
            <Radio
              value="unlinked"
              label="Unlinked links to print or hand out"
              description="Links tied to no one: each respondent states their own side and level, and results say so. Members of the audience answer from My pulses."
            />
          </Stack>
        </Radio.Group>
        {mode === 'unlinked' ? (
          <NumberInput
            label="Number of unlinked links"
            min={1}
            max={5000}
            allowDecimal={false}
            value={count}
            onChange={setCount}
            error={countValid ? undefined : 'Enter a whole number from 1 to 5000'}
          />
        ) : null}
        <Text size="sm" fw={500} data-testid="issue-confirmation">
          {mode === 'unlinked'
            ? `Issue ${Number.isFinite(n) ? n : '?'} single-use links to the audience ${audience}?`
            : `Issue ${n ?? 'a'} single-use link${n === 1 ? '' : 's'} to the audience ${audience}, each mailed to its person?`}{' '}
          Each link works once; issued links stay listed on this pulse, but never whether they were used.
          {pulse.status === 'draft' ? ' Issuing opens the pulse: the statements, the audience and the minimum group size can no longer change, and it cannot go back to draft.' : ''}
        </Text>
        {invite.isError ? (
          <Alert color={mailRefused ? 'gray' : 'red'} variant="light" role="alert" title={mailRefused ? 'Mail is not set up' : 'Links were not issued'}>
            {errorMessage(invite.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            disabled={!countValid}
            loading={invite.isPending}
            onClick={() =>
              invite.mutate(
                { id: pulse.id, body: mode === 'unlinked' ? { unlinked: true, count: Number(count) } : {} },
                {
                  onSuccess: (r) => {
                    onIssued(r);
                    close();
                  },
                },
              )
            }
          >
            Issue links
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
