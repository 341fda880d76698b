import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../server/auth/tokens';
import { createToken } from '../../server/domain/tokens';
import { tokens } from '../../server/store/schema';
import { openHostTab, signInThroughOptions, syncAtRest, until } from './support/flows';
import { MAYA_EMAIL, MAYA_ID, mayaAttemptsOnDana, mayaForSuite } from './support/maya';

describe('a token that expires, in real Chromium', () => {
  const session = mayaForSuite();

  it('shows the signed-out screen saying the token expired, keeps the attempt logged meanwhile, and sends it after sign-in', async () => {
    const { ext, pages, server } = session;
    const { tabId } = await openHostTab(ext, pages.urls.gmail);
    const panel = await ext.openPage(`sidepanel.html?tab=${tabId}`);
    await panel.getByRole('heading', { name: 'Log an attempt' }).waitFor({ timeout: 30_000 });
    const before = (await mayaAttemptsOnDana(server)).length;
    // The sync the panel started on opening has finished: the expiry below meets the sync Maya's write asks for.
    await syncAtRest(panel);

    // Maya's token runs out (its expiry set in the server's database, a second ago).
    const maya = server.credentials.find((c) => c.email === MAYA_EMAIL)!;
    const expired = await server.store.db
      .update(tokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(tokens.hash, hashToken(maya.token)))
      .returning({ id: tokens.id });
    expect(expired).toHaveLength(1);

    // She logs a voicemail: the write is local, the sync it asks for meets the expired token.
    await panel.getByRole('group', { name: 'Log now' }).getByRole('button', { name: 'Voicemail', exact: true }).click();
    await panel.getByRole('heading', { name: 'Your Leadside token expired — sign in again' }).waitFor({ timeout: 30_000 });
    expect(await panel.getByRole('main', { name: 'Sign in' }).textContent()).toContain('1 change waits here and is sent once you sign in');
    expect(await mayaAttemptsOnDana(server)).toHaveLength(before);

    // The options page offers sign-in again (not "Signed in" with a dead token), with the server already filled in.
    const options = await ext.openPage('options.html');
    await options.getByRole('heading', { name: 'Sign in again' }).waitFor();
    expect(await options.getByRole('alert').textContent()).toBe('Your Leadside token expired — sign in again. 1 change waits here and is sent once you sign in.');
    expect(await options.getByLabel('Server address').inputValue()).toBe(server.url);
    await options.close();

    const renewed = await createToken(server.store.db, null, MAYA_ID, { name: 'Renewed after expiry' }, new Date());
    await signInThroughOptions(ext, server.url, renewed.secret);
    await panel.getByRole('heading', { name: 'Log an attempt' }).waitFor({ timeout: 30_000 });
    const rows = await until(async () => {
      const all = await mayaAttemptsOnDana(server);
      return all.length === before + 1 ? all : null;
    }, 'the voicemail on the server', 30_000);
    expect(rows.filter((a) => a.channel === 'voicemail')).toHaveLength(1);
  }, 120_000);
});
