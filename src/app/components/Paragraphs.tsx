/** Texts may hold several paragraphs separated by a blank line. */
export function Paragraphs({ text }: { text: string }) {
  const parts = text.split(/\n\s*\n/);
  return (
    <>
      {parts.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </>
  );
}
