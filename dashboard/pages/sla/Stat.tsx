import type { ReactNode } from 'react';

/** One headline figure: what it is, its value, and a line that puts it in context (of the goal, of the target). */
export function Stat({ label, children, detail }: { label: string; children: ReactNode; detail?: ReactNode }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>
        <span className="stat__value">{children}</span>
        {detail ? <span className="stat__detail">{detail}</span> : null}
      </dd>
    </div>
  );
}
