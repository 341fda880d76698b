import { lazy, Suspense } from 'react';
import { Loading } from '../../shell/states';

// The Settings page (some hundred fields, the scoring editor and its preview) is fetched when it is opened, so the
// dashboard's first page does not carry it (bench/figures/sizes.ts: dashboardStart).
const SettingsPage = lazy(() => import('./SettingsPage').then((m) => ({ default: m.SettingsPage })));

export function LazySettingsPage() {
  return (
    <Suspense fallback={<Loading what="the settings page" />}>
      <SettingsPage />
    </Suspense>
  );
}
