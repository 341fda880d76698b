import type { ContactProfile } from '../../lib/core/model/contact';
import type { Role } from '../../lib/core/model/vocabulary';
import type { Random } from './random';

/** The demo workspace's team: three reps, a manager, a marketer and an admin. */
export interface TeamMember {
  key: 'maya' | 'jordan' | 'sam' | 'priya' | 'alex' | 'chris';
  id: string;
  name: string;
  email: string;
  role: Role;
}

export const DEMO_DOMAIN = 'northwind.example';
export const DEMO_SITE = `https://www.${DEMO_DOMAIN}`;

export const DEMO_TEAM: readonly TeamMember[] = [
  { key: 'maya', id: 'u_demo_maya', name: 'Maya Chen', email: `maya.chen@${DEMO_DOMAIN}`, role: 'rep' },
  { key: 'jordan', id: 'u_demo_jordan', name: 'Jordan Okafor', email: `jordan.okafor@${DEMO_DOMAIN}`, role: 'rep' },
  { key: 'sam', id: 'u_demo_sam', name: 'Sam Patel', email: `sam.patel@${DEMO_DOMAIN}`, role: 'rep' },
  { key: 'priya', id: 'u_demo_priya', name: 'Priya Raman', email: `priya.raman@${DEMO_DOMAIN}`, role: 'manager' },
  { key: 'alex', id: 'u_demo_alex', name: 'Alex Morgan', email: `alex.morgan@${DEMO_DOMAIN}`, role: 'marketing' },
  { key: 'chris', id: 'u_demo_chris', name: 'Chris Lindqvist', email: `chris.lindqvist@${DEMO_DOMAIN}`, role: 'admin' },
];
export const DEMO_REPS = DEMO_TEAM.filter((m) => m.role === 'rep');

export function teamMember(key: TeamMember['key']): TeamMember {
  const member = DEMO_TEAM.find((m) => m.key === key);
  if (!member) throw new Error(`no demo team member ${key}`);
  return member;
}

/**
 * How a company's mail reaches the person, which decides what their opens and clicks look like:
 * Google Workspace opens come through Google's image proxy; Outlook opens come from the person; a security gateway
 * also fetches every link (named or disguised as a browser) and may open the email within a second of sending.
 */
export type MailSetup = 'google' | 'outlook' | 'gateway_proofpoint' | 'gateway_mimecast' | 'gateway_disguised';

export interface Company {
  name: string;
  domain: string;
  industry: string;
  size: number;
  country: string;
  businessModel: 'b2b' | 'b2c';
  mail: MailSetup;
}

