// `npm run bench`: bundle sizes, engine timings and Lighthouse, compared with bench/budgets.json;
// writes bench/results/latest.json and latest.md. Not part of the test run.
//
//   npm run bench                      everything
//   npm run bench -- --no-lighthouse   sizes and engine only
//   npm run bench -- --strict          exit 1 when a budget is missed
//   npm run bench -- --keep            keep the build directory (printed)
// Environment: CHROME_PATH (default /usr/bin/chromium); BENCH_PORT (preview port: by default 4173,
// or any free port if 4173 is taken; when set, exactly that port or Lighthouse is skipped).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkBudgets, loadBudgets, mark } from './budgets';
import { buildBundle } from './build';
import { benchEngine } from './engine';
import { benchLighthouse, SKIPPED_PAGES, type LighthouseReport } from './lighthouse';
import { environment, writeResults, type Results } from './report';
import { analyseDist } from './size';
import { bytes } from './stats';

const root = join(import.meta.dirname, '..', '..');
const flags = new Set(process.argv.slice(2));
const log = (s: string) => console.log(s);

async function main(): Promise<number> {
  const budgets = loadBudgets(root);
  const env = environment(root);
  log(`teiju bench · ${env.commit.slice(0, 12)}${env.dirty ? '+' : ''} · Node ${env.node} · ${env.cpu} × ${env.cores}`);

  // Engine first, in a process that has not yet built anything (less GC noise from the build).
  log('\nengine');
  const engine = benchEngine(root, log);

  log('\nbuild');
  // The prerendered start pages name each other (hreflang) by full address: the preview's here.
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : undefined;
  process.env.TEIJU_SITE_URL ??= `http://127.0.0.1:${port ?? 4173}/`;
  const outDir = mkdtempSync(join(tmpdir(), 'teiju-bench-dist-'));
  try {
    const build = await buildBundle(root, outDir, { modules: true });
    const size = analyseDist(outDir);
    log(`  built in ${build.ms} ms into ${outDir}`);
    for (const f of size.files)
      log(`  ${f.file.padEnd(34)} ${String(f.raw).padStart(9)} B  gzip ${String(f.gzip).padStart(8)} B`);
    for (const p of size.firstPage)
      log(
        `  first page ${p.lang || ''}: JS ${bytes(p.js.gzip)} gzip, CSS ${bytes(p.css.gzip)} gzip; later: ${p.later.join(', ') || '–'}`,
      );

    log('\nlighthouse');
    const lighthouse: LighthouseReport = flags.has('--no-lighthouse')
      ? { status: 'skipped', reason: 'skipped with --no-lighthouse', runs: [], skippedPages: SKIPPED_PAGES }
      : await benchLighthouse(root, outDir, { port: port ?? 4173, strictPort: port !== undefined, log }).catch(
          (e: unknown): LighthouseReport => ({
            status: 'skipped',
            reason: `failed: ${e instanceof Error ? e.message : String(e)}`,
            runs: [],
            skippedPages: SKIPPED_PAGES,
          }),
        );
    if (lighthouse.status === 'skipped') log(`  skipped: ${lighthouse.reason ?? ''}`);
    for (const p of lighthouse.skippedPages) log(`  not measured: ${p.path}: ${p.reason}`);

    const checks = checkBudgets(budgets, size, engine, lighthouse);
    const results: Results = { environment: env, build, size, engine, lighthouse, budgets: checks };
    const files = writeResults(root, results);

    log('\nbudgets (bench/budgets.json)');
    for (const c of checks) log(`  ${mark(c.status)} ${c.budget}: ${c.actual} (limit ${c.limit}; ${c.gap})`);
    log(`\nwrote ${files.json}\n      ${files.md}`);
    if (lighthouse.reportsDir) log(`Lighthouse reports: ${lighthouse.reportsDir}`);
    return flags.has('--strict') && checks.some((c) => c.status === 'missed') ? 1 : 0;
  } finally {
    if (flags.has('--keep')) log(`build kept in ${outDir}`);
    else rmSync(outDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
