import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Results } from './run';
import { formatMet, formatRatio, formatValue } from './support/format';

export const START = '<!-- bench:start -->';
export const END = '<!-- bench:end -->';

const escape = (text: string) => text.replace(/\|/g, '\\|');

/** Wraps prose at 120 columns, as the rest of the README. */
function wrap(text: string, width = 120): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}

/** The Performance table (markdown) from a run's results. */
export function performanceSection(results: Results): string {
  const m = results.machine;
  const lines = [
    wrap(`Measured by \`npm run bench\` on ${results.date.slice(0, 10)}: ${m.cpu}, ${m.cores} cores (shared; load average ${m.loadAverageAtStart[0]} at the start), ${m.memoryGB} GB, Node ${m.node.replace(/^v/, '')}, ${m.platform}; the whole run took ${results.seconds} s. Each figure stands beside a limit measured in the same run on the same machine (ratio = value / limit), since these machines are noisy and ratios are what hold. Details per figure in \`bench/results.json\`.`),
    '',
    '| figure | measure | value | limit (same run) | ratio | target | met |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const figure of results.figures) {
    for (const row of figure.rows) {
      const limit = row.limit === null ? row.limitMeasure || '—' : `${formatValue(row.limit, row.unit)} (${row.limitMeasure})`;
      lines.push(`| ${escape(row.figure)} | ${escape(row.measure)} | ${formatValue(row.value, row.unit)} | ${escape(limit)} | ${formatRatio(row.ratio)} | ${escape(row.target)} | ${formatMet(row.met)} |`);
    }
  }
  return lines.join('\n');
}

/** Rewrites what lies between the bench markers in README.md; adds the markers at the end of `## Performance` if missing. */
export function updateReadme(path: string, results: Results): void {
  const readme = readFileSync(path, 'utf8');
  const section = `${START}\n${performanceSection(results)}\n${END}`;
  let next: string;
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start >= 0 && end > start) {
    next = readme.slice(0, start) + section + readme.slice(end + END.length);
  } else {
    const heading = readme.indexOf('\n## Performance');
    if (heading < 0) throw new Error(`${path} has no "## Performance" section`);
    next = `${readme.trimEnd()}\n\n${section}\n`;
  }
  writeFileSync(path, next);
}

// `node --import tsx bench/readme.ts`: rewrite the README from the last bench/results.json.
if (import.meta.filename === process.argv[1]) {
  const root = join(import.meta.dirname, '..');
  updateReadme(join(root, 'README.md'), JSON.parse(readFileSync(join(import.meta.dirname, 'results.json'), 'utf8')) as Results);
}