// Every domain is under .example (RFC 2606): no demo address can ever reach a real inbox.
const c = (name: string, industry: string, size: number, country: string, businessModel: 'b2b' | 'b2c', mail: MailSetup): Company => ({
  name,
  domain: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`,
  industry,
  size,
  country,
  businessModel,
  mail,
});

export const COMPANIES: readonly Company[] = [
  c('Brightwave', 'software', 240, 'US', 'b2b', 'google'),
  c('Quantaloop', 'software', 85, 'US', 'b2b', 'google'),
  c('Corvane', 'fintech', 620, 'US', 'b2b', 'gateway_proofpoint'),
  c('Tallpine', 'healthcare', 1400, 'US', 'b2b', 'outlook'),
  c('Fernhill Logistics', 'logistics', 900, 'US', 'b2b', 'gateway_mimecast'),
  c('Halcyon Health', 'healthcare', 3200, 'US', 'b2b', 'gateway_proofpoint'),
  c('Ironbark Systems', 'manufacturing', 1800, 'US', 'b2b', 'gateway_disguised'),
  c('Lumen Analytics', 'software', 130, 'US', 'b2b', 'google'),
  c('Northbeam Retail', 'retail', 4200, 'US', 'b2c', 'outlook'),
  c('Orchard Labs', 'software', 45, 'US', 'b2b', 'google'),
  c('Pinecrest Bank', 'fintech', 2600, 'US', 'b2b', 'gateway_mimecast'),
  c('Redline Freight', 'logistics', 350, 'US', 'b2b', 'outlook'),
  c('Saltmarsh Media', 'media', 75, 'US', 'b2b', 'google'),
  c('Summit Ridge Insurance', 'insurance', 1500, 'US', 'b2b', 'gateway_disguised'),
  c('Tidewater Energy', 'energy', 2100, 'US', 'b2b', 'outlook'),
  c('Vantage Point HR', 'professional_services', 160, 'US', 'b2b', 'google'),
  c('Wildflower Goods', 'retail', 60, 'US', 'b2c', 'google'),
  c('Bluejay Payments', 'fintech', 410, 'US', 'b2b', 'gateway_proofpoint'),
  c('Cobalt Robotics Works', 'manufacturing', 520, 'US', 'b2b', 'outlook'),
  c('Driftwood Travel', 'travel', 280, 'US', 'b2c', 'google'),
  c('Evergreen Learning', 'education', 190, 'US', 'b2b', 'google'),
  c('Granite Peak Legal', 'professional_services', 95, 'US', 'b2b', 'outlook'),
  c('Harborview Clinics', 'healthcare', 740, 'US', 'b2b', 'gateway_mimecast'),
  c('Keystone Supply', 'wholesale', 330, 'US', 'b2b', 'outlook'),
  c('Meridian Cloud', 'software', 880, 'US', 'b2b', 'gateway_disguised'),
  c('Nimbus Security', 'software', 210, 'US', 'b2b', 'gateway_proofpoint'),
  c('Oakline Realty', 'real_estate', 120, 'US', 'b2c', 'google'),
  c('Prairie Foods', 'food', 1100, 'US', 'b2c', 'outlook'),
  c('Riverstone Capital', 'fintech', 70, 'US', 'b2b', 'outlook'),
  c('Stacks and Co', 'software', 25, 'US', 'b2b', 'google'),
  c('Trailhead Outfitters', 'retail', 450, 'US', 'b2c', 'google'),
  c('Upland Software Group', 'software', 1300, 'US', 'b2b', 'gateway_mimecast'),
  c('Waypoint Telematics', 'logistics', 230, 'US', 'b2b', 'google'),
  c('Zephyr Biotech', 'biotech', 390, 'US', 'b2b', 'gateway_proofpoint'),
  c('Maple Leaf Ledger', 'fintech', 150, 'CA', 'b2b', 'google'),
  c('Northern Lights Media', 'media', 85, 'CA', 'b2b', 'outlook'),
  c('Cascadia Health Tech', 'healthcare', 260, 'CA', 'b2b', 'gateway_disguised'),
  c('Thames Digital', 'software', 140, 'GB', 'b2b', 'google'),
  c('Albion Insurance', 'insurance', 2300, 'GB', 'b2b', 'gateway_mimecast'),
  c('Kestrel Consulting', 'professional_services', 55, 'GB', 'b2b', 'outlook'),
  c('Harrowgate Retail', 'retail', 980, 'GB', 'b2c', 'outlook'),
  c('Lambeth Learning', 'education', 110, 'GB', 'b2b', 'google'),
  c('Liffey Data', 'software', 90, 'IE', 'b2b', 'google'),
  c('Rheinwerk Industrie', 'manufacturing', 2800, 'DE', 'b2b', 'gateway_proofpoint'),
  c('Spreebyte', 'software', 170, 'DE', 'b2b', 'outlook'),
  c('Atelier Lumiere', 'media', 40, 'FR', 'b2c', 'google'),
  c('Canal Street Fintech', 'fintech', 310, 'NL', 'b2b', 'outlook'),
  c('Coral Coast Software', 'software', 120, 'AU', 'b2b', 'google'),
  c('Outback Freight', 'logistics', 640, 'AU', 'b2b', 'outlook'),
  c('Bengaluru Byteworks', 'software', 1500, 'IN', 'b2b', 'gateway_mimecast'),
  c('Paulista Pagamentos', 'fintech', 480, 'BR', 'b2b', 'outlook'),
  c('Small Batch Studio', 'professional_services', 6, 'US', 'b2c', 'google'),
  c('Two Rivers Bakery', 'food', 12, 'US', 'b2c', 'google'),
];

export const FIRST_NAMES = [
  'Aaliyah', 'Aaron', 'Adaeze', 'Aisha', 'Alejandro', 'Amara', 'Anika', 'Ben', 'Bianca', 'Caleb', 'Camila', 'Carlos',
  'Chloe', 'Daniel', 'Diego', 'Elena', 'Elijah', 'Emeka', 'Emma', 'Ethan', 'Fatima', 'Felix', 'Gabriel', 'Hana',
  'Hiroshi', 'Ines', 'Isaac', 'Ivy', 'Jamal', 'Jasmine', 'Javier', 'Julia', 'Kai', 'Keisha', 'Kenji', 'Laila', 'Liam',
  'Lucia', 'Malik', 'Maria', 'Mateo', 'Mei', 'Mia', 'Nadia', 'Naomi', 'Nikhil', 'Noah', 'Olivia', 'Oscar', 'Paolo',
  'Rachel', 'Rafael', 'Rosa', 'Ryan', 'Sara', 'Sofia', 'Tariq', 'Thomas', 'Valentina', 'Wei', 'Yara', 'Zoe',
];

export const LAST_NAMES = [
  'Abbott', 'Adeyemi', 'Alvarez', 'Anderson', 'Becker', 'Brennan', 'Castillo', 'Chowdhury', 'Cohen', 'Dubois',
  'Eriksen', 'Fischer', 'Fitzgerald', 'Garcia', 'Goldberg', 'Gupta', 'Hansen', 'Hernandez', 'Ito', 'Jensen', 'Kaur',
  'Kowalski', 'Larsen', 'Lee', 'Lopez', 'Mbeki', 'Mendes', 'Murphy', 'Nakamura', 'Novak', 'Nwosu', "O'Connor",
  'Olsen', 'Park', 'Petrov', 'Quinn', 'Rahman', 'Ramirez', 'Rossi', 'Sato', 'Schmidt', 'Silva', 'Singh', 'Sullivan',
  'Tanaka', 'Thompson', 'Turner', 'Varga', 'Wagner', 'Walsh', 'Williams', 'Yamamoto', 'Zhang', 'Zimmerman',
];

type Seniority = NonNullable<ContactProfile['seniority']>;

/** Titles by seniority, in the words people put on their email signatures. */
export const TITLES: Record<Seniority, readonly string[]> = {
  entry: ['Marketing Coordinator', 'Sales Development Representative', 'Marketing Associate', 'Operations Analyst', 'Marketing Intern'],
  senior: ['Senior Marketing Specialist', 'Senior Account Executive', 'Senior Demand Generation Specialist', 'Senior Sales Operations Analyst'],
  manager: ['Marketing Manager', 'Demand Generation Manager', 'Sales Operations Manager', 'RevOps Manager', 'Inside Sales Manager'],
  director: ['Director of Marketing', 'Director of Sales Development', 'Head of Growth', 'Director of Revenue Operations'],
  vp: ['VP Marketing', 'VP Sales', 'VP Revenue Operations', 'VP Demand Generation'],
  c_level: ['Chief Marketing Officer', 'Chief Revenue Officer', 'CEO', 'COO'],
  owner: ['Founder', 'Owner', 'Co-founder'],
};

export const PERSONAL_MAIL_DOMAIN = 'gmail.com';

export interface Person {
  firstName: string;
  lastName: string;
  company: Company;
  seniority: Seniority;
  title: string;
  /** On a personal address (gmail.com) rather than the company's. */
  personalEmail: boolean;
}

/** Seniority leans higher for contacts further down the funnel: qualified leads are the ones who can buy. */
export function drawPerson(rng: Random, qualified: boolean): Person {
  const company = rng.pick(COMPANIES);
  const seniority = rng.weighted<Seniority>(
    qualified
      ? [['senior', 1], ['manager', 4], ['director', 4], ['vp', 3], ['c_level', 1.5], ['owner', company.size < 100 ? 2 : 0.2]]
      : [['entry', 3], ['senior', 3], ['manager', 3], ['director', 1.5], ['vp', 0.6], ['c_level', 0.3], ['owner', company.size < 100 ? 1.5 : 0.1]],
  );
  return {
    firstName: rng.pick(FIRST_NAMES),
    lastName: rng.pick(LAST_NAMES),
    company,
    seniority,
    title: rng.pick(TITLES[seniority]),
    personalEmail: rng.chance(qualified ? 0.03 : 0.12),
  };
}

/** "maria.o-connor" from "Maria" and "O'Connor": what mail systems make of names. */
export function emailLocalPart(firstName: string, lastName: string): string {
  const clean = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z]+/g, '');
  return `${clean(firstName)}.${clean(lastName)}`;
}

/** A fictional North American number (555-01xx is reserved for fiction), or null where nobody gave one. */
export function phoneFor(rng: Random, country: string): string | null {
  if (country === 'US' || country === 'CA') return `+1 ${rng.pick(['212', '415', '617', '312', '512', '206', '416', '604'])} 555 01${String(rng.int(0, 99)).padStart(2, '0')}`;
  return rng.chance(0.3) ? `+${rng.pick(['44 20', '49 30', '33 1', '31 20', '61 2', '353 1'])} 7946 0${rng.int(100, 999)}` : null;
}
