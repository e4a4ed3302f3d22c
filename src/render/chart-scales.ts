/** A linear axis fixed in advance: ticks every `step` from `min` to `max` (minor units). */
export type AxisRange = { min: number; max: number; step: number };

const NICE = [1, 2, 2.5, 5, 10];

/** The smallest 1, 2, 2.5 or 5 × 10^k (whole minor units) that is at least `value`. */
export function niceStep(value: number): number {
  if (!(value > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const nice = NICE.find((n) => n * power >= value) ?? 10;
  return Math.max(1, nice * power);
}

/**
 * Ranges for the balance axis (left) and the gave/got axis (right) that put both zeros on one line and
 * both sets of ticks on the same grid lines. Bars start at zero, so with separate zeros a bar would
 * seem to start from a negative balance.
 */
export function alignedAxes(balances: readonly number[], amounts: readonly number[], intervals = 6): { balance: AxisRange; amounts: AxisRange } {
  const low = Math.min(0, ...balances);
  let high = Math.max(0, ...balances);
  if (low === 0 && high === 0) high = 100; // nothing to show: 0.00 to 1.00
  const step = niceStep((high - low) / intervals);
  // Strictly beyond the extremes, so a point or a bar at the top is not drawn on the frame.
  const below = low < 0 ? Math.floor(-low / step) + 1 : 0;
  // At least one interval above zero, where the bars are.
  let above = Math.max(1, Math.floor(high / step) + 1);
  const tallest = Math.max(100, ...amounts);
  const amountStep = niceStep(tallest / above);
  // The tallest bar exactly at the top: one more interval, on both axes.
  if (amountStep * above <= tallest) above += 1;
  return {
    balance: { min: below === 0 ? 0 : -below * step, max: above * step, step },
    amounts: { min: below === 0 ? 0 : -below * amountStep, max: above * amountStep, step: amountStep },
  };
}
