import { customerFormat, customerText, type CustomerLanguage } from './customer-texts.js';

export type Reminder = { text: string; shareUrl: string; telegramShareUrl: string; whatsappUrl: string | null };

/** The digits WhatsApp wants (country code first, as the merchant stored the phone); null when too few to call. */
export function whatsappNumber(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 8 ? digits : null;
}

/**
 * A ready message for the customer: their balance with the shop as of today and the link to their page,
 * with links that open Telegram's share sheet and WhatsApp on the customer's number. The date is in the
 * language's own digits; `money` is the caller's (it knows the merchant's currency).
 */
export function reminderFor(o: {
  language: CustomerLanguage;
  shop: string;
  customer: { name: string; phone: string };
  balance: number;
  today: string;
  shareUrl: string;
  money: (minor: number) => string;
}): Reminder {
  const vars = { shop: o.shop, customer: o.customer.name, amount: o.money(Math.abs(o.balance)), date: customerFormat(o.language).date(o.today), url: o.shareUrl };
  const key = o.balance > 0 ? 'reminder-owe' : o.balance < 0 ? 'reminder-owed' : 'reminder-settled';
  const text = customerText(o.language, key, vars);
  // Telegram's share sheet takes the link and the words apart; the words without the link.
  const words = text.slice(0, text.lastIndexOf(o.shareUrl)).replace(/\s*\S*:\s*$/, '').trim();
  const number = whatsappNumber(o.customer.phone);
  return {
    text,
    shareUrl: o.shareUrl,
    telegramShareUrl: `https://t.me/share/url?url=${encodeURIComponent(o.shareUrl)}&text=${encodeURIComponent(words)}`,
    whatsappUrl: number ? `https://wa.me/${number}?text=${encodeURIComponent(text)}` : null,
  };
}
