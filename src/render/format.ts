/**
 * Exact display formatting for the English locale. Integers only: minor units go through BigInt so
 * no amount is ever rounded by float arithmetic.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 123456789 -> "1,234,567.89", -500 -> "-5.00". Refuses fractions of a minor unit. */
export function formatGroupedMinor(minor: number | bigint): string {
  if (typeof minor === 'number' && !Number.isInteger(minor)) {
    throw new RangeError(`not a whole number of minor units: ${minor}`);
  }
  const value = BigInt(minor);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = (abs / 100n).toString();
  const fraction = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${groupThousands(whole)}.${fraction}`;
}

function groupThousands(digits: string): string {
  const head = digits.length % 3 || 3;
  const groups = [digits.slice(0, head)];
  for (let at = head; at < digits.length; at += 3) groups.push(digits.slice(at, at + 3));
  return groups.join(',');
}

/** "2026-12-01" -> "1 Dec 2026". Read as text, so no time zone can shift the day. */
export function formatIsoDate(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  const day = match ? Number(match[3]) : 0;
  if (!match || month === undefined || day < 1 || day > 31) {
    throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`);
  }
  return `${day} ${month} ${match[1]}`;
}
