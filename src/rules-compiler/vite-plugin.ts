// Compiles rules/ and locales/ when Vite (or Vitest) builds: the browser receives JSON only.
// A malformed rule file fails the build with its file and field.
import type { Plugin } from 'vite';
import { nextQuestions } from '../engine/questions';
import { compileRules } from './compile';

const RULES = 'virtual:teiju/rules';
const LINKS = 'virtual:teiju/links';
/**
 * What the start page needs of the rules before they load (they come after it): their version
 * (the footer) and the question the engine asks first when nothing is answered (the Start button).
 */
const RULES_VERSION = 'virtual:teiju/rules-summary';
const LOCALE = 'virtual:teiju/locale/';
/**
 * The loaders of every configured language's parts (locales/languages.json), generated: one
 * `() => import('virtual:teiju/locale/<code>-<part>')` each, so that Vite makes one chunk of each.
 */
const LOCALE_LOADERS = 'virtual:teiju/locale-loaders';

/**
 * The parts of a language bundle. `core` is what the start page and the frame of every page show
 * (header, footer, notices, "Exit this page", the footer's rules version): loaded before the first
 * render, and all that the prerendered pages draw. `texts` is what the other pages draw first (the
 * questions, the categories' titles, laws, the other pages' interface texts, the engine's words),
 * loaded right after; `details` is the rest of each category's texts (its summary, conditions,
 * notes, documents and what to do next) and the conditions rules share: the results page draws its
 * headline without them and asks for them then, the sheet before it shows. The command line's
 * texts (`cli`) are never sent.
 * A text the start page or the frame shows must be listed here (tests/app/texts-loading.test.tsx).
 */
export const CORE_UI = [
  'skipLink',
  'service',
  'footer',
  'language',
  'clear',
  'notice',
  'start',
  'textsFailed',
  'saveLink',
  'exit',
  'crash',
];
export const CORE_ENGINE = ['rulesVersion'];
type Bundle = Record<string, unknown>;
const pick = (all: Bundle, keep: (k: string) => boolean) =>
  Object.fromEntries(Object.entries(all).filter(([k]) => keep(k)));
const part = (all: Bundle, key: string, core: string[], inCore: boolean) =>
  pick((all[key] ?? {}) as Bundle, (k) => core.includes(k) === inCore);
/** Each category's texts, only its title (`texts`) or all but it (`details`). */
const ruleTexts = (all: Bundle, title: boolean) =>
  Object.fromEntries(
    Object.entries((all.rules ?? {}) as Record<string, Bundle>).map(([id, r]) => [
      id,
      pick(r, (k) => (k === 'title') === title),
    ]),
  );
export const LOCALE_PARTS = {
  core: (all: Bundle) => ({ engine: part(all, 'engine', CORE_ENGINE, true), ui: part(all, 'ui', CORE_UI, true) }),
  // `cli` (locales/<lang>/cli.json) is the command line's: never sent to the browser.
  texts: (all: Bundle) => ({
    ...pick(all, (k) => !['engine', 'ui', 'cli', 'shared'].includes(k)),
    rules: ruleTexts(all, true),
    engine: part(all, 'engine', CORE_ENGINE, false),
    ui: part(all, 'ui', CORE_UI, false),
  }),
  // Always with `shared`, even empty: its presence tells the details have arrived (src/app/i18n.ts hasDetails).
  details: (all: Bundle) => ({ rules: ruleTexts(all, false), shared: all.shared ?? {} }),
};

export function teijuRules(root: string): Plugin {
  let cache: ReturnType<typeof compileRules> | undefined;
  const compiled = () => (cache ??= compileRules(root));
  return {
    name: 'teiju-rules',
    buildStart() {
      cache = undefined; // compiled on first import of a virtual module, not before
    },
    resolveId(id) {
      if (id === RULES || id === RULES_VERSION || id === LINKS || id === LOCALE_LOADERS || id.startsWith(LOCALE))
        return `\0${id}`;
      return undefined;
    },
    load(id) {
      if (id.startsWith('\0virtual:teiju/')) for (const f of compiled().files) this.addWatchFile(f);
      if (id === `\0${RULES}`)
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(compiled().ruleSet))});`;
      if (id === `\0${LINKS}`) return `export default JSON.parse(${JSON.stringify(JSON.stringify(compiled().links))});`;
      if (id === `\0${RULES_VERSION}`) {
        const { ruleSet } = compiled();
        const first = nextQuestions(ruleSet, {}, new Date().toISOString().slice(0, 10)).slice(0, 1);
        return `export default ${JSON.stringify({ version: ruleSet.version, first })};`;
      }
      if (id === `\0${LOCALE_LOADERS}`) {
        const entries = compiled().languages.languages.map(({ code }) => {
          const parts = Object.keys(LOCALE_PARTS).map(
            (p) => `${JSON.stringify(p)}: () => import(${JSON.stringify(`${LOCALE}${code}-${p}`)})`,
          );
          return `  ${JSON.stringify(code)}: { ${parts.join(', ')} },`;
        });
        return `export default {\n${entries.join('\n')}\n};`;
      }
      if (id.startsWith(`\0${LOCALE}`)) {
        // `<lang>` is the whole bundle (tests, Node); the browser loads `<lang>-core` (interface
        // texts, before the first render), `<lang>-texts` (questions, rule titles, laws, just
        // after) and `<lang>-details` (the rest of the rule texts, when a page shows them).
        const [lang = '', part] = id.slice(LOCALE.length + 1).split('-') as [string?, string?];
        if (!Object.hasOwn(compiled().locales, lang)) this.error(`unknown language '${lang}'`);
        if (part !== undefined && !(part in LOCALE_PARTS)) this.error(`unknown locale part '${part}'`);
        const all = compiled().locales[lang] as Bundle;
        const bundle = part === undefined ? all : LOCALE_PARTS[part as keyof typeof LOCALE_PARTS](all);
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(bundle))});`;
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
