// The Nikkei family line as a drawing (inline SVG) with a text alternative that says the same,
// built by the pure model in src/present/lineage.ts from the answers and the engine's screening.
// On a lineage question page ("your line so far") and on the results page. Loaded on demand by
// ./FamilyTree.tsx, only once the answers show a Japanese family line.
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  hasLineage,
  layoutTree,
  lineageModel,
  showsLineageOn,
  TREE,
  type LineageItem,
  type LineageModel,
  type LineagePerson,
  type Said,
  type TreeBoxIn,
  type TreeLinkIn,
} from '../../present/lineage';
import { verdictLabelKey } from '../../present/result';
import { aside, labelled, sentences as joinSentences, type Translate } from '../../present/translate';
import { useApp } from '../context';
import { screenFor } from '../state/journey';
import { formatDate } from '../format';

export interface FamilyTreeProps {
  /** "question": a lineage question page (`factId`), "results": the results page. */
  place: 'question' | 'results';
  factId?: string;
}

const MARK = { eligible: '✓', possible: '?', not_eligible: '✗' } as const;
/** Line styles, so that the drawing reads in black and white: solid, dashed, dotted. */
const STROKE: Record<Said, { width: number; dash?: string }> = {
  yes: { width: 4 },
  no: { width: 2, dash: '8 5' },
  unknown: { width: 2.5, dash: '1 5' },
  unanswered: { width: 2.5, dash: '1 5' },
};

export function FamilyTreeView({ place, factId }: FamilyTreeProps) {
  const { t } = useTranslation();
  const { ruleSet, journey, asOf } = useApp();
  const answers = journey.answers;
  const model = useMemo(() => {
    const shown =
      place === 'question'
        ? !!factId && showsLineageOn(ruleSet, answers, factId, asOf)
        : hasLineage(ruleSet, answers, asOf);
    return shown
      ? lineageModel(ruleSet, answers, asOf, screenFor(ruleSet, answers, asOf), { current: factId })
      : undefined;
  }, [place, factId, ruleSet, answers, asOf]);
  const uid = useId();
  if (!model) return null;

  const headingId = `${uid}-heading`;
  const generation = t(`ui.tree.you.generation.${model.generation}`);
  return (
    <section
      className={`family-tree family-tree--${place}`}
      aria-labelledby={headingId}
      data-generation={model.generation}
    >
      <h2 className={place === 'results' ? 'heading-l' : 'heading-m'} id={headingId}>
        {t(place === 'results' ? 'ui.tree.resultsTitle' : 'ui.tree.questionTitle')}
      </h2>
      <p className="family-tree__intro">{t(place === 'results' ? 'ui.tree.resultsIntro' : 'ui.tree.questionIntro')}</p>
      <figure className="family-tree__figure">
        <Drawing model={model} titleId={`${uid}-title`} title={t('ui.tree.svgTitle', { generation })} />
        <figcaption className="family-tree__caption">
          <strong>{generation}</strong> {t(`ui.tree.explain.${model.generation}`)}
        </figcaption>
      </figure>
      <Words model={model} />
    </section>
  );
}

function useTexts() {
  const { t, i18n } = useTranslation();
  const { lang } = useApp();
  return { t: t as Translate, lang, has: (k: string) => i18n.exists(k) };
}

