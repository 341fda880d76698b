import { once } from 'node:events';
import { Readable, Transform } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import Papa from 'papaparse';
import { badRequest } from '../../http/errors';

/** A parsed file: its header and its records, each a list of cells in the header's order. */
export interface CsvTable {
  headers: string[];
  records: string[][];
}

/** Files above this many records are refused: an import is one transaction, and this many is what it is sized for. */
export const IMPORT_ROWS_MAX = 100_000;

/**
 * Parses a CSV file as it arrives (papaparse over a stream: quoted fields with separators and line breaks, CRLF, a
 * BOM, and `,` `;` tab or `|` guessed from the first lines). `onRecords` hears the count now and then, for progress.
 * A file with no header, or a header with an empty or repeated column name, is a 400 that names it.
 */
export async function parseCsv(body: ReadableStream<Uint8Array> | Readable, onRecords?: (count: number) => void): Promise<CsvTable> {
  const source = body instanceof Readable ? body : Readable.fromWeb(body as WebReadableStream<Uint8Array>);
  let headers: string[] | null = null;
  const records: string[][] = [];
  const state: { parser: ReturnType<typeof streamParser> | null } = { parser: null };
  let ended: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  const onCells = (cells: string[]) => {
    if (headers === null) {
      headers = cells.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
      return;
    }
    records.push(cells);
    if (records.length > IMPORT_ROWS_MAX && failure === null) failure = badRequest(`the file has more than ${IMPORT_ROWS_MAX} rows: split it`);
    if (records.length % 1000 === 0) onRecords?.(records.length);
  };
  // The separator and line end are guessed from the file's first 64 KB, not from whatever the first network chunk
  // holds: a chunk can end inside the first line.
  let head = '';
  const start = () => {
    const guess = Papa.parse<string[]>(head, { preview: 20, delimitersToGuess: DELIMITERS });
    const parser = streamParser(guess.meta.delimiter || ',', guess.meta.linebreak || '\n', onCells);
    state.parser = parser;
    ended = new Promise<void>((resolve, reject) => {
      parser.on('end', () => resolve());
      parser.on('error', reject);
    });
    parser.write(head);
  };
  for await (const text of source.pipe(new TextDecoderTransform()) as AsyncIterable<string>) {
    if (failure !== null) break;
    if (state.parser === null) {
      head += text;
      if (head.length >= 64 * 1024) start();
    } else if (!state.parser.write(text)) {
      await once(state.parser, 'drain');
    }
  }
  if (failure !== null) {
    source.destroy();
    throw failure;
  }
  if (state.parser === null) start();
  state.parser!.end();
  await ended;
  if (failure !== null) throw failure;
  if (headers === null) throw badRequest('the file is empty: the first line must name the columns');
  const named: string[] = headers;
  const empty = named.findIndex((h) => h === '');
  if (empty !== -1) throw badRequest(`column ${empty + 1} of the header has no name`);
  const repeated = named.find((h, i) => named.indexOf(h) !== i);
  if (repeated !== undefined) throw badRequest(`the header names the column "${repeated}" twice`);
  return { headers: named, records };
}

const DELIMITERS = [',', ';', '\t', '|'];

function streamParser(delimiter: string, newline: string, onCells: (cells: string[]) => void) {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: 'greedy', delimiter, newline: newline as '\n' });
  parser.on('data', onCells);
  // Rows are taken as they come; the stream's readable side is drained so writes never wait on it.
  return parser;
}

/** Bytes to text, UTF-8, with a character split across chunks kept whole; a BOM is dropped by the header reader. */
class TextDecoderTransform extends Transform {
  private decoder = new TextDecoder('utf-8');
  constructor() {
    super({ decodeStrings: true, encoding: 'utf8' });
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null, data?: string) => void) {
    callback(null, this.decoder.decode(chunk, { stream: true }));
  }
  override _flush(callback: (error?: Error | null, data?: string) => void) {
    callback(null, this.decoder.decode());
  }
}
