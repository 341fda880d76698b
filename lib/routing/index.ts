export { activeKey, FOCUSED_KEY, isRoutingKey, tabKey, type SessionArea } from './keys';
export { exclusionsFrom, isExcluded, leadsOf, NO_EXCLUSIONS, type Exclusions } from './leads';
export { contactsForPanel, readPanelContacts, TabContacts, type PanelContacts } from './panel';
export { createTabRouter, type RouterDeps, type TabChange, type TabRouter } from './router';
export { listenTabRouting, type RoutingBrowser } from './listen';
export { MAILTO_SCRIPT_FILE, MAILTO_SCRIPT_ID, mailtoMatches } from './mailto-sites';
export { pageContactsHandler } from './handler';
export { watchPanelContacts, type PanelBrowser } from './watch-panel';
