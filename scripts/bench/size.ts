// Bundle sizes of a built app directory: every JS and CSS file raw and gzip (level 9, each file on
// its own, as it travels), and what the first page loads versus what loads later.
//
// The first page is what index.html references (module scripts, modulepreloads, stylesheets),
// followed through the static imports recorded in Vite's manifest (`build.manifest`), plus the
// interface chunk of the active language (`virtual:teiju/locale/<lang>-core`): main.tsx awaits it
// before the first render, so it is on the critical path although it is a dynamic import. The
// question and rule texts (`<lang>-texts`) load after the first render and count as later. It is
// counted once per language; the budget applies to the heavier one.
import { gzipSync } from 'node:zlib';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Manifest keys of the per-language chunks: `virtual:teiju/locale/<lang>-<part>`. */
export const LOCALE_PREFIX = 'virtual:teiju/locale/';
/** The part of a language the first page awaits. */
export const FIRST_PART = '-core';

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface Bytes {
  raw: number;
  gzip: number;
}

export interface FileSize extends Bytes {
  file: string; // relative to outDir, e.g. assets/index-TRFv-UUH.js
  kind: 'js' | 'css';
  /** Manifest key of the chunk (`index.html`, `virtual:teiju/locale/ja`), when the file is a chunk. */
  source?: string;
}

export interface FirstPage {
  lang: string; // '' when the app has no language chunks
  files: string[];
  js: Bytes;
  css: Bytes;
  /** Files loaded later (dynamic imports not awaited for the first render), e.g. the other language. */
  later: string[];
}

export interface SizeReport {
  files: FileSize[];
  total: { js: Bytes; css: Bytes };
  firstPage: FirstPage[];
  /** The heaviest first page's JS gzip bytes: the figure the budget applies to. */
  firstPageJsGzip: number;
  firstPageJsGzipLang: string;
  /** Each results page's HTML, its seed of texts included (gzip -9): a share link's first response. */
  resultsHtml: { file: string; gzip: number }[];
}

const add = (a: Bytes, b: Bytes): Bytes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
const zero = (): Bytes => ({ raw: 0, gzip: 0 });

/** Every file under dir, relative to it, skipping `.vite` (the manifest). */
function walk(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === '.vite') return [];
    const p = join(dir, e.name);
    return e.isDirectory() ? walk(p, base) : [relative(base, p).replaceAll('\\', '/')];
  });
}

/** The `src`/`href` of module scripts, modulepreloads and stylesheets in an HTML page. */
export function htmlReferences(html: string): string[] {
  const refs: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const attrs = new Map<string, string>();
    for (const m of tag.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g))
      attrs.set((m[1] ?? '').toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
    const isScript = /^<script/i.test(tag);
    const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
    const url = isScript ? attrs.get('src') : attrs.get('href');
    if (!url || /^(?:[a-z]+:)?\/\//i.test(url)) continue; // inline scripts, other origins
    if (isScript ? attrs.get('type') === 'module' : rel.includes('modulepreload') || rel.includes('stylesheet'))
      refs.push(url.replace(/^\.?\//, ''));
  }
  return refs;
}

export function analyseDist(outDir: string, base = '/'): SizeReport {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const keyOfFile = new Map(Object.entries(manifest).map(([k, c]) => [c.file, k]));
  const strip = (url: string) => (base !== '/' && url.startsWith(base.slice(1)) ? url.slice(base.length - 1) : url);

  const files: FileSize[] = walk(outDir)
    .filter((f) => /\.(?:m?js|css)$/.test(f))
    .sort()
    .map((file) => {
      const buf = readFileSync(join(outDir, file));
      const source = keyOfFile.get(file);
      return {
        file,
        kind: file.endsWith('.css') ? 'css' : 'js',
        raw: buf.length,
        gzip: gzipSync(buf, { level: 9 }).length,
        ...(source !== undefined && { source }),
      };
    });
  const byFile = new Map(files.map((f) => [f.file, f]));

  /** The files a set of start files pulls in through static imports (and their CSS). */
  function closure(start: string[]): Set<string> {
    const seen = new Set<string>();
    const queue = [...start];
    while (queue.length) {
      const file = queue.shift() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      const key = keyOfFile.get(file);
      const chunk = key === undefined ? undefined : manifest[key];
      if (!chunk) continue;
      queue.push(...(chunk.css ?? []));
      for (const imp of chunk.imports ?? []) if (manifest[imp]) queue.push(manifest[imp].file);
    }
    return seen;
  }

  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  // The prerendered page references a small loader that imports the entry after the first paint:
  // the entry (and what it imports) counts as the first page too.
  const entries = Object.values(manifest)
    .filter((c) => c.isEntry)
    .map((c) => c.file);
  const initial = closure([...htmlReferences(html).map(strip), ...entries]);
  const locales = Object.keys(manifest)
    .filter((k) => k.startsWith(LOCALE_PREFIX) && k.endsWith(FIRST_PART))
    .sort();
  const langs = locales.length ? locales : [undefined];

  const firstPage: FirstPage[] = langs.map((key) => {
    const lang = key?.slice(LOCALE_PREFIX.length, -FIRST_PART.length) ?? '';
    const set = new Set(initial);
    const own = key === undefined ? undefined : manifest[key];
    if (own) for (const f of closure([own.file])) set.add(f);
    let js = zero();
    let css = zero();
    for (const f of set) {
      const s = byFile.get(f);
      if (s?.kind === 'js') js = add(js, s);
      if (s?.kind === 'css') css = add(css, s);
    }
    const later = files.filter((f) => !set.has(f.file)).map((f) => f.file);
    return { lang, files: [...set].filter((f) => byFile.has(f)), js, css, later };
  });

  const total = { js: zero(), css: zero() };
  for (const f of files) total[f.kind] = add(total[f.kind], f);
  const worst = firstPage.reduce((a, b) => (b.js.gzip > a.js.gzip ? b : a));
  const resultsHtml = walk(outDir)
    .filter((f) => /(?:^|\/)results\.html$/.test(f))
    .sort()
    .map((file) => ({ file, gzip: gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length }));
  return { files, total, firstPage, firstPageJsGzip: worst.js.gzip, firstPageJsGzipLang: worst.lang, resultsHtml };
}
