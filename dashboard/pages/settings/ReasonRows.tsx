import type { ReasonOption } from '../../../lib/core/model/outcomes';
import { Group, TextField } from './controls';

/** One reason list as rows of code and label, with rows to add and remove. */
export function ReasonRows({ path, legend, rows, onChange }: { path: string; legend: string; rows: ReasonOption[]; onChange: (rows: ReasonOption[]) => void }) {
  const set = (i: number, row: ReasonOption) => onChange(rows.map((r, j) => (j === i ? row : r)));
  return (
    <Group legend={legend}>
      {rows.map((r, i) => (
        <div className="settings-row" key={i}>
          <TextField path={`${path}.${i}.code`} label={`Code ${i + 1}`} value={r.code} onChange={(code) => set(i, { ...r, code })} />
          <TextField path={`${path}.${i}.label`} label={`Label ${i + 1}`} value={r.label} onChange={(label) => set(i, { ...r, label })} />
          <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={`Remove reason ${i + 1} of ${legend.toLowerCase()}`}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...rows, { code: '', label: '' }])}>
        Add a reason
      </button>
    </Group>
  );
}
