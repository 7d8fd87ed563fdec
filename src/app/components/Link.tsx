import type { ReactNode } from 'react';
import { useApp } from '../context';
import { hrefOf, type Route } from '../state/router';

/** An in-app link: a real href (open in new tab works), History API navigation on click. */
export function Link({ to, className, children }: { to: Route; className?: string; children: ReactNode }) {
  const { go } = useApp();
  return (
    <a
      href={hrefOf(to)}
      className={className}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        go(to);
      }}
    >
      {children}
    </a>
  );
}
