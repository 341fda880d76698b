/** One JSON object a line: easy to grep, easy to ship. */
export type LogFields = Record<string, unknown>;
export interface Logger {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

export function jsonLogger(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`), clock: () => Date = () => new Date()): Logger {
  const emit = (level: string) => (msg: string, fields: LogFields = {}) => write(JSON.stringify({ t: clock().toISOString(), level, msg, ...fields }));
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** For tests that do not read the log. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
