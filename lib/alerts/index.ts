export { admitAlerts, receiveAlerts, showDueAlerts, admitAlert, ALERT_STALE_MS, SEEN_ALERT_KEEP_MS, type AlertDelivery } from './deliver';
export { alertNotifier, alertOfNotification, notificationIdOf, openActionOf, type NotificationsApi } from './notifications';
export { refreshBadge, type BadgeApi } from './badge';
export { requestOpenLead, takeOpenLead, watchOpenLead, OpenLeadRequest, OPEN_LEAD_REQUEST_MS } from './open-lead';
