// Prerendering at build time: after the client build, a server build of src/entry-server.tsx
// renders the real App into HTML, written beside the built index.html (its scripts, styles and
// Content-Security-Policy as they are):
//
//   index.html            start page, English (the unprefixed address; the app switches to the
//                         language the person chose or the browser prefers, and redraws)
//   en/index.html         start page, English          ja/index.html   start page, Japanese
//   check.html, results.html, question.html (and en/…, ja/…): the frame of those pages
//   question/<id>.html (and en/…, ja/…): each question of the catalogue, with its text and a seed
//                         (a JSON element, not a script) from which the app draws the same at once
//
// A static host serves /ja/ from ja/index.html, /check from check.html and /question/<id> from
// question/<id>.html as they are (`vite preview` does that here, see previewRewrites); a question
// not in the catalogue gets the frame, question.html, and any other path index.html, as before. The start pages name each other as `hreflang`
// alternates, which must be full addresses: the build takes the site's public address from
// TEIJU_SITE_URL (e.g. https://teiju.example/), and leaves them out without it. No inline script is added: the app recomputes what it needs.
//
// The app's scripts load once the prerendered page has been painted (assets/after-paint-<hash>.js,
// in place of the entry script and its modulepreloads): on a slow connection they would otherwise
// share the bandwidth with the page's stylesheet and hold up its first paint. On the frame of a
// page, the same loader also fetches what that page will need (its code and the chunks that code
// imports, the rules, the engine, and on the /en/ and /ja/ addresses the language's texts; at an
// address without a language, the texts of the language the app will choose), alongside the app
// rather than one round trip after another. The results page carries in its seed the texts it
// draws first: its loader fetches none for its own language.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin, type ResolvedConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { teijuRules } from '../rules-compiler/vite-plugin';
import { DEFAULT_LANG, LANGS, partnerOf } from '../present/languages';
import type { Prerendered } from '../entry-server';
import { LANG_KEY } from '../app/state/storage';
import {
  NEUTRAL_TITLE,
  PRERENDER_ATTR,
  PRERENDERED,
  prerenderKey,
  READY_EVENT,
  SEED_ID,
  seedJson,
  type PageSeed,
  type PrerenderedPage,
} from '../app/state/prerender';

// The languages of locales/languages.json: every one is prerendered under its prefix; the
// unprefixed pages are in the default language; the noscript text links to the partner language.
type Lang = string;

const escape = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * The file a page is written to: `<lang>/<name>.html`, the start page `<lang>/index.html`, a
 * question `<lang>/question/<id>.html`.
 */
export function fileOf(page: PrerenderedPage, lang?: Lang, factId?: string): string {
  const name = page === 'start' ? 'index.html' : factId ? `${page}/${factId}.html` : `${page}.html`;
  return lang ? `${lang}/${name}` : name;
}

/** One page's HTML: the template with the prerendered markup, language, title and noscript text. */
export function fillTemplate(
  template: string,
  page: PrerenderedPage,
  lang: Lang,
  r: Prerendered,
  opts: { base: string; prefixed: boolean; site?: string },
): string {
  const { base, site } = opts;
  const home = (l?: Lang) => `${base}${l ? `${l}/` : ''}`;
  const links =
    page === 'start' && site
      ? [
          ...LANGS.map((l) => `<link rel="alternate" hreflang="${l}" href="${new URL(home(l), site).href}" />`),
          `<link rel="alternate" hreflang="x-default" href="${new URL(home(), site).href}" />`,
        ]
      : [];
  const other = partnerOf(lang);
  const noscript =
    `<noscript><div class="noscript" lang="${lang}"><div class="width-container">` +
    `<p class="noscript__title">${escape(r.noscript.title)}</p><p>${escape(r.noscript.body)}</p>` +
    `<p>${
      page === 'start'
        ? `<a href="${home(other)}" lang="${other}" hreflang="${other}">${escape(r.noscript.otherLanguage)}</a>`
        : `<a href="${home(opts.prefixed ? lang : undefined)}">${escape(r.noscript.startPage)}</a>`
    }</p></div></div></noscript>`;
  const replaced = (s: string, pattern: RegExp, by: string) => {
    if (!pattern.test(s)) throw new Error(`prerender: index.html has no ${pattern}`);
    return s.replace(pattern, () => by);
  };
  let html = template;
  html = replaced(html, /<html lang="[^"]*"/, `<html lang="${lang}"`);
  html = replaced(html, /<title>[^<]*<\/title>/, `<title>${escape(r.title)}</title>${links.join('')}`);
  html = replaced(html, /<noscript>[\s\S]*?<\/noscript>/, '');
  html = replaced(
    html,
    /<div id="root"><\/div>/,
    `${noscript}<div id="root" ${PRERENDER_ATTR}="${prerenderKey(page, lang, r.seed?.fact?.id)}">${r.html}</div>` +
      (r.seed ? `<script type="application/json" id="${SEED_ID}">${seedJson(r.seed, lang)}</script>` : ''),
  );
  return html;
}

