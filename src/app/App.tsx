import { Fragment, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ComponentType } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { AnswerValue, RuleSet } from '../engine/types';
import { seedIsFor, type PageSeed } from './state/prerender';
import { AppContext, useAppState, useTexts, type AppState } from './context';
import { ensureDetails, ensureLocale, hasDetails, isLang, loadLocale, type Lang, type LoadLocale } from './i18n';
import { DEFAULT_LANG } from '../present/languages';
import { canShow, currentStep, emptyJourney, type Journey } from './state/journey-steps';
import { currentNav, navigate, routeKey, setLangParam, useRoute, type Route } from './state/router';
import { clearJourney, saveJourney, writeLang, type LoadNotice, type StorageLike } from './state/storage';
import { readAsOf, readPro, writeAsOf, writePro } from './state/scrivener';
import { Header } from './components/Header';
import { QuickExit } from './components/QuickExit';
import { Notice, type NoticeState } from './components/Notice';
import { CrashPage, ErrorBoundary } from './components/ErrorBoundary';
import { StartPage } from './pages/StartPage';
import { CheckPage, QuestionPage, ResultsPage } from './pages/lazy';
import { QuestionsPage, SheetPage } from './pages/lazy';
import { NotFoundPage } from './pages/NotFoundPage';
import { SavePage, TransferNotice } from './pages/lazy';
import { useTransfer } from './state/useTransfer';
import { FIRST_QUESTIONS, NO_RULES, useRules, type RulesSource } from './state/useRules';

export interface AppProps {
  /** The rules, or a promise of them: the start page renders (and hydrates) before they arrive. */
  ruleSet: RulesSource;
  i18n: I18n;
  asOf: string;
  storage: StorageLike | null;
  /** Loads a language's texts (tests pass the compiled bundles directly). */
  loadLocale?: LoadLocale;
  /**
   * The seed a prerendered question or results page arrived with (main.tsx): its question, or the
   * results page's heading, shown before the rules arrive.
   */
  seed?: PageSeed | undefined;
}

/** What a seeded page is drawn with until the rules are there: no answers, the first question. */
const SEED_JOURNEY = emptyJourney();
const firstQuestions = () => [...FIRST_QUESTIONS];

export function App(props: AppProps) {
  return (
    <I18nextProvider i18n={props.i18n}>
      <ErrorBoundary
        fallback={(retry) => (
          <CrashPage
            standalone
            ruleSet={props.ruleSet}
            asOf={readAsOf(props.storage) ?? props.asOf}
            storage={props.storage}
            retry={retry}
          />
        )}
      >
        <Shell {...props} />
      </ErrorBoundary>
    </I18nextProvider>
  );
}

