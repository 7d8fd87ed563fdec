// Calendar arithmetic on ISO dates (YYYY-MM-DD), in whole days, with no time zone.
// Conventions (documented in docs/rule-format.md):
// - age: a person is N on the N-th anniversary of birth; a 29 Feb birthday falls on 1 Mar in
//   common years (年齢計算ニ関スル法律 with 民法143条).
// - "P has passed since D": the period is counted from the next day (民法140条, 初日不算入), so it
//   is met from the day after the anniversary of D.
// - "from A to B lasted at least P": met when B is on or after the anniversary of A.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

// Answers repeat the same few dates across thousands of evaluations: parse each once.
const parsedDates = new Map<string, Ymd | undefined>();
export function parseDate(s: string): Ymd | undefined {
  let p = parsedDates.get(s);
  if (p === undefined && !parsedDates.has(s)) {
    if (parsedDates.size > 10_000) parsedDates.clear();
    parsedDates.set(s, (p = parseDateUncached(s)));
  }
  return p;
}

function parseDateUncached(s: string): Ymd | undefined {
  const match = ISO.exec(s);
  if (!match) return undefined;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return { y, m, d };
}

export function isValidDate(s: string): boolean {
  return parseDate(s) !== undefined;
}

function fmt({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const PERIOD = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/;

export interface Duration {
  years: number;
  months: number;
  days: number;
}

const parsedDurations = new Map<string, Duration | undefined>();
export function parseDuration(s: string): Duration | undefined {
  if (!parsedDurations.has(s)) parsedDurations.set(s, parseDurationUncached(s));
  return parsedDurations.get(s);
}

function parseDurationUncached(s: string): Duration | undefined {
  const match = PERIOD.exec(s);
  if (!match || s === 'P') return undefined;
  return { years: Number(match[1] ?? 0), months: Number(match[2] ?? 0), days: Number(match[3] ?? 0) };
}

/** Adds a period; a day that does not exist in the target month rolls over to the next month's first day. */
export function addDuration(date: string, p: Duration | string): string {
  const dur = typeof p === 'string' ? parseDuration(p) : p;
  const start = parseDate(date);
  if (!start || !dur) throw new Error(`bad date arithmetic: ${date} + ${JSON.stringify(p)}`);
  const totalMonths = start.y * 12 + (start.m - 1) + dur.years * 12 + dur.months;
  let y = Math.floor(totalMonths / 12);
  let m = (totalMonths % 12) + 1;
  let d = start.d;
  if (d > daysInMonth(y, m)) {
    d = 1;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return dur.days ? addDays(fmt({ y, m, d }), dur.days) : fmt({ y, m, d });
}

export function addDays(date: string, days: number): string {
  const p = parseDate(date);
  if (!p) throw new Error(`bad date: ${date}`);
  const t = new Date(Date.UTC(p.y, p.m - 1, p.d + days));
  return fmt({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });
}

/** Whole years of age on `on` (ISO strings compare in date order). */
export function ageOn(birth: string, on: string): number {
  const b = parseDate(birth);
  const o = parseDate(on);
  if (!b || !o) throw new Error(`bad date: ${birth} / ${on}`);
  let age = o.y - b.y;
  // Not yet had this year's birthday (29 Feb counts as 1 Mar in common years).
  const bd = b.m === 2 && b.d === 29 && daysInMonth(o.y, 2) === 28 ? { m: 3, d: 1 } : b;
  if (o.m < bd.m || (o.m === bd.m && o.d < bd.d)) age -= 1;
  return age;
}

/** The date on which someone born on `birth` turns `years`. */
export function birthday(birth: string, years: number): string {
  return addDuration(birth, { years, months: 0, days: 0 });
}

/** 成年: 20 before 2022-04-01, 18 from then (民法4条, as amended by 平成30年法律第59号). */
export const MAJORITY_CHANGE = '2022-04-01';
export function ageOfMajority(on: string): number {
  return on < MAJORITY_CHANGE ? 20 : 18;
}

export function today(): string {
  const t = new Date();
  return fmt({ y: t.getFullYear(), m: t.getMonth() + 1, d: t.getDate() });
}
