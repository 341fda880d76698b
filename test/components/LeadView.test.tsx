// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LeadView } from '../../components/lead/LeadView';
import { leadPicture } from '../../lib/core/lead';
import { defaultWorkspaceSettings } from '../../lib/core/model/defaults';
import type { LeadsideDatabase } from '../../lib/db/database';
import { act as activity, attempt, dana, danaHistory, dropDb, MONDAY_10AM, seedSession, testDb, ZONE } from './support/data';
import { renderWith } from './support/render';

let db: LeadsideDatabase;
beforeEach(async () => {
  db = testDb();
  await seedSession(db);
});
afterEach(async () => {
  cleanup();
  await dropDb(db);
});

async function showDana(now = MONDAY_10AM) {
  const h = renderWith(<LeadView contactId="c_dana" />, { db, now });
  await screen.findByRole('heading', { level: 2, name: 'Dana Reyes' });
  return h;
}

function countdownText(): string {
  const section = screen.getByRole('region', { name: 'Follow-up' });
  return section.querySelector('.countdown__text')?.textContent ?? '';
}

describe('the lead view: who, score and engagement', () => {
  beforeEach(async () => {
    await db.contacts.put(dana());
    await db.activities.bulkPut(danaHistory());
  });

  it('says who the lead is, where it stands and how well it fits', async () => {
    await showDana();
    expect(screen.getByText('VP Marketing · Brightwave')).toBeTruthy();
    const facts = screen.getByRole('article', { name: 'Dana Reyes' }).querySelector('dl.facts') as HTMLElement;
    const text = facts.textContent;
    expect(text).toContain('StageMQL');
    expect(text).toContain('Lead typeContent download');
    expect(text).toContain('SourceWebsite');
    expect(text).toContain('OwnerYou');
    expect(screen.getByText('Grade A')).toBeTruthy();
    const fit = screen.getByRole('list', { name: 'Fit reasons' });
    expect(within(fit).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Senior buyer', 'Company of 50–5,000', 'Sells to businesses', 'Market we serve']);
  });

  it('explains the score one click away, in lines that add up to it', async () => {
    await showDana();
    const expected = leadPicture(dana(), danaHistory(), [], defaultWorkspaceSettings(ZONE), new Date(MONDAY_10AM)).score;
    expect(screen.getByText(String(expected.score), { selector: 'strong' })).toBeTruthy();
    const button = screen.getByRole('button', { name: 'Score breakdown' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('list', { name: 'How the score adds up' })).toBeNull();
    fireEvent.click(button);
    expect(screen.getByRole('button', { name: 'Hide breakdown' }).getAttribute('aria-expanded')).toBe('true');
    const lines = within(screen.getByRole('list', { name: 'How the score adds up' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(lines).toContain('Senior buyer +20');
    expect(lines.some((l) => /^Viewed pricing 3x \+\d+$/.test(l))).toBe(true);
    const sum = lines.reduce((n, l) => n + Number(l.slice(l.lastIndexOf(' ') + 1).replace('\u2212', '-')), 0);
    expect(sum).toBe(expected.score);
    expect(screen.getByText(`Fit 50 + engagement ${expected.engagement} = ${expected.score}`)).toBeTruthy();
  });

  it('counts machine opens and clicks apart, faded, with the reason on hover and for screen readers', async () => {
    await showDana();
    const engagement = screen.getByRole('region', { name: 'Engagement' });
    const opened = within(engagement).getByText('Emails opened').nextElementSibling as HTMLElement;
    expect(opened.textContent).toMatch(/^1 \+2 machine opens, not counted: Apple Mail Privacy Protection prefetch \(2\)$/);
    const faded = opened.querySelector('.machine') as HTMLElement;
    expect(faded.title).toBe('Not counted: Apple Mail Privacy Protection prefetch (2)');
    const clicked = within(engagement).getByText('Links clicked').nextElementSibling as HTMLElement;
    expect(clicked.querySelector('.machine')?.getAttribute('title')).toBe('Not counted: A link scanner clicked every link within seconds');
    expect(within(engagement).getByText('Page views').nextElementSibling?.textContent).toBe('4 (2 distinct)');
    expect(within(engagement).getByText('Pricing').closest('li')?.textContent).toBe('Pricing3 views');
    expect(within(engagement).getByText('The 2026 Lead Response Benchmark')).toBeTruthy();
    // Last human activity: the click on Saturday 13:01Z, two days before Monday 15:00Z.
    expect(within(engagement).getByText('Last seen').nextElementSibling?.textContent).toBe('2 days ago');
  });

  describe("the opens figure follows the workspace's email-open setting", () => {
    async function withTracking(change: Record<string, unknown>, drop: string[] = []) {
      const settings = defaultWorkspaceSettings(ZONE);
      const tracking: Record<string, unknown> = { ...settings.tracking, ...change };
      for (const key of drop) delete tracking[key];
      await db.meta.put({ key: 'settings', value: { ...settings, tracking } as typeof settings });
    }
    async function openedText() {
      await showDana();
      const engagement = screen.getByRole('region', { name: 'Engagement' });
      return (within(engagement).getByText('Emails opened').nextElementSibling as HTMLElement).textContent;
    }

    it('says opens are counted per email only, instead of a per-person figure, under aggregate', async () => {
      await withTracking({ emailOpens: 'aggregate' });
      expect(await openedText()).toBe('Opens are counted per email only (workspace setting)');
    });

    it('says opens are not tracked when the workspace turned them off', async () => {
      await withTracking({ emailOpens: 'off' });
      expect(await openedText()).toBe('Opens are not tracked (workspace setting)');
    });

    it('under required consent, shows the figure only for a contact who granted it', async () => {
      await withTracking({ emailOpens: 'per_person', requireOpenConsent: true });
      expect(await openedText()).toBe('Opens are counted per email only: no consent to individual tracking');
      cleanup();
      await db.contacts.put(dana({ openTrackingConsent: 'granted', openTrackingConsentAt: '2026-01-12T10:00:00Z' }));
      expect(await openedText()).toMatch(/^1 \+2 machine opens/);
    });

    it('reads settings cached before the setting existed as per person', async () => {
      await withTracking({}, ['emailOpens', 'requireOpenConsent']);
      expect(await openedText()).toMatch(/^1 \+2 machine opens/);
    });
  });

  it('says "Active now" in words when the person is on the site', async () => {
    await db.activities.put(activity('page_view', new Date(MONDAY_10AM - 2 * 60_000).toISOString(), { url: 'https://northwind.example/pricing' }));
    await showDana();
    expect(screen.getByText('Active now')).toBeTruthy();
  });
});

describe('the lead view: the cadence in words and business time', () => {
  it('counts the first touch down in business time, with the SLA deadline as a local time and the attempts', async () => {
    await db.contacts.put(dana());
    await showDana();
    // Monday 10:00 → 12:30 New York: 150 business minutes.
    expect(countdownText()).toBe('Due in 2 h 30 m');
    const section = screen.getByRole('region', { name: 'Follow-up' });
    expect(within(section).getByText('First touch')).toBeTruthy();
    // The test machine's zone is UTC: 12:30 New York is 5:30 PM here.
    expect(section.textContent).toContain('0 of 5 attempts');
    expect(section.textContent).toContain('SLA deadline 5:30 PM');
    expect(section.querySelector('.countdown--warn')).toBeTruthy();
  });

  it('across a weekend the clock stands still, and says so', async () => {
    await db.contacts.put(dana());
    // Saturday 10:00 New York: Monday 09:00–12:30 is all that is left.
    await showDana(Date.parse('2026-01-17T15:00:00Z'));
    expect(countdownText()).toBe('Due in 3 h 30 m');
    expect(screen.getByText('Outside working hours: the clock is stopped.')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Follow-up' }).textContent).toContain('SLA deadline Mon 5:30 PM');
  });

  it('skips a holiday: Monday off moves the first touch to Tuesday', async () => {
    const settings = defaultWorkspaceSettings(ZONE);
    settings.calendar.holidays = ['2026-01-19'];
    await db.meta.put({ key: 'settings', value: settings });
    await db.contacts.put(dana());
    await showDana(Date.parse('2026-01-17T15:00:00Z'));
    expect(countdownText()).toBe('Due in 3 h 30 m');
    expect(screen.getByRole('region', { name: 'Follow-up' }).textContent).toContain('SLA deadline Tue 5:30 PM');
  });

  it.each([
    // First attempt Monday 10:00, follow-up due Wednesday 10:00 (16 business hours); now Wednesday 10:35.
    ['overdue', [attempt('2026-01-19T15:00:00Z')], Date.parse('2026-01-21T15:35:00Z'), 'Follow-up 2 overdue by 35 m', 'danger'],
    // The first touch never came: due Monday 12:30, now Monday 14:40.
    ['breached', [], Date.parse('2026-01-19T19:40:00Z'), 'First touch missed · overdue by 2 h 10 m', 'danger'],
    // Follow-up due Wednesday 10:00; now Wednesday 09:20: inside the 60-minute due-soon window, seconds show.
    ['due', [attempt('2026-01-19T15:00:00Z')], Date.parse('2026-01-21T14:20:00Z'), 'Due in 40 m 00 s', 'warn'],
    ['on track', [attempt('2026-01-19T15:00:00Z')], Date.parse('2026-01-19T16:00:00Z'), 'Due in 15 h', 'ok'],
    [
      'complete',
      ['2026-01-19T15:00:00Z', '2026-01-21T15:00:00Z', '2026-01-23T15:00:00Z', '2026-01-28T15:00:00Z', '2026-01-29T15:00:00Z'].map((at) => attempt(at)),
      Date.parse('2026-01-29T16:00:00Z'),
      'Complete: recycle or advance',
      'neutral',
    ],
    ['exited', [attempt('2026-01-19T15:00:00Z', { channel: 'email', outcome: 'replied' })], Date.parse('2026-01-19T16:00:00Z'), 'Exited: replied', 'neutral'],
  ] as const)('%s: the words and colour of the status', async (_name, attempts, now, words, tone) => {
    await db.contacts.put(dana());
    await db.attempts.bulkPut([...attempts]);
    await showDana(now);
    expect(countdownText()).toBe(words);
    expect(screen.getByRole('region', { name: 'Follow-up' }).querySelector(`.countdown--${tone}`)).toBeTruthy();
  });

  it('a pause reads "Paused until" the local time it ends', async () => {
    await db.contacts.put(dana({ pauses: [{ from: '2026-01-19T14:00:00Z', to: '2026-01-26T14:00:00Z', reason: 'travelling' }] }));
    await showDana();
    expect(countdownText()).toBe('Paused until Jan 26, 2:00 PM');
  });

  it('an unassigned lead has no follow-up plan, and says why', async () => {
    await db.contacts.put(dana({ ownerId: null, assignedAt: null }));
    await showDana();
    expect(screen.getByText('No follow-up plan: this lead is not assigned to a rep yet.')).toBeTruthy();
    expect(screen.getByRole('article').querySelector('dl.facts')?.textContent).toContain('OwnerUnassigned');
  });
});

describe('the glance: phone, what is next, what they did last', () => {
  async function withPolicyChannels(stepChannels: string[]) {
    const settings = defaultWorkspaceSettings(ZONE);
    settings.policies = settings.policies.map((p) => ({ ...p, stepChannels: stepChannels as typeof p.stepChannels }));
    await db.meta.put({ key: 'settings', value: settings });
  }

  it('shows the phone at the top as a tel: link, with a copy button that says "Copied"', async () => {
    await db.contacts.put(dana({ phone: '+1 (415) 555-0142' }));
    const h = await showDana();
    const header = screen.getByRole('article', { name: 'Dana Reyes' }).querySelector('header') as HTMLElement;
    const link = within(header).getByRole('link', { name: 'Call +1 (415) 555-0142' });
    expect(link.getAttribute('href')).toBe('tel:+14155550142');
    fireEvent.click(within(header).getByRole('button', { name: 'Copy phone number' }));
    expect(await within(header).findByText('Copied')).toBeTruthy();
    expect(h.platform.clipboard).toEqual(['+1 (415) 555-0142']);
  });

  it('no phone row when the record has none', async () => {
    await db.contacts.put(dana());
    await showDana();
    expect(screen.queryByRole('button', { name: 'Copy phone number' })).toBeNull();
  });

  it('says what is next: the step, its channel and its time, and makes that log button the primary one', async () => {
    await withPolicyChannels(['call', 'email', 'call', 'social', 'voicemail']);
    await db.contacts.put(dana());
    await db.attempts.bulkPut([attempt('2026-01-19T15:00:00Z'), attempt('2026-01-21T15:00:00Z')]);
    // Wednesday 11:00 New York; step 3 is due 16 business hours after Wednesday 10:00: Friday 10:00 (15:00Z).
    await showDana(Date.parse('2026-01-21T16:00:00Z'));
    const section = screen.getByRole('region', { name: 'Follow-up' });
    expect(section.textContent).toContain('Step 3 of 5 · Call · by Fri 3:00 PM');
    const log = screen.getByRole('group', { name: 'Log now' });
    const primary = within(log).getAllByRole('button').filter((b) => b.classList.contains('channel-button--primary'));
    expect(primary.map((b) => b.textContent)).toEqual(['Call']);
    // The planned channel comes first in the row.
    expect(within(log).getAllByRole('button')[0]?.textContent).toBe('Call');
  });

  it('a step that is past due reads "was due", and the headline names the follow-up', async () => {
    await withPolicyChannels(['call', 'email', 'call', 'social', 'voicemail']);
    await db.contacts.put(dana());
    await db.attempts.put(attempt('2026-01-19T15:00:00Z'));
    await showDana(Date.parse('2026-01-21T15:35:00Z'));
    const section = screen.getByRole('region', { name: 'Follow-up' });
    expect(countdownText()).toBe('Follow-up 2 overdue by 35 m');
    expect(section.textContent).toContain('Step 2 of 5 · Email · was due 3:00 PM');
    expect(section.textContent).toContain('First touch within the SLA, deadline Mon 5:30 PM');
  });

  it('says what the person did last, under the name: the latest human action, never a machine open', async () => {
    await db.contacts.put(dana());
    await db.activities.bulkPut([
      activity('page_view', '2026-01-19T13:00:00Z', { url: 'https://northwind.example/pricing', title: 'Pricing' }),
      activity('email_open', '2026-01-19T14:30:00Z', { title: 'Q3 pricing', trust: { label: 'machine', reason: 'Apple Mail Privacy Protection prefetch' } }),
    ]);
    await showDana();
    const header = screen.getByRole('article', { name: 'Dana Reyes' }).querySelector('header') as HTMLElement;
    expect(header.querySelector('.lead__last-action')?.textContent).toBe('Viewed Pricing 2 h ago');
  });

  it('an email open names the email', async () => {
    await db.contacts.put(dana());
    await db.activities.put(activity('email_open', '2026-01-18T14:00:00Z', { title: 'Q3 pricing', emailId: 'em1' }));
    await showDana();
    expect(screen.getByText('Opened the email “Q3 pricing” yesterday')).toBeTruthy();
  });
});

describe('labels that stay true', () => {
  // Dana with her history qualifies (fit 50, engagement over the threshold).
  beforeEach(async () => {
    await db.activities.bulkPut(danaHistory());
  });

  it('"Qualifies as MQL" shows for an MQL, and not for a recycled or disqualified lead', async () => {
    await db.contacts.put(dana());
    await showDana();
    expect(screen.getByText('Qualifies as MQL')).toBeTruthy();
    cleanup();
    for (const stage of ['recycled', 'disqualified', 'sql'] as const) {
      await db.contacts.put(dana({ stage, stageReason: stage === 'sql' ? null : 'No budget' }));
      await showDana();
      expect(screen.queryByText('Qualifies as MQL')).toBeNull();
      cleanup();
    }
  });

  it('a recycled lead shows no SLA deadline, no countdown and no primary log button', async () => {
    const settings = defaultWorkspaceSettings(ZONE);
    settings.policies = settings.policies.map((p) => ({ ...p, stepChannels: ['call', 'email', 'call', 'social', 'voicemail'] }));
    await db.meta.put({ key: 'settings', value: settings });
    await db.contacts.put(dana({ stage: 'recycled', stageReason: 'No budget until Q3' }));
    await showDana(Date.parse('2026-01-19T19:40:00Z'));
    const section = screen.getByRole('region', { name: 'Follow-up' });
    expect(countdownText()).toBe('Exited: stage changed');
    expect(section.textContent).toContain('No SLA deadline: the lead is Recycled');
    expect(section.textContent).not.toMatch(/SLA deadline \d|missed|Step \d/);
    expect(screen.getByRole('group', { name: 'Log now' }).querySelector('.channel-button--primary')).toBeNull();
  });

  it('a first touch that never came says so, with the deadline as past', async () => {
    await db.contacts.put(dana());
    // Monday 14:40 New York: the first touch was due 12:30.
    await showDana(Date.parse('2026-01-19T19:40:00Z'));
    expect(countdownText()).toBe('First touch missed · overdue by 2 h 10 m');
    expect(screen.getByRole('region', { name: 'Follow-up' }).textContent).toContain('First touch missed: was due 5:30 PM');
  });

  it('"Due soon" does not alarm at midnight: the clock is stopped and no seconds show', async () => {
    await db.contacts.put(dana());
    await db.attempts.put(attempt('2026-01-19T15:00:00Z'));
    // Wednesday 00:00 New York (05:00Z): the follow-up due at 10:00 is 60 business minutes away, inside the due-soon
    // window, but the next working minute is nine hours off.
    await showDana(Date.parse('2026-01-21T05:00:00Z'));
    const section = screen.getByRole('region', { name: 'Follow-up' });
    expect(within(section).queryByText('Due soon')).toBeNull();
    expect(within(section).getByText('Off hours')).toBeTruthy();
    expect(countdownText()).toBe('Due in 1 h');
    expect(section.querySelector('.countdown--warn')).toBeNull();
    expect(section.querySelector('[aria-live="polite"]')?.textContent).toBe('Follow-up status: Outside working hours');
  });

  it('keeps each duration whole: "25 m" never wraps between the number and its unit', async () => {
    await db.contacts.put(dana());
    await db.attempts.put(attempt('2026-01-19T15:00:00Z'));
    await showDana(Date.parse('2026-01-21T15:25:00Z'));
    const text = screen.getByRole('region', { name: 'Follow-up' }).querySelector('.countdown__text') as HTMLElement;
    expect([...text.querySelectorAll('.nowrap')].map((n) => n.textContent)).toEqual(['25 m']);
  });
});
