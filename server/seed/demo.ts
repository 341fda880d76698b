import { count } from 'drizzle-orm';
import type { Db } from '../store/db';
import { workspaces } from '../store/schema';

export async function hasAnyWorkspace(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(workspaces);
  return (row?.n ?? 0) > 0;
}
