/**
 * `npm run bench`: every speed promise of docs/promises.md § Speed beside a limit measured in the same run on the same machine, one
 * figure at a time (bench/figures/), bounded in time. Prints the table, writes bench/results.json and rewrites the
 * README's Performance section from it (bench/readme.ts).
 *
 *   npm run bench                      all figures; results.json and README
 *   npm run bench -- ingest sizes      only these (by id); writes bench/out/results.partial.json, README untouched
 *   npm run bench -- --no-readme       all figures, README untouched
 *
 * Figure ids: panel, sync-apply, no-change-sync, ingest, ingest-partitioned (raw inserts into a by-day partitioned event
 * table beside today's), sync-load, content-script, sizes, alerts (an ingested event → the rep's notification, beside
 * the same event → the open panel's "Active now"), sync-scale (a no-change and a one-change pull on a workspace of 2k,
 * 20k and 200k contacts, the rep's scope held equal), memory (the panel's and the background's JS heap with 5,000
 * contacts cached, beside an empty install's), reports (the SLA report and funnel actuals at 20k contacts and 2M
 * activities), reports-growth (the same from 2k to 200k contacts), dashboard (first paint of the SLA page on that
 * workspace, and the JavaScript it loads). Scratch (builds, browser
 * profiles, databases) goes to a temporary folder removed at the end. LEADSIDE_BENCH_PROFILE=DIR writes a CPU profile
 * of each API server process into DIR (read one with `node --import tsx bench/support/cpuprofile.ts FILE`);
 * LEADSIDE_BENCH_DATABASE_URL uses that PostgreSQL server instead of a throwaway cluster.
 *
 * Nothing here is a test: no figure fails the run. A figure that errors or times out is reported as such.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { alerts } from './figures/alerts';
import { contentScript } from './figures/content-script';
import { dashboard } from './figures/dashboard';
import { ingest } from './figures/ingest';
import { ingestPartitioned } from './figures/ingest-partitioned';
import { memory } from './figures/memory';
import { noChangeSync } from './figures/no-change-sync';
import { panel } from './figures/panel';
import { reports, reportsGrowth } from './figures/reports';
import { sizes } from './figures/sizes';
import { syncApply } from './figures/sync-apply';
import { syncLoad } from './figures/sync-load';
import { syncScale } from './figures/sync-scale';
import { updateReadme } from './readme';
import { textTable } from './support/format';
import type { Figure, FigureContext, Row } from './support/result';
import { withTimeout } from './support/stats';

const FIGURES: Figure[] = [panel, syncApply, noChangeSync, ingest, ingestPartitioned, syncLoad, syncScale, contentScript, sizes, alerts, reports, reportsGrowth, dashboard, memory];

export interface FigureRecord {
  id: string;
  title: string;
  seconds: number;
  /** The machine's 1-minute load average when the figure started (others' work on a shared machine shows here). */
  loadAverage: number;
  error: string | null;
  rows: Row[];
  details: Record<string, unknown>;
}

export interface Results {
  machine: { cpu: string; cores: number; node: string; platform: string; memoryGB: number; loadAverageAtStart: number[] };
  date: string;
  seconds: number;
  figures: FigureRecord[];
}

const root = join(import.meta.dirname, '..');
const outDir = join(import.meta.dirname, 'out');

/** The running figure's cleanups, also run on Ctrl-C (a throwaway PostgreSQL cluster must not outlive the run). */
let cleanups: (() => unknown)[] = [];

async function runCleanups(id: string): Promise<void> {
  const pending = cleanups.reverse();
  cleanups = [];
  for (const cleanup of pending) {
    try {
      await withTimeout(`${id} cleanup`, 30_000, Promise.resolve().then(cleanup));
    } catch (err) {
      console.log(`  [${id}] cleanup failed: ${String(err)}`);
    }
  }
}

