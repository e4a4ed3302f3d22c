export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** Today's date in UTC as YYYY-MM-DD. */
export function todayUtc(clock: Clock): string {
  return clock.now().toISOString().slice(0, 10);
}
