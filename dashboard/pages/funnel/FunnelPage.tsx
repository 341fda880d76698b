import { useId, useState, type ChangeEvent } from 'react';
import type { FunnelPlan } from '../../../lib/core/funnel';
import type { FunnelReport } from '../../../lib/core/model/reports';
import { useDashboard } from '../../shell/context';
import { ErrorState, Loading } from '../../shell/states';
import { useLoad } from '../../shell/useLoad';
import { inputIdOf, planOf, STEP_LABELS, STEPS, type PlanForm, type Step } from './plan-form';

/** Where the planner starts: the figures of the worked example our users plan with, until the team's rates are put in. */
const START: Omit<PlanForm, 'rates' | 'repsStaffed'> = {
  revenueGoal: '100000',
  averageDealSize: '1000',
  mode: 'one',
  rate: '0.5',
  workingWeeks: '48',
  reviewsPerRepPerWeek: '8',
};

/** The funnel planner: a revenue goal worked back up the funnel in the browser, beside what the funnel did lately. */
export function FunnelPage() {
  const { api } = useDashboard();
  // The report is asked for once, with the starting figures, for its measured rates and actuals; the plan itself is
  // worked out here as the person types, by the same lib/core function.
  const report = useLoad('funnel', () => api.funnelReport({ revenueGoal: 100000, averageDealSize: 1000, rate: 0.5 }));
  return (
    <div className="page">
      <div className="page__head">
        <h1>Funnel planner</h1>
      </div>
      {report.state === 'loading' ? (
        <Loading what="the team’s funnel" />
      ) : report.state === 'error' ? (
        <ErrorState what="the team’s funnel" error={report.error} retry={report.reload} />
      ) : (
        <Planner report={report.data} />
      )}
    </div>
  );
}

function measuredRates(report: FunnelReport): Record<Step, string> {
  return Object.fromEntries(STEPS.map((s) => [s, String(Math.round(report.measured.rates[s] * 1000) / 1000)])) as Record<Step, string>;
}

function Planner({ report }: { report: FunnelReport }) {
  const { formats: f } = useDashboard();
  const [form, setForm] = useState<PlanForm>(() => ({ ...START, rates: measuredRates(report), repsStaffed: String(report.input.repsStaffed || '') }));
  const result = planOf(form);
  const errorFor = (id: string) => (!result.ok && inputIdOf(result.field, form.mode) === id ? result.message : null);
  const set = (key: keyof Omit<PlanForm, 'rates' | 'mode'>) => (e: ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: e.target.value });
  return (
    <div className="two-columns two-columns--wide-right">
      <form className="card plan-form" onSubmit={(e) => e.preventDefault()} aria-labelledby="plan-inputs">
        <h2 id="plan-inputs">Your goal</h2>
        <NumberField id="plan-revenueGoal" label="Revenue goal for the year" value={form.revenueGoal} onChange={set('revenueGoal')} error={errorFor('plan-revenueGoal')} />
        <NumberField id="plan-averageDealSize" label="Average deal size" value={form.averageDealSize} onChange={set('averageDealSize')} error={errorFor('plan-averageDealSize')} />
        <fieldset>
          <legend>Conversion rates (a share: 0.5 is 50%)</legend>
          <label className="inline">
            <input type="radio" name="plan-mode" checked={form.mode === 'one'} onChange={() => setForm({ ...form, mode: 'one' })} /> One rate for every stage
          </label>
          <label className="inline">
            <input type="radio" name="plan-mode" checked={form.mode === 'per_step'} onChange={() => setForm({ ...form, mode: 'per_step' })} /> A rate per stage
          </label>
          {form.mode === 'one' ? (
            <NumberField id="plan-rate" label="Rate at each stage" value={form.rate} onChange={set('rate')} error={errorFor('plan-rate')} />
          ) : (
            <>
              {STEPS.map((s) => (
                <NumberField
                  key={s}
                  id={`plan-rate-${s}`}
                  label={STEP_LABELS[s]}
                  hint={report.measured.sources[s] === 'measured' ? 'the team’s measured rate' : 'not measured yet: the rate given'}
                  value={form.rates[s]}
                  onChange={(e) => setForm({ ...form, rates: { ...form.rates, [s]: e.target.value } })}
                  error={errorFor(`plan-rate-${s}`)}
                />
              ))}
              <button type="button" onClick={() => setForm({ ...form, rates: measuredRates(report) })}>
                Use the team’s measured rates
              </button>
            </>
          )}
        </fieldset>
        <NumberField id="plan-workingWeeks" label="Working weeks in the year" value={form.workingWeeks} onChange={set('workingWeeks')} error={errorFor('plan-workingWeeks')} />
        <NumberField id="plan-reviewsPerRepPerWeek" label="MQLs a rep can review a week" value={form.reviewsPerRepPerWeek} onChange={set('reviewsPerRepPerWeek')} error={errorFor('plan-reviewsPerRepPerWeek')} />
        <NumberField id="plan-repsStaffed" label="Reps on the team" value={form.repsStaffed} onChange={set('repsStaffed')} error={errorFor('plan-repsStaffed')} />
        {!result.ok && errorFor(inputIdOf(result.field, form.mode)) === null ? (
          <p className="error-text" role="alert">
            {result.message}
          </p>
        ) : null}
      </form>
      <section className="card" aria-labelledby="plan-heading" aria-live="polite">
        <h2 id="plan-heading">The plan</h2>
        {result.ok ? <PlanTable plan={result.plan} report={report} workingWeeks={Number(form.workingWeeks || 48)} /> : <p className="muted">Fix the input on the left to see the plan.</p>}
        {result.ok ? <Staffing plan={result.plan} reviews={form.reviewsPerRepPerWeek} weeks={form.workingWeeks || '48'} /> : null}
        <p className="muted small-note">
          Actuals: stages first reached from {f.date(report.actual.period.from)} to {f.date(report.actual.period.to)}, per week over those{' '}
          {f.decimal(report.actual.period.days / 7)} weeks.
        </p>
      </section>
    </div>
  );
}

