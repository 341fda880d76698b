import { RecycledSection } from './RecycledSection';
import { SuggestionsSection } from './SuggestionsSection';

/** What marketing and managers review together: leads reps suggested, and leads sales sent back. */
export function ReviewPage() {
  return (
    <div className="page">
      <h1>Leads to review</h1>
      <SuggestionsSection />
      <RecycledSection />
    </div>
  );
}
