// How the code that loads after the first page is split into files. Left to itself the bundler
// makes a file per lazily loaded page and per module two of them share: some twenty files for the
// results page. A host serving HTTP/1.1 gives a page six connections, one request each at a time,
// so a share link opened on a slow phone waited for four rounds of requests before the results.
// Three files instead, besides the rules and the texts (data, loaded on their own):
//   app       the results page, the engine, the presentation, and what the other pages share
//   question  the question pages and their forms (react-hook-form, zod), and the scrivener view's
//             as-of form
//   later     the check, sheet, save and overview pages
// The results page loads only the first. The first page's files (the entry and what it imports)
// are left as the bundler makes them, so the first page's size does not change; so is the family
// tree's drawing, a file of its own fetched only when a tree is shown.

/** What the bundler tells of a module (Rolldown's ChunkingContext). */
interface ModuleGraph {
  getModuleInfo(id: string): { isEntry: boolean; importers: string[] } | null;
}

/** Each file and the modules it takes, the first match winning (null: left to the bundler). */
const FILES: [name: string | null, modules: RegExp][] = [
  [null, /[\\/]src[\\/]app[\\/]components[\\/]FamilyTreeView\./],
  [
    'question',
    /[\\/](?:node_modules[\\/](?:react-hook-form|zod|@hookform)|src[\\/]app[\\/](?:forms|pages[\\/]question|pages[\\/]QuestionPage|components[\\/](?:DateInput|AsOfForm)))[\\/.]/,
  ],
  ['later', /[\\/]src[\\/]app[\\/]pages[\\/](?:CheckPage|SheetPage|SavePage|QuestionsPage|sheet[\\/])/],
  ['app', /[\\/]src[\\/]|^\0?virtual:teiju\/links$/],
];

/** Rolldown's `output.codeSplitting` for the app (vite.config.ts). */
export function chunkGroups() {
  // Modules the entry imports statically, found once per build by walking up the importers.
  const initial = new Map<string, boolean>();
  const isInitial = (id: string, graph: ModuleGraph): boolean => {
    const known = initial.get(id);
    if (known !== undefined) return known;
    initial.set(id, false); // an import cycle is not a path to the entry
    const info = graph.getModuleInfo(id);
    const found = !!info && (info.isEntry || info.importers.some((by) => isInitial(by, graph)));
    initial.set(id, found);
    return found;
  };
  return {
    groups: [
      {
        name: (id: string, graph: ModuleGraph) =>
          isInitial(id, graph) ? null : (FILES.find(([, modules]) => modules.test(id))?.[0] ?? null),
        // Only the modules named: what they import from the first page stays there.
        includeDependenciesRecursively: false,
      },
    ],
  };
}
