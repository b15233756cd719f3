import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** The public origin of the app, e.g. https://tandem.example.com; links and the CSRF origin check use it. */
  publicUrl: string | null;
  databaseUrl: string | null;
  dataDir: string;
  smtpUrl: string | null;
  mailFrom: string;
  redisUrl: string | null;
  logLevel: string;
  /**
   * Proxies whose X-Forwarded-For is believed (addresses or CIDRs). Empty: the socket address is
   * the client, whatever the headers say (decision 009).
   */
  trustedProxies: string[];
  /** Maximum attempts per minute per client on login, setup, invitation acceptance and password change. */
  authRateLimit: number;
  /**
   * Survey-link requests per minute per client address. A whole office may answer through one
   * NAT address right after the mail goes out, so this is a flood guard (tokens are 128-bit:
   * guessing is hopeless anyway), sized for about 150 people opening and answering in one minute.
   */
  respondRateLimit: number;
  /** Organisations one client may create per hour. */
  orgCreateRateLimit: number;
  /** Invitation batches (people and pulse invitations) one client may create per hour. */
  inviteRateLimit: number;
  /** Absolute session lifetime (decision 008). */
  sessionDays: number;
  /** A session unused this long ends (decision 008). */
  sessionIdleMinutes: number;
  /**
   * How long a resolved session is reused from memory (`TANDEM_SESSION_CACHE_SECONDS`, default 5;
   * 0 turns the cache off). Sign-out, password, role and membership changes evict it on every
   * instance at once (decision 156); the TTL only bounds what a missed message could cost.
   */
  sessionCacheSeconds: number;
  /** Most sessions kept in that cache (least recently used go first). */
  sessionCacheMax: number;
  /**
   * Megabytes of versioned read answers (the people directory, the roadmap reads) each instance keeps
   * (`TANDEM_READ_CACHE_MB`, default 8, 0 = none). An answer is reused only while its
   * organisation's data version is unchanged, read from the database on every request (decision 166).
   */
  readCacheMb: number;
  /** How often each instance looks for due scheduled jobs (decision 060). */
  jobTickSeconds: number;
  /** Per-account attempts (keyed by e-mail, whether or not it has an account) per 15 minutes on login, and per hour on password reset requests. */
  accountLoginLimit: number;
  accountResetLimit: number;
  passwordResetMinutes: number;
  invitationDays: number;
  /** Requests per minute per API token, over all routes (decision 120). */
  tokenRateLimit: number;
  /**
   * Key for secrets stored at rest (SSO client secrets, webhook signing secrets), AES-256-GCM
   * (decision 124). Null: those features refuse to store a secret.
   */
  secretKey: string | null;
  /** Hosts that webhooks may reach even though they resolve to private or loopback addresses (self-hosted receivers). */
  webhookAllowHosts: string[];
  /** Largest request body in bytes (`TANDEM_BODY_LIMIT`, default 1 MiB); larger bodies answer 413. */
  bodyLimit: number;
  /** Bearer token for GET /metrics; null: /metrics answers 404 (decision 102). */
  metricsToken: string | null;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    publicUrl: env.TANDEM_PUBLIC_URL ? env.TANDEM_PUBLIC_URL.replace(/\/+$/, '') : null,
    databaseUrl: env.DATABASE_URL || null,
    dataDir: resolve(env.TANDEM_DATA_DIR ?? '.tandem'),
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.TANDEM_MAIL_FROM ?? 'Tandem <tandem@localhost>',
    redisUrl: env.REDIS_URL || null,
    logLevel: env.LOG_LEVEL ?? 'info',
    trustedProxies: parseList(env.TANDEM_TRUSTED_PROXIES),
    authRateLimit: positiveInt(env, 'TANDEM_AUTH_RATE_LIMIT', 10),
    respondRateLimit: positiveInt(env, 'TANDEM_RESPOND_RATE_LIMIT', 300),
    orgCreateRateLimit: positiveInt(env, 'TANDEM_ORG_RATE_LIMIT', 10),
    inviteRateLimit: positiveInt(env, 'TANDEM_INVITE_RATE_LIMIT', 200),
    sessionDays: 7,
    sessionIdleMinutes: positiveInt(env, 'TANDEM_SESSION_IDLE_MINUTES', 480),
    sessionCacheSeconds: wholeNumber(env, 'TANDEM_SESSION_CACHE_SECONDS', 5, 60),
    sessionCacheMax: 10_000,
    readCacheMb: wholeNumber(env, 'TANDEM_READ_CACHE_MB', 8, 4096),
    jobTickSeconds: positiveInt(env, 'TANDEM_JOB_TICK_SECONDS', 30),
    accountLoginLimit: positiveInt(env, 'TANDEM_ACCOUNT_LOGIN_LIMIT', 20),
    accountResetLimit: positiveInt(env, 'TANDEM_ACCOUNT_RESET_LIMIT', 3),
    passwordResetMinutes: 30,
    invitationDays: 7,
    tokenRateLimit: positiveInt(env, 'TANDEM_TOKEN_RATE_LIMIT', 600),
    secretKey: secretKey(env.TANDEM_SECRET_KEY),
    webhookAllowHosts: parseList(env.TANDEM_WEBHOOK_ALLOW_HOSTS).map((h) => h.toLowerCase()),
    bodyLimit: positiveInt(env, 'TANDEM_BODY_LIMIT', 1024 * 1024),
    metricsToken: env.TANDEM_METRICS_TOKEN || null,
  };
}

function secretKey(v: string | undefined): string | null {
  if (v === undefined || v === '') return null;
  if (v.length < 32) throw new Error('TANDEM_SECRET_KEY must be at least 32 characters (e.g. `openssl rand -base64 32`)');
  return v;
}

function parseList(v: string | undefined): string[] {
  return (v ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of 1 or more, got ${raw}`);
  return n;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new Error(`${name} must be a whole number from 0 to ${max}, got ${raw}`);
  return n;
}
