// The app's side of export / import / share links: replacing the answers with imported ones, and
// opening a share link. A link's fragment is read on start and on every hashchange, and removed
// from the address bar at once (history.replaceState) so the answers do not stay in the history
// entry. Nothing already entered is lost: a link never replaces answers without a choice.
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { Answers, RuleSet } from '../../engine/types';
import type { Journey } from './journey';
import { currentNav, navigate, parseRoute } from './router';
import { TransferNotice } from '../pages/lazy';
import type { TransferResult } from './transfer';
import { countAnswers, isShareFragment, pathInOrder, sameAnswers } from './answer-set';

export type RefusedTransfer = Extract<TransferResult, { ok: false }>;

export type TransferNoticeState = { nav: number } & (
  | { kind: 'imported'; from: 'file' | 'link'; count: number }
  | { kind: 'linkConfirm'; answers: Answers; count: number; current: number; to: 'check' | 'results' }
  | { kind: 'linkKept' }
  | { kind: 'linkRefused'; result: RefusedTransfer }
);

export interface Transfer {
  notice?: TransferNoticeState;
  /** A share link is being read: pages that need answers wait rather than redirect. */
  pending: boolean;
  /**
   * Replaces the answers (path in question order) and goes to check your answers with a notice,
   * or to the results when a link to the results page was opened. `stay`: the page is already
   * `to` (a link opened there, with nothing to confirm), and the answers show on it as it is.
   */
  importAnswers: (answers: Answers, from: 'file' | 'link', to?: 'check' | 'results', stay?: boolean) => void;
  /** The person keeps their answers instead of a link's. */
  keepMine: () => void;
}

export function useTransfer(
  ruleSet: RuleSet | undefined, // undefined until the rules have loaded: a link waits for them
  asOf: string,
  journey: Journey,
  setJourney: (journey: Journey) => void,
): Transfer {
  const [notice, setNotice] = useState<TransferNoticeState>();
  const journeyRef = useRef(journey);
  useEffect(() => {
    journeyRef.current = journey;
  }, [journey]);

  const importAnswers = useCallback(
    (answers: Answers, from: 'file' | 'link', to: 'check' | 'results' = 'check', stay = false) => {
      if (!ruleSet) return; // only pages shown once the rules are there import answers
      setJourney({ answers, path: pathInOrder(ruleSet, answers) });
      // Not a new page when staying: the heading the browser painted first stays the same element.
      if (!stay) navigate({ page: to });
      setNotice({ kind: 'imported', from, count: countAnswers(answers), nav: currentNav() });
    },
    [ruleSet, setJourney],
  );

  const onLink = useCallback(
    (result: TransferResult, to: 'check' | 'results', stay: boolean) => {
      if (!result.ok) return setNotice({ kind: 'linkRefused', result, nav: currentNav() });
      const current = journeyRef.current.answers;
      if (!countAnswers(current) || sameAnswers(current, result.answers))
        return importAnswers(result.answers, 'link', to, stay);
      setNotice({
        kind: 'linkConfirm',
        to,
        answers: result.answers,
        count: countAnswers(result.answers),
        current: countAnswers(current),
        nav: currentNav(),
      });
    },
    [importAnswers],
  );
  const onLinkRef = useRef(onLink);
  useEffect(() => {
    onLinkRef.current = onLink;
  }, [onLink]);

  // The fragment the page was opened with, read at the first render (before any child's effect
  // could change the address), and handled once (StrictMode runs effects twice in development).
  const [startHash] = useState(() => location.hash);
  const [pending, setPending] = useState(() => isShareFragment(startHash));
  const startHandled = useRef(false);
  useEffect(() => {
    if (!ruleSet) return;
    const open = (hash: string) => {
      if (!isShareFragment(hash)) return;
      if (location.hash === hash) history.replaceState(history.state, '', location.pathname + location.search);
      // A link to the results page (e.g. one a scrivener made there) opens on the results.
      const here = parseRoute(location.pathname, '').page;
      const to = here === 'results' ? 'results' : 'check';
      setPending(true);
      // The decoder and the notice load only now (they are not on the first page).
      void Promise.all([import('./transfer'), TransferNotice.preload()])
        .then(([{ decodeShareFragment }]) => decodeShareFragment(hash, ruleSet, asOf))
        .catch(() => undefined) // the code could not load (offline): the page stays as it was
        // One transition: the page is drawn with the link's answers (never without them) in
        // slices, the browser free to paint and respond in between.
        .then((r) =>
          startTransition(() => {
            if (r) onLinkRef.current(r, to, here === to);
            setPending(false);
          }),
        );
    };
    if (!startHandled.current) {
      startHandled.current = true;
      open(startHash);
    }
    const onHashChange = () => open(location.hash);
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [ruleSet, asOf, startHash]);

  const keepMine = useCallback(() => setNotice({ kind: 'linkKept', nav: currentNav() }), []);
  return { notice, pending, importAnswers, keepMine };
}
