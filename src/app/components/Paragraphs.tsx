import { Glossed } from './Glossary';

/**
 * Texts may hold several paragraphs separated by a blank line. With `glossId`, the page's first
 * use of each glossary word links to its explanation.
 */
export function Paragraphs({ text, glossId }: { text: string; glossId?: string }) {
  const parts = text.split(/\n\s*\n/);
  return (
    <>
      {parts.map((p, i) => (
        <p key={i}>{glossId ? <Glossed text={p} id={`${glossId}:${i}`} /> : p}</p>
      ))}
    </>
  );
}
