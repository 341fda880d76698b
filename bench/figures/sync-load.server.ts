// Runs inside the API's process (../support/server-child.ts): a workspace of reps, each with a few contacts.
import { sql } from 'drizzle-orm';
import { addUser, createWorkspace } from '../../server/domain/admin';
import { createToken } from '../../server/domain/tokens';
import { insertContact } from '../../server/domain/contacts/create';
import { writeInWorkspace } from '../../server/store/db';
import { activities, attempts } from '../../server/store/schema';
import type { ChildServer } from '../support/server-child';

/**
 * `reps` reps with a token each; each owns `contactsEach` contacts with `activitiesEach` website visits and an attempt
 * on each. Written in one transaction a rep, as the API would; then ANALYZE, as autovacuum would soon after a load.
 */
export async function makeReps(server: ChildServer, args: { reps: number; contactsEach: number; activitiesEach: number }): Promise<{ tokens: string[]; workspaceId: string }> {
  const db = server.store.db;
  const ws = await createWorkspace(db, { name: 'Bench sales team', timeZone: 'America/New_York', domains: ['bench-team.example'] });
  const tokens: string[] = [];
  const now = new Date();
  for (let r = 0; r < args.reps; r++) {
    const rep = await addUser(db, { workspaceId: ws.id, email: `rep${r}@bench-team.example`, name: `Rep ${r}`, role: 'rep' });
    tokens.push((await createToken(db, null, rep.id, { name: 'bench' }, new Date())).secret);
    await writeInWorkspace(db, ws.id, async (tx) => {
      for (let c = 0; c < args.contactsEach; c++) {
        const contact = await insertContact(
          tx,
          ws.id,
          { email: `lead${r}x${c}@prospect${c}.example`, name: `Lead ${r}-${c}`, company: `Prospect ${c}`, stage: 'mql', leadType: 'demo_request', source: 'website', ownerId: rep.id },
          now,
          { kind: 'import' },
        );
        const at = (i: number) => new Date(now.getTime() - (args.activitiesEach - i) * 3_600_000);
        await tx.insert(activities).values(
          Array.from({ length: args.activitiesEach }, (_, i) => ({
            id: `act_${r}_${c}_${i}`,
            workspaceId: ws.id,
            contactId: contact.id,
            type: 'page_view',
            at: at(i),
            url: `https://www.bench-team.example/pricing?v=${i}`,
            title: 'Pricing',
            trustLabel: 'human',
            trustReason: 'seen on your website',
          })),
        );
        await tx.insert(attempts).values({ id: `att_${r}_${c}`, workspaceId: ws.id, contactId: contact.id, userId: rep.id, channel: 'email', at: at(0) });
      }
    });
  }
  await db.execute(sql`analyze`);
  return { tokens, workspaceId: ws.id };
}

export async function startTimer(server: ChildServer): Promise<void> {
  server.timer.take();
  server.timer.start();
}

export async function takeTimes(server: ChildServer) {
  server.timer.stop();
  return server.timer.take();
}
