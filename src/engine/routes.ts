// How the person could apply for a category: each of its routes, and whether it fits where they are
// and the status they hold. Which questions say so, the places of the routes and what a status does
// to them are rules/parameters.yaml's (route_facts, route_place, status_routes).
import { F, T, U, usable } from './truth';
import type { AnswerValue, Answers, CategoryResult, Parameters, Route, Rule, Truth } from './types';

/**
 * Whether each route fits where the person is and, in Japan, the status they hold (the first entry
 * of Parameters.statusRoutes naming the route decides, each with its citation in
 * rules/parameters.yaml). A route the rule marks as unconfirmed for its category (routeDoubts)
 * fits at best "unknown".
 */
export function routesFor(rule: Rule, answers: Answers, params: Parameters): CategoryResult['routes'] {
  const where = usable(answers[params.routeFacts.place]);
  const status = usable(answers[params.routeFacts.status]);
  return rule.routes.map((route) => {
    const out = routeFits(params, route, where, status);
    // A route the sources leave open for this category (Rule.routeDoubts) fits at best "unknown".
    const doubt = rule.routeDoubts?.[route];
    if (doubt && out.fits !== F) return { ...out, fits: U, doubt: doubt.note };
    return out;
  });
}

function routeFits(
  params: Parameters,
  route: Route,
  where: AnswerValue | undefined,
  status: AnswerValue | undefined,
): CategoryResult['routes'][number] {
  const place = params.routePlace[route];
  const fits: Truth = where === undefined ? U : where === place ? T : F;
  if (fits === F || place !== 'in_japan' || status === undefined) return { route, fits };
  for (const s of params.statusRoutes) {
    if (!s.routes.includes(route)) continue;
    if (s.effect === 'only') return { route, fits: status === s.status ? fits : F };
    if (status !== s.status) continue;
    const out: CategoryResult['routes'][number] = { route, fits: s.effect };
    if (s.note) out.note = s.note;
    return out;
  }
  return { route, fits };
}
