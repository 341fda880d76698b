import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from './states';

/**
 * A page whose code loads when it is first opened, not with the app: the first page's JavaScript has a budget
 * (bench/figures/sizes.ts), and pages most people open now and then (the library, the team) need not be in it.
 */
export function lazyPage(load: () => Promise<ComponentType>, what: string): ComponentType {
  const Page = lazy(async () => ({ default: await load() }));
  return function LazyPage() {
    return (
      <Suspense fallback={<Loading what={what} />}>
        <Page />
      </Suspense>
    );
  };
}
