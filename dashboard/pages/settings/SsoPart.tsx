import { useState } from 'react';
import { ROLES, type Role } from '../../../lib/core/model/vocabulary';
import { LinesField, SelectField } from './controls';
import { linesOf } from './drafts';
import type { PartProps } from './part';
import { PartForm } from './PartForm';

const ROLE_OPTIONS = ROLES.map((r) => [r, r] as const);

/**
 * Who may join through single sign-on: a verified address on one of these domains that has no user yet becomes one,
 * with this role; anyone else must be added by an admin first. Admins only, since it creates accounts.
 */
export function SsoPart({ value, editable, owners, save }: PartProps<'sso'>) {
  const [domains, setDomains] = useState(() => value.signUpDomains.join('\n'));
  const [role, setRole] = useState<Role>(value.signUpRole);
  return (
    <PartForm
      part="sso"
      title="Single sign-on"
      editable={editable}
      owners={owners}
      save={() => save({ signUpDomains: linesOf(domains), signUpRole: role })}
      onSaved={(v) => {
        setDomains(v.signUpDomains.join('\n'));
        setRole(v.signUpRole);
      }}
    >
      <LinesField
        path="sso.signUpDomains"
        label="Domains that may sign up"
        hint="one a line, such as acme.com: a verified address on one becomes a user at its first sign-in; empty, only people you added can sign in"
        value={domains}
        onChange={setDomains}
      />
      <SelectField path="sso.signUpRole" label="Role of people who sign up" value={role} options={ROLE_OPTIONS} onChange={setRole} />
    </PartForm>
  );
}
