import { describe, expect, it } from 'vitest';
import { FunnelInputError, affordableAttemptsPerLead, leadsNeededForQuota, mqlLoad } from '../../../../lib/core/funnel';
import { wholeAtLeast, wholeAtMost } from '../../../../lib/core/funnel/rounding';

describe('mqlLoad', () => {
  it.each<[number, number, number | undefined, number, number, number | null]>([
    // 16.666… / 8 = 2.0833 → 3 reps; / 2 staffed = 1.0417.
    [50 / 3, 8, 2, 25 / 12, 3, 25 / 24],
    // 10 / 5 = 2 exactly → 2, not 3.
    [10, 5, undefined, 2, 2, null],
    // 0 MQLs keep no one busy.
    [0, 8, 3, 0, 0, 0],
    // 30 / 8 = 3.75 → 4; / 1.5 (a rep and a half) = 2.5.
    [30, 8, 1.5, 3.75, 4, 2.5],
  ])('%d MQLs/week at %d reviews, %s staffed', (mqlsPerWeek, reviewsPerRepPerWeek, repsStaffed, repsNeeded, repsToHire, load) => {
    const out = mqlLoad({ mqlsPerWeek, reviewsPerRepPerWeek, repsStaffed });
    expect(out.repsNeeded).toBeCloseTo(repsNeeded, 12);
    expect(out.repsToHire).toBe(repsToHire);
    if (load === null) expect(out.loadPerStaffedRep).toBeNull();
    else expect(out.loadPerStaffedRep).toBeCloseTo(load, 12);
  });

  it.each([
    [{ mqlsPerWeek: 10, reviewsPerRepPerWeek: 0 }, 'reviewsPerRepPerWeek', 'reviewsPerRepPerWeek: must be more than 0'],
    [{ mqlsPerWeek: -1, reviewsPerRepPerWeek: 8 }, 'mqlsPerWeek', 'mqlsPerWeek: must not be negative'],
    [{ mqlsPerWeek: 10, reviewsPerRepPerWeek: 8, repsStaffed: 0 }, 'repsStaffed', 'repsStaffed: must be more than 0'],
  ])('rejects %j', (input, field, message) => {
    expect(() => mqlLoad(input)).toThrow(FunnelInputError);
    expect(() => mqlLoad(input)).toThrow(expect.objectContaining({ field, message }));
  });
});

describe('leadsNeededForQuota', () => {
  it.each([
    // 50,000 / 5,000 = 10 deals; 10 / 0.02 = 500 leads.
    [50_000, 5_000, 0.02, 10, 500],
    // 12,000 / 5,000 = 2.4 → 3 deals; 3 / 0.1 = 30 leads.
    [12_000, 5_000, 0.1, 3, 30],
    // 10,000 / 3,000 = 3.33 → 4 deals; 4 / 0.15 = 26.67 → 27 leads.
    [10_000, 3_000, 0.15, 4, 27],
    // 1,000 / 5,000 = 0.2 → 1 deal; 1 / 0.03 = 33.3 → 34 leads.
    [1_000, 5_000, 0.03, 1, 34],
  ])('quota %d, deal %d, %d lead→customer: %d deals, %d leads a month', (quota, averageDealSize, leadToCustomerRate, dealsNeeded, leadsNeeded) => {
    expect(leadsNeededForQuota({ quota, averageDealSize, leadToCustomerRate })).toEqual({ dealsNeeded, leadsNeeded });
  });

  it.each([
    [{ quota: 50_000, averageDealSize: 5_000, leadToCustomerRate: 0 }, 'leadToCustomerRate', 'leadToCustomerRate: must be more than 0 (at 0 nothing ever converts)'],
    [{ quota: 50_000, averageDealSize: 0, leadToCustomerRate: 0.02 }, 'averageDealSize', 'averageDealSize: must be more than 0'],
    [{ quota: -1, averageDealSize: 5_000, leadToCustomerRate: 0.02 }, 'quota', 'quota: must be more than 0'],
    [{ quota: 50_000, averageDealSize: 5_000, leadToCustomerRate: 2 }, 'leadToCustomerRate', 'leadToCustomerRate: must be at most 1 (a rate is a share: 0.5 for 50%)'],
  ])('rejects %j', (input, field, message) => {
    expect(() => leadsNeededForQuota(input)).toThrow(expect.objectContaining({ field, message }));
  });
});

describe('affordableAttemptsPerLead', () => {
  it.each([
    // 60 h × 60 = 3,600 min / 15 = 240 attempts; / 40 leads = 6.
    [40, 60, 15, 240, 6, 6],
    // 40 h = 2,400 min / 20 = 120 attempts; / 50 leads = 2.4 → 2 whole attempts.
    [50, 40, 20, 120, 2.4, 2],
    // 10 h = 600 min / 45 = 13.33 attempts; / 7 leads = 1.905 → 1.
    [7, 10, 45, 600 / 45, 600 / 45 / 7, 1],
    // 0 hours afford nothing.
    [30, 0, 10, 0, 0, 0],
    // 4.9 h = 294 min / 6 = 49 attempts; / 7 = 7 (binary floats give 7.000000000000001; still 7).
    [7, 4.9, 6, 49, 7, 7],
  ])('%d leads, %d h, %d min each', (leadsPerMonth, prospectingHoursPerMonth, minutesPerAttempt, perMonth, exact, whole) => {
    const out = affordableAttemptsPerLead({ leadsPerMonth, prospectingHoursPerMonth, minutesPerAttempt });
    expect(out.attemptsPerMonth).toBeCloseTo(perMonth, 9);
    expect(out.attemptsPerLeadExact).toBeCloseTo(exact, 9);
    expect(out.attemptsPerLead).toBe(whole);
  });

  it.each([
    [{ leadsPerMonth: 0, prospectingHoursPerMonth: 60, minutesPerAttempt: 15 }, 'leadsPerMonth: must be more than 0'],
    [{ leadsPerMonth: 40, prospectingHoursPerMonth: 60, minutesPerAttempt: 0 }, 'minutesPerAttempt: must be more than 0'],
    [{ leadsPerMonth: 40, prospectingHoursPerMonth: -1, minutesPerAttempt: 15 }, 'prospectingHoursPerMonth: must not be negative'],
    [{ leadsPerMonth: 40, prospectingHoursPerMonth: Number.NaN, minutesPerAttempt: 15 }, 'prospectingHoursPerMonth: must be a finite number'],
  ])('rejects %j', (input, message) => {
    expect(() => affordableAttemptsPerLead(input)).toThrow(message);
  });
});

describe('whole-count rounding', () => {
  it.each([
    [10.000000000000002, 10],
    [10.1, 11],
    [2.0833, 3],
    [0, 0],
    [1_266.6667, 1_267],
  ])('wholeAtLeast(%d) = %d', (value, expected) => {
    expect(wholeAtLeast(value)).toBe(expected);
  });

  it.each([
    [5.999999999999999, 6],
    [2.4, 2],
    [1.905, 1],
    [0, 0],
  ])('wholeAtMost(%d) = %d', (value, expected) => {
    expect(wholeAtMost(value)).toBe(expected);
  });
});