const LADDER = [
  ['customers', 'customer', 'Customers'],
  ['opportunities', 'opportunity', 'Opportunities'],
  ['sqls', 'sql', 'SQLs'],
  ['mqls', 'mql', 'MQLs'],
  ['leads', 'lead', 'Leads'],
  ['visitors', 'visitor', 'Visitors'],
] as const;

function PlanTable({ plan, report, workingWeeks }: { plan: FunnelPlan; report: FunnelReport; workingWeeks: number }) {
  const { formats: f } = useDashboard();
  const weeks = report.actual.period.days / 7;
  return (
    <div className="table-wrap">
      <table className="plan-table">
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Needed in the year</th>
            <th scope="col">A week</th>
            <th scope="col">Actual a week</th>
          </tr>
        </thead>
        <tbody>
          {LADDER.map(([key, stage, label]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td data-testid={`plan-${key}`}>{f.count(plan[key])}</td>
              <td>{f.decimal(plan[key] / workingWeeks)}</td>
              <td>{stage === 'visitor' ? <span className="muted">not counted</span> : f.decimal(report.actual.byPeriod.reached[stage] / weeks)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Staffing({ plan, reviews, weeks }: { plan: FunnelPlan; reviews: string; weeks: string }) {
  const { formats: f } = useDashboard();
  return (
    <dl className="stats-grid plan-staffing">
      <div className="stat">
        <dt>MQLs a week over {weeks} weeks</dt>
        <dd className="stat__value" data-testid="plan-mqlsPerWeek">
          {f.decimal(plan.mqlsPerWeek)}
        </dd>
      </div>
      {plan.repsNeeded !== null ? (
        <div className="stat">
          <dt>Reps needed at {reviews} reviews a week</dt>
          <dd className="stat__value" data-testid="plan-repsNeeded">
            {f.decimal(plan.repsNeeded, 2)}
          </dd>
          <dd className="stat__detail">a head count of {f.count(plan.repsToHire ?? 0)}</dd>
        </div>
      ) : null}
      {plan.loadPerStaffedRep !== null ? (
        <div className="stat">
          <dt>Load on each rep today</dt>
          <dd className="stat__value" data-testid="plan-load">
            {f.share(plan.loadPerStaffedRep)}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

function NumberField({ id, label, hint, value, onChange, error }: { id: string; label: string; hint?: string; value: string; onChange: (e: ChangeEvent<HTMLInputElement>) => void; error: string | null }) {
  const errorId = useId();
  const hintId = useId();
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} inputMode="decimal" value={value} onChange={onChange} aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
      {hint ? (
        <span id={hintId} className="muted small-note">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="error-text" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
