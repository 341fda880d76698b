import { sql } from 'drizzle-orm';
import { SsoSettings } from '../../lib/core/model/settings';
import type { VerifiedClaims } from '../auth/oidc';
import { startSession } from '../auth/sessions';
import { ApiError } from '../http/errors';
import { writeInWorkspace, type Db } from '../store/db';
import { workspaces } from '../store/schema';
import { addUser, findUserByEmail } from './admin';
import { ssoSignedIn, userCreated } from './audit/changes';
import { recordAudit } from './audit/record';

// Who a single sign-on is: the provider's verified email, mapped to the Leadside user with that address (emails are
// unique across workspaces). Nobody is created silently: an unknown address becomes a user only on a domain one
// workspace's admin allowed (settings.sso), with the role that admin chose. The session is the one a sign-in link
// starts (startSession), recorded in the audit log with the provider's subject.

const refused = (message: string) => new ApiError('forbidden', message);

export interface SsoSignIn {
  sessionSecret: string;
  userId: string;
  created: boolean;
}

export async function signInWithSso(db: Db, issuer: string, claims: VerifiedClaims, now: Date): Promise<SsoSignIn> {
  const { email } = claims;
  if (!email) throw refused('the provider did not share your email address, which Leadside signs you in by: allow the email scope');
  if (!claims.emailVerified) throw refused(`the provider has not verified ${email}: verify it with your provider, then sign in again`);
  const user = await findUserByEmail(db, email);
  if (user) {
    if (user.disabled) throw refused(`${email} is disabled in Leadside: ask your admin`);
    return writeInWorkspace(db, user.workspaceId, async (tx) => {
      const { secret, session } = await startSession(tx, user.id, now);
      await recordAudit(tx, { workspaceId: user.workspaceId, kind: 'user', userId: user.id }, ssoSignedIn(now, user.id, { sessionId: session.id, issuer, subject: claims.subject }));
      return { sessionSecret: secret, userId: user.id, created: false };
    });
  }
  const domain = email.slice(email.lastIndexOf('@') + 1);
  const allowing = await db
    .select({ id: workspaces.id, settings: workspaces.settings })
    .from(workspaces)
    .where(sql`${workspaces.settings} -> 'sso' -> 'signUpDomains' @> ${JSON.stringify([domain])}::jsonb`);
  if (allowing.length === 0) {
    throw refused(`no Leadside user has the address ${email}, and no workspace lets ${domain} sign up: ask your admin to add you`);
  }
  // Two workspaces cannot both claim a domain's newcomers: which one they join is the admins' decision, not ours.
  if (allowing.length > 1) throw refused(`more than one workspace lets ${domain} sign up, so Leadside cannot tell which is yours: ask your admin to add you`);
  const workspace = allowing[0]!;
  const { signUpRole: role } = SsoSettings.parse(workspace.settings.sso ?? {});
  const name = claims.name ?? email.slice(0, email.lastIndexOf('@'));
  return writeInWorkspace(db, workspace.id, async (tx) => {
    const { id } = await addUser(tx, { workspaceId: workspace.id, email, name, role });
    const { secret, session } = await startSession(tx, id, now);
    // The newcomer is the actor of their own arrival: nobody else made them, and the allowed domain is on record.
    const actor = { workspaceId: workspace.id, kind: 'user' as const, userId: id };
    await recordAudit(tx, actor, [
      userCreated(now, { id, email, name, role, disabled: false }),
      ssoSignedIn(now, id, { sessionId: session.id, issuer, subject: claims.subject }),
    ]);
    return { sessionSecret: secret, userId: id, created: true };
  });
}
