import { z } from 'zod';

/**
 * One organisation as one JSON document (decision 111): `GET /api/v1/export` answers it and
 * `POST /api/v1/import` takes it back into an empty organisation. Rows keep the database's column
 * names; the server checks them against its schema.
 */
export const ZOrgExport = z.strictObject({
  format: z.literal('tandem-organisation-export'),
  version: z.literal(1),
  exportedAt: z.string().max(40),
  organisation: z.strictObject({ id: z.uuid(), name: z.string().max(200), currency: z.string().max(10) }),
  tables: z.record(z.string().max(64), z.array(z.record(z.string().max(64), z.unknown())).max(1_000_000)),
});
export type OrgExport = z.infer<typeof ZOrgExport>;

export const ZOrgImportResult = z.object({ imported: z.record(z.string(), z.number().int()) });
export type OrgImportResult = z.infer<typeof ZOrgImportResult>;
