import { describe, expect, it } from 'vitest';
import type { LifecycleStage } from '../../../../lib/core/model/vocabulary';
import { defaultWorkspaceSettings } from '../../../../lib/core/model/defaults';
import { scoringModelOf } from '../../../../lib/core/model/settings';
import { MQL_RULE_FROM_STAGES, mqlRuleMoves } from '../../../../lib/core/stage/mql-rule';
import { activity, contact } from '../fixtures';

const NOW = new Date('2026-01-20T15:00:00Z');
const model = defaultWorkspaceSettings('America/New_York').scoring;
// Default model: fit = senior buyer 20 + company of 50–5,000 15 = 35 (threshold 30); each /pricing view today is worth
// "Viewed pricing" 9 + "Page views" 1 = 10, each email open 1 (engagement threshold 25).
const buyer = (stage: LifecycleStage) => contact({ stage, seniority: 'vp', companySize: 200, email: 'dana@buyer.example' });
const pricing = (label: 'human' | 'proxy' | 'machine' = 'human') =>
  activity('page_view', '2026-01-20T14:00:00Z', { url: 'https://acme.example/pricing', trust: { label, reason: label } });
const open = (label: 'human' | 'proxy' | 'machine') => activity('email_open', '2026-01-20T14:30:00Z', { trust: { label, reason: label } });

describe('the MQL threshold rule', () => {
  it('moves only from lead and recycled: the stages the stage table moves to mql from', () => {
    expect(MQL_RULE_FROM_STAGES).toEqual(['lead', 'recycled']);
  });

  it('moves a lead whose fit (35) and engagement (3 pricing views: 30) both reach the thresholds', () => {
    expect(mqlRuleMoves(model, buyer('lead'), [pricing(), pricing(), pricing()], NOW)).toBe(true);
    expect(mqlRuleMoves(model, buyer('recycled'), [pricing(), pricing(), pricing()], NOW)).toBe(true);
  });

  it('does not move below the engagement threshold (2 views: 20), nor on machine activity; proxy opens count', () => {
    expect(mqlRuleMoves(model, buyer('lead'), [pricing(), pricing()], NOW)).toBe(false);
    expect(mqlRuleMoves(model, buyer('lead'), [pricing(), pricing(), pricing('machine')], NOW)).toBe(false);
    expect(mqlRuleMoves(model, buyer('lead'), [pricing(), pricing(), ...Array.from({ length: 5 }, () => open('machine'))], NOW)).toBe(false);
    // 20 + five opens through a mail provider's proxy (5 × 1) = 25.
    expect(mqlRuleMoves(model, buyer('lead'), [pricing(), pricing(), ...Array.from({ length: 5 }, () => open('proxy'))], NOW)).toBe(true);
  });

  it('does not move below the fit threshold: a manager (10) at a company of 200 (15) is 25', () => {
    const manager = contact({ stage: 'lead', seniority: 'manager', companySize: 200 });
    expect(mqlRuleMoves(model, manager, [pricing(), pricing(), pricing(), pricing()], NOW)).toBe(false);
  });

  it.each(['visitor', 'mql', 'sql', 'opportunity', 'customer', 'disqualified'] as const)('never moves a contact at %s', (stage) => {
    expect(mqlRuleMoves(model, buyer(stage), [pricing(), pricing(), pricing()], NOW)).toBe(false);
  });

  it('does nothing when the workspace turned it off', () => {
    expect(mqlRuleMoves({ ...model, autoPromoteMql: false }, buyer('lead'), [pricing(), pricing(), pricing()], NOW)).toBe(false);
  });

  it('is on for a scoring model saved before the setting existed, and a model that no longer parses scores nothing', () => {
    const { autoPromoteMql: _, ...saved } = model;
    expect(scoringModelOf({ scoring: saved })?.autoPromoteMql).toBe(true);
    expect(scoringModelOf({ scoring: { ...saved, autoPromoteMql: false } })?.autoPromoteMql).toBe(false);
    expect(scoringModelOf({ scoring: { mqlFitThreshold: 'high' } })).toBeNull();
  });
});
