// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ContentReport, SourcesReport } from '../../lib/core/model/closed-loop';
import { ContentItem } from '../../lib/core/model/content';
import { QuestionGroupPage } from '../../lib/core/model/questions';
import { LIFECYCLE_STAGES } from '../../lib/core/model/vocabulary';
import { questionKey } from '../../lib/core/questions/group-key';
import { insertContact } from '../../server/domain/contacts/create';
import { seedDemo } from '../../server/seed/demo';
import { writeInWorkspace } from '../../server/store/db';
import { questions as questionRows } from '../../server/store/schema';
import { makeWorkspace, serverForSuite, STORE_KINDS, type TestWorkspace } from '../server/harness';
import { apiAs, renderApp } from './support/render';

afterEach(cleanup);

/** Sixty distinct words of letters only (a question key keeps letters, so digits alone would group together). */
const WORDS = Array.from({ length: 60 }, (_, i) => `q${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}word`);

/** The cells of a table row as text, its row header first. */
function rowTexts(row: HTMLElement): string[] {
  return [...row.querySelectorAll('th, td')].map((c) => c.textContent ?? '');
}

describe.each(STORE_KINDS)('the Closed loop page, on the demo workspace (%s)', (kind) => {
  const server = serverForSuite(kind, { now: '2026-01-21T15:00:00Z' });
  let marketing: string;
  let sources: SourcesReport;
  let content: ContentReport;
  let questions: QuestionGroupPage;
  let empty: TestWorkspace;
  const get = async (token: string, path: string) => {
    const res = await server.api(token, path);
    expect(res.status).toBe(200);
    return res.json();
  };
  beforeAll(async () => {
    const demo = await seedDemo(server.store.db, { now: server.clock.now() });
    marketing = demo.credentials.find((c) => c.role === 'marketing')!.token;
    sources = SourcesReport.parse(await get(marketing, '/v1/reports/sources'));
    content = ContentReport.parse(await get(marketing, '/v1/reports/content'));
    questions = QuestionGroupPage.parse(await get(marketing, '/v1/questions'));
    empty = await makeWorkspace(server, 'Quietco');
  }, 60_000);

  it('shows each source’s funnel and the total with the report’s own figures', async () => {
    expect(sources.total.leads).toBeGreaterThan(0);
    renderApp(apiAs(server.url, marketing), { path: 'loop', now: server.clock.now });
    const table = await screen.findByRole('table', { name: 'Leads by source, step by step' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(sources.sources.length + 1);
    const pct = (s: number | null) => (s === null ? '—' : `${Math.round(s * 100)}%`);
    const total = sources.total;
    expect(rowTexts(rows.at(-1)!)).toEqual([
      'All sources',
      ...[total.leads, total.mqls, total.sqls, total.opportunities, total.customers].map((n) => n.toLocaleString('en-US')),
      ...[total.rates.leadToMql, total.rates.mqlToSql, total.rates.sqlToOpportunity, total.rates.opportunityToCustomer].map(pct),
    ]);
    const first = sources.sources[0]!;
    expect(rowTexts(rows[0]!).slice(0, 2)).toEqual([first.source === null ? 'No source recorded' : first.source.replace(/_/g, ' '), String(first.leads)]);
    // The SQLs and beyond: one row each, each a mailto: link.
    const attributed = screen.getByRole('table', { name: 'SQLs, opportunities and customers among the period’s leads' });
    expect(within(attributed).getAllByRole('row')).toHaveLength(sources.contacts.length + 1);
    const c = sources.contacts[0]!;
    expect(within(attributed).getByRole('link', { name: c.name ?? c.email }).getAttribute('href')).toBe(`mailto:${c.email}`);
  });

  it('shows each item’s sent, clicked and viewed, in all and at one stage', async () => {
    expect(content.items.length).toBeGreaterThan(0);
    renderApp(apiAs(server.url, marketing), { path: 'loop', now: server.clock.now });
    const table = await screen.findByRole('table', { name: 'Content performance' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(content.items.length);
    const busiest = content.items.reduce((a, b) => (b.total.viewed > a.total.viewed ? b : a));
    const rowOf = (title: string) => within(screen.getByRole('table', { name: /^Content performance/ })).getByRole('rowheader', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).parentElement!;
    expect(rowTexts(rowOf(busiest.title)).slice(2)).toEqual([busiest.total.sent, busiest.total.clicked, busiest.total.viewed, busiest.assisted.customers, busiest.assists].map(String));
    // At one stage: that stage's figures, zeros where nothing happened then.
    const stage = busiest.byStage[0]!;
    fireEvent.change(screen.getByLabelText('People at stage'), { target: { value: stage.stage } });
    await screen.findByRole('table', { name: `Content performance at ${stage.stage === 'mql' || stage.stage === 'sql' ? stage.stage.toUpperCase() : stage.stage.charAt(0).toUpperCase() + stage.stage.slice(1)}` });
    expect(rowTexts(rowOf(busiest.title)).slice(2, 5)).toEqual([stage.sent, stage.clicked, stage.viewed].map(String));
  });

  it('ranks the questions as the API does, and filters them by stage', { timeout: 20_000 }, async () => {
    expect(questions.groups.length).toBeGreaterThan(1);
    renderApp(apiAs(server.url, marketing), { path: 'loop', now: server.clock.now });
    const section = (await screen.findByRole('heading', { level: 2, name: 'Prospects’ questions from sales' })).parentElement!;
    await within(section).findAllByRole('listitem');
    const headings = () => within(section).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings()).toEqual(questions.groups.map((g) => `“${g.wordings[0]}”`));
    const top = questions.groups[0]!;
    const firstItem = within(section).getAllByRole('listitem')[0]!;
    expect(within(firstItem).getByText(new RegExp(`^Asked ${top.count} times by ${top.contacts} contacts?, last on`))).toBeTruthy();
    // At the stage the top question was asked most: the API's ranking of that stage alone.
    const stage = LIFECYCLE_STAGES.reduce((a, b) => (top.byStage[b] > top.byStage[a] ? b : a));
    const atStage = QuestionGroupPage.parse(await get(marketing, `/v1/questions?stage=${stage}`));
    expect(atStage.groups.length).toBeGreaterThan(0);
    fireEvent.change(within(section).getByLabelText('Asked at stage'), { target: { value: stage } });
    await waitFor(() => expect(headings()).toEqual(atStage.groups.map((g) => `“${g.wordings[0]}”`)));
    // The demo's reps note no question from an SQL: the empty state names the stage.
    expect(QuestionGroupPage.parse(await get(marketing, '/v1/questions?stage=sql')).groups).toEqual([]);
    fireEvent.change(within(section).getByLabelText('Asked at stage'), { target: { value: 'sql' } });
    expect(await within(section).findByText('No question was asked at SQL.')).toBeTruthy();
  });

  it('links a library item as a question’s answer and unlinks it, as the API then answers', async () => {
    const library = (await get(marketing, '/v1/content')) as { content: unknown[] };
    const items = library.content.map((c) => ContentItem.parse(c));
    const unanswered = questions.groups.find((g) => g.answer === null)!;
    const item = items[0]!;
    renderApp(apiAs(server.url, marketing), { path: 'loop', now: server.clock.now });
    const li = (await screen.findByRole('heading', { level: 3, name: `“${unanswered.wordings[0]}”` })).parentElement!;
    fireEvent.click(within(li).getByRole('button', { name: 'Link an answer' }));
    const picker = await within(li).findByLabelText('Content to link');
    expect(within(picker).getAllByRole('option')).toHaveLength(items.length + 1);
    expect(within(li).getByRole('button', { name: 'Link' }).hasAttribute('disabled')).toBe(true);
    fireEvent.change(picker, { target: { value: item.id } });
    fireEvent.click(within(li).getByRole('button', { name: 'Link' }));
    expect(await within(li).findByText(item.title, { selector: 'strong' })).toBeTruthy();
    const answerOf = async () => QuestionGroupPage.parse(await get(marketing, '/v1/questions?limit=200')).groups.find((g) => g.key === unanswered.key)!.answer;
    expect(await answerOf()).toMatchObject({ contentId: item.id, title: item.title });
    fireEvent.click(within(li).getByRole('button', { name: 'Unlink' }));
    expect(await within(li).findByRole('button', { name: 'Link an answer' })).toBeTruthy();
    expect(await answerOf()).toBeNull();
  });

  it('shows the server’s refusal beside the picker, and links nothing', async () => {
    const unanswered = questions.groups.find((g) => g.answer === null)!;
    const library = (await get(marketing, '/v1/content')) as { content: { id: string; title: string }[] };
    const item = library.content[1]!;
    renderApp(apiAs(server.url, marketing), { path: 'loop', now: server.clock.now });
    const li = (await screen.findByRole('heading', { level: 3, name: `“${unanswered.wordings[0]}”` })).parentElement!;
    fireEvent.click(within(li).getByRole('button', { name: 'Link an answer' }));
    const picker = await within(li).findByLabelText('Content to link');
    // Someone archives the item while the picker is open: the server refuses it in its own words.
    const archived = await server.api(marketing, `/v1/content/${item.id}`);
    const current = (await archived.json()) as Record<string, unknown>;
    const { id: _id, assists: _a, updatedAt: _u, ...draft } = current;
    expect((await server.api(marketing, `/v1/content/${item.id}`, { method: 'PUT', json: { ...draft, archived: true } })).status).toBe(200);
    fireEvent.change(picker, { target: { value: item.id } });
    fireEvent.click(within(li).getByRole('button', { name: 'Link' }));
    const alert = await within(li).findByRole('alert');
    const direct = await server.api(marketing, `/v1/questions/${unanswered.key}/answer`, { method: 'PUT', json: { contentId: item.id } });
    const { error } = (await direct.json()) as { error: { message: string } };
    expect(alert.textContent).toBe(error.message.charAt(0).toUpperCase() + error.message.slice(1) + (error.message.endsWith('.') ? '' : '.'));
    expect(QuestionGroupPage.parse(await get(marketing, '/v1/questions?limit=200')).groups.find((g) => g.key === unanswered.key)!.answer).toBeNull();
    await server.api(marketing, `/v1/content/${item.id}`, { method: 'PUT', json: { ...draft, archived: false } });
  });

  it('pages through a long ranking: "Show more" adds the next page until every group is shown', { timeout: 30_000 }, async () => {
    const many = await makeWorkspace(server, `Askco ${kind}`);
    const at = (i: number) => new Date(Date.UTC(2026, 0, 10, 12, i));
    await writeInWorkspace(server.store.db, many.id, async (tx) => {
      await insertContact(tx, many.id, { id: `askco-${kind}`, email: `asker-${kind}@lead.example`, stage: 'mql', ownerId: many.users.rep!.id }, at(0), { kind: 'import' });
      // 60 different questions, each asked once: the ranking is then by most recently asked.
      await tx.insert(questionRows).values(
        Array.from({ length: 60 }, (_, i) => ({
          workspaceId: many.id,
          id: `askco-${kind}-${i}`,
          contactId: `askco-${kind}`,
          userId: many.users.rep!.id,
          text: `Question number ${WORDS[i]}?`,
          groupKey: questionKey(`Question number ${WORDS[i]}?`),
          stage: 'mql',
          at: at(i + 1),
        })),
      );
    });
    renderApp(apiAs(server.url, many.users.marketing!.token), { path: 'loop', now: server.clock.now });
    const section = (await screen.findByRole('heading', { level: 2, name: 'Prospects’ questions from sales' })).parentElement!;
    await within(section).findAllByRole('listitem');
    expect(within(section).getAllByRole('listitem')).toHaveLength(50);
    fireEvent.click(within(section).getByRole('button', { name: 'Show more (50 shown)' }));
    await waitFor(() => expect(within(section).getAllByRole('listitem')).toHaveLength(60));
    expect(within(section).queryByRole('button', { name: /^Show more/ })).toBeNull();
    // Most recently asked first: the 60th question at the top, the first at the bottom, none twice.
    const headings = within(section).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(Array.from({ length: 60 }, (_, i) => `“Question number ${WORDS[59 - i]}?”`));
  });

  it('a workspace with nothing yet: each section says so', async () => {
    renderApp(apiAs(server.url, empty.users.marketing!.token), { path: 'loop', now: server.clock.now });
    expect(await screen.findByRole('heading', { name: 'No new leads in this period' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'The content library is empty' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'No questions noted' })).toBeTruthy();
  });

  it('a report that fails to load shows the server’s words and a way to try again', async () => {
    const made = (await (await server.api(marketing, '/v1/me/tokens', { method: 'POST', json: { name: 'about to be revoked' } })).json()) as { id: string; token: string };
    renderApp(apiAs(server.url, made.token), { path: 'loop', now: server.clock.now });
    await screen.findByRole('table', { name: 'Leads by source, step by step' });
    expect((await server.api(marketing, `/v1/me/tokens/${made.id}`, { method: 'DELETE' })).status).toBe(204);
    fireEvent.click(screen.getByRole('radio', { name: 'This quarter' }));
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
    const alerts = screen.getAllByRole('alert');
    expect(alerts.map((a) => within(a).getByText(/^Could not load/).textContent).sort()).toEqual(['Could not load the content report.', 'Could not load the sources.']);
    expect(within(alerts[0]!).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('a rep cannot open it: it is not in their nav and its address is no page of theirs', async () => {
    renderApp(apiAs(server.url, empty.users.rep!.token), { path: 'loop', now: server.clock.now });
    expect(await screen.findByRole('heading', { name: 'No such page' })).toBeTruthy();
    expect(within(screen.getByRole('navigation', { name: 'Dashboard' })).queryByRole('link', { name: 'Closed loop' })).toBeNull();
  });
});
