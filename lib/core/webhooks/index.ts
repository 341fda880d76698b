export { WEBHOOK_RETRY_SCHEDULE_MS, WEBHOOK_DISABLE_AFTER_MS, webhookRetryDelayMs, webhookEndpointGivesUp } from './retry';
export { slaBreachOf } from './sla-breach';