/**
 * Replaces the entry script and its modulepreloads with a small module that imports them after the
 * first paint (or at once in a hidden tab, where no frame is painted). Returns the new template and
 * the loader's file (relative to outDir) and code. "After the first paint" is the frame after it
 * (two animation frames): a task queued from the first frame could start the downloads before that
 * frame has reached the screen, and they would then share the bandwidth with what it shows.
 * `also`: the chunks the page needs besides the entry's, fetched with it. `early`: a page with
 * nothing of its own to show before its code has run (the results, worked out from the answers in
 * the browser) names them and the entry in its HTML as low-priority modulepreloads, so that they
 * download while the page is painted, behind its styles, not after it. A page whose HTML already
 * shows what it is for (the start page, a question) keeps the bandwidth for that paint.
 */
export function loadAfterPaint(
  template: string,
  base: string,
  also: string[] = [],
  textsOf?: LanguageGuess,
  early = false,
): { html: string; file: string; code: string } {
  const tags = [...template.matchAll(/<(script|link)\b[^>]*>(?:<\/script>)?\s*/g)];
  const urls: string[] = [];
  let entry: string | undefined;
  let html = template;
  for (const [tag, name] of tags) {
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (!url) continue;
    if (name === 'script' && /type="module"/.test(tag)) entry = url;
    else if (name === 'link' && /rel="modulepreload"/.test(tag)) urls.push(url);
    else continue;
    html = html.replace(tag, '');
  }
  if (!entry) throw new Error('prerender: index.html has no module script');
  for (const u of also) if (u !== entry && !urls.includes(u)) urls.push(u);
  // Written small, as it is sent as is. `h`: the buttons, and Back links, pressed before the app
  // has taken the page over (their clicks held, replayed then: a prerendered page does not know the
  // previous question, so its Back link points to the start); `k`: holds a click (its target is
  // always an element, hence `closest?.`); `l`: loads the app. A page drawn afresh (HTML made for
  // another address, main.tsx) has new buttons: a held "Exit this page" (the control on every
  // page) is replayed on the new one, never lost.
  // The exit cannot wait for the app: asked for before then (its button, or Shift pressed three
  // times within a second, other keys resetting the count as the app's own counter does), `x`
  // blanks the page and its title at once, and the app's exit runs the moment it is there.
  const q = "document.querySelector('[data-quick-exit] button')";
  const code =
    `const h=[],n=[],x=()=>{document.title=${JSON.stringify(NEUTRAL_TITLE)};document.body.hidden=!0;h.unshift(${q})},` +
    "k=e=>{const b=e.target.closest?.('button,.back-link');" +
    "if(b){e.preventDefault();e.stopImmediatePropagation();b.closest('[data-quick-exit]')?x():h.includes(b)||h.push(b)}}," +
    "s=e=>{e.key!=='Shift'?n.length=0:e.type==='keyup'&&n.push(e.timeStamp)>2&&e.timeStamp-n[n.length-3]<1e3&&x()};" +
    "addEventListener('click',k,!0);addEventListener('keydown',s,!0);addEventListener('keyup',s,!0);" +
    `addEventListener(${JSON.stringify(READY_EVENT)},()=>{removeEventListener('click',k,!0);` +
    "removeEventListener('keydown',s,!0);removeEventListener('keyup',s,!0);" +
    `for(const b of h.splice(0))(b&&b.isConnected?b:${q})?.click()},{once:!0});` +
    (textsOf ? guessTexts(textsOf, early) : '') +
    `const l=()=>{import(${JSON.stringify(entry)});for(const u of ${textsOf ? `[...${JSON.stringify(urls)},...G]` : JSON.stringify(urls)})import(u).catch(()=>{})};` +
    "document.visibilityState==='hidden'?l():requestAnimationFrame(()=>requestAnimationFrame(l));\n";
  const file = `assets/after-paint-${createHash('sha256').update(code).digest('hex').slice(0, 8)}.js`;
  const preloads = early
    ? [entry, ...urls].map((u) => `\n    <link rel="modulepreload" href="${u}" fetchpriority="low">`).join('')
    : '';
  html = html.replace('</title>', `</title>\n    <script type="module" src="${base}${file}"></script>${preloads}`);
  return { html, file, code };
}

