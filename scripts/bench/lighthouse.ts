// Page load in Debian's Chromium: Lighthouse (kept outside the app's dependencies, installed on
// demand into bench/.tools) against `vite preview` of the built directory on 127.0.0.1:4173.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const LIGHTHOUSE_VERSION = '12.8.2';
import { parse } from 'yaml';
import { encodeShareFragment } from '../../src/app/state/transfer';
import type { Answers } from '../../src/engine/types';
import { CHROMIUM_FLAGS } from '../chromium';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
export type Preset = 'mobile' | 'desktop';

const CHROME_FLAGS = ['--headless', ...CHROMIUM_FLAGS];

/** Pages measured, and pages deliberately not measured with the reason. */
export const PAGES: { name: string; path: string }[] = [
  { name: 'start', path: '/' },
  { name: 'question', path: '/question/location' },
  // The results page needs answers: a fresh Lighthouse tab gets them from a share link to the
  // results (persona 1, Carlos), as a person opening a scrivener's link would.
  { name: 'results', path: '/results#answers' },
];
export const SKIPPED_PAGES: { name: string; path: string; reason: string }[] = [];

/** The share-link fragment of persona 1's answers (src/app/state/transfer.ts, as the app makes it). */
async function personaFragment(root: string): Promise<string> {
  const file = readdirSync(join(root, 'tests', 'personas')).find((f) => f.startsWith('01-'));
  if (!file) throw new Error('tests/personas/01-*.yaml not found');
  const persona = parse(readFileSync(join(root, 'tests', 'personas', file), 'utf8')) as { answers: Answers };
  return encodeShareFragment(persona.answers);
}

/** Runs of each page and preset; the median one (by performance score, then LCP) is reported. */
export const REPEATS = Math.max(1, Number(process.env.BENCH_LH_RUNS ?? 3));

export interface LighthouseRun {
  page: string;
  /** The performance scores of every repeat, in run order (this run is their median). */
  performanceRuns?: number[];
  url: string;
  preset: Preset;
  scores: Record<Category, number | null>; // 0–100
  metrics: { fcpMs?: number; lcpMs?: number; tbtMs?: number; cls?: number; siMs?: number; bytes?: number };
  /** Audits that cost points, per category below 100. */
  lost: { category: Category; audits: { id: string; title: string; score: number | null; value?: string }[] }[];
  warnings: string[];
  seconds: number;
}

export interface LighthouseReport {
  status: 'ran' | 'skipped';
  reason?: string;
  chromium?: string;
  lighthouse?: string;
  reportsDir?: string;
  /** Where vite preview listened. */
  origin?: string;
  runs: LighthouseRun[];
  skippedPages: { name: string; path: string; reason: string }[];
}

interface Lhr {
  lighthouseVersion: string;
  environment?: { hostUserAgent?: string };
  runtimeError?: { code: string; message: string };
  runWarnings?: string[];
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { title: string; score: number | null; numericValue?: number; displayValue?: string }>;
}

/** Resolves with the port if it can be listened on at 127.0.0.1 (0 = any), else undefined. */
function tryPort(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(undefined));
    srv.listen(port, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : undefined));
    });
  });
}

/** The Lighthouse CLI script, installed into `<root>/bench/.tools` if missing. */
function ensureLighthouse(root: string, log: (s: string) => void): string {
  const tools = join(root, 'bench', '.tools');
  const cli = join(tools, 'node_modules', 'lighthouse', 'cli', 'index.js');
  if (existsSync(cli)) return cli;
  log(`  installing lighthouse@${LIGHTHOUSE_VERSION} into bench/.tools …`);
  const r = spawnSync(
    'npm',
    ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', tools, `lighthouse@${LIGHTHOUSE_VERSION}`],
    { stdio: 'inherit', cwd: root },
  );
  if (r.status !== 0 || !existsSync(cli)) throw new Error(`npm install lighthouse@${LIGHTHOUSE_VERSION} failed`);
  return cli;
}

/** `vite preview` of outDir in its own process group, resolved once it answers HTTP. */
async function startPreview(root: string, outDir: string, port: number): Promise<ChildProcess> {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = [vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir];
  const child = spawn(process.execPath, args, { cwd: root, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode}): ${stderr.trim()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  stopPreview(child);
  throw new Error(`vite preview did not answer on 127.0.0.1:${port} within 30 s: ${stderr.trim()}`);
}

function stopPreview(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM'); // the whole group: node vite and anything it started
  } catch {
    // already gone
  }
}

