import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';

// Drawn at this size and scaled down by CSS (the SVG keeps its viewBox): no measuring, the same in every browser.
const WIDTH = 640;
const HEIGHT = 240;

export interface WeekPoint {
  week: string;
  label: string;
  delivered: number;
  mqls: number;
  goal: number;
  /** Percent of first touches within the SLA; null when no lead of the week could be judged. */
  withinSla: number | null;
}

/** The weekly series as two charts (Recharts: SVG with its keyboard and screen-reader layer on). */
export default function WeeklyCharts({ weeks }: { weeks: WeekPoint[] }) {
  return (
    <>
      <figure className="chart">
        <figcaption>Leads and MQLs delivered against the goal</figcaption>
        <BarChart width={WIDTH} height={HEIGHT} data={weeks} title="Leads and MQLs delivered each week against the goal">
          <CartesianGrid strokeDasharray="3 3" stroke="var(--line)" />
          <XAxis dataKey="label" stroke="var(--muted)" />
          <YAxis allowDecimals={false} stroke="var(--muted)" />
          <Tooltip contentStyle={{ background: 'var(--bg)', borderColor: 'var(--line)' }} />
          <Legend />
          <Bar dataKey="delivered" name="Delivered" fill="var(--accent)" isAnimationActive={false} />
          <Bar dataKey="mqls" name="MQLs" fill="var(--ok)" isAnimationActive={false} />
          <Bar dataKey="goal" name="Goal" fill="var(--muted)" isAnimationActive={false} />
        </BarChart>
      </figure>
      <figure className="chart">
        <figcaption>First touches within the SLA (%)</figcaption>
        <LineChart width={WIDTH} height={HEIGHT} data={weeks} title="Share of first touches within the SLA each week">
          <CartesianGrid strokeDasharray="3 3" stroke="var(--line)" />
          <XAxis dataKey="label" stroke="var(--muted)" />
          <YAxis domain={[0, 100]} unit="%" stroke="var(--muted)" />
          <Tooltip contentStyle={{ background: 'var(--bg)', borderColor: 'var(--line)' }} />
          <Legend />
          <Line dataKey="withinSla" name="Within SLA" stroke="var(--accent)" strokeWidth={2} connectNulls isAnimationActive={false} />
        </LineChart>
      </figure>
    </>
  );
}
