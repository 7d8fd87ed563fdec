// rules/parameters.yaml compiled: the values the law sets that the engine reads, with the
// questions and answers they name checked against rules/facts.yaml.
import type { z } from 'zod';
import type { Fact, Parameters } from '../engine/types';
import type { RuleProblem } from './compile';
import type { citation, ParametersFile } from './schema';

const FILE = 'rules/parameters.yaml';

export function compileParameters(
  input: ParametersFile | undefined,
  facts: ReadonlyMap<string, Pick<Fact, 'type' | 'options'>>,
  problems: RuleProblem[],
  checkCite: (c: z.infer<typeof citation> | undefined, file: string, path: string) => void,
): Parameters {
  const parameters: Parameters = {
    ageOfMajority: Object.entries(input?.age_of_majority.values ?? {})
      .map(([from, value]) => ({ from, value }))
      .sort((a, b) => (a.from < b.from ? -1 : 1)),
    routePlace: input?.route_place.values ?? ({} as Parameters['routePlace']),
    routeFacts: input?.route_facts.values ?? { place: '', status: '' },
    // The citations stay in the file (checked below); the engine reads the rest.
    statusRoutes: (input?.status_routes.values ?? []).map(({ status, routes, effect, note, expert }) => ({
      status,
      routes,
      effect,
      ...(note && { note }),
      ...(expert && { expert }),
    })),
  };
  if (!input) return parameters;
  const err = (path: string, message: string) => problems.push({ file: FILE, path, message });
  for (const [key, p] of Object.entries(input)) checkCite(p.cite, FILE, `${key}.cite`);

  // The question of where the person is: a choice whose answers include every place of a route.
  const { place, status } = parameters.routeFacts;
  const placeFact = facts.get(place);
  if (!placeFact || placeFact.type !== 'choice')
    err('route_facts.values.place', `'${place}' is not a choice question of rules/facts.yaml`);
  else
    for (const where of new Set(Object.values(parameters.routePlace)))
      if (!placeFact.options?.includes(where))
        err('route_facts.values.place', `'${where}' (route_place) is not an answer of '${place}'`);

  // The question of the status held, and each status value the routes name among its answers.
  const statusFact = facts.get(status);
  if (!statusFact || statusFact.type !== 'choice')
    err('route_facts.values.status', `'${status}' is not a choice question of rules/facts.yaml`);
  for (const [i, entry] of input.status_routes.values.entries()) {
    checkCite(entry.cite, FILE, `status_routes.values.${i}.cite`);
    if (statusFact && !statusFact.options?.includes(entry.status))
      err(`status_routes.values.${i}.status`, `'${entry.status}' is not an answer of '${status}'`);
    for (const [j, route] of entry.routes.entries())
      if (parameters.routePlace[route] !== 'in_japan')
        err(`status_routes.values.${i}.routes.${j}`, `'${route}' is not made in Japan (route_place)`);
    if (entry.effect !== 'only' && !entry.note)
      err(`status_routes.values.${i}.note`, `a route the status limits needs a note to say why`);
  }
  return parameters;
}
