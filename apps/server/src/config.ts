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
  /** Maximum attempts per minute per client on login, setup and invitation acceptance. */
  authRateLimit: number;
  /** Survey-link requests per minute per client: a flood guard only (a whole office shares one IP; tokens are 128-bit, so guessing is hopeless anyway). */
  respondRateLimit: number;
  /** Absolute session lifetime (decision 008). */
  sessionDays: number;
  /** A session unused this long ends (decision 008). */
  sessionIdleMinutes: number;
  /** Per-account attempts (keyed by e-mail, whether or not it has an account) per 15 minutes on login, and per hour on password reset requests. */
  accountLoginLimit: number;
  accountResetLimit: number;
  passwordResetMinutes: number;
  invitationDays: number;
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
    authRateLimit: Number(env.TANDEM_AUTH_RATE_LIMIT ?? 10),
    respondRateLimit: Number(env.TANDEM_RESPOND_RATE_LIMIT ?? 60_000),
    sessionDays: 7,
    sessionIdleMinutes: Number(env.TANDEM_SESSION_IDLE_MINUTES ?? 480),
    accountLoginLimit: Number(env.TANDEM_ACCOUNT_LOGIN_LIMIT ?? 20),
    accountResetLimit: Number(env.TANDEM_ACCOUNT_RESET_LIMIT ?? 3),
    passwordResetMinutes: 30,
    invitationDays: 7,
  };
}
