// Calendar arithmetic on ISO dates (YYYY-MM-DD), in whole days, with no time zone.
// Conventions (documented in docs/rule-format.md):
// - age: a person is N on the N-th anniversary of birth; a 29 Feb birthday falls on 1 Mar in
//   common years (年齢計算ニ関スル法律 with 民法143条).
// - "P has passed since D": the period is counted from the next day (民法140条, 初日不算入), so it
//   is met from the day after the anniversary of D.
// - "from A to B lasted at least P": met when B is on or after the anniversary of A.

// Totality: answers and as-of dates are accepted for years 1800 to 2200 (isValidDate), but the
// arithmetic reaches beyond (a sentence ending in 2199 plus ten years; a near miss re-screened on
// that later date). It works on any YYYY-MM-DD from 0000-01-01 to 9999-12-31 in whole-day numbers
// (no Date object: years below 100 and above 275760 are not its strong suit) and saturates at
// those ends, so it never throws on a date it produced itself or on any accepted date.

import { daysInMonth, formatYmd as fmt, inAcceptedYears, readYmd, type Ymd } from './calendar';
import type { Parameters } from './types';

export { MAX_YEAR, MIN_YEAR, today, type Ymd } from './calendar';

/** The ends of the calendar the arithmetic works in; results beyond saturate. */
export const FIRST_DAY = '0000-01-01';
export const LAST_DAY = '9999-12-31';

// Answers repeat the same few dates across thousands of evaluations: parse each once.
const parsedDates = new Map<string, Ymd | undefined>();
/** Any real date written YYYY-MM-DD (years 0000 to 9999); undefined otherwise. */
function parseAny(s: string): Ymd | undefined {
  let p = parsedDates.get(s);
  if (p === undefined && !parsedDates.has(s)) {
    if (parsedDates.size > 10_000) parsedDates.clear();
    parsedDates.set(s, (p = readYmd(s)));
  }
  return p;
}

/** A date an answer or an as-of date may hold: real, written YYYY-MM-DD, years 1800 to 2200. */
export function parseDate(s: string): Ymd | undefined {
  const p = parseAny(s);
  return p && inAcceptedYears(p) ? p : undefined;
}

export function isValidDate(s: string): boolean {
  return parseDate(s) !== undefined;
}

// Day numbers of the proleptic Gregorian calendar (H. Hinnant's days_from_civil / civil_from_days).
function dayNumber({ y, m, d }: Ymd): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe;
}

function fromDayNumber(n: number): Ymd {
  const era = Math.floor(n / 146097);
  const doe = n - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

const FIRST_N = dayNumber({ y: 0, m: 1, d: 1 });
const LAST_N = dayNumber({ y: 9999, m: 12, d: 31 });

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

/**
 * Adds a period; a day that does not exist in the target month rolls over to the next month's
 * first day. Saturates at 9999-12-31. Throws only on a string that is no date at all or a
 * malformed period (a bug in the caller: the rule compiler checks every period).
 */
export function addDuration(date: string, p: Duration | string): string {
  const dur = typeof p === 'string' ? parseDuration(p) : p;
  const start = parseAny(date);
  if (!start || !dur) throw new Error(`bad date arithmetic: ${date} + ${JSON.stringify(p)}`);
  const totalMonths = start.y * 12 + (start.m - 1) + dur.years * 12 + dur.months;
  let y = Math.floor(totalMonths / 12);
  let m = (totalMonths % 12) + 1;
  let d = start.d;
  if (!(y <= 9999)) return LAST_DAY; // also NaN or Infinity from an absurd period
  if (d > daysInMonth(y, m)) {
    d = 1;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  if (y > 9999) return LAST_DAY;
  return dur.days ? addDays(fmt({ y, m, d }), dur.days) : fmt({ y, m, d });
}

/** Adds (or with a negative number, takes away) whole days; saturates at 0000-01-01 and 9999-12-31. */
export function addDays(date: string, days: number): string {
  const p = parseAny(date);
  if (!p) throw new Error(`bad date: ${date}`);
  const n = dayNumber(p) + days;
  if (!(n <= LAST_N)) return LAST_DAY; // NaN too
  if (n < FIRST_N) return FIRST_DAY;
  return fmt(fromDayNumber(n));
}

/** Whole years of age on `on` (ISO strings compare in date order). */
export function ageOn(birth: string, on: string): number {
  const b = parseAny(birth);
  const o = parseAny(on);
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

/** 成年 on a date, from the dated values of rules/parameters.yaml (the first one before its date). */
export function ageOfMajority(params: Parameters, on: string): number {
  return majorityEntry(params, on).value;
}

/** The date from which the age of majority in force on `on` applies. */
export function majorityFrom(params: Parameters, on: string): string {
  return majorityEntry(params, on).from;
}

function majorityEntry(params: Parameters, on: string) {
  const list = params.ageOfMajority;
  let found = list[0]!;
  for (const e of list) if (e.from <= on) found = e;
  return found;
}
