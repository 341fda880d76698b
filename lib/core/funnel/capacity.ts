import { parseFunnelInput } from './errors';
import { AttemptsPerLeadInput, LeadsForQuotaInput, MqlLoadInput } from './schema';
import { wholeAtLeast, wholeAtMost } from './rounding';

export interface MqlLoad {
  /** Reps it takes to review the week's MQLs, unrounded (2.0833…). */
  repsNeeded: number;
  /** Head count that covers it: repsNeeded rounded up. The whole team, not the hires on top of repsStaffed. */
  repsToHire: number;
  /** Each staffed rep's share of the work, 1 = exactly full (1.0417 = 104%); null without repsStaffed. */
  loadPerStaffedRep: number | null;
}

/** How many reps the MQL flow keeps busy, and how loaded today's team is. */
export function mqlLoad(input: MqlLoadInput): MqlLoad {
  const { mqlsPerWeek, reviewsPerRepPerWeek, repsStaffed } = parseFunnelInput(MqlLoadInput, input);
  const repsNeeded = mqlsPerWeek / reviewsPerRepPerWeek;
  return {
    repsNeeded,
    repsToHire: wholeAtLeast(repsNeeded),
    loadPerStaffedRep: repsStaffed === undefined ? null : repsNeeded / repsStaffed,
  };
}

export interface LeadsForQuota {
  /** Deals a month that make the quota (a part deal is a whole deal to win). */
  dealsNeeded: number;
  /** Leads a month that, at the lead-to-customer rate, yield those deals. */
  leadsNeeded: number;
}

/** Working back from a monthly quota to the leads a rep needs each month. */
export function leadsNeededForQuota(input: LeadsForQuotaInput): LeadsForQuota {
  const { quota, averageDealSize, leadToCustomerRate } = parseFunnelInput(LeadsForQuotaInput, input);
  const dealsNeeded = wholeAtLeast(quota / averageDealSize);
  return { dealsNeeded, leadsNeeded: wholeAtLeast(dealsNeeded / leadToCustomerRate) };
}

export interface AttemptsPerLead {
  /** Attempts the prospecting hours pay for in a month. */
  attemptsPerMonth: number;
  /** Attempts each lead can get, unrounded (2.4). */
  attemptsPerLeadExact: number;
  /** Whole attempts each lead can surely get (2): what a cadence can promise. */
  attemptsPerLead: number;
}

/** Whether the cadence a policy asks for is affordable: the time there is, spread over the leads there are. */
export function affordableAttemptsPerLead(input: AttemptsPerLeadInput): AttemptsPerLead {
  const { leadsPerMonth, prospectingHoursPerMonth, minutesPerAttempt } = parseFunnelInput(AttemptsPerLeadInput, input);
  const attemptsPerMonth = (prospectingHoursPerMonth * 60) / minutesPerAttempt;
  const attemptsPerLeadExact = attemptsPerMonth / leadsPerMonth;
  return { attemptsPerMonth, attemptsPerLeadExact, attemptsPerLead: wholeAtMost(attemptsPerLeadExact) };
}