function Drawing({ model, titleId, title }: { model: LineageModel; titleId: string; title: string }) {
  const texts = useTexts();
  const { t } = texts;
  const oldestFirst = [...model.persons].reverse();
  const boxes: TreeBoxIn[] = oldestFirst.map((p) => ({
    variant: p.role === 'you' ? 'you' : p.ancestor ? 'ancestor' : 'plain',
    lines: boxLines(p, model, texts),
  }));
  const links: TreeLinkIn[] = oldestFirst.slice(0, -1).map((p) => {
    const link = p.atChildBirth!;
    const lines = [t(`ui.tree.link.${link.said}`)];
    if (link.bornAfterLoss) lines.push(t('ui.tree.link.bornAfterLoss'));
    if (link.current) lines.push(t('ui.tree.link.current'));
    return { said: link.said, current: link.current, lines };
  });
  const layout = layoutTree(boxes, links);
  return (
    <svg
      className="family-tree__svg"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-labelledby={titleId}
      focusable="false"
    >
      <title id={titleId}>{title}</title>
      {layout.links.map((l, i) => (
        <g
          key={`link-${i}`}
          className={`family-tree__link family-tree__link--${l.said}${l.current ? ' family-tree__link--current' : ''}`}
          data-said={l.said}
        >
          <line
            x1={l.x}
            x2={l.x}
            y1={l.y1}
            y2={l.y2}
            stroke="currentColor"
            strokeWidth={STROKE[l.said].width}
            strokeDasharray={STROKE[l.said].dash}
            strokeLinecap={l.said === 'unknown' || l.said === 'unanswered' ? 'round' : 'butt'}
          />
          {l.texts.map((tx, j) => (
            <text
              key={j}
              x={tx.x}
              y={tx.y}
              fontSize={TREE.font.link}
              className={`family-tree__text family-tree__text--link${j === 0 ? ' family-tree__text--said' : ''}`}
            >
              {tx.text}
            </text>
          ))}
        </g>
      ))}
      {layout.boxes.map((b, i) => (
        <g key={`box-${i}`} className={`family-tree__box family-tree__box--${b.variant}`}>
          <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={6} strokeWidth={b.variant === 'you' ? 3 : 1.5} />
          {b.variant === 'ancestor' && (
            <rect
              className="family-tree__inner"
              x={b.x + 4}
              y={b.y + 4}
              width={b.w - 8}
              height={b.h - 8}
              rx={3}
              strokeWidth={1.5}
            />
          )}
          {b.texts.map((tx, j) => (
            <text
              key={j}
              x={tx.x}
              y={tx.y}
              fontSize={TREE.font[tx.kind]}
              className={`family-tree__text family-tree__text--${tx.kind}`}
            >
              {tx.text}
            </text>
          ))}
        </g>
      ))}
    </svg>
  );
}

/** The text alternative: each generation in words, oldest first, then the categories of the line. */
function Words({ model }: { model: LineageModel }) {
  const texts = useTexts();
  const { t } = texts;
  const oldestFirst = [...model.persons].reverse();
  return (
    <div className="visually-hidden family-tree__words">
      <p>{t('ui.tree.listTitle')}</p>
      <ol>
        {oldestFirst.map((p) => (
          <li key={p.role}>{t('ui.tree.listItem', { who: who(p, t), what: sentences(p, model, texts).join(' ') })}</li>
        ))}
      </ol>
      <p>{t('ui.tree.result.title')}</p>
      {model.items.length ? (
        <ul>
          {model.items.map((item) => (
            <li key={item.ruleId}>{itemSentence(item, texts)}</li>
          ))}
        </ul>
      ) : (
        <p>{t('ui.tree.result.none')}</p>
      )}
    </div>
  );
}

type Texts = ReturnType<typeof useTexts>;

const CHILD_OF: Record<string, string> = { parent: 'you', grandparent: 'parent', greatGrandparent: 'grandparent' };

/** The generation badge of an ancestor ("1st generation (1世)…"); the applicant's generation has its own line. */
function badge(p: LineagePerson, t: Translate): string | undefined {
  if (p.role === 'you') return undefined;
  if (p.generation) return t(`ui.tree.generation.${p.generation}`);
  return p.ancestor ? t('ui.tree.ancestor') : undefined;
}

function who(p: LineagePerson, t: Translate): string {
  const role = t(`ui.tree.role.${p.role}`);
  const b = badge(p, t);
  return b ? t('ui.tree.withBadge', { role, badge: b }) : role;
}

