import { PeriodPicker, usePeriod } from '../../shell/PeriodPicker';
import { ContentSection } from './ContentSection';
import { QuestionsSection } from './QuestionsSection';
import { SourcesSection } from './SourcesSection';

/** The closed loop: which sources and content come before customers, and what prospects ask sales. */
export function ClosedLoopPage() {
  const { preset, setPreset, from } = usePeriod();
  return (
    <div className="page">
      <div className="page__head">
        <h1>Closed loop</h1>
        <PeriodPicker preset={preset} onChange={setPreset} />
      </div>
      <SourcesSection from={from} />
      <ContentSection from={from} />
      <QuestionsSection canLink title="Prospects’ questions from sales" />
    </div>
  );
}

/** A rep's own leads' questions (the API answers a rep with nothing else). */
export function MyQuestionsPage() {
  return (
    <div className="page">
      <h1>Your leads’ questions</h1>
      <QuestionsSection canLink={false} title="Most asked first" />
    </div>
  );
}
