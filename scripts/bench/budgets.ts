// The budgets of bench/budgets.json and their comparison with a run's figures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineReport } from './engine';
import type { Category, LighthouseReport } from './lighthouse';
import type { SizeReport } from './size';
import { bytes } from './stats';

export interface Budgets {
  firstPageJsGzip: { max: number; unit: 'B'; what?: string; ceiling?: number; ceilingWhy?: string };
  lighthouse: { min: number; categories: Category[]; what?: string };
  startLcpMobile?: { max: number; unit: 'ms'; what?: string };
  resultsHtmlGzip?: { max: number; unit: 'B'; what?: string };
  verdictsMedian: { max: number; unit: 'µs'; what?: string };
}

export function loadBudgets(root: string): Budgets {
  return JSON.parse(readFileSync(join(root, 'bench', 'budgets.json'), 'utf8')) as Budgets;
}

export interface BudgetCheck {
  budget: string;
  limit: string;
  actual: string;
  status: 'met' | 'missed' | 'not measured';
  /** How far over (missed) or how much room is left (met). */
  gap: string;
}

export const mark = (s: BudgetCheck['status']) => (s === 'met' ? '✓' : s === 'missed' ? '✗' : '–');

export function checkBudgets(
  budgets: Budgets,
  size: SizeReport,
  engine: EngineReport,
  lighthouse: LighthouseReport,
): BudgetCheck[] {
  const checks: BudgetCheck[] = [];

  const js = size.firstPageJsGzip;
  const over = js - budgets.firstPageJsGzip.max;
  checks.push({
    budget: 'first-page JS, gzip',
    limit: `≤ ${bytes(budgets.firstPageJsGzip.max)}`,
    actual: `${bytes(js)}${size.firstPageJsGzipLang ? ` (${size.firstPageJsGzipLang})` : ''}`,
    status: over <= 0 ? 'met' : 'missed',
    gap: over <= 0 ? `${bytes(-over)} to spare` : `${bytes(over)} over`,
  });

  for (const cat of budgets.lighthouse.categories) {
    const measured = lighthouse.runs
      .map((r) => ({ score: r.scores[cat], where: `${r.url} ${r.preset}` }))
      .filter((x): x is { score: number; where: string } => x.score !== null);
    if (lighthouse.status !== 'ran' || measured.length === 0) {
      checks.push({
        budget: `Lighthouse ${cat}`,
        limit: `≥ ${budgets.lighthouse.min}`,
        actual: '–',
        status: 'not measured',
        gap: lighthouse.reason ?? 'no score',
      });
      continue;
    }
    const low = measured.filter((m) => m.score < budgets.lighthouse.min);
    const min = Math.min(...measured.map((m) => m.score));
    checks.push({
      budget: `Lighthouse ${cat}`,
      limit: `≥ ${budgets.lighthouse.min} on ${measured.length} runs`,
      actual: low.length ? low.map((m) => `${m.score} (${m.where})`).join(', ') : `${min} on all`,
      status: low.length ? 'missed' : 'met',
      gap: low.length ? `${budgets.lighthouse.min - min} points short at worst` : '0',
    });
  }

  const lcpBudget = budgets.startLcpMobile;
  if (lcpBudget) {
    const lcp = lighthouse.runs.find((r) => r.page === 'start' && r.preset === 'mobile')?.metrics.lcpMs;
    checks.push(
      lcp === undefined
        ? {
            budget: 'start page LCP, mobile',
            limit: `≤ ${lcpBudget.max} ms`,
            actual: '–',
            status: 'not measured',
            gap: lighthouse.reason ?? 'no run',
          }
        : {
            budget: 'start page LCP, mobile',
            limit: `≤ ${lcpBudget.max} ms`,
            actual: `${lcp} ms`,
            status: lcp <= lcpBudget.max ? 'met' : 'missed',
            gap: lcp <= lcpBudget.max ? `${lcpBudget.max - lcp} ms to spare` : `${lcp - lcpBudget.max} ms over`,
          },
    );
  }

  const htmlBudget = budgets.resultsHtmlGzip;
  if (htmlBudget && size.resultsHtml.length) {
    const largest = size.resultsHtml.reduce((a, b) => (b.gzip > a.gzip ? b : a));
    const spare = htmlBudget.max - largest.gzip;
    checks.push({
      budget: 'results page HTML with its seed, gzip',
      limit: `≤ ${bytes(htmlBudget.max)}`,
      actual: `${bytes(largest.gzip)} (${largest.file})`,
      status: spare >= 0 ? 'met' : 'missed',
      gap: spare >= 0 ? `${bytes(spare)} to spare` : `${bytes(-spare)} over`,
    });
  }

  const rows = engine.rows.filter((r) => r.fn === 'verdicts');
  const worst = rows.reduce((a, b) => (b.medianUs > a.medianUs ? b : a));
  const room = budgets.verdictsMedian.max - worst.medianUs;
  checks.push({
    budget: 'verdicts() median, one full screening',
    limit: `≤ ${budgets.verdictsMedian.max} µs`,
    actual: `${worst.medianUs} µs (${worst.inputs})`,
    status: room >= 0 ? 'met' : 'missed',
    gap: room >= 0 ? `${room.toFixed(2)} µs to spare` : `${(-room).toFixed(2)} µs over`,
  });
  return checks;
}
