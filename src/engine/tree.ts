// Walking a condition tree: the one place that knows which nodes have children.
import type { CondNode } from './types';

const NONE: readonly CondNode[] = [];

export function childrenOf(node: CondNode): readonly CondNode[] {
  switch (node.op) {
    case 'all':
    case 'any':
      return node.of;
    case 'not':
    case 'use':
    case 'exclusion':
      return [node.of];
    default:
      return NONE;
  }
}

/** The category ids a condition refers to (the 告示's exclusions and other references). */
export function refsOf(node: CondNode, acc: string[] = []): string[] {
  if (node.op === 'rule') acc.push(node.rule);
  for (const c of childrenOf(node)) refsOf(c, acc);
  return acc;
}

export function containsNode(node: CondNode, n: number): boolean {
  return node.n === n || childrenOf(node).some((c) => containsNode(c, n));
}

/** A rule's nodes by number (walked afresh: for the few lookups outside the evaluation). */
export function nodeTable(root: CondNode, acc: CondNode[] = []): CondNode[] {
  acc[root.n] = root;
  for (const c of childrenOf(root)) nodeTable(c, acc);
  return acc;
}
