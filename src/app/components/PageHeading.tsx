// A page's main heading: focusable, so that the page can move focus to it on navigation.
export function PageHeading({ text }: { text: string }) {
  return (
    <h1 className="heading-l" tabIndex={-1}>
      {text}
    </h1>
  );
}
