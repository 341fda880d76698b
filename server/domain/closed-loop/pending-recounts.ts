import { eq } from 'drizzle-orm';
import { writeInWorkspace, type Db } from '../../store/db';
import { assistRecountsPending } from '../../store/schema';
import { recountAssists } from './assists';

/**
 * Counts the content assists of every workspace the migrations marked (those that predate the count), each in its own
 * transaction under the workspace's lock, and unmarks it there: a crash midway leaves the rest marked for the next
 * start, and two processes starting together only count a workspace twice, to the same result. Returns how many.
 */
export async function recountPendingAssists(db: Db): Promise<number> {
  const pending = await db.select({ workspaceId: assistRecountsPending.workspaceId }).from(assistRecountsPending);
  for (const { workspaceId } of pending) {
    await writeInWorkspace(db, workspaceId, async (tx) => {
      await recountAssists(tx, workspaceId);
      await tx.delete(assistRecountsPending).where(eq(assistRecountsPending.workspaceId, workspaceId));
    });
  }
  return pending.length;
}
