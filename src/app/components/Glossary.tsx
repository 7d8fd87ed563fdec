// The glossary of a page: the first use of each hard word on the page links to its explanation
// (<dfn>) in the list at the end of the page, once per page. A page wraps its content in
// <GlossaryScope>; texts go through <Glossed>. The first text (in render order, which is reading
// order) to use a term keeps it for the life of the page, so a re-render never moves a link.
import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { glossaryTerms, glossPieces, type GlossaryTerm } from '../../present/glossary';
import { Section } from './Section';

class Claims {
  constructor(public terms: GlossaryTerm[]) {}
  private owner = new Map<string, string>();
  private listeners = new Set<() => void>();
  private snapshot: string[] = [];
  take(term: string, by: string): boolean {
    const o = this.owner.get(term);
    if (o === undefined) {
      this.owner.set(term, by);
      this.snapshot = [...this.owner.keys()];
      queueMicrotask(() => this.listeners.forEach((l) => l()));
      return true;
    }
    return o === by;
  }
  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  used = () => this.snapshot;
}

const Ctx = createContext<Claims | null>(null);

/** One page's glossary: its content, then the words it used with their explanations. */
export function GlossaryScope({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  // One set of claims per page and language (a language switch starts the links afresh).
  const claims = useMemo(
    () => new Claims(glossaryTerms(t('glossary.terms', { returnObjects: true, defaultValue: {} }))),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- t changes with the language
    [i18n.language],
  );
  return (
    <Ctx.Provider value={claims}>
      {children}
      <GlossaryList claims={claims} />
    </Ctx.Provider>
  );
}

function GlossaryList({ claims }: { claims: Claims }) {
  const { t } = useTranslation();
  const used = useSyncExternalStore(claims.subscribe, claims.used, claims.used);
  const list = claims.terms.filter((x) => used.includes(x.id));
  if (!list.length) return null;
  return (
    <Section name="glossary" title={t('glossary.title')} data-section="glossary">
      <dl className="glossary__list">
        {list.map((x) => (
          <div key={x.id} className="glossary__item">
            <dt>
              <dfn id={`glossary-${x.id}`} tabIndex={-1}>
                {x.term}
              </dfn>
            </dt>
            <dd>{x.text}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

/**
 * A text whose first use of each glossary word on the page links to the word's explanation.
 * `linked={false}` (a question's heading, which labels its answer) lists the words without links.
 */
export function Glossed({ text, id, linked = true }: { text: string; id: string; linked?: boolean }) {
  const claims = useContext(Ctx);
  if (!claims) return <>{text}</>;
  const pieces = glossPieces(text, claims.terms, (term) => claims.take(term, id));
  if (!linked) return <>{text}</>;
  return (
    <>
      {pieces.map((p, i) =>
        typeof p === 'string' ? (
          p
        ) : (
          <a
            key={i}
            className="glossary-link"
            href={`#glossary-${p.term}`}
            onClick={(e) => {
              // Scroll to the explanation without adding a history entry.
              const target = document.getElementById(`glossary-${p.term}`);
              if (!target) return;
              e.preventDefault();
              target.scrollIntoView({ block: 'center' });
              target.focus({ preventScroll: true });
            }}
          >
            {p.text}
          </a>
        ),
      )}
    </>
  );
}
