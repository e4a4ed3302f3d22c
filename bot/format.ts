import { formatMinor } from '../src/domain/money.js';

/** Telegram's limit on a message's text. */
export const MAX_MESSAGE_CHARS = 4096;

/** Minor units with thousands grouping, as a reply shows them: 125000050 -> "1,250,000.50". */
export function money(minor: number | bigint): string {
  const exact = formatMinor(minor);
  const negative = exact.startsWith('-');
  const [whole = '0', fraction = '00'] = (negative ? exact.slice(1) : exact).split('.');
  return `${negative ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}

/** Echoed text is clipped, so a reply never grows with what was typed. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
