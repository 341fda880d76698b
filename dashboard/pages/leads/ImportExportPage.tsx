import Papa from 'papaparse';
import { useState } from 'react';
import { IMPORT_FIELDS, suggestMapping, type ImportField, type ImportMapping } from '../../../lib/core/imports/fields';
import type { DuplicateChoice } from '../../../lib/core/imports/plan';
import type { ImportReport } from '../../../lib/core/model/imports';
import { LIFECYCLE_STAGES } from '../../../lib/core/model/vocabulary';
import { useDashboard } from '../../shell/context';
import { messageOf } from '../../shell/states';

/** The file as the page holds it: its text (sent whole), and its header and first rows for the mapping. */
interface ChosenFile {
  name: string;
  text: string;
  headers: string[];
  sample: string[][];
}

const FIELD_LABELS: Record<ImportField, string> = {
  email: 'Email', name: 'Name', title: 'Title', company: 'Company', seniority: 'Seniority', country: 'Country',
  companySize: 'Company size', industry: 'Industry', businessModel: 'B2B or B2C', phone: 'Phone', stage: 'Stage',
  leadType: 'Lead type', source: 'Source', ownerEmail: 'Owner (email)',
};

/**
 * Import and export (`/app/leads`, managers, marketing, admins): choose a CSV, check the mapping suggested from its
 * header, see a dry run's per-row report, then import with progress; and download contacts, activities or attempts
 * for a filter. The server parses the whole file with the same rules; this page reads only its first rows.
 */
export function ImportExportPage() {
  return (
    <section className="page leads-page" aria-labelledby="leads-title">
      <h1 id="leads-title">Import and export</h1>
      <ImportPart />
      <ExportPart />
    </section>
  );
}

function ImportPart() {
  const { api } = useDashboard();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [duplicates, setDuplicates] = useState<DuplicateChoice>('skip');
  const [goodRows, setGoodRows] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (chosen: File | undefined) => {
    setReport(null);
    setProgress(null);
    setError(null);
    if (!chosen) return setFile(null);
    const text = await chosen.text();
    const parsed = Papa.parse<string[]>(text, { preview: 6, skipEmptyLines: 'greedy' });
    const [header = [], ...sample] = parsed.data;
    const headers = header.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
    setFile({ name: chosen.name, text, headers, sample });
    setMapping(suggestMapping(headers));
  };
  const options = { mapping, duplicates, goodRows };
  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const dryRun = () => act(async () => setReport(await api.importDryRun(file!.text, options)));
  const runImport = () =>
    act(async () => {
      setProgress({ done: 0, total: 0 });
      setReport(await api.importContacts(file!.text, options, (done, total) => setProgress({ done, total })));
    });

  return (
    <section className="card leads-import" aria-labelledby="import-title">
      <h2 id="import-title">Import contacts from CSV</h2>
      <label>
        CSV file <input type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.currentTarget.files?.[0])} />
      </label>
      {file ? (
        <>
          <p>
            {file.name}: columns {file.headers.join(', ')}
          </p>
          <fieldset className="leads-mapping">
            <legend>Which column fills each field</legend>
            {IMPORT_FIELDS.map((field) => (
              // The label names the select by its field alone (a wrapping label would read the chosen option too).
              <div key={field} className="leads-mapping__field">
                <label htmlFor={`import-field-${field}`}>{FIELD_LABELS[field]}</label>
                <select
                  id={`import-field-${field}`}
                  value={mapping[field] ?? ''}
                  onChange={(e) => {
                    const column = e.currentTarget.value;
                    setMapping((m) => {
                      const { [field]: _dropped, ...rest } = m;
                      return column === '' ? rest : { ...rest, [field]: column };
                    });
                    setReport(null);
                  }}
                >
                  <option value="">— not imported —</option>
                  {file.headers.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </fieldset>
          <fieldset>
            <legend>An address that is already a contact</legend>
            <label>
              <input type="radio" name="duplicates" checked={duplicates === 'skip'} onChange={() => setDuplicates('skip')} /> Skip it
            </label>
            <label>
              <input type="radio" name="duplicates" checked={duplicates === 'update'} onChange={() => setDuplicates('update')} /> Update it
            </label>
          </fieldset>
          <label>
            <input type="checkbox" checked={goodRows} onChange={(e) => setGoodRows(e.currentTarget.checked)} /> Import the good rows even if some are bad
          </label>
          <div className="leads-actions">
            <button type="button" disabled={busy} onClick={() => void dryRun()}>
              Dry run
            </button>
            <button type="button" disabled={busy} onClick={() => void runImport()}>
              Import
            </button>
          </div>
        </>
      ) : null}
      {progress && busy ? (
        <p>
          <label>
            Importing <progress max={progress.total || 1} value={progress.done} /> {progress.done} of {progress.total}
          </label>
        </p>
      ) : null}
      {error ? (
        <div className="notice notice--danger" role="alert">
          {error}
        </div>
      ) : null}
      {report ? <ReportView report={report} /> : null}
    </section>
  );
}

function ReportView({ report }: { report: ImportReport }) {
  const { counts } = report;
  const verb = report.dryRun ? 'would be' : 'were';
  return (
    <div className="leads-report" aria-label="Import report">
      <p role="status">
        {report.dryRun ? 'Dry run: ' : 'Imported: '}
        {counts.rows} rows — {counts.create} {verb} created, {counts.update} updated, {counts.skip} skipped, {counts.bad} bad
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Email</th>
            <th scope="col">What happens</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((r) => (
            <tr key={r.row}>
              <td>{r.row}</td>
              <td>{r.email ?? '—'}</td>
              <td>{r.action}</td>
              <td>{r.reasons.join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.truncated ? <p>Only the first {report.rows.length} rows are listed.</p> : null}
    </div>
  );
}

function ExportPart() {
  const { api } = useDashboard();
  const [stage, setStage] = useState('');
  const [ownerEmail, setOwnerEmail] = useState('');
  const [source, setSource] = useState('');
  const [updatedSince, setUpdatedSince] = useState('');
  const filter = { stage, ownerEmail, source, updatedSince: updatedSince ? new Date(updatedSince).toISOString() : '' };
  return (
    <section className="card leads-export" aria-labelledby="export-title">
      <h2 id="export-title">Export as CSV</h2>
      <label>
        Stage{' '}
        <select value={stage} onChange={(e) => setStage(e.currentTarget.value)}>
          <option value="">Any stage</option>
          {LIFECYCLE_STAGES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        Owner email <input type="email" value={ownerEmail} onChange={(e) => setOwnerEmail(e.currentTarget.value)} />
      </label>
      <label>
        Source <input value={source} onChange={(e) => setSource(e.currentTarget.value)} />
      </label>
      <label>
        Updated since <input type="date" value={updatedSince} onChange={(e) => setUpdatedSince(e.currentTarget.value)} />
      </label>
      <ul className="leads-downloads">
        <li>
          <a href={api.exportUrl('contacts', filter)} download>
            Contacts (score, stage, owner, cadence)
          </a>
        </li>
        <li>
          <a href={api.exportUrl('activities', filter)} download>
            Their activities
          </a>
        </li>
        <li>
          <a href={api.exportUrl('attempts', filter)} download>
            Their attempts
          </a>
        </li>
      </ul>
    </section>
  );
}