/**
 * At an address without a language (/results#answers=…, a share link), the page cannot know its
 * language before the app has chosen it: the loader guesses as the app will choose (src/app/i18n.ts
 * initialLanguage: ?lang=, the choice kept in the tab, the browser's languages, the default) and
 * fetches that language's texts with the page's code (`G`: at once, as low-priority
 * modulepreloads, on an `early` page). A wrong guess costs only a download.
 */
export interface LanguageGuess {
  /** Each language's chunks of texts: the interface's (core) and the rest. */
  texts: Record<string, string[]>;
  fallback: string;
  /** The session storage key of the chosen language. */
  storageKey: string;
}

/** `G`: the guessed language's chunks, imported with the app's; on an `early` page, preloaded at once too. */
function guessTexts(g: LanguageGuess, early: boolean): string {
  return (
    `const T=${JSON.stringify(g.texts)},g=(()=>{try{const q=new URLSearchParams(location.search).get('lang');` +
    `if(q in T)return q;const s=sessionStorage.getItem(${JSON.stringify(g.storageKey)});if(s in T)return s}catch{}` +
    `for(const x of navigator.languages||[]){const b=x.toLowerCase().split('-')[0];if(b in T)return b}` +
    `return ${JSON.stringify(g.fallback)}})(),G=T[g];` +
    (early
      ? "for(const u of G){const k=document.createElement('link');k.rel='modulepreload';k.fetchPriority='low';k.href=u;document.head.append(k)}"
      : '')
  );
}

/** `vite preview`: /question/<id> (and /en/…, /ja/…) gets its prerendered page, else the question frame. */
function previewRewrites(): Plugin['configurePreviewServer'] {
  return (server) => {
    const outDir = resolve(server.config.root, server.config.build.outDir);
    server.middlewares.use((req, _res, next) => {
      const m = new RegExp(`^((?:/(?:${LANGS.join('|')}))?)/question/([A-Za-z0-9_-]+)/?(\\?.*)?$`).exec(req.url ?? '');
      if (m && req.method === 'GET') {
        const own = `${m[1]}/question/${m[2]}.html`;
        req.url = `${existsSync(join(outDir, own)) ? own : `${m[1]}/question.html`}${m[3] ?? ''}`;
      }
      next();
    });
  };
}

