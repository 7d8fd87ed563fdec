// Whatever goes wrong while a page renders, the person sees a page in their language that says
// so, keeps "Exit this page" and "Clear my answers", and offers their answers as a file; the
// answers stay stored (nothing here clears them). Two levels use it: around each page (the
// header and the exit stay as they are; a new page starts afresh) and around the whole app
// (then this page brings its own exit control). Reading the answers back needs the engine, which
// the first page does without: until it is there, the stored answers are only counted.
import { Component, useMemo, type ErrorInfo, type ReactNode } from 'react';
import { QuickExit } from './QuickExit';
import { CrashView } from './CrashView';
import { clearJourney, readItem, STORAGE_KEY, type ListableStorage } from '../state/storage';
import { useRules, type RulesSource } from '../state/useRules';
import { exportFileName } from '../state/answer-set';

interface BoundaryProps {
  children: ReactNode;
  fallback: (retry: () => void) => ReactNode;
}

export class ErrorBoundary extends Component<BoundaryProps, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    // For whoever looks at the console; nothing is sent anywhere.
    console.error('teiju: a page failed to render', error, info.componentStack);
  }

  render() {
    return this.state.failed ? this.props.fallback(() => this.setState({ failed: false })) : this.props.children;
  }
}

interface CrashProps {
  /** The rules, or the promise of them (a page may fail before they arrive). */
  ruleSet: RulesSource;
  asOf: string;
  storage: ListableStorage | null;
  retry: () => void;
  /** Around the whole app: the page brings "Exit this page" and its own frame. */
  standalone?: boolean;
  /** "Clear my answers" as the app does it (to the start page, with its message); else a reload. */
  clear?: () => void;
}

const HOME = `${(import.meta.env.BASE_URL ?? '/').replace(/\/$/, '')}/`;

/** The page shown instead of one that failed. */
export function CrashPage({ ruleSet, asOf, storage, retry, standalone, clear }: CrashProps) {
  // What the app would restore from this tab (validated, never throws), once the rules are there;
  // until then (or should they fail to load) the stored answers are only counted.
  const { ruleSet: rules, engine } = useRules(ruleSet);
  const answers = useMemo(
    () => (rules && engine ? engine.loadJourney(storage, rules, asOf).journey.answers : undefined),
    [rules, engine, storage, asOf],
  );
  const count = answers ? Object.keys(answers).length : storedCount(storage);
  const file =
    answers && engine && count > 0
      ? () => ({ name: exportFileName(asOf), text: `${engine.serializeAnswers(answers)}\n` })
      : undefined;
  const clearNow = () => {
    if (clear) return clear();
    clearJourney(storage);
    location.assign(HOME);
  };
  const body = <CrashView count={count} file={file} retry={retry} clear={clearNow} home={HOME} />;
  if (!standalone) return body;
  return (
    <>
      <QuickExit storage={storage} />
      <div className="width-container">
        <main id="main" className="main" tabIndex={-1}>
          {body}
        </main>
      </div>
    </>
  );
}

/** How many answers this tab holds, unchecked (before the rules arrive to check them). */
function storedCount(storage: ListableStorage | null): number {
  try {
    const data: unknown = JSON.parse(readItem(storage, STORAGE_KEY) ?? 'null');
    const answers = (data as { answers?: unknown } | null)?.answers;
    return typeof answers === 'object' && answers !== null ? Object.keys(answers).length : 0;
  } catch {
    return 0;
  }
}
