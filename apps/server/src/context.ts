import type { DataScope, Database, Db } from '@tandem/db';
import type { Config } from './config';
import type { Mailer } from './lib/mailer';
import type { JobRunner } from './lib/jobs';

/** What every service receives: the database, the configuration, the mailer and the clock. */
export interface AppContext {
  db: Db;
  engine: Database['engine'];
  database: Database;
  config: Config;
  mailer: Mailer | null;
  /** The clock is injected so that expiry and history are testable. */
  now: () => Date;
}

export type Role = 'owner' | 'admin' | 'leader' | 'member';

/** Who is calling: set by the auth plugin from the session cookie. */
export interface Auth {
  sessionId: string;
  userId: string;
  csrfToken: string;
  orgId: string | null;
  role: Role | null;
  /** Set when the caller is an API token (decision 120): sessionId and csrfToken are then empty. */
  token?: { id: string; scopes: Array<'read' | 'write'> };
}

/** Authenticated caller acting in an organisation with a role. */
export interface OrgAuth extends Auth {
  orgId: string;
  role: Role;
}

/** The role each route requires: 'public' (no session), 'user' (signed in) or a minimum role in the current organisation. */
export type Access = 'public' | 'user' | Role;

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
    jobs: JobRunner;
  }
  interface FastifyRequest {
    auth: Auth | null;
  }
  interface FastifyContextConfig {
    access?: Access;
    /** Tag 200 answers with an ETag and answer a matching If-None-Match with 304 (decision 116). */
    etag?: boolean;
    /**
     * With `etag`: the kind of data the answer is made of, so that it is tagged by the organisation's
     * counter for it before any work, and reused while that counter stands (decision 166).
     */
    dataVersion?: DataScope;
  }
}
