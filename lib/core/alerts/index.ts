// Hot-lead alerts: what alerts, to whom and when (docs/vocabulary.md § Alerts). Pure: data, settings and `now` come in.
export { activityAlerts, isKeyPage, slaAlerts, BREACH_NEWS_MS, type ActivityAlertInput, type AlertDecision, type AlertLead, type SlaAlertInput } from './decide';
export {
  ACTIVE_NOW_MINUTES,
  DIGEST_SPAN_MS,
  deliverAtFor,
  heldAlertOutcome,
  insideWindow,
  paceForPerson,
  recipientHears,
  stillOnSite,
  type HeldAlertCheck,
  type HeldAlertOutcome,
  type Paced,
  type PriorAlert,
} from './pacing';
export { digestWords } from './digest';
export { whoOf } from './words';
