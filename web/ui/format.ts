/** Display formats: one place, so every page shows a date or an amount the same way. */

const dateFmt = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const dateTimeFmt = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const relFmt = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** A calendar date `YYYY-MM-DD` (read as a local date, not shifted by the time zone). */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return dateFmt.format(new Date(y!, m! - 1, d));
}

/** An instant, in the reader's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTimeFmt.format(new Date(iso)) : '—';
}

/** "3 hours ago", "in 2 days". */
export function formatRelative(iso: string, now = Date.now()): string {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000], ['month', 2_592_000], ['week', 604_800], ['day', 86_400], ['hour', 3600], ['minute', 60],
  ];
  for (const [unit, size] of steps) {
    if (Math.abs(seconds) >= size) return relFmt.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

const moneyFmts = new Map<string, Intl.NumberFormat>();

/** An amount in the workspace currency, without cents when whole. */
export function formatMoney(amount: number, currency: string): string {
  let f = moneyFmts.get(currency);
  if (!f) {
    try {
      f = new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 2, minimumFractionDigits: 0 });
    } catch {
      f = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
    }
    moneyFmts.set(currency, f);
  }
  return f.format(amount);
}

const numberFmt = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** Effort in person-days. */
export function formatDays(days: number): string {
  return `${numberFmt.format(days)} ${days === 1 ? 'day' : 'days'}`;
}

/** A date range of two optional calendar dates. */
export function formatRange(start: string | null, end: string | null): string {
  if (!start && !end) return '—';
  if (start && end) return `${formatDate(start)} – ${formatDate(end)}`;
  return start ? `From ${formatDate(start)}` : `Until ${formatDate(end)}`;
}
