import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { insertContact } from '../../server/domain/contacts/create';
import { writeInWorkspace } from '../../server/store/db';
import { makeWorkspace, startTestServer } from './harness';

describe('the PGlite data folder', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'leadside-data-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps workspaces, tokens and contacts across a restart, and migrations run once', async () => {
    const first = await startTestServer('pglite', { dataDir });
    const acme = await makeWorkspace(first, 'Acme');
    const rep = acme.users.rep!;
    await writeInWorkspace(first.store.db, acme.id, (tx) =>
      insertContact(tx, acme.id, { id: 'c_kept', email: 'kept@buyer.example', stage: 'mql', ownerId: rep.id }, first.clock.now(), { kind: 'import' }),
    );
    await first.close();

    const second = await startTestServer('pglite', { dataDir });
    try {
      const me = await second.api(rep.token, '/v1/me');
      expect(me.status).toBe(200);
      expect((await me.json()).user.id).toBe(rep.id);
      const contact = await second.store.db.query.contacts.findFirst({ where: (c, { eq }) => eq(c.id, 'c_kept') });
      expect(contact).toMatchObject({ email: 'kept@buyer.example', stage: 'mql', ownerId: rep.id });
      // The version sequence carries on from where it was, so cursors handed out before the restart stay valid.
      expect(contact!.version).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  }, 60_000);
});
