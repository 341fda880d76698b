import type { FitProfile } from '../../../../lib/core/scoring';

/** A profile with nothing filled in but the address: every fit field is unknown. */
export const nobody: FitProfile = {
  email: 'jane@acme.com',
  title: null,
  seniority: null,
  country: null,
  companySize: null,
  industry: null,
  businessModel: null,
  leadType: null,
  source: null,
};
