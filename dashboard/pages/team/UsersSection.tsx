import { useState } from 'react';
import type { UserPatch, WorkspaceUser } from '../../../lib/core/model/admin-requests';
import type { SignInUrl } from '../../../lib/core/model/sessions';
import { ROLES, type Role } from '../../../lib/core/model/vocabulary';
import { useDashboard } from '../../shell/context';
import { Empty, ErrorState, Loading, messageOf } from '../../shell/states';
import { useLoad } from '../../shell/useLoad';
import { OnceSecret } from './OnceSecret';
import { TokensPanel } from './TokensPanel';

/**
 * The workspace's users. Managers read the team (GET /v1/users); admins change roles, disable and enable, make
 * sign-in links and manage each user's tokens. A refused change shows the server's reason on the user's row.
 */
export function UsersSection({ canManage }: { canManage: boolean }) {
  const { api } = useDashboard();
  const users = useLoad('users', () => api.users());
  // A change answers the user as saved: shown in place rather than by reloading the list, so the row, and the
  // keyboard focus on its button, stay where they were.
  const [saved, setSaved] = useState<ReadonlyMap<string, WorkspaceUser>>(new Map());
  const [tokensOf, setTokensOf] = useState<WorkspaceUser | null>(null);
  const [link, setLink] = useState<{ user: WorkspaceUser; link: SignInUrl } | null>(null);
  return (
    <section className="card" aria-labelledby="team-users">
      <h2 id="team-users">Users and roles</h2>
      {users.state === 'loading' ? (
        <Loading what="the team" />
      ) : users.state === 'error' ? (
        <ErrorState what="the team" error={users.error} retry={users.reload} />
      ) : users.data.length === 0 ? (
        <Empty title="No users yet" />
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                {canManage ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {users.data.map((loaded) => {
                const u = saved.get(loaded.id) ?? loaded;
                return (
                  <UserRow
                    key={u.id}
                    user={u}
                    canManage={canManage}
                    onSaved={(next) => setSaved(new Map(saved).set(next.id, next))}
                    onTokens={() => setTokensOf(u)}
                    onLink={(l) => setLink({ user: u, link: l })}
                  />
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {link ? (
        <OnceSecret
          label={`Sign-in link for ${link.user.name}`}
          value={link.link.url}
          note="Shown this once: send it to them. It signs them in one time, until it expires in 15 minutes."
        />
      ) : null}
      {tokensOf ? <TokensPanel key={tokensOf.id} user={tokensOf} onClose={() => setTokensOf(null)} /> : null}
    </section>
  );
}

function UserRow({
  user,
  canManage,
  onSaved,
  onTokens,
  onLink,
}: {
  user: WorkspaceUser;
  canManage: boolean;
  onSaved: (user: WorkspaceUser) => void;
  onTokens: () => void;
  onLink: (link: SignInUrl) => void;
}) {
  const { api } = useDashboard();
  const [error, setError] = useState<string | null>(null);
  const [role, setRole] = useState<Role>(user.role);
  const act = async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const save = (patch: UserPatch) => act(async () => onSaved(await api.updateUser(user.id, patch)));
  return (
    <tr data-testid={`user-${user.id}`}>
      <th scope="row">{user.name}</th>
      <td>{user.email}</td>
      <td>
        {canManage ? (
          // Chosen, then saved with its own button: arrowing through a select must not change anyone's role.
          <div className="inline">
            <select aria-label={`Role of ${user.name}`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
            {role !== user.role ? (
              <button type="button" aria-label={`Save the role of ${user.name}`} onClick={() => void save({ role })}>
                Save role
              </button>
            ) : null}
          </div>
        ) : (
          user.role
        )}
      </td>
      <td>{user.disabled ? 'disabled' : 'active'}</td>
      {canManage ? (
        <td>
          <div className="inline">
            <button
              type="button"
              aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.name}`}
              onClick={() => void save({ disabled: !user.disabled })}
            >
              {user.disabled ? 'Enable' : 'Disable'}
            </button>
            <button type="button" aria-label={`Tokens of ${user.name}`} onClick={onTokens}>
              Tokens
            </button>
            {user.disabled ? null : (
              <button type="button" aria-label={`Sign-in link for ${user.name}`} onClick={() => void act(async () => onLink(await api.signInLink(user.id)))}>
                Sign-in link
              </button>
            )}
          </div>
          {error ? (
            <p className="error-text" role="alert">
              {error}
            </p>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}
