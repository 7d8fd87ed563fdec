// Where the family tree may appear (a lineage question page, the results page): a light wrapper
// that loads the drawing (./FamilyTreeView.tsx, its own chunk) only once the answers show a
// Japanese family line, so that the start page and people without one never load it.
import { createElement, lazy, Suspense, useEffect, type ComponentType } from 'react';
import { hasLineage, showsLineageOn } from '../../present/lineage';
import { useApp } from '../context';
import type { FamilyTreeProps } from './FamilyTreeView';

let loaded: ComponentType<FamilyTreeProps> | undefined;
let pending: Promise<ComponentType<FamilyTreeProps>> | undefined;

/** Loads the drawing's chunk (once); later renders then draw synchronously. */
export function preloadFamilyTree(): Promise<ComponentType<FamilyTreeProps>> {
  return (pending ??= import('./FamilyTreeView').then((m) => (loaded = m.FamilyTreeView)));
}

const Suspending = lazy(() => preloadFamilyTree().then((c) => ({ default: c })));

export function FamilyTree(props: FamilyTreeProps) {
  const { ruleSet, journey, asOf } = useApp();
  const line = hasLineage(ruleSet, journey.answers, asOf);
  // As soon as there is a line to draw (e.g. on the question after the ancestry one), fetch the drawing.
  useEffect(() => {
    if (line) void preloadFamilyTree();
  }, [line]);
  const shown =
    props.place === 'question' ? !!props.factId && showsLineageOn(ruleSet, journey.answers, props.factId, asOf) : line;
  if (!shown) return null;
  return loaded ? (
    createElement(loaded, props)
  ) : (
    <Suspense fallback={null}>
      <Suspending {...props} />
    </Suspense>
  );
}
