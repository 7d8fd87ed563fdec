// The production build, through Vite's JS API with the project's own vite.config.ts (the same
// thing `npx vite build --outDir <dir> --manifest` does), into a directory of the caller's choosing.
// On request, a small plugin records which modules went into which chunk, to explain the sizes
// (and for the size check, to find a module's chunk: several share one, src/prerender/chunk-groups.ts).
import { gzipSync } from 'node:zlib';
import { build, minifySync, type Plugin } from 'vite';

/** Rendered bytes of one module group (an npm package, a virtual module, or a source folder) in a chunk. */
export interface ModuleGroup {
  chunk: string; // file name relative to outDir
  group: string;
  modules: number;
  /** UTF-8 bytes of the group's rendered code, minified on its own; an estimate of its share of the chunk. */
  minified: number;
  /** The same, gzip level 9 on its own (a little more than its share of the gzipped chunk). */
  gzip: number;
}

const cleanId = (id: string) => id.replace(/^\0/, '').replace(/\?.*$/, '').replaceAll('\\', '/');
const baseOf = (root: string) => root.replaceAll('\\', '/').replace(/\/$/, '') + '/';

/** A module's id as the reports name it: relative to the project, or the virtual module's name. */
export function moduleName(id: string, root: string): string {
  const clean = cleanId(id);
  const base = baseOf(root);
  return clean.startsWith(base) ? clean.slice(base.length) : clean;
}

/** Groups a module id: `react-dom`, `@hookform/resolvers`, `virtual:teiju/rules`, `src/engine`, … */
export function groupOf(id: string, root: string): string {
  const clean = cleanId(id);
  const nm = clean.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = clean.slice(nm + '/node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] ?? clean);
  }
  if (!clean.startsWith(baseOf(root))) return clean; // virtual modules, vite/rolldown runtime helpers
  const parts = moduleName(id, root).split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts.join('/');
}

/** Minified and gzipped bytes of some code, compressed on its own; falls back to the code as is. */
function weigh(code: string): { minified: number; gzip: number } {
  let min = code;
  try {
    const r = minifySync('group.js', code, { compress: true, mangle: true });
    if (!r.errors.length) min = r.code;
  } catch {
    // keep the code as is
  }
  const buf = Buffer.from(min);
  return { minified: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
}

function collector(root: string, out: ModuleGroup[], fileOf: Map<string, string>): Plugin {
  return {
    name: 'teiju-bench-modules',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const groups = new Map<string, { modules: number; code: string[] }>();
        for (const [id, mod] of Object.entries(chunk.modules)) {
          fileOf.set(moduleName(id, root), chunk.fileName);
          const group = groupOf(id, root);
          const g = groups.get(group) ?? { modules: 0, code: [] };
          g.modules += 1;
          if (mod.code) g.code.push(mod.code);
          groups.set(group, g);
        }
        const rows = [...groups].map(([group, g]) => ({
          chunk: chunk.fileName,
          group,
          modules: g.modules,
          ...weigh(g.code.join('\n')),
        }));
        out.push(...rows.sort((a, b) => b.gzip - a.gzip));
      }
    },
  };
}

/**
 * Builds the app into `outDir` (emptied first) with a manifest (`outDir/.vite/manifest.json`).
 * NODE_ENV is forced to `production` for the build: under Vitest it is `test`, and Vite would then
 * bundle React's development build.
 */
export async function buildBundle(
  root: string,
  outDir: string,
  opts: { modules?: boolean } = {},
): Promise<{ modules: ModuleGroup[]; fileOf: Map<string, string>; ms: number }> {
  const modules: ModuleGroup[] = [];
  const fileOf = new Map<string, string>(); // module (moduleName) → its chunk's file
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  const t0 = performance.now();
  try {
    await build({
      root,
      mode: 'production',
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, manifest: true },
      plugins: opts.modules ? [collector(root, modules, fileOf)] : [],
    });
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
  return { modules, fileOf, ms: Math.round(performance.now() - t0) };
}
