// What a date is, and today's date: the small part of the calendar the first page needs (the
// as-of date of the scrivener view, today's date for the app), kept apart from the arithmetic in
// dates.ts so that the first page does not carry it. dates.ts builds on these.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The years an answer or an as-of date may have. */
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2200;

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1]!;
}

/** Any real date written YYYY-MM-DD (years 0000 to 9999); undefined otherwise. */
export function readYmd(s: string): Ymd | undefined {
  const match = ISO.exec(s);
  if (!match) return undefined;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return { y, m, d };
}

/** Whether a date is in the years an answer or an as-of date may have. */
export const inAcceptedYears = (p: Ymd) => p.y >= MIN_YEAR && p.y <= MAX_YEAR;

/** dates.ts isValidDate without its cache: for a single check on the first page. */
export function isValidDateOnce(s: string): boolean {
  const p = readYmd(s);
  return p !== undefined && inAcceptedYears(p);
}

export function formatYmd({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function today(): string {
  const t = new Date();
  return formatYmd({ y: t.getFullYear(), m: t.getMonth() + 1, d: t.getDate() });
}
