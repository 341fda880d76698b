import { describe, expect, it } from 'vitest';
import { OutcomeSettings } from '../../../../lib/core/model/outcomes';
import { reasonChoices, reasonForMove, resolveReason, waitsForCadence } from '../../../../lib/core/stage/reasons';

const defaults = OutcomeSettings.parse({});

describe('reason lists', () => {
  it('offers the workspace’s reasons in its order, then other (which needs a text)', () => {
    expect(reasonChoices(defaults, 'lost')).toEqual([
      { code: 'chose_competitor', label: 'Chose a competitor', needsText: false },
      { code: 'price', label: 'Price', needsText: false },
      { code: 'no_decision', label: 'No decision: stayed as they are', needsText: false },
      { code: 'timing', label: 'Timing: not this year', needsText: false },
      { code: 'missing_features', label: 'Missing features', needsText: false },
      { code: 'other', label: 'Other', needsText: true },
    ]);
    expect(reasonChoices(defaults, 'recycle').map((c) => c.code)).toEqual(['could_not_reach', 'not_ready', 'no_budget', 'not_the_buyer', 'other']);
  });

  it('keeps could_not_reach in the recycle list even when the workspace left it out, and keeps its own label when it did not', () => {
    const own = OutcomeSettings.parse({ recycleReasons: [{ code: 'went_dark', label: 'Went dark' }] });
    expect(reasonChoices(own, 'recycle')).toEqual([
      { code: 'could_not_reach', label: 'Could not reach', needsText: false },
      { code: 'went_dark', label: 'Went dark', needsText: false },
      { code: 'other', label: 'Other', needsText: true },
    ]);
    const relabelled = OutcomeSettings.parse({ recycleReasons: [{ code: 'no_budget', label: 'Budget' }, { code: 'could_not_reach', label: 'Never picked up' }] });
    expect(reasonChoices(relabelled, 'recycle').map((c) => c.label)).toEqual(['Budget', 'Never picked up', 'Other']);
    expect(reasonChoices(own, 'disqualify').map((c) => c.code)).toEqual(['not_a_fit', 'student_or_job_seeker', 'competitor', 'invalid_contact', 'other']);
  });

  it('records a code with its label, or "label: detail", and other with its text', () => {
    const lost = reasonChoices(defaults, 'lost');
    expect(resolveReason(lost, 'lost', { reasonCode: 'price', reason: null })).toEqual({ ok: true, reason: { code: 'price', text: 'Price' } });
    expect(resolveReason(lost, 'lost', { reasonCode: 'price', reason: ' 20% over their budget ' })).toEqual({
      ok: true,
      reason: { code: 'price', text: 'Price: 20% over their budget' },
    });
    expect(resolveReason(lost, 'lost', { reasonCode: 'other', reason: 'their board froze spending' })).toEqual({
      ok: true,
      reason: { code: 'other', text: 'their board froze spending' },
    });
  });

  it('takes a text without a code as other: nothing an older panel queued is lost', () => {
    expect(resolveReason(reasonChoices(defaults, 'recycle'), 'recycle', { reasonCode: null, reason: 'no budget until Q3' })).toEqual({
      ok: true,
      reason: { code: 'other', text: 'no budget until Q3' },
    });
  });

  it('refuses an unknown code naming the valid ones, other without a text, and no reason at all', () => {
    const disqualify = reasonChoices(defaults, 'disqualify');
    expect(resolveReason(disqualify, 'disqualify', { reasonCode: 'price', reason: null })).toEqual({
      ok: false,
      message: '"price" is not a disqualify reason here: use one of not_a_fit, student_or_job_seeker, competitor, invalid_contact, other',
    });
    expect(resolveReason(disqualify, 'disqualify', { reasonCode: 'other', reason: '  ' })).toEqual({ ok: false, message: 'the reason "other" needs a text saying why' });
    expect(resolveReason(disqualify, 'disqualify', { reasonCode: null, reason: null })).toEqual({
      ok: false,
      message: 'a disqualify reason is required: one of not_a_fit, student_or_job_seeker, competitor, invalid_contact, other',
    });
  });

  it('takes a move’s reason from the list the stage table names; a move without a list takes a note but no code', () => {
    expect(reasonForMove({ from: 'opportunity', to: 'recycled', reasons: 'lost' }, defaults, { reasonCode: 'timing', reason: null })).toEqual({
      ok: true,
      list: 'lost',
      reason: { code: 'timing', text: 'Timing: not this year' },
    });
    expect(reasonForMove({ from: 'sql', to: 'recycled', reasons: 'recycle' }, defaults, { reasonCode: 'timing', reason: null })).toMatchObject({ ok: false });
    expect(reasonForMove({ from: 'mql', to: 'sql', reasons: null }, defaults, { reasonCode: null, reason: ' strong call ' })).toEqual({ ok: true, list: null, note: 'strong call' });
    expect(reasonForMove({ from: 'mql', to: 'sql', reasons: null }, defaults, { reasonCode: 'price', reason: null })).toEqual({
      ok: false,
      message: 'a move from mql to sql takes no reason code',
    });
  });

  it('only the recycle list’s could_not_reach waits for the cadence', () => {
    expect(waitsForCadence('recycle', 'could_not_reach')).toBe(true);
    expect(waitsForCadence('recycle', 'no_budget')).toBe(false);
    expect(waitsForCadence('disqualify', 'could_not_reach')).toBe(false);
  });
});