function Shell({ ruleSet: rulesSource, i18n, asOf: today, storage, loadLocale: load = loadLocale, seed }: AppProps) {
  const { t } = useTranslation();
  // Until the rules arrive (src/app/state/useRules.ts) only the start page shows, with a stand-in.
  const rules = useRules(rulesSource);
  const ruleSet: RuleSet = rules.ruleSet ?? NO_RULES;
  const engine = rules.engine;
  // The scrivener view and its as-of date (today's date unless one is chosen), read before the journey.
  const [pro, setProState] = useState(() => readPro(storage));
  const [chosenAsOf, setChosenAsOf] = useState(() => readAsOf(storage));
  const asOf = chosenAsOf ?? today;
  const [initial, setInitial] = useState(() => rules.ruleSet && rules.engine.loadJourney(storage, rules.ruleSet, asOf));
  const [journey, setJourney] = useState<Journey>(initial?.journey ?? emptyJourney());
  // Import of a file and share links (#answers=…): src/app/state/useTransfer.ts.
  const transfer = useTransfer(rules.ruleSet, asOf, journey, setJourney);
  const { route, nav } = useRoute();
  const [firstNav] = useState(nav);
  const [notice, setNotice] = useState<NoticeState | undefined>(() =>
    initial?.notice ? loadNoticeOf(initial.notice, nav) : undefined,
  );
  // The rules have just arrived: the stored journey is read now.
  if (rules.ruleSet && !initial) {
    const loaded = rules.engine.loadJourney(storage, rules.ruleSet, asOf);
    setInitial(loaded);
    setJourney(loaded.journey);
    if (loaded.notice) setNotice(loadNoticeOf(loaded.notice, nav));
  }
  const lang: Lang = isLang(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANG;
  const ensureLanguage = useCallback((l: Lang) => ensureLocale(i18n, l, load), [i18n, load]);
  // The results page's seed holds every text it draws before its details (main.tsx): it asks for
  // none before its headline. Not the questions' texts, which two messages name: a refused link's,
  // and the one about answers removed from those stored.
  const namesQuestions =
    transfer.notice?.kind === 'linkRefused' || (!!notice && 'facts' in notice && notice.facts.length > 0);
  const ownTexts = !!seed?.whole && seedIsFor(seed, route) && seed.lang === lang && !namesQuestions;
  const texts = useTexts(i18n, lang, ensureLanguage, !ownTexts);
  const textsReady = texts === 'ready' || ownTexts;

  useEffect(() => {
    if (initial) saveJourney(storage, ruleSet, journey);
  }, [storage, ruleSet, journey, initial]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const next = useCallback(
    () => (engine ? engine.nextFor(ruleSet, journey.answers, asOf) : [...FIRST_QUESTIONS]),
    [engine, ruleSet, journey.answers, asOf],
  );

  const go = useCallback((to: Route, opts?: { replace?: boolean }) => navigate(to, opts), []);
  const held = useRef<Parameters<AppState['answer']>>(undefined);
  const answer = useCallback(
    (factId: string, value: AnswerValue, returnTo?: 'check', changed?: string) => {
      if (!engine) {
        // Only a prerendered question answers before then: the answer is applied when they arrive.
        held.current = [factId, value, returnTo, changed];
        return;
      }
      const outcome = engine.applyAnswer(ruleSet, journey, factId, value, asOf);
      // Stored at once: should the next page fail to render, the answer is not lost.
      saveJourney(storage, ruleSet, outcome.journey);
      setJourney(outcome.journey);
      navigate(engine.afterAnswer(ruleSet, outcome, factId, asOf, returnTo, changed));
    },
    [engine, ruleSet, journey, asOf, storage],
  );
  useEffect(() => {
    const h = held.current;
    if (!engine || !h) return;
    held.current = undefined;
    answer(...h);
  }, [engine, answer]);
  const setPro = useCallback(
    (on: boolean) => {
      writePro(storage, on);
      setProState(on);
    },
    [storage],
  );
  const setAsOf = useCallback(
    (iso: string | undefined) => {
      const chosen = iso === today ? undefined : iso;
      writeAsOf(storage, chosen);
      setChosenAsOf(chosen);
    },
    [storage, today],
  );
  const clear = useCallback(() => {
    // The as-of date goes with the answers; the scrivener view stays, like the language.
    clearJourney(storage);
    setChosenAsOf(undefined);
    setJourney(emptyJourney());
    navigate({ page: 'start' });
    setNotice({ kind: 'cleared', nav: currentNav() });
  }, [storage]);
  const switchLanguage = useCallback(
    (l: Lang) => {
      // The new language with the same parts as the current one: the categories shown stay.
      void (hasDetails(i18n, lang) ? ensureDetails : ensureLocale)(i18n, l, load)
        .then(() => i18n.changeLanguage(l))
        .then(() => {
          writeLang(storage, l);
          setLangParam(l);
        });
    },
    [i18n, lang, load, storage],
  );

  // Every page is mounted afresh on each navigation and focuses its heading (not on first load).
  const mainRef = useRef<HTMLElement>(null);
  const focusHeading = nav !== firstNav;

  // Pages that cannot be shown now send the person to where the journey stands.
  const anyQuestion = pro && route.page === 'question' && ruleSet.facts.some((f) => f.id === route.factId);
  // While a share link is being read, the page it points to waits for its answers.
  const redirect = transfer.pending || !rules.ruleSet ? undefined : redirectFor(route, journey, next, anyQuestion);
  useEffect(() => {
    if (!redirect) return;
    navigate(redirect, { replace: true });
    // A message about the stored answers goes along to the page the person is sent to (the
    // navigation happens here, in the router outside React, so the message follows it here too).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setNotice((n) => (n && n.nav === nav ? { ...n, nav: currentNav() } : n));
  }, [redirect, nav]);

  // A question page that arrived prerendered with its question (main.tsx's seed) draws it from the
  // first render, with the seed's fact and no answers, until the rules and the texts are both here;
  // a results page, its heading (a share link's answers are read meanwhile). The page has to have
  // hydrated first (its effect says so): drawn with the rules before then, it would no longer
  // match the prerendered HTML React is taking over.
  const [seedHydrated, setSeedHydrated] = useState(false);
  const hydrated = useCallback(() => setSeedHydrated(true), []);
  const seeded =
    !!seed && seedIsFor(seed, route) && !(textsReady && rules.ruleSet && seedHydrated && !transfer.pending);
  const seedRules = useMemo(() => seed && { ...NO_RULES, facts: seed.fact ? [seed.fact] : [] }, [seed]);
  const view = useMemo(
    () =>
      seeded && seedRules
        ? { ruleSet: seedRules, journey: SEED_JOURNEY, next: firstQuestions }
        : { ruleSet, journey, next },
    [seeded, seedRules, ruleSet, journey, next],
  );

  const state = useAppState({
    ...view,
    pending: seeded,
    prerendered: seeded && !seedHydrated,
    hydrated,
    asOf,
    today,
    setAsOf,
    pro,
    setPro,
    lang,
    focusHeading,
    go,
    answer,
    clear,
    importAnswers: transfer.importAnswers,
    switchLanguage,
    ensureLanguage,
    loadLocale: load,
    storage,
  });

  let page: React.ReactNode = null;
  // Every page but the start page needs the rules and the question and rule texts (loaded just after boot).
  if ((texts === 'failed' || rules.failed) && route.page !== 'start') page = <TextsFailed />;
  else if (transfer.pending && route.page !== 'start' && !seeded) page = null;
  else if (!redirect && ((textsReady && rules.ruleSet) || route.page === 'start' || seeded)) {
    const Page = route.page === 'question' || route.page === 'sheet' ? undefined : PAGES[route.page];
    if (Page) page = <Page />;
    else if (route.page === 'question')
      page = <QuestionPage factId={route.factId} returnTo={route.returnTo} changed={route.changed} />;
    else if (route.page === 'sheet') page = <SheetPage both={route.both} />;
  }

  return (
    <AppContext.Provider value={state}>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('ui.skipLink')}
      </a>
      <QuickExit storage={storage} />
      <Header />
      <div className="width-container">
        <main id="main" className="main" tabIndex={-1} ref={mainRef}>
          {notice && notice.nav === nav && <Notice notice={notice} />}
          {transfer.notice?.nav === nav && textsReady && (
            <Suspense fallback={null}>
              <TransferNotice notice={transfer.notice} transfer={transfer} />
            </Suspense>
          )}
          <ErrorBoundary
            key={`${routeKey(route)}#${nav}`}
            fallback={(retry) => (
              <CrashPage ruleSet={rulesSource} asOf={asOf} storage={storage} retry={retry} clear={clear} />
            )}
          >
            <Suspense fallback={null}>
              <Fragment key={`${routeKey(route)}#${nav}`}>{page}</Fragment>
            </Suspense>
          </ErrorBoundary>
        </main>
      </div>
      <footer className="footer">
        <div className="width-container">
          <p>{t('ui.footer.privacy')}</p>
          <p>{t('ui.footer.notAdvice')}</p>
          <p className="footer__version">
            {t('engine.rulesVersion', { checked: ruleSet.version.checked, hash: ruleSet.version.hash })}
          </p>
        </div>
      </footer>
    </AppContext.Provider>
  );
}

/** Loads the active language's question, rule and law texts once the first page is up. */
function TextsFailed() {
  const { t } = useTranslation();
  return (
    <div className="inset inset--warning" role="alert">
      <h1 className="heading-l">{t('ui.textsFailed.title')}</h1>
      <p>{t('ui.textsFailed.body')}</p>
    </div>
  );
}

function loadNoticeOf(n: LoadNotice, nav: number): NoticeState {
  return { ...n, nav };
}

/** The pages the address gives nothing to but their name. */
const PAGES: Record<Exclude<Route['page'], 'question' | 'sheet'>, ComponentType> = {
  start: StartPage,
  check: CheckPage,
  results: ResultsPage,
  questions: QuestionsPage,
  save: SavePage,
  notFound: NotFoundPage,
};

/**
 * `anyQuestion`: in the scrivener view, any question of the catalogue may be opened (from the
 * questions overview), even one the answers do not need; answering it only adds an answer.
 */
function redirectFor(route: Route, journey: Journey, next: () => string[], anyQuestion = false): Route | undefined {
  const answered = journey.path.length > 0;
  switch (route.page) {
    case 'question': {
      return anyQuestion || canShow(journey, next(), route.factId) ? undefined : currentStep(next(), journey);
    }
    case 'check':
    case 'results':
    case 'sheet':
      return answered ? undefined : { page: 'start' };
    default:
      return undefined;
  }
}
