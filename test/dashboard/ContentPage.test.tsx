// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DashboardApi } from '../../dashboard/api/client';
import { bearerCredentials } from '../../dashboard/api/credentials';
import { ContentReport } from '../../lib/core/model/closed-loop';
import { ContentItem } from '../../lib/core/model/content';
import { seedDemo } from '../../server/seed/demo';
import { makeWorkspace, serverForSuite, STORE_KINDS, type TestWorkspace } from '../server/harness';
import { apiAs, renderApp } from './support/render';

afterEach(cleanup);

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent);
const SLOW = 30_000;

describe.each(STORE_KINDS)('the content library page (%s)', (kind) => {
  const server = serverForSuite(kind, { now: '2026-01-21T15:00:00Z' });
  let manager: string;
  let marketing: string;
  let report: ContentReport;
  let empty: TestWorkspace;
  const libraryOf = async (token: string, archived = false) =>
    ((await (await server.api(token, `/v1/content?archived=${archived}`)).json()) as { content: unknown[] }).content.map((c) => ContentItem.parse(c));
  beforeAll(async () => {
    const demo = await seedDemo(server.store.db, { now: server.clock.now() });
    manager = demo.credentials.find((c) => c.role === 'manager')!.token;
    marketing = demo.credentials.find((c) => c.role === 'marketing')!.token;
    report = ContentReport.parse(await (await server.api(manager, '/v1/reports/content')).json());
    empty = await makeWorkspace(server, 'Blankco');
  }, 60_000);

  it('lists the library with each item’s assists and its use over the last 30 days, read-only for a manager', async () => {
    const items = await libraryOf(manager);
    // The most assisted item of the report: its figures must be there to read.
    const top = report.items[0]!;
    expect(top.assists).toBeGreaterThan(0);
    renderApp(apiAs(server.url, manager), { path: 'content', now: server.clock.now });
    await screen.findByRole('heading', { level: 1, name: 'Content library' });
    const row = await screen.findByTestId(`content-${top.contentId}`);
    expect(within(row).getByRole('rowheader').textContent).toBe(top.title);
    expect(within(row).getByRole('link', { name: top.title }).getAttribute('href')).toBe(top.url);
    expect(cells(row).slice(4)).toEqual([String(top.assists), String(top.total.sent), String(top.total.clicked), String(top.total.viewed)]);
    expect(screen.getAllByRole('rowheader')).toHaveLength(items.length);
    expect(screen.queryByRole('button', { name: 'New item' })).toBeNull();
    expect(screen.queryByRole('button', { name: `Edit ${top.title}` })).toBeNull();
  });

  it('marketing adds an item: a refusal in the server’s words first, then the item in the library', async () => {
    renderApp(apiAs(server.url, marketing), { path: 'content', now: server.clock.now });
    fireEvent.click(await screen.findByRole('button', { name: 'New item' }));
    type('Title', 'SLA playbook');
    type('URL', 'not a url');
    type('Journey stage', 'decision');
    type('Personas', 'cfo, VP Sales');
    type('Topics', 'sla, Lead Scoring');
    fireEvent.click(screen.getByRole('button', { name: 'Add to the library' }));
    const refusal = await screen.findByRole('alert');
    expect(refusal.textContent).toBe('Content is not valid: url: must be an http(s) URL; topics.1: must be lower-case letters, digits and "_", starting with a letter (max 40).');
    expect((await libraryOf(marketing)).map((c) => c.title)).not.toContain('SLA playbook');

    type('URL', 'https://northwind.example/resources/sla-playbook');
    type('Topics', 'sla, lead_scoring');
    fireEvent.click(screen.getByRole('button', { name: 'Add to the library' }));
    // The form is gone: the keyboard's focus is on what was done.
    const done = await screen.findByText('Added “SLA playbook”.');
    expect(document.activeElement).toBe(done);
    const added = (await libraryOf(marketing)).find((c) => c.title === 'SLA playbook')!;
    expect(added).toMatchObject({ url: 'https://northwind.example/resources/sla-playbook', journeyStage: 'decision', personas: ['cfo', 'vp sales'], topics: ['sla', 'lead_scoring'], archived: false });
    const row = await screen.findByTestId(`content-${added.id}`);
    expect(cells(row)).toEqual(['article', 'decision', 'cfo, vp sales', 'sla, lead_scoring', '0', '0', '0', '0', 'EditArchive']);
  }, SLOW);

  it('marketing edits an item, archives it (gone from the list), finds it under archived and restores it', async () => {
    const item = (await libraryOf(marketing)).find((c) => c.title !== 'SLA playbook')!;
    renderApp(apiAs(server.url, marketing), { path: 'content', now: server.clock.now });
    fireEvent.click(await screen.findByRole('button', { name: `Edit ${item.title}` }));
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe(item.title);
    type('Title', `${item.title} (2026)`);
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText(`Saved “${item.title} (2026)”.`)).toBeTruthy();
    const edited = (await libraryOf(marketing)).find((c) => c.id === item.id)!;
    expect(edited).toMatchObject({ title: `${item.title} (2026)`, url: item.url, topics: item.topics, archived: false });
    expect(edited.version).toBeGreaterThan(item.version);

    fireEvent.click(await screen.findByRole('button', { name: `Archive ${edited.title}` }));
    await waitFor(() => expect(screen.queryByTestId(`content-${item.id}`)).toBeNull());
    expect(screen.getByText(`Archived “${edited.title}”.`)).toBeTruthy();
    expect((await libraryOf(marketing)).map((c) => c.id)).not.toContain(item.id);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Show archived items too' }));
    const row = await screen.findByTestId(`content-${item.id}`);
    expect(within(row).getByRole('rowheader').textContent).toBe(`${edited.title} (archived)`);
    fireEvent.click(within(row).getByRole('button', { name: `Restore ${edited.title}` }));
    expect(await screen.findByText(`Restored “${edited.title}”.`)).toBeTruthy();
    expect((await libraryOf(marketing)).find((c) => c.id === item.id)!.archived).toBe(false);
  }, SLOW);

  it('an edit made meanwhile by someone else is not overwritten: the server’s 409 in its words, nothing changed', async () => {
    const item = (await libraryOf(marketing))[1]!;
    renderApp(apiAs(server.url, marketing), { path: 'content', now: server.clock.now });
    fireEvent.click(await screen.findByRole('button', { name: `Edit ${item.title}` }));
    const { id: _id, assists: _assists, updatedAt: _updatedAt, ...fields } = item;
    const theirs = await server.api(marketing, `/v1/content/${item.id}`, { method: 'PUT', json: { ...fields, title: 'Their title' } });
    const { version } = ContentItem.parse(await theirs.json());
    type('Title', 'My title');
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect((await screen.findByRole('alert')).textContent).toBe(`Content ${item.id} changed since version ${item.version} (it is at ${version}): reload it and edit again.`);
    expect((await libraryOf(marketing)).find((c) => c.id === item.id)!.title).toBe('Their title');
  }, SLOW);

  it('an empty library says so, with what a writer can do', async () => {
    renderApp(apiAs(server.url, empty.users.marketing!.token), { path: 'content', now: server.clock.now });
    expect((await screen.findByRole('heading', { name: 'The library is empty' })).parentElement!.textContent).toContain('Add the first item with “New item”.');
  });

  it('a library that cannot be loaded shows why, with a way to try again', async () => {
    // The real server, with the network to /v1/content down: the session loads, the library does not.
    const api = new DashboardApi(bearerCredentials(manager), (input, init) => (input.includes('/v1/content') ? Promise.reject(new TypeError('down')) : fetch(input, init)), server.url);
    renderApp(api, { path: 'content', now: server.clock.now });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Could not load the content library. The server cannot be reached: check the connection and try again.Try again');
  });
});
