/**
 * One sync at a time in this context, and no request dropped: a request that arrives while a sync runs joins it and
 * earns one more run after it (one, however many arrive), forced if any of them asked for force; everyone waiting
 * gets the last run's outcome. So an undo logged mid-sync still leaves within seconds. A run that throws ends the
 * round: its waiters get the error and the next request starts afresh.
 *
 * `syncNow(force)`: one sync (force: even while backing off, as when the rep just logged something).
 */
export function joinRunningSync<Outcome>(syncNow: (force: boolean) => Promise<Outcome>): (force: boolean) => Promise<Outcome> {
  let running: Promise<Outcome> | null = null;
  let again = false;
  let againForced = false;

  async function round(force: boolean): Promise<Outcome> {
    let outcome = await syncNow(force);
    while (again) {
      const forced = againForced;
      again = false;
      againForced = false;
      outcome = await syncNow(forced);
    }
    return outcome;
  }

  return (force) => {
    if (running) {
      again = true;
      againForced ||= force;
      return running;
    }
    running = round(force).finally(() => {
      running = null;
      again = false;
      againForced = false;
    });
    return running;
  };
}
