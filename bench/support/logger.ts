import { jsonLogger } from '../../server/http/logger';

/**
 * The production logger (one JSON line a request, so its cost is paid) writing to nowhere, errors to stderr.
 */
export const benchLogger = jsonLogger((line) => {
  if (line.includes('"level":"error"')) process.stderr.write(`${line}\n`);
});
