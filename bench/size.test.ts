// @vitest-environment node
// Deterministic size check: builds the app into a temporary directory and compares the JS the
// first page loads (the loader, the entry, its static imports and the active language's interface
// texts; gzip -9 per file) with
// the budget in bench/budgets.json. Bytes only, never time. `npm run bench` gives the full report.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBudgets } from '../scripts/bench/budgets';
import { buildBundle } from '../scripts/bench/build';
import { analyseDist, type SizeReport } from '../scripts/bench/size';
import { LANGS } from '../src/present/languages';
const ROOT = join(import.meta.dirname, '..');

describe('bundle size', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'teiju-size-'));
  // The budget itself, unless bench/budgets.json sets a regression ceiling while it is missed.
  const { max, ceiling } = loadBudgets(ROOT).firstPageJsGzip;
  const budget = ceiling ?? max;
  let report: SizeReport;
  let fileOf: Map<string, string>;

  beforeAll(async () => {
    ({ fileOf } = await buildBundle(ROOT, outDir, { modules: true }));
    report = analyseDist(outDir);
  }, 120_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('loads the other language only on demand, and the question and rule texts after the first page', () => {
    for (const page of report.firstPage) {
      const texts = report.files.find((f) => f.source === `virtual:teiju/locale/${page.lang}-texts`);
      expect(texts, `no texts chunk for ${page.lang}`).toBeDefined();
      expect(page.files).not.toContain(texts?.file);
    }
    for (const page of report.firstPage) {
      const other = report.files.filter(
        (f) =>
          f.source?.startsWith('virtual:teiju/locale/') && !f.source.startsWith(`virtual:teiju/locale/${page.lang}`),
      );
      for (const f of other) expect(page.files, `${f.file} on the ${page.lang} first page`).not.toContain(f.file);
    }
  });

  it('loads the rules and the engine after the first page', () => {
    for (const id of ['virtual:teiju/rules', 'src/app/state/journey.ts', 'src/engine/evaluate.ts']) {
      const file = fileOf.get(id);
      expect(file, `${id} is in no chunk`).toBeDefined();
      for (const page of report.firstPage)
        expect(page.files, `${id} on the ${page.lang} first page`).not.toContain(file);
    }
  });

  it('the results page, with the texts its headline reads, arrives in one round trip', () => {
    const max = loadBudgets(ROOT).resultsHtmlGzip?.max;
    expect(max, 'no resultsHtmlGzip budget in bench/budgets.json').toBeDefined();
    // At each address: /results (the default language), /en/results, /ja/results.
    expect(report.resultsHtml.map((h) => h.file).sort()).toEqual(
      ['results.html', ...LANGS.map((l) => `${l}/results.html`)].sort(),
    );
    for (const h of report.resultsHtml)
      expect(h.gzip, `${h.file}: ${h.gzip} B gzip, over ${max} B`).toBeLessThanOrEqual(max ?? 0);
  });

  it.each(LANGS)('first-page JS in %s stays within the gzip budget of bench/budgets.json', (lang) => {
    const page = report.firstPage.find((p) => p.lang === lang);
    expect(page, `no first page for ${lang}`).toBeDefined();
    if (!page) return;
    const detail = page.files
      .map((file) => report.files.find((f) => f.file === file))
      .filter((f) => f?.kind === 'js')
      .map((f) => `${f?.file} ${f?.gzip} B`)
      .join(', ');
    expect(
      page.js.gzip,
      `first-page JS (${lang}) is ${page.js.gzip} B gzip, ${page.js.gzip - budget} B over the budget of ${budget} B: ${detail}`,
    ).toBeLessThanOrEqual(budget);
  });
});
