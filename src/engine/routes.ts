// How the person could apply for a category: each of its routes, and whether it fits where they are
// and the status they hold. The places of the routes are rules/parameters.yaml's.
import { F, T, U, usable } from './truth';
import type { AnswerValue, Answers, CategoryResult, Parameters, Route, Rule, Truth } from './types';

export const LOCATION_FACT = 'location';
export const STATUS_FACT = 'current_status';

/**
 * Whether each route fits where the person is and, in Japan, the status they hold: a change or
 * renewal needs a status (入管法20条・21条; with none, only 在留特別許可, an expert matter), a
 * change from 短期滞在 is exceptional (20条3項ただし書), a change from 技能実習 is unconfirmed,
 * and acquisition (22条の2) is for someone in Japan without one. A route the rule marks as
 * unconfirmed for its category (routeDoubts) fits at best "unknown".
 */
export function routesFor(rule: Rule, answers: Answers, params: Parameters): CategoryResult['routes'] {
  const where = usable(answers[LOCATION_FACT]);
  const status = usable(answers[STATUS_FACT]);
  return rule.routes.map((route) => {
    const out = routeFits(params.routePlace[route], route, where, status);
    // A route the sources leave open for this category (Rule.routeDoubts) fits at best "unknown".
    const doubt = rule.routeDoubts?.[route];
    if (doubt && out.fits !== F) return { ...out, fits: U, doubt: doubt.note };
    return out;
  });
}

function routeFits(
  place: Parameters['routePlace'][Route],
  route: Route,
  where: AnswerValue | undefined,
  status: AnswerValue | undefined,
): CategoryResult['routes'][number] {
  const fits: Truth = where === undefined ? U : where === place ? T : F;
  if (fits === F || place !== 'in_japan' || status === undefined) return { route, fits };
  if (route === 'acquisition') return { route, fits: status === 'none' ? fits : F };
  if (status === 'none') return { route, fits: F, note: 'regularisation' };
  if (route !== 'change') return { route, fits };
  if (status === 'temporary_visitor') return { route, fits: U, note: 'visitor-exceptional' };
  // 技能実習 → 定住者: whether such a change is accepted was not found in any source (❓).
  if (status === 'technical_intern') return { route, fits: U, note: 'technical-intern' };
  return { route, fits };
}
