// The run's environment and its write-up: bench/results/latest.json and latest.md.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, release, type } from 'node:os';
import { join } from 'node:path';
import { mark, type BudgetCheck } from './budgets';
import type { ModuleGroup } from './build';
import type { EngineReport } from './engine';
import { CATEGORIES, type LighthouseReport } from './lighthouse';
import type { SizeReport } from './size';
import { int, kb } from './stats';

export interface Environment {
  date: string;
  commit: string;
  dirty: boolean;
  node: string;
  cpu: string;
  cores: number;
  os: string;
}

export interface Results {
  environment: Environment;
  build: { ms: number; modules: ModuleGroup[] };
  size: SizeReport;
  engine: EngineReport;
  lighthouse: LighthouseReport;
  budgets: BudgetCheck[];
}

export function environment(root: string): Environment {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  const cpuList = cpus();
  return {
    date: new Date().toISOString(),
    commit: git('rev-parse', 'HEAD') || 'unknown',
    dirty: git('status', '--porcelain').length > 0,
    node: process.version,
    cpu: cpuList[0]?.model.trim() ?? 'unknown',
    cores: cpuList.length,
    os: `${type()} ${release()}`,
  };
}

const table = (head: string[], rows: (string | number)[][], right: number[] = []) =>
  [
    `| ${head.join(' | ')} |`,
    `|${head.map((_, i) => (right.includes(i) ? '---:' : '---')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

const ms = (v: number | undefined) => (v === undefined ? '–' : `${int(v)} ms`);

export function markdown(r: Results): string {
  const { environment: env, size, engine, lighthouse } = r;
  const out: string[] = [];
  out.push('# teiju benchmark', '');
  out.push(
    `${env.date} · commit \`${env.commit.slice(0, 12)}\`${env.dirty ? ' (with uncommitted changes)' : ''} · ` +
      `Node ${env.node} · ${env.cpu} × ${env.cores} · ${env.os}`,
    '',
  );

  out.push('## Budgets', '');
  out.push(
    table(
      ['', 'budget', 'limit', 'actual', 'gap'],
      r.budgets.map((b) => [mark(b.status), b.budget, b.limit, b.actual, b.gap]),
    ),
    '',
  );

  const defaultLang = size.firstPage[0]?.lang ?? '';
  const first = new Set(size.firstPage[0]?.files ?? []);
  out.push('## Bundle', '');
  out.push(
    `Production build in ${int(r.build.ms)} ms. gzip is \`zlib.gzipSync\` level 9 per file. ` +
      `"first" = loaded by the first page${defaultLang ? ` in ${defaultLang}` : ''}; "later" = dynamic chunks loaded on demand.`,
    '',
  );
  out.push(
    table(
      ['file', 'chunk', 'kind', 'loads', 'raw B', 'gzip B'],
      [
        ...size.files.map((f) => [
          `\`${f.file}\``,
          f.source ? `\`${f.source}\`` : '',
          f.kind,
          first.has(f.file) ? 'first' : 'later',
          int(f.raw),
          int(f.gzip),
        ]),
        ['**all JS**', '', 'js', '', int(size.total.js.raw), int(size.total.js.gzip)],
        ['**all CSS**', '', 'css', '', int(size.total.css.raw), int(size.total.css.gzip)],
      ],
      [4, 5],
    ),
    '',
  );
  out.push(
    table(
      ['first page', 'JS raw', 'JS gzip', 'CSS raw', 'CSS gzip', 'loaded later'],
      size.firstPage.map((p) => [
        p.lang || '(single language)',
        int(p.js.raw),
        `${int(p.js.gzip)} (${kb(p.js.gzip)})`,
        int(p.css.raw),
        int(p.css.gzip),
        p.later.map((f) => `\`${f}\``).join(', ') || '–',
      ]),
      [1, 2, 3, 4],
    ),
    '',
  );

  const chunks = [...new Set(r.build.modules.map((m) => m.chunk))];
  out.push('### What the chunks contain', '');
  out.push(
    "Per package or source folder: its modules' rendered code minified and gzipped on its own. " +
      'An estimate of the share of each chunk, not exact bytes sent.',
    '',
  );
  for (const chunk of chunks) {
    const groups = r.build.modules.filter((m) => m.chunk === chunk);
    const total = groups.reduce((a, g) => a + g.gzip, 0);
    const sum = (gs: ModuleGroup[], k: 'modules' | 'minified' | 'gzip') => gs.reduce((a, g) => a + g[k], 0);
    const row = (name: string, gs: ModuleGroup[]) => [
      name,
      sum(gs, 'modules'),
      int(sum(gs, 'minified')),
      int(sum(gs, 'gzip')),
      `${((100 * sum(gs, 'gzip')) / total).toFixed(1)} %`,
    ];
    const rows = groups.slice(0, 10).map((g) => row(`\`${g.group}\``, [g]));
    if (groups.length > 10) rows.push(row(`${groups.length - 10} more`, groups.slice(10)));
    out.push(`\`${chunk}\``, '', table(['group', 'modules', 'minified B', 'gzip B', 'share'], rows, [1, 2, 3, 4]), '');
  }

  out.push('## Engine', '');
  out.push(
    `One call = all ${engine.categories} categories (${engine.facts} facts). Inputs: the ${engine.personas} personas ` +
      `(tests/personas) and ${int(engine.random.count)} random answer sets (fast-check, seed ${engine.random.seed}, ` +
      `as of ${engine.random.asOf}). Each call timed alone with process.hrtime.bigint() after a warm-up.`,
    '',
  );
  out.push(
    table(
      ['function', 'inputs', 'samples', 'median µs', 'p95 µs', 'mean µs', 'per second'],
      engine.rows.map((e) => [
        `\`${e.fn}()\``,
        `${e.inputs} (${e.sets})`,
        int(e.samples),
        e.medianUs,
        e.p95Us,
        e.meanUs,
        int(e.perSecond),
      ]),
      [2, 3, 4, 5, 6],
    ),
    '',
  );

  out.push('## Page load (Lighthouse)', '');
  if (lighthouse.status === 'skipped') out.push(`Skipped: ${lighthouse.reason ?? ''}.`, '');
  else {
    out.push(
      `Lighthouse ${lighthouse.lighthouse ?? '?'} in ${lighthouse.chromium ?? 'Chromium'}, against \`vite preview\` ` +
        `(gzip on the fly) at ${lighthouse.origin ?? '127.0.0.1'}. Mobile = the default simulated throttling; ` +
        'desktop = `--preset=desktop`. Each page and preset is run several times and the median run is shown ' +
        '("runs": every run\'s performance score). "transfer B" = total byte weight.',
      '',
    );
    out.push(
      table(
        ['page', 'preset', 'runs', ...CATEGORIES, 'FCP', 'LCP', 'TBT', 'CLS', 'transfer B'],
        lighthouse.runs.map((x) => [
          `\`${x.url}\``,
          x.preset,
          x.performanceRuns?.join(' / ') ?? '1',
          ...CATEGORIES.map((c) => x.scores[c] ?? '–'),
          ms(x.metrics.fcpMs),
          ms(x.metrics.lcpMs),
          ms(x.metrics.tbtMs),
          x.metrics.cls ?? '–',
          x.metrics.bytes === undefined ? '–' : int(x.metrics.bytes),
        ]),
        [3, 4, 5, 6, 7, 8, 9, 10, 11],
      ),
      '',
    );
    const lost = lighthouse.runs.flatMap((x) =>
      x.lost.flatMap((l) =>
        l.audits.map((a) => [
          `\`${x.url}\` ${x.preset}`,
          l.category,
          `\`${a.id}\``,
          a.score === null ? '–' : Math.round(a.score * 100),
          a.value ?? '',
        ]),
      ),
    );
    if (lost.length)
      out.push('Audits that cost points:', '', table(['run', 'category', 'audit', 'score', 'value'], lost), '');
    const warnings = lighthouse.runs.flatMap((x) => x.warnings.map((w) => `- ${x.url} ${x.preset}: ${w}`));
    if (warnings.length) out.push('Run warnings:', '', ...warnings, '');
  }
  for (const p of lighthouse.skippedPages) out.push(`Not measured: \`${p.path}\` (${p.name}): ${p.reason}.`, '');
  return out.join('\n');
}

export function writeResults(root: string, r: Results): { json: string; md: string } {
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const json = join(dir, 'latest.json');
  const md = join(dir, 'latest.md');
  writeFileSync(json, JSON.stringify(r, null, 2) + '\n');
  writeFileSync(md, markdown(r));
  return { json, md };
}
