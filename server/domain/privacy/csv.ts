import Papa from 'papaparse';
import { PRIVACY_KINDS, type PrivacyKind, type PrivacyRow } from '../../../lib/core/model/privacy';

/**
 * The export as one CSV file with a section per kind: a line naming the kind, its header row and its rows, and a blank
 * line before the next. One download holds everything, and each section reads on its own (a spreadsheet or a CSV
 * parser from its header down). Nested values (pauses, payloads, audit changes) are JSON in their cell. A cell that a
 * spreadsheet would run as a formula (starting = + - @, a tab or a CR) is prefixed with ' by papaparse's escapeFormulae.
 */
export function privacyCsv(data: Record<PrivacyKind, PrivacyRow[]>): string {
  return PRIVACY_KINDS.map((kind) => {
    const rows = data[kind];
    const fields = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const cells = rows.map((r) => fields.map((f) => cell(r[f])));
    const table = fields.length === 0 ? '' : Papa.unparse({ fields, data: cells }, { escapeFormulae: true, newline: '\r\n' });
    return `${Papa.unparse([[`${kind} (${rows.length})`]], { escapeFormulae: true })}\r\n${table}`;
  }).join('\r\n\r\n') + '\r\n';
}

function cell(value: PrivacyRow[string] | undefined): string | number | boolean {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}