function runOne(cli: string, chromium: string, url: string, preset: Preset, out: string): Promise<Lhr> {
  const profile = mkdtempSync(join(tmpdir(), 'teiju-lh-profile-'));
  const args = [
    cli,
    url,
    `--only-categories=${CATEGORIES.join(',')}`,
    `--chrome-flags=${[...CHROME_FLAGS, `--user-data-dir=${profile}`].join(' ')}`,
    '--output=json',
    '--output=html',
    `--output-path=${out}`,
    '--quiet',
    ...(preset === 'desktop' ? ['--preset=desktop'] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: chromium },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      rmSync(profile, { recursive: true, force: true });
      const json = `${out}.report.json`;
      if (!existsSync(json)) return reject(new Error(`lighthouse exited ${code}: ${stderr.trim().slice(-2000)}`));
      const lhr = JSON.parse(readFileSync(json, 'utf8')) as Lhr;
      if (lhr.runtimeError)
        return reject(new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`));
      resolve(lhr);
    });
  });
}

function summariseRun(lhr: Lhr, page: string, url: string, preset: Preset, seconds: number): LighthouseRun {
  const scores = {} as Record<Category, number | null>;
  const lost: LighthouseRun['lost'] = [];
  for (const cat of CATEGORIES) {
    const c = lhr.categories[cat];
    scores[cat] = c?.score == null ? null : Math.round(c.score * 100);
    if (!c || c.score === 1) continue;
    const audits = c.auditRefs
      .filter((r) => r.weight > 0)
      .map((r) => ({ id: r.id, a: lhr.audits[r.id] }))
      .filter(({ a }) => a && a.score !== null && a.score < 1)
      .map(({ id, a }) => ({
        id,
        title: a?.title ?? id,
        score: a?.score ?? null,
        ...(a?.displayValue && { value: a.displayValue }),
      }));
    lost.push({ category: cat, audits });
  }
  const num = (id: string) => lhr.audits[id]?.numericValue;
  const round = (v: number | undefined, d = 0) => (v === undefined ? undefined : Number(v.toFixed(d)));
  const metrics = {
    fcpMs: round(num('first-contentful-paint')),
    lcpMs: round(num('largest-contentful-paint')),
    tbtMs: round(num('total-blocking-time')),
    cls: round(num('cumulative-layout-shift'), 3),
    siMs: round(num('speed-index')),
    bytes: round(num('total-byte-weight')),
  };
  return { page, url, preset, scores, metrics, lost, warnings: lhr.runWarnings ?? [], seconds };
}

/** The median of a page's repeats: by performance score, then by LCP; with every score kept. */
export function medianRun(repeats: LighthouseRun[]): LighthouseRun {
  const key = (r: LighthouseRun) => [r.scores.performance ?? -1, -(r.metrics.lcpMs ?? 0)] as const;
  const sorted = [...repeats].sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1]);
  const median = sorted[Math.floor((sorted.length - 1) / 2)] as LighthouseRun;
  return { ...median, performanceRuns: repeats.map((r) => r.scores.performance ?? -1) };
}

export async function benchLighthouse(
  root: string,
  outDir: string,
  opts: { chromium?: string; port?: number; strictPort?: boolean; log?: (s: string) => void } = {},
): Promise<LighthouseReport> {
  const log = opts.log ?? (() => {});
  const chromium = opts.chromium ?? process.env.CHROME_PATH ?? '/usr/bin/chromium';
  const skipped = (reason: string): LighthouseReport => ({
    status: 'skipped',
    reason,
    runs: [],
    skippedPages: SKIPPED_PAGES,
  });
  if (!existsSync(chromium)) return skipped(`Chromium not found at ${chromium} (apt-get install -y chromium)`);
  let port = opts.port ?? 4173;
  if ((await tryPort(port)) === undefined) {
    if (opts.strictPort) return skipped(`port ${port} on 127.0.0.1 is in use`);
    const free = await tryPort(0);
    if (free === undefined) return skipped(`port ${port} on 127.0.0.1 is in use and no other port was free`);
    log(`  port ${port} is in use (another preview or e2e run?); using ${free}`);
    port = free;
  }
  const version = spawnSync(chromium, ['--version'], { encoding: 'utf8' }).stdout.trim().split('\n').pop();
  const cli = ensureLighthouse(root, log);

  const reportsDir = mkdtempSync(join(tmpdir(), 'teiju-lighthouse-'));
  const preview = await startPreview(root, outDir, port);
  const stop = () => stopPreview(preview);
  const interrupted = () => {
    stop();
    process.exit(130);
  };
  process.once('exit', stop);
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const runs: LighthouseRun[] = [];
  let lhVersion: string | undefined;
  try {
    for (const page of PAGES)
      for (const preset of ['mobile', 'desktop'] as const) {
        const path = page.path.endsWith('#answers')
          ? `${page.path.slice(0, -8)}${await personaFragment(root)}`
          : page.path;
        const url = `http://127.0.0.1:${port}${path}`;
        const repeats: LighthouseRun[] = [];
        for (let i = 1; i <= REPEATS; i++) {
          const t0 = performance.now();
          const out = join(reportsDir, `${page.name}-${preset}-${i}`);
          const lhr = await runOne(cli, chromium, url, preset, out);
          lhVersion = lhr.lighthouseVersion;
          const run = summariseRun(lhr, page.name, page.path, preset, Math.round((performance.now() - t0) / 100) / 10);
          repeats.push(run);
          log(`  ${page.path} ${preset} #${i}: ${CATEGORIES.map((c) => `${c} ${run.scores[c] ?? '–'}`).join(', ')}`);
        }
        runs.push(medianRun(repeats));
      }
  } finally {
    stop();
    process.removeListener('exit', stop);
    process.removeListener('SIGINT', interrupted);
    process.removeListener('SIGTERM', interrupted);
  }
  return {
    status: 'ran',
    ...(version && { chromium: version }),
    ...(lhVersion && { lighthouse: lhVersion }),
    reportsDir,
    origin: `http://127.0.0.1:${port}`,
    runs,
    skippedPages: SKIPPED_PAGES,
  };
}
