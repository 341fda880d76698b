import type { ReactNode } from 'react';
import type { SlaFigure } from '../../../lib/core/model/reports';
import { AppLink } from '../../shell/router';
import { figurePath, type FigureFilter } from './figures';

/** A number of the report as a link to the leads behind it. */
export function FigureLink({ figure, period, filter, children }: { figure: SlaFigure; period: { from: string; to: string }; filter?: FigureFilter; children: ReactNode }) {
  return (
    <AppLink to={figurePath(figure, period, filter)} className="figure-link">
      {children}
    </AppLink>
  );
}