/** The lines of a person's box in the drawing. */
function boxLines(p: LineagePerson, model: LineageModel, texts: Texts): TreeBoxIn['lines'] {
  const { t, lang } = texts;
  const lines: TreeBoxIn['lines'] = [{ text: t(`ui.tree.role.${p.role}`), kind: 'title' }];
  const b = badge(p, t);
  if (b) lines.push({ text: b, kind: 'badge' });
  if (p.registered) {
    lines.push({ text: t(`ui.tree.registered.${p.role}.${p.registered.said}`), kind: 'note' });
    if (p.registered.current) lines.push({ text: t('ui.tree.link.current'), kind: 'note' });
  }
  if (p.role === 'you') {
    if (p.birthDate) lines.push({ text: t('ui.tree.you.born', { date: formatDate(p.birthDate, lang) }), kind: 'note' });
    lines.push({ text: t(`ui.tree.you.generation.${model.generation}`), kind: 'badge' });
    lines.push({ text: t('ui.tree.result.title'), kind: 'note' });
    if (!model.items.length) lines.push({ text: t('ui.tree.result.none'), kind: 'item' });
    for (const item of model.items) lines.push({ text: itemLine(item, texts), kind: 'item' });
  }
  return lines;
}

function shortTitle(id: string, { t, has }: Texts): string {
  return has(`ui.tree.short.${id}`) ? t(`ui.tree.short.${id}`) : t(`rules.${id}.title`);
}

/** "✓ 告示3号 Long-Term Resident (定住者): likely eligible", for the drawing. */
function itemLine(item: LineageItem, texts: Texts): string {
  const { t, lang } = texts;
  let verdict = t(verdictLabelKey(item, 'ui.tree.verdict'));
  if (item.line === 'met' && item.verdict !== 'eligible') verdict += aside(t('ui.tree.result.lineMetShort'), lang);
  if (item.nearMiss) {
    const then = t(
      verdictLabelKey({ verdict: item.nearMiss.verdict, discretionary: item.discretionary }, 'ui.tree.verdict'),
    );
    verdict += ` — ${t('ui.tree.nearMiss', { date: formatDate(item.nearMiss.date, lang), verdict: then })}`;
  }
  if (item.needsExpert) verdict += ` — ${t('engine.expert.title')}`;
  return t('ui.tree.itemLine', { mark: MARK[item.verdict], category: shortTitle(item.ruleId, texts), verdict });
}

/** The same in words, with the category's full title and the engine's verdict text. */
function itemSentence(item: LineageItem, { t, lang }: Texts): string {
  const parts = [labelled(t(`rules.${item.ruleId}.title`), t(verdictLabelKey(item)), lang)];
  if (item.line === 'met' && item.verdict !== 'eligible') parts.push(t('ui.tree.result.lineMet'));
  if (item.nearMiss) parts.push(t('engine.nearMiss', { date: formatDate(item.nearMiss.date, lang) }));
  if (item.needsExpert) parts.push(t('engine.expert.title'));
  return joinSentences(parts, lang);
}

/** What the answers say about a person, in sentences. */
function sentences(p: LineagePerson, model: LineageModel, { t, lang }: Texts): string[] {
  const out: string[] = [];
  if (p.atChildBirth) {
    const child = t(`ui.tree.of.${CHILD_OF[p.role]}`);
    out.push(t(`ui.tree.sentence.link.${p.atChildBirth.said}`, { birth: t(`ui.tree.birthOf.${CHILD_OF[p.role]}`) }));
    if (p.atChildBirth.bornAfterLoss) out.push(t('ui.tree.sentence.bornAfterLoss', { child }));
    if (p.atChildBirth.current) out.push(t('ui.tree.sentence.current'));
  }
  if (p.registered) {
    out.push(t(`ui.tree.sentence.registered.${p.role}.${p.registered.said}`));
    if (p.registered.current) out.push(t('ui.tree.sentence.current'));
  }
  if (p.role === 'you') {
    if (p.birthDate) out.push(t('ui.tree.sentence.born', { date: formatDate(p.birthDate, lang) }));
    out.push(t('ui.tree.sentence.generation', { generation: t(`ui.tree.you.generation.${model.generation}`) }));
    out.push(t(`ui.tree.explain.${model.generation}`));
  }
  return out;
}
