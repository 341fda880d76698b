/**
 * The contact fields a CSV column can fill, and which column names suggest each one. The dashboard suggests a mapping
 * from the header with `suggestMapping`; the server uses the same function when the request names no mapping, so a
 * CLI import and a dashboard import read a file the same way.
 */
export const IMPORT_FIELDS = [
  'email',
  'name',
  'title',
  'company',
  'seniority',
  'country',
  'companySize',
  'industry',
  'businessModel',
  'phone',
  'stage',
  'leadType',
  'source',
  'ownerEmail',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Column name → field: the field each column fills; a column not named is not imported. */
export type ImportMapping = Partial<Record<ImportField, string>>;

/** Words people put in headers for each field, compared after `normalizeHeader`. */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  email: ['email', 'emailaddress', 'mail', 'email1', 'workemail', 'businessemail', 'courriel'],
  name: ['name', 'fullname', 'contactname', 'contact', 'person', 'nom'],
  title: ['title', 'jobtitle', 'position', 'role', 'jobrole'],
  company: ['company', 'companyname', 'firm', 'organization', 'organisation', 'account', 'accountname', 'employer', 'societe'],
  seniority: ['seniority', 'level', 'senioritylevel'],
  country: ['country', 'countrycode', 'pays'],
  companySize: ['companysize', 'employees', 'numberofemployees', 'headcount', 'size'],
  industry: ['industry', 'sector', 'vertical'],
  businessModel: ['businessmodel', 'model', 'b2bb2c'],
  phone: ['phone', 'phonenumber', 'telephone', 'mobile', 'tel'],
  stage: ['stage', 'lifecyclestage', 'lifecycle', 'status', 'leadstatus'],
  leadType: ['leadtype', 'type'],
  source: ['source', 'leadsource', 'origin', 'channel'],
  ownerEmail: ['owneremail', 'owner', 'contactowner', 'leadowner', 'assignedto', 'rep', 'repemail', 'salesrep'],
};

/** Lower-case letters and digits only: "E-mail Address", "email_address" and "Email address" read alike. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * The suggested field for each header: the first column whose name is a known word for a field gets it; a field is
 * suggested once, so two "email" columns do not both fill it. Columns left out are not imported.
 */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  for (const header of headers) {
    const key = normalizeHeader(header);
    const field = IMPORT_FIELDS.find((f) => mapping[f] === undefined && SYNONYMS[f].includes(key));
    if (field) mapping[field] = header;
  }
  return mapping;
}
