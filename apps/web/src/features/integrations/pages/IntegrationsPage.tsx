import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, Code, CopyButton, Group, Select, Stack, Switch, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { WEBHOOK_EVENTS, type TTokenScope, type TWebhook, type TWebhookEvent, type TWebhookKind } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormError } from '../../../components/FormError';
import { Page } from '../../../components/Page';
import { fieldErrors } from '../../../lib/api';
import { hasRole, useCurrentMe } from '../../org';
import { useCreateToken, useCreateWebhook, useDeleteWebhook, useDeliveries, usePutSso, useRevokeToken, useSso, useTestWebhook, useTokens, useUpdateWebhook, useWebhooks } from '../api/integrations';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const fmt = (iso: string | null) => (iso ? when.format(new Date(iso)) : '—');

/** Settings → Integrations: API tokens (everyone), webhooks and single sign-on (admins). */
export function IntegrationsPage() {
  const me = useCurrentMe();
  const admin = hasRole(me.current?.role, 'admin');
  return (
    <Page title="Integrations">
      <Stack gap="xl">
        <TokensSection />
        {admin ? <WebhooksSection /> : null}
        {admin ? <SsoSection /> : null}
      </Stack>
    </Page>
  );
}

function TokensSection() {
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState('');
  const [write, setWrite] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const errors = fieldErrors(create.error);
  return (
    <section aria-labelledby="tokens-title">
      <Title order={2} size="h3" id="tokens-title">
        API tokens
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        A token acts as you in this organisation. Send it as <Code>Authorization: Bearer …</Code> to /api/v1.
      </Text>
      <form
        noValidate
        aria-label="Create an API token"
        onSubmit={(e) => {
          e.preventDefault();
          const scopes: TTokenScope[] = write ? ['read', 'write'] : ['read'];
          create.mutate({ name, scopes }, { onSuccess: (r) => (setShown(r.token), setName('')) });
        }}
      >
        <Group align="end" wrap="wrap">
          <TextInput label="Token name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
          <Checkbox label="Allow changes (write)" checked={write} onChange={(e) => setWrite(e.currentTarget.checked)} mb={8} />
          <Button type="submit" loading={create.isPending}>
            Create token
          </Button>
        </Group>
        <FormError error={create.error} fields={['name', 'scopes']} />
      </form>
      {shown ? (
        <Alert color="teal" variant="light" role="status" mt="sm" title="Copy your token now: it will not be shown again">
          <Group wrap="nowrap" gap="xs">
            <Code data-testid="new-token" style={{ wordBreak: 'break-all' }}>
              {shown}
            </Code>
            <CopyButton value={shown}>{({ copied, copy }) => <Button size="xs" variant="default" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
          </Group>
        </Alert>
      ) : null}
      {tokens.isError ? <ErrorAlert error={tokens.error} title="Tokens could not be loaded" /> : null}
      <Table.ScrollContainer minWidth={640} type="native" mt="sm" tabIndex={0} role="region" aria-label="API tokens (scrolls sideways)">
        <Table aria-label="API tokens" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Scopes</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(tokens.data?.items ?? []).map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>{t.name}</Table.Td>
                <Table.Td>{t.scopes.join(', ')}</Table.Td>
                <Table.Td>{fmt(t.createdAt)}</Table.Td>
                <Table.Td>{fmt(t.lastUsedAt)}</Table.Td>
                <Table.Td>{t.revokedAt ? <Badge color="gray" variant="light">revoked</Badge> : <Badge color="teal" variant="light">active</Badge>}</Table.Td>
                <Table.Td>
                  {t.revokedAt ? null : (
                    <Button size="xs" variant="subtle" color="red" onClick={() => revoke.mutate(t.id)} aria-label={`Revoke ${t.name}`}>
                      Revoke
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}

const EVENT_LABELS: Record<TWebhookEvent, string> = {
  'pulse.opened': 'Pulse opened',
  'pulse.results_ready': 'Pulse results ready',
  'coffee.round_made': 'Coffee round made',
  'disagreement.decided': 'Disagreement decided',
  'deferred_need.cost_passed': 'Deferred need passed its cost',
  'hackweek.voting_open': 'Hackweek voting open',
  'request.status_changed': 'Request status changed',
};

function WebhooksSection() {
  const hooks = useWebhooks();
  const create = useCreateWebhook();
  const remove = useDeleteWebhook();
  const test = useTestWebhook();
  const update = useUpdateWebhook();
  const [editing, setEditing] = useState<string | null>(null);
  const [kind, setKind] = useState<TWebhookKind>('slack');
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<TWebhookEvent[]>(['pulse.opened', 'pulse.results_ready']);
  const [secret, setSecret] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const errors = fieldErrors(create.error);
  return (
    <section aria-labelledby="webhooks-title">
      <Title order={2} size="h3" id="webhooks-title">
        Webhooks
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Tell Slack, Teams or your own service when things happen. Deliveries are retried with backoff.
      </Text>
      <form
        noValidate
        aria-label="Add a webhook"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ kind, url, events }, { onSuccess: (r) => (setSecret(r.secret), setUrl('')) });
        }}
      >
        <Stack gap="xs">
          <Group align="end" wrap="wrap">
            <Select label="Kind" data={[{ value: 'slack', label: 'Slack' }, { value: 'teams', label: 'Microsoft Teams' }, { value: 'json', label: 'JSON (signed)' }]} value={kind} onChange={(v) => setKind((v as TWebhookKind) ?? 'slack')} allowDeselect={false} w={180} />
            <TextInput label="Webhook URL" value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={errors.url} style={{ flex: 1, minWidth: 220 }} />
          </Group>
          <Checkbox.Group label="Events" value={events} onChange={(v) => setEvents(v as TWebhookEvent[])} error={errors.events}>
            <Group gap="md" mt={4}>
              {WEBHOOK_EVENTS.map((ev) => (
                <Checkbox key={ev} value={ev} label={EVENT_LABELS[ev]} />
              ))}
            </Group>
          </Checkbox.Group>
          <FormError error={create.error} fields={['url', 'events', 'kind']} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              Add webhook
            </Button>
          </Group>
        </Stack>
      </form>
      {secret ? (
        <Alert color="teal" variant="light" role="status" mt="sm" title="Signing secret (shown once)">
          <Code style={{ wordBreak: 'break-all' }}>{secret}</Code>
        </Alert>
      ) : null}
      {hooks.isError ? <ErrorAlert error={hooks.error} title="Webhooks could not be loaded" /> : null}
      <Table.ScrollContainer minWidth={720} type="native" mt="sm" tabIndex={0} role="region" aria-label="Webhooks (scrolls sideways)">
        <Table aria-label="Webhooks" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Kind</Table.Th>
              <Table.Th>URL</Table.Th>
              <Table.Th>Events</Table.Th>
              <Table.Th>Last delivery</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(hooks.data?.items ?? []).map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>{h.kind}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{h.url}</Table.Td>
                <Table.Td>{h.events.map((e) => EVENT_LABELS[e]).join(', ')}</Table.Td>
                <Table.Td>{h.lastDelivery ? `${h.lastDelivery.status}${h.lastDelivery.statusCode ? ` (${h.lastDelivery.statusCode})` : ''}` : 'none yet'}</Table.Td>
                <Table.Td>{h.active ? <Badge color="teal" variant="light">enabled</Badge> : <Badge color="gray" variant="light">disabled</Badge>}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="xs" variant="default" onClick={() => setEditing(editing === h.id ? null : h.id)} aria-label={`Edit webhook ${h.url}`}>
                      Edit
                    </Button>
                    <Button size="xs" variant="default" onClick={() => update.mutate({ id: h.id, body: { active: !h.active } })} aria-label={`${h.active ? 'Disable' : 'Enable'} webhook ${h.url}`}>
                      {h.active ? 'Disable' : 'Enable'}
                    </Button>
                    <Button size="xs" variant="default" onClick={() => setOpen(open === h.id ? null : h.id)}>
                      {open === h.id ? 'Hide log' : 'Delivery log'}
                    </Button>
                    <Button size="xs" variant="default" onClick={() => test.mutate(h.id)} disabled={!h.active}>
                      Send test
                    </Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(h.id)}>
                      Remove
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {test.error ? <ErrorAlert error={test.error} title="The test message was not queued" /> : null}
      {update.error && !editing ? <ErrorAlert error={update.error} title="The webhook was not changed" /> : null}
      {editing && hooks.data?.items.find((h) => h.id === editing) ? (
        <EditWebhook key={editing} hook={hooks.data.items.find((h) => h.id === editing)!} onDone={() => setEditing(null)} />
      ) : null}
      {open ? <DeliveryLog id={open} /> : null}
    </section>
  );
}

