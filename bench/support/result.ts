/** One line of the table: a figure beside its limit, both measured in this run. */
export interface Row {
  /** Which figure ("1. Panel"), then what this line measures. */
  figure: string;
  /** What the value is, briefly ("p95, detect → lead card"). */
  measure: string;
  value: number | null;
  unit: string;
  /** The limit measured in the same run (null when the limit is the target itself, or none applies). */
  limit: number | null;
  limitMeasure: string;
  /** value / limit: for a time, how many times slower than the limit; for a rate, the share of the limit reached. */
  ratio: number | null;
  target: string;
  /** null for lines that only inform (no target of their own). */
  met: boolean | null;
  note?: string;
}

export interface FigureOutcome {
  rows: Row[];
  /** Everything else measured: full distributions, counts, profiles; kept in results.json. */
  details: Record<string, unknown>;
}

export interface FigureContext {
  /** Scratch folder of this run (a temporary folder, removed when the run ends): builds, profiles, databases. */
  scratch: string;
  log(message: string): void;
  /**
   * Registers a cleanup (stop a database, close a browser) that runs when the figure ends, however it ends: also
   * after a timeout, when the figure's own code may still be stuck. Cleanups run last-registered first.
   */
  defer(cleanup: () => unknown): void;
}

export interface Figure {
  id: string;
  title: string;
  /** The figure is abandoned (and reported as failed) after this long. */
  timeoutMs: number;
  run(ctx: FigureContext): Promise<FigureOutcome>;
}

export const ratioOf = (value: number | null, limit: number | null): number | null =>
  value === null || limit === null || limit === 0 || !Number.isFinite(value) || !Number.isFinite(limit) ? null : value / limit;
