import { useDashboard } from '../../shell/context';
import { AuditSection } from './AuditSection';
import { SharedScreensSection } from './SharedScreensSection';
import { SignOutEverywhereSection, TrackingKeySection } from './SecuritySection';
import { UsersSection } from './UsersSection';

/** The team: users and roles, their tokens and sign-in links, shared screens, the audit log, the tracking key. */
export function TeamPage() {
  const { session } = useDashboard();
  const admin = session.user.role === 'admin';
  return (
    <div className="page">
      <div className="page__head">
        <h1>Team</h1>
      </div>
      <UsersSection canManage={admin} />
      <SharedScreensSection />
      {admin ? <AuditSection /> : null}
      {admin ? <TrackingKeySection /> : null}
      <SignOutEverywhereSection />
    </div>
  );
}
