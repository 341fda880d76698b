import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { ExportQuery, ImportQuery, ImportReport, type ImportProgressLine } from '../../lib/core/model/imports';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../context';
import { actorOf } from '../domain/audit/record';
import { exportCsv, EXPORT_KINDS, type ExportKind } from '../domain/exports/contacts';
import { dryRunImport, planContactsImport, runImport, type ImportRequest } from '../domain/imports/contacts';
import { parseCsv } from '../domain/imports/parse-csv';
import { ApiError, badRequest } from '../http/errors';
import { operation } from '../http/openapi';

/** An import's body may be this large (50,000 rows of a dozen columns is about 8 MB); mounted before /v1's 1 MB limit. */
export const IMPORT_BODY_MAX = 64 * 1024 * 1024;

const ROLES = ['manager', 'marketing', 'admin'] as const;

/**
 * docs/api.md § Imports and exports (manager, marketing, admin). `POST /v1/imports/contacts` takes the CSV file as
 * its body. A dry run answers the report as JSON. A real run answers NDJSON, so the dashboard shows progress while
 * 50,000 rows are written: `progress` lines, then `done` with the report. A file with a bad row (without
 * `goodRows=true`) is a 400 carrying the same report before anything streams, and nothing is written.
 */
const tag = 'Import and export';
const importContacts = operation({
  tag,
  summary: 'Import contacts from a CSV file (the body), or a dry run of it',
  description:
    'The body is the file itself (up to 64 MB, at most 100,000 rows; a BOM, CRLF and `,` `;` tab or `|` separators are read). `dryRun=true` answers the report as JSON and writes nothing; a real run answers `application/x-ndjson`: `progress` lines after each batch of 500 rows, then `done` with the report. A file with a bad row is a 400 carrying the report, and nothing is written, unless `goodRows=true`.',
  query: ImportQuery,
  otherBody: { media: 'text/csv', schema: z.string() },
  responses: { 200: { description: 'the dry run’s report (a real run streams NDJSON lines ending in this report)', schema: ImportReport } },
});

export const importsRoutes = new Hono<AppEnv>().post('/contacts', importContacts, requireRole(...ROLES), async (c) => {
  const query = importContacts.query(c);
  const body = c.req.raw.body;
  if (body === null) throw badRequest('the request body must be the CSV file');
  const table = await parseCsv(body);
  const caller = c.get('caller');
  const { db, now } = c.get('deps');
  const request: ImportRequest = {
    workspaceId: caller.workspace.id,
    actor: actorOf(caller),
    table,
    mapping: query.mapping,
    duplicates: query.duplicates,
    goodRows: query.goodRows,
    now: now(),
  };
  if (query.dryRun) return c.json(await dryRunImport(db, request));
  // Refuse a file with bad rows before the answer starts streaming, so it is a plain 400; the real run checks again
  // under the workspace's lock.
  const { plan } = await planContactsImport(db, request);
  if (plan.counts.bad > 0 && !query.goodRows) {
    const refusal = await runImport(db, request).catch((e: unknown) => e);
    return refusalOf(c, refusal);
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: ImportProgressLine) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        const report = await runImport(db, request, (done, total) => send({ type: 'progress', done, total }));
        send({ type: 'done', report });
      } catch (e) {
        send({ type: 'error', message: e instanceof ApiError ? e.message : 'the import failed on our side; nothing was imported' });
        if (!(e instanceof ApiError)) c.get('deps').log.error('import failed', { err: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      }
      controller.close();
    },
  });
  return new Response(stream, { status: 200, headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' } });
});

function refusalOf(c: Context<AppEnv>, refusal: unknown) {
  if (refusal instanceof ApiError && 'report' in refusal) {
    return c.json({ error: { ...refusal.body.error, report: refusal.report } }, 400);
  }
  throw refusal;
}

/** `GET /v1/exports/contacts.csv`, `activities.csv`, `attempts.csv` for a filter, streamed (manager, marketing, admin). */
const exportOperation = (kind: ExportKind) =>
  operation({
    tag,
    summary: kind === 'contacts' ? 'Contacts as CSV (score, stage, owner, cadence state), for a filter' : `The filtered contacts’ ${kind} as CSV`,
    description: 'Streamed; cells a spreadsheet would run as a formula start with `\'`.',
    query: ExportQuery,
    responses: { 200: { description: `${kind}.csv`, media: 'text/csv' } },
  });

function exportRoute(kind: ExportKind) {
  const op = exportOperation(kind);
  return [
    `/${kind}.csv`,
    op,
    requireRole(...ROLES),
    async (c: Context<AppEnv>) => {
      const filter = op.query(c);
      const { db, now } = c.get('deps');
      const chunks = exportCsv(db, c.get('caller').workspace.id, kind, filter, now());
      const encoder = new TextEncoder();
      const stream = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        },
      });
      return new Response(stream, {
        headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${kind}.csv"`, 'Cache-Control': 'no-store' },
      });
    },
  ] as const;
}

export const exportsRoutes = new Hono<AppEnv>();
for (const kind of EXPORT_KINDS) exportsRoutes.get(...exportRoute(kind));
