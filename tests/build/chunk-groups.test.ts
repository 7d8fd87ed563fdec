// @vitest-environment node
// How the code after the first page is grouped into files (src/prerender/chunk-groups.ts): the
// first page's modules are left alone; the question forms go together, the pages the results page
// does not need together, and the rest of the app in one.
import { describe, expect, it } from 'vitest';
import { chunkGroups } from '../../src/prerender/chunk-groups';

const R = '/repo/';
// main.tsx (the entry) → App.tsx → lazy.ts ⇢ ResultsPage.tsx → engine; QuestionPage.tsx → forms, react-hook-form.
const IMPORTERS: Record<string, string[]> = {
  [`${R}src/main.tsx`]: [],
  [`${R}src/app/App.tsx`]: [`${R}src/main.tsx`],
  [`${R}node_modules/react/index.js`]: [`${R}src/app/App.tsx`, `${R}src/app/pages/ResultsPage.tsx`],
  [`${R}src/app/pages/ResultsPage.tsx`]: [],
  [`${R}src/engine/evaluate.ts`]: [`${R}src/app/pages/ResultsPage.tsx`, `${R}src/app/pages/QuestionPage.tsx`],
  [`${R}src/app/pages/QuestionPage.tsx`]: [],
  [`${R}src/app/forms/form.ts`]: [`${R}src/app/pages/QuestionPage.tsx`, `${R}src/app/components/AsOfForm.tsx`],
  [`${R}src/app/components/AsOfForm.tsx`]: [],
  [`${R}node_modules/react-hook-form/dist/index.esm.mjs`]: [`${R}src/app/forms/form.ts`],
  [`${R}node_modules/i18next/dist/esm/i18next.js`]: [`${R}src/app/pages/ResultsPage.tsx`],
  [`${R}src/app/pages/SheetPage.tsx`]: [],
  [`${R}src/app/pages/sheet/Sheet.tsx`]: [`${R}src/app/pages/SheetPage.tsx`],
  [`${R}src/app/components/FamilyTreeView.tsx`]: [],
  ['\0virtual:teiju/locale/en-texts']: [],
  ['\0virtual:teiju/links']: [`${R}src/app/pages/ResultsPage.tsx`],
  ['\0virtual:teiju/rules']: [],
  // An import cycle among later modules is no path to the entry.
  [`${R}src/present/a.ts`]: [`${R}src/present/b.ts`],
  [`${R}src/present/b.ts`]: [`${R}src/present/a.ts`, `${R}src/app/pages/ResultsPage.tsx`],
};
const graph = {
  getModuleInfo: (id: string) =>
    id in IMPORTERS ? { isEntry: id === `${R}src/main.tsx`, importers: IMPORTERS[id] ?? [] } : null,
};

describe('chunk groups', () => {
  const [group] = chunkGroups().groups;
  const name = (id: string) => group?.name(id, graph);

  it('leaves the first page (the entry and what it imports) to the bundler', () => {
    expect(name(`${R}src/main.tsx`)).toBeNull();
    expect(name(`${R}src/app/App.tsx`)).toBeNull();
    expect(name(`${R}node_modules/react/index.js`)).toBeNull();
  });

  it('puts the question pages, their forms and the as-of form together', () => {
    expect(name(`${R}src/app/pages/QuestionPage.tsx`)).toBe('question');
    expect(name(`${R}src/app/forms/form.ts`)).toBe('question');
    expect(name(`${R}src/app/components/AsOfForm.tsx`)).toBe('question');
    expect(name(`${R}node_modules/react-hook-form/dist/index.esm.mjs`)).toBe('question');
  });

  it('puts the pages the results page does not need together; the family tree drawing stays a file of its own', () => {
    expect(name(`${R}src/app/pages/SheetPage.tsx`)).toBe('later');
    expect(name(`${R}src/app/pages/sheet/Sheet.tsx`)).toBe('later');
    expect(name(`${R}src/app/components/FamilyTreeView.tsx`)).toBeNull();
  });

  it('puts the rest of the app, the engine and the links in one file; the rules, texts and other packages stay apart', () => {
    expect(name(`${R}src/app/pages/ResultsPage.tsx`)).toBe('app');
    expect(name(`${R}src/engine/evaluate.ts`)).toBe('app');
    expect(name(`${R}src/present/a.ts`)).toBe('app');
    expect(name('\0virtual:teiju/links')).toBe('app');
    expect(name('\0virtual:teiju/rules')).toBeNull();
    expect(name('\0virtual:teiju/locale/en-texts')).toBeNull();
    expect(name(`${R}node_modules/i18next/dist/esm/i18next.js`)).toBeNull();
  });

  it('keeps what the captured modules import from the first page there', () => {
    expect(group?.includeDependenciesRecursively).toBe(false);
  });
});