/** Edits a webhook's format, URL and events; a JSON webhook that had no secret shows its new one once. */
function EditWebhook({ hook, onDone }: { hook: TWebhook; onDone: () => void }) {
  const update = useUpdateWebhook();
  const [kind, setKind] = useState<TWebhookKind>(hook.kind);
  const [url, setUrl] = useState(hook.url);
  const [events, setEvents] = useState<TWebhookEvent[]>(hook.events);
  const [secret, setSecret] = useState<string | null>(null);
  const errors = fieldErrors(update.error);
  return (
    <form
      noValidate
      aria-label="Edit webhook"
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate({ id: hook.id, body: { kind, url, events } }, { onSuccess: (r) => (r.secret ? setSecret(r.secret) : onDone()) });
      }}
    >
      <Stack gap="xs" mt="md">
        <Title order={3} size="h4">
          Edit webhook
        </Title>
        <Group align="end" wrap="wrap">
          <Select label="Format" data={[{ value: 'slack', label: 'Slack' }, { value: 'teams', label: 'Microsoft Teams' }, { value: 'json', label: 'JSON (signed)' }]} value={kind} onChange={(v) => setKind((v as TWebhookKind) ?? kind)} allowDeselect={false} w={180} />
          <TextInput label="Webhook URL" value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={errors.url} style={{ flex: 1, minWidth: 220 }} />
        </Group>
        <Checkbox.Group label="Events" value={events} onChange={(v) => setEvents(v as TWebhookEvent[])} error={errors.events}>
          <Group gap="md" mt={4}>
            {WEBHOOK_EVENTS.map((ev) => (
              <Checkbox key={ev} value={ev} label={EVENT_LABELS[ev]} />
            ))}
          </Group>
        </Checkbox.Group>
        <FormError error={update.error} fields={['url', 'events', 'kind']} />
        {secret ? (
          <Alert color="teal" variant="light" role="status" title="Signing secret (shown once)">
            <Code style={{ wordBreak: 'break-all' }}>{secret}</Code>
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={update.isPending}>
            Save webhook
          </Button>
          <Button variant="default" onClick={onDone}>
            {secret ? 'Done' : 'Cancel'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeliveryLog({ id }: { id: string }) {
  const log = useDeliveries(id);
  if (log.isError) return <ErrorAlert error={log.error} title="The delivery log could not be loaded" />;
  const items = log.data?.items ?? [];
  return (
    <Table.ScrollContainer minWidth={720} type="native" mt="sm" tabIndex={0} role="region" aria-label="Delivery log (scrolls sideways)">
      <Table aria-label="Delivery log" striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Event</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Attempts</Table.Th>
            <Table.Th>Last attempt</Table.Th>
            <Table.Th>Answer</Table.Th>
            <Table.Th>Next attempt</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={6}>No deliveries yet.</Table.Td>
            </Table.Tr>
          ) : (
            items.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <Code>{d.event}</Code>
                </Table.Td>
                <Table.Td>{d.status}</Table.Td>
                <Table.Td>{d.attempts}</Table.Td>
                <Table.Td>{fmt(d.lastAttemptAt)}</Table.Td>
                <Table.Td>{d.lastStatusCode ?? d.lastError ?? '—'}</Table.Td>
                <Table.Td>{fmt(d.nextAttemptAt)}</Table.Td>
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function SsoSection() {
  const sso = useSso();
  const put = usePutSso();
  const errors = fieldErrors(put.error);
  const c = sso.data;
  return (
    <section aria-labelledby="sso-title">
      <Title order={2} size="h3" id="sso-title">
        Single sign-on (OpenID Connect)
      </Title>
      {c ? (
        <Text size="sm" c="dimmed" mb="sm">
          Register this redirect URI at your provider: <Code>{c.redirectUri}</Code>
          {c.startUrl ? (
            <>
              {' '}
              · Sign-in address: <Code>{c.startUrl}</Code>
            </>
          ) : null}
        </Text>
      ) : null}
      {sso.isError ? <ErrorAlert error={sso.error} title="Single sign-on settings could not be loaded" /> : null}
      {c ? (
        <form
          key={`${c.issuer}-${c.clientId}`}
          noValidate
          aria-label="Single sign-on settings"
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            const text = (k: string) => String(f.get(k) ?? '').trim();
            put.mutate({
              issuer: text('issuer'),
              clientId: text('clientId'),
              clientSecret: text('clientSecret'),
              allowedDomains: text('allowedDomains').split(/[\s,]+/).filter(Boolean),
              required: f.get('required') === 'on',
              sideClaim: text('sideClaim') || null,
              departmentClaim: text('departmentClaim') || null,
            });
          }}
        >
          <Stack gap="xs" maw={560}>
            <TextInput name="issuer" label="Issuer URL" defaultValue={c.issuer ?? ''} placeholder="https://login.example.com/realms/acme" error={errors.issuer} />
            <TextInput name="clientId" label="Client ID" defaultValue={c.clientId ?? ''} error={errors.clientId} />
            <TextInput name="clientSecret" type="password" label="Client secret" description={c.configured ? 'Stored encrypted; enter it again to save changes.' : undefined} autoComplete="off" error={errors.clientSecret} />
            <TextInput name="allowedDomains" label="Allowed e-mail domains" description="Comma-separated, e.g. acme.com, acme.de" defaultValue={c.allowedDomains.join(', ')} error={errors.allowedDomains} />
            <Group grow>
              <TextInput name="sideClaim" label="Side claim (it / business)" defaultValue={c.sideClaim ?? ''} error={errors.sideClaim} />
              <TextInput name="departmentClaim" label="Department claim" defaultValue={c.departmentClaim ?? ''} error={errors.departmentClaim} />
            </Group>
            <Switch name="required" label="Require single sign-on for members (owners keep their password)" defaultChecked={c.required} />
            <FormError error={put.error} fields={['issuer', 'clientId', 'clientSecret', 'allowedDomains', 'sideClaim', 'departmentClaim']} />
            {put.isSuccess ? (
              <Alert color="teal" variant="light" role="status">
                Saved.
              </Alert>
            ) : null}
            <Group>
              <Button type="submit" loading={put.isPending}>
                Save single sign-on
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </section>
  );
}
