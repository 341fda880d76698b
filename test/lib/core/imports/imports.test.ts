import { describe, expect, it } from 'vitest';
import { safeCell } from '../../../../lib/core/imports/csv-cells';
import { suggestMapping } from '../../../../lib/core/imports/fields';
import { planImport } from '../../../../lib/core/imports/plan';
import { cellsOf, checkRow, type RowContext } from '../../../../lib/core/imports/row';

const context: RowContext = { owners: new Map([['rep@acme.example', 'u_rep']]), leadTypes: ['demo_request', 'trial'] };

describe('suggestMapping', () => {
  it('reads the usual header words, a BOM and odd spelling, one column per field', () => {
    expect(suggestMapping(['\uFEFFE-mail Address', 'Full Name', 'Company Name', 'Lifecycle Stage', 'Owner', 'Notes', 'email'])).toEqual({
      email: '\uFEFFE-mail Address',
      name: 'Full Name',
      company: 'Company Name',
      stage: 'Lifecycle Stage',
      ownerEmail: 'Owner',
    });
  });
});

describe('checkRow', () => {
  const headers = ['Email', 'Name', 'Stage', 'Owner', 'Type', 'Size', 'Country'];
  const mapping = { email: 'Email', name: 'Name', stage: 'Stage', ownerEmail: 'Owner', leadType: 'Type', companySize: 'Size', country: 'Country' };
  const check = (record: string[]) => checkRow(cellsOf(record, headers, mapping), context);

  it('reads a good row, with text turned into the model’s values', () => {
    expect(check([' Ann@Acme.com ', 'Ann Lee', 'MQL', 'REP@acme.example', 'trial', '1,200', 'us'])).toEqual({
      ok: true,
      ownerId: 'u_rep',
      row: { email: 'ann@acme.com', name: 'Ann Lee', stage: 'mql', ownerEmail: 'rep@acme.example', leadType: 'trial', companySize: 1200, country: 'US' },
    });
  });

  it('names every problem of a bad row with its value', () => {
    const result = check(['not-an-email', '', 'won', '', '', 'many', '']);
    expect(result).toEqual({
      ok: false,
      email: 'not-an-email',
      reasons: [
        'email: must be an email address ("not-an-email")',
        'companySize: must be a whole number ("many")',
        'stage: must be one of visitor, lead, mql, sql, opportunity, customer ("won")',
      ],
    });
  });

  it('refuses an unknown owner and an unknown lead type, and a missing email', () => {
    expect(check(['bob@acme.com', '', '', 'nobody@acme.example', 'webinar', '', ''])).toEqual({
      ok: false,
      email: 'bob@acme.com',
      reasons: [
        'ownerEmail: no active rep or manager of this workspace has the address nobody@acme.example',
        'leadType: webinar is not a lead type of this workspace (demo_request, trial)',
      ],
    });
    expect(check(['', 'No Email', '', '', '', '', ''])).toEqual({ ok: false, email: null, reasons: ['email: is missing'] });
  });
});

describe('planImport', () => {
  const ok = (email: string, company?: string) => ({ ok: true as const, ownerId: null, row: { email, ...(company ? { company } : {}) } });
  const rows = [
    { row: 2, result: ok('new@globex.com', 'Globex') },
    { row: 3, result: ok('old@initech.com') },
    { row: 4, result: ok('gone@acme.com') },
    { row: 5, result: ok('new@globex.com') },
    { row: 6, result: ok('two@globex.com') },
    { row: 7, result: ok('me@gmail.com') },
    { row: 8, result: { ok: false as const, email: 'x', reasons: ['email: must be an email address ("x")'] } },
  ];
  const existing = new Map([
    ['old@initech.com', { id: 'c_old', deleted: false, company: 'Initech' }],
    ['gone@acme.com', { id: 'c_gone', deleted: true, company: null }],
  ]);
  const companies = new Map([['gmail.com', 'Not A Company'], ['initech.com', 'Initech']]);

  it('creates, updates, revives, skips repeats and fills companies by domain', () => {
    const plan = planImport(rows, existing, companies, 'update');
    expect(plan.counts).toEqual({ rows: 7, create: 4, update: 1, skip: 1, bad: 1 });
    expect(plan.rows.map((r) => [r.row, r.action])).toEqual([
      [2, 'create'], [3, 'update'], [4, 'create'], [5, 'skip'], [6, 'create'], [7, 'create'], [8, 'bad'],
    ]);
    expect(plan.rows[1]).toMatchObject({ contactId: 'c_old', data: { company: 'Initech' } });
    expect(plan.rows[2]).toMatchObject({ reviveId: 'c_gone' });
    expect(plan.rows[3]).toMatchObject({ reason: 'the same address as row 2' });
    expect(plan.rows[4]).toMatchObject({ data: { email: 'two@globex.com', company: 'Globex' } });
    // Personal mail never takes a company from its domain.
    expect(plan.rows[5]).toMatchObject({ data: { email: 'me@gmail.com' } });
    expect(plan.rows[5]).not.toHaveProperty('data.company');
  });

  it('skips existing addresses when asked to, naming the contact', () => {
    const plan = planImport(rows, existing, companies, 'skip');
    expect(plan.rows[1]).toEqual({ row: 3, email: 'old@initech.com', action: 'skip', reason: 'already a contact (c_old)', contactId: 'c_old' });
  });
});

describe('safeCell', () => {
  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(['=1+1', '+SUM(A1)', '-2', '@cmd', '\t=x', 'Ann', ''].map(safeCell)).toEqual(["'=1+1", "'+SUM(A1)", "'-2", "'@cmd", "'\t=x", 'Ann', '']);
    expect([-5, 12, null, true].map(safeCell)).toEqual(['-5', '12', '', 'true']);
  });
});