/** `site`: the public address the start pages' hreflang alternates point to (TEIJU_SITE_URL). */
export function teijuPrerender(root: string, opts: { site?: string } = {}): Plugin {
  const site = opts.site ? new URL(opts.site).href : undefined;
  let config: ResolvedConfig;
  /** The chunk file of each module (its id without the `\0` of virtual ones). */
  const chunkOf = new Map<string, string>();
  /** The chunks each chunk imports statically: fetched with it, they need no round trip of their own. */
  const importsOf = new Map<string, string[]>();
  return {
    name: 'teiju-prerender',
    configResolved(c) {
      config = c;
    },
    writeBundle(_options, bundle) {
      for (const c of Object.values(bundle)) {
        if (c.type !== 'chunk') continue;
        importsOf.set(c.fileName, c.imports);
        for (const id of c.moduleIds) chunkOf.set(id.replace(/^\0/, ''), c.fileName);
      }
    },
    configurePreviewServer: previewRewrites(),
    async closeBundle() {
      if (config.command !== 'build' || config.build.ssr) return;
      const outDir = resolve(config.root, config.build.outDir);
      // Inside the project, so that Node finds react and the others in its node_modules.
      const ssrDir = join(root, 'node_modules', '.teiju-prerender');
      await build({
        configFile: false,
        root,
        mode: 'production',
        logLevel: 'warn',
        plugins: [react(), teijuRules(root)],
        build: { ssr: join(root, 'src', 'entry-server.tsx'), outDir: ssrDir, emptyOutDir: true, minify: false },
      });
      try {
        const entry = (await import(
          pathToFileURL(join(ssrDir, 'entry-server.js')).href
        )) as typeof import('../entry-server');
        const base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        const write = (file: string, html: string) => {
          mkdirSync(dirname(join(outDir, file)), { recursive: true });
          writeFileSync(join(outDir, file), html);
        };
        if (!site) config.logger.warn('prerender: no TEIJU_SITE_URL, so the start pages have no hreflang alternates');
        const index = readFileSync(join(outDir, 'index.html'), 'utf8');
        const chunkFile = (id: string) => {
          const file = chunkOf.get(id.startsWith('virtual:') ? id : join(root, id));
          if (!file) throw new Error(`prerender: no chunk for ${id}`);
          return file;
        };
        const chunk = (id: string) => `${base}${chunkFile(id)}`;
        /** A module's chunk and every chunk it imports statically, all at once (as modulepreload would). */
        const withImports = (id: string): string[] => {
          const files = new Set<string>();
          const add = (file: string) => {
            if (files.has(file)) return;
            files.add(file);
            for (const f of importsOf.get(file) ?? []) add(f);
          };
          add(chunkFile(id));
          return [...files].map((f) => `${base}${f}`);
        };
        const PAGE_CODE: Record<PrerenderedPage, string[]> = {
          start: [],
          question: ['src/app/pages/QuestionPage.tsx'],
          check: ['src/app/pages/CheckPage.tsx'],
          // A share link: its reader and the message about the answers it loaded come before the results.
          results: [
            'src/app/pages/ResultsPage.tsx',
            'src/app/state/transfer.ts',
            'src/app/components/TransferNotice.tsx',
          ],
        };
        /** The page's HTML template, with a loader that also fetches what the page needs. */
        // One per page and address form: every question of a language shares its page's template.
        const templates = new Map<string, string>();
        // `seed`: what the page was prerendered with; a `whole` seed holds the texts it draws first
        // (the results page's), so no text file of its language is fetched for it.
        const templateFor = (page: PrerenderedPage, lang: Lang | undefined, seed: PageSeed | undefined) => {
          const own = seed?.whole ? seed.lang : undefined;
          const key = `${page} ${lang ?? ''} ${own ?? ''}`;
          const made = templates.get(key);
          if (made) return made;
          const textsOf = (l: Lang) =>
            l === own ? [] : [`virtual:teiju/locale/${l}-core`, `virtual:teiju/locale/${l}-texts`];
          const also =
            page === 'start'
              ? []
              : [
                  ...PAGE_CODE[page],
                  'virtual:teiju/rules',
                  'src/app/state/journey.ts',
                  ...(lang ? textsOf(lang) : []),
                ].flatMap(withImports);
          // Unprefixed (a share link): the loader guesses the language to fetch its texts alongside.
          const guess =
            page !== 'start' && !lang
              ? {
                  texts: Object.fromEntries(LANGS.map((l) => [l, textsOf(l).map(chunk)])),
                  fallback: DEFAULT_LANG,
                  storageKey: LANG_KEY,
                }
              : undefined;
          const loader = loadAfterPaint(index, base, also, guess, page === 'results');
          write(loader.file, loader.code);
          templates.set(key, loader.html);
          return loader.html;
        };
        for (const page of PRERENDERED)
          for (const lang of LANGS) {
            const r = await entry.render(page, lang);
            write(
              fileOf(page, lang),
              fillTemplate(templateFor(page, lang, r.seed), page, lang, r, { base, prefixed: true, site }),
            );
            // The unprefixed addresses (/, /check, …): the default language (English).
            if (lang === DEFAULT_LANG) {
              const plain = await entry.render(page, lang, entry.pathOf(page));
              write(
                fileOf(page),
                fillTemplate(templateFor(page, undefined, plain.seed), page, lang, plain, {
                  base,
                  prefixed: false,
                  site,
                }),
              );
            }
          }
        // Each question with its own text, in each language and at the unprefixed address (the default language).
        for (const id of entry.questionIds())
          for (const lang of [...LANGS, undefined]) {
            const shown = lang ?? DEFAULT_LANG;
            const r = await entry.render('question', shown, entry.pathOf('question', lang, id), id);
            const html = fillTemplate(templateFor('question', lang, r.seed), 'question', shown, r, {
              base,
              prefixed: lang !== undefined,
              site,
            });
            write(fileOf('question', lang, id), html);
          }
      } finally {
        rmSync(ssrDir, { recursive: true, force: true });
      }
    },
  };
}
