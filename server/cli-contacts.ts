import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { ExportQuery, ImportQuery } from '../lib/core/model/imports';
import { parseInput } from '../lib/core/model/parse';
import { findUserByEmail } from './domain/admin';
import { cliActor } from './domain/audit/record';
import { exportCsv, EXPORT_KINDS, type ExportKind } from './domain/exports/contacts';
import { dryRunImport, runImport } from './domain/imports/contacts';
import { parseCsv } from './domain/imports/parse-csv';
import { ApiError } from './http/errors';
import { openStore, type StoreOptions } from './store/db';
import type { ImportReport } from '../lib/core/model/imports';

/** The roles that may import and export, as on the routes. */
const ROLES = ['manager', 'marketing', 'admin'];

export const CONTACTS_USAGE = `  contacts import FILE --workspace ID --as EMAIL [--dry-run] [--update|--skip] [--good-rows] [--mapping JSON]
                         import contacts from a CSV file as that manager, marketer or admin (the stage history
                         names them): the same rules as the dashboard; any bad row imports nothing unless
                         --good-rows; an address already a contact is skipped unless --update
  contacts export contacts|activities|attempts --workspace ID [--stage mql,sql] [--owner EMAIL] [--source S]
                  [--updated-since ISO] [--out FILE]
                         the contacts (score, stage, owner, cadence), or their activities or attempts, as CSV`;

export interface ContactsFlags {
  workspace?: string;
  as?: string;
  'dry-run'?: boolean;
  update?: boolean;
  skip?: boolean;
  'good-rows'?: boolean;
  mapping?: string;
  stage?: string;
  owner?: string;
  source?: string;
  'updated-since'?: string;
  out?: string;
}

class Usage extends Error {}

/** `contacts import|export`: 0 done, 1 refused (a bad row, an unknown user), 2 a wrong command line. */
export async function runContactsCommand(
  positionals: readonly string[],
  flags: ContactsFlags,
  store: StoreOptions,
  out: (line: string) => void,
  err: (line: string) => void,
  now: () => Date,
): Promise<number> {
  try {
    const [, verb, arg] = positionals;
    if (!flags.workspace) throw new Usage('--workspace is required');
    if (verb === 'import') return await importFile(arg, { ...flags, workspace: flags.workspace }, store, out, now);
    if (verb === 'export') return await exportFile(arg, { ...flags, workspace: flags.workspace }, store, out, now);
    throw new Usage(`unknown command "${positionals.join(' ')}"; run with --help to see the commands`);
  } catch (e) {
    if (e instanceof Usage) {
      err(e.message);
      return 2;
    }
    if (e instanceof ApiError) {
      err(e.message);
      return 1;
    }
    throw e;
  }
}

async function importFile(file: string | undefined, flags: ContactsFlags & { workspace: string }, storeOptions: StoreOptions, out: (line: string) => void, now: () => Date) {
  if (!file) throw new Usage('contacts import needs the CSV file');
  if (!existsSync(file)) throw new Usage(`no file ${file}`);
  if (!flags.as) throw new Usage('--as is required: the manager, marketer or admin the import is made as');
  if (flags.update && flags.skip) throw new Usage('--update and --skip cannot both be given');
  const query = parseInput(ImportQuery, { duplicates: flags.update ? 'update' : 'skip', ...(flags.mapping ? { mapping: flags.mapping } : {}) }, 'options');
  if (!query.ok) throw new Usage(query.message);
  const store = await openStore(storeOptions);
  try {
    const user = await findUserByEmail(store.db, flags.as);
    if (!user || user.workspaceId !== flags.workspace || user.disabled || !ROLES.includes(user.role)) {
      throw new ApiError('forbidden', `${flags.as} is not an active manager, marketer or admin of workspace ${flags.workspace}`);
    }
    const table = await parseCsv(createReadStream(file));
    const request = {
      workspaceId: flags.workspace,
      actor: cliActor(flags.workspace),
      importerId: user.id,
      table,
      mapping: query.value.mapping,
      duplicates: query.value.duplicates,
      goodRows: flags['good-rows'] === true,
      now: now(),
    };
    try {
      printReport(flags['dry-run'] ? await dryRunImport(store.db, request) : await runImport(store.db, request), out);
      return 0;
    } catch (e) {
      // A file refused for its bad rows: the report says which, then the refusal.
      if (e instanceof ApiError && 'report' in e) printReport(e.report as ImportReport, out);
      throw e;
    }
  } finally {
    await store.close();
  }
}

function printReport(report: ImportReport, out: (line: string) => void) {
  const { counts } = report;
  const verb = report.dryRun ? 'would be' : report.imported ? 'were' : 'would have been';
  out(`${counts.rows} rows: ${counts.create} ${verb} created, ${counts.update} updated, ${counts.skip} skipped, ${counts.bad} bad`);
  for (const row of report.rows) {
    if (row.action === 'create') continue;
    out(`row ${row.row}  ${row.action}  ${row.email ?? '(no email)'}${row.reasons.length > 0 ? `  ${row.reasons.join('; ')}` : ''}`);
  }
  if (report.truncated) out(`(the first ${report.rows.length} rows listed)`);
}

async function exportFile(kind: string | undefined, flags: ContactsFlags & { workspace: string }, storeOptions: StoreOptions, out: (line: string) => void, now: () => Date) {
  if (!kind || !EXPORT_KINDS.includes(kind as ExportKind)) throw new Usage(`contacts export needs what to export: ${EXPORT_KINDS.join(', ')}`);
  const filter = parseInput(
    ExportQuery,
    Object.fromEntries(
      Object.entries({ stage: flags.stage, ownerEmail: flags.owner, source: flags.source, updatedSince: flags['updated-since'] }).filter(([, v]) => v !== undefined),
    ),
    'filter',
  );
  if (!filter.ok) throw new Usage(filter.message);
  const store = await openStore(storeOptions);
  try {
    const sink = flags.out ? createWriteStream(flags.out) : null;
    let text = '';
    for await (const chunk of exportCsv(store.db, flags.workspace, kind as ExportKind, filter.value, now())) {
      if (sink) {
        if (!sink.write(chunk)) await once(sink, 'drain');
      } else text += chunk;
    }
    if (sink) {
      sink.end();
      await once(sink, 'finish');
    } else for (const line of text.replace(/\r\n$/, '').split('\r\n')) out(line);
    return 0;
  } finally {
    await store.close();
  }
}
