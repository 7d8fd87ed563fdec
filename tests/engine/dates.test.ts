// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addDuration, ageOfMajority, ageOn, birthday, isValidDate, parseDuration } from '../../src/engine/dates';
import { ruleSet } from '../support/rules';

describe('dates', () => {
  it('refuses dates that do not exist', () => {
    expect(isValidDate('2023-02-29')).toBe(false);
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2023-02-30')).toBe(false);
    expect(isValidDate('2023-13-01')).toBe(false);
    expect(isValidDate('23-01-01')).toBe(false);
    expect(isValidDate('2023-1-01')).toBe(false);
  });
  it('a child is 5 the day before the 6th birthday and 6 on it', () => {
    expect(ageOn('2020-11-23', '2026-11-22')).toBe(5);
    expect(ageOn('2020-11-23', '2026-11-23')).toBe(6);
  });
  it('turning 18', () => {
    expect(ageOn('2008-11-24', '2026-11-23')).toBe(17);
    expect(ageOn('2008-11-23', '2026-11-23')).toBe(18);
  });
  it('a 29 February birthday falls on 1 March in common years', () => {
    expect(birthday('2008-02-29', 18)).toBe('2026-03-01');
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });
  it('age of majority is 20 before 2022-04-01 and 18 from then', () => {
    expect(ageOfMajority(ruleSet.parameters, '2022-03-31')).toBe(20);
    expect(ageOfMajority(ruleSet.parameters, '2022-04-01')).toBe(18);
  });
  it('adds periods with month-end roll-over', () => {
    expect(addDuration('2023-11-23', 'P3Y')).toBe('2026-11-23');
    expect(addDuration('2023-01-31', 'P1M')).toBe('2023-03-01');
    expect(addDuration('2023-01-15', 'P2Y6M10D')).toBe('2025-07-25');
    expect(parseDuration('P')).toBeUndefined();
    expect(parseDuration('3Y')).toBeUndefined();
  });
});