async function runFigure(figure: Figure, scratch: string): Promise<FigureRecord> {
  const mine: (() => unknown)[] = [];
  cleanups = mine;
  const started = performance.now();
  const loadAverage = Math.round(loadavg()[0]! * 100) / 100;
  const ctx: FigureContext = {
    scratch,
    log: (message) => console.log(`  [${figure.id}] ${message}`),
    defer: (cleanup) => void mine.push(cleanup),
  };
  console.log(`\n${figure.title} (at most ${Math.round(figure.timeoutMs / 1000)} s)`);
  let record: FigureRecord;
  try {
    const outcome = await withTimeout(figure.title, figure.timeoutMs, figure.run(ctx));
    record = { id: figure.id, title: figure.title, seconds: 0, loadAverage, error: null, ...outcome };
  } catch (err) {
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    console.log(`  [${figure.id}] FAILED: ${message}`);
    record = {
      id: figure.id,
      title: figure.title,
      seconds: 0,
      loadAverage,
      error: message.split('\n')[0]!,
      rows: [{ figure: figure.title, measure: 'not measured', value: null, unit: '', limit: null, limitMeasure: '', ratio: null, target: '', met: false, note: message.split('\n')[0] }],
      details: { error: message },
    };
  }
  await runCleanups(figure.id);
  record.seconds = Math.round((performance.now() - started) / 100) / 10;
  console.log(`  [${figure.id}] ${record.seconds} s`);
  return record;
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = wanted.filter((id) => !FIGURES.some((f) => f.id === id));
  if (unknown.length > 0) throw new Error(`unknown figure ${unknown.join(', ')}; figures: ${FIGURES.map((f) => f.id).join(', ')}`);
  const chosen = wanted.length > 0 ? FIGURES.filter((f) => wanted.includes(f.id)) : FIGURES;
  mkdirSync(outDir, { recursive: true });
  const cpu = cpus();
  const results: Results = {
    machine: {
      cpu: cpu[0]?.model.trim() ?? 'unknown',
      cores: cpu.length,
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      memoryGB: Math.round(totalmem() / 2 ** 30),
      loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
    },
    date: new Date().toISOString(),
    seconds: 0,
    figures: [],
  };
  console.log(
    `Leadside bench on ${results.machine.cpu}, ${results.machine.cores} cores, Node ${results.machine.node}, ${Math.round(freemem() / 2 ** 30)} GB free, load average ${results.machine.loadAverageAtStart.join(' ')}`,
  );
  const started = performance.now();
  const scratch = mkdtempSync(join(tmpdir(), 'leadside-bench-'));
  const bail = (why: string, code: number) => {
    console.log(`\n${why}: cleaning up`);
    void runCleanups('interrupted').finally(() => {
      rmSync(scratch, { recursive: true, force: true });
      process.exit(code);
    });
  };
  process.once('SIGINT', () => bail('SIGINT', 130));
  process.once('SIGTERM', () => bail('SIGTERM', 143));
  process.once('uncaughtException', (err) => bail(`uncaught ${err.stack ?? String(err)}`, 1));
  try {
    for (const figure of chosen) results.figures.push(await runFigure(figure, scratch));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  results.seconds = Math.round((performance.now() - started) / 1000);

  const rows = results.figures.flatMap((f) => f.rows);
  console.log(`\n${textTable(rows)}\n`);
  const misses = rows.filter((r) => r.met === false);
  console.log(`${rows.filter((r) => r.met === true).length} met, ${misses.length} missed, in ${results.seconds} s`);

  const full = chosen.length === FIGURES.length;
  const file = full ? join(import.meta.dirname, 'results.json') : join(outDir, 'results.partial.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`wrote ${file.slice(root.length + 1)}`);
  if (full && !process.argv.includes('--no-readme')) {
    updateReadme(join(root, 'README.md'), results);
    console.log('rewrote README.md § Performance');
  }
}

await main();
// A figure that timed out may have left a handle open (a socket, a timer): the run is over.
process.exit(0);
