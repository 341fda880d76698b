import type { ReactNode } from 'react';
import type { SlaFigure } from '../../../lib/core/model/reports';
import { useFigureLinks } from '../../shell/context';
import { AppLink } from '../../shell/router';
import { figurePath, type FigureFilter } from './figures';

/** A number of the report as a link to the leads behind it; plain text on the shared screen, which lists no leads. */
export function FigureLink({ figure, period, filter, children }: { figure: SlaFigure; period: { from: string; to: string }; filter?: FigureFilter; children: ReactNode }) {
  if (!useFigureLinks()) return <span className="figure">{children}</span>;
  return (
    <AppLink to={figurePath(figure, period, filter)} className="figure-link">
      {children}
    </AppLink>
  );
}
