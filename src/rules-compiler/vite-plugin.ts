// Compiles rules/ and locales/ when Vite (or Vitest) builds: the browser receives JSON only.
// A malformed rule file fails the build with its file and field.
import type { Plugin } from 'vite';
import { compileRules, LANGS } from './compile';

const RULES = 'virtual:teiju/rules';
const LOCALE = 'virtual:teiju/locale/';

export function teijuRules(root: string): Plugin {
  let cache: ReturnType<typeof compileRules> | undefined;
  const compiled = () => (cache ??= compileRules(root));
  return {
    name: 'teiju-rules',
    buildStart() {
      cache = undefined; // compiled on first import of a virtual module, not before
    },
    resolveId(id) {
      if (id === RULES || id.startsWith(LOCALE)) return `\0${id}`;
      return undefined;
    },
    load(id) {
      if (id.startsWith('\0virtual:teiju/')) for (const f of compiled().files) this.addWatchFile(f);
      if (id === `\0${RULES}`)
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(compiled().ruleSet))});`;
      if (id.startsWith(`\0${LOCALE}`)) {
        const lang = id.slice(LOCALE.length + 1) as (typeof LANGS)[number];
        if (!LANGS.includes(lang)) this.error(`unknown language '${lang}'`);
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(compiled().locales[lang]))});`;
      }
      return undefined;
    },
    handleHotUpdate({ file, server }) {
      if (/[\\/](rules|locales)[\\/]/.test(file)) {
        cache = undefined;
        server.ws.send({ type: 'full-reload' });
      }
    },
  };
}
