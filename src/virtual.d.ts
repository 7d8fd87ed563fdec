declare module 'virtual:teiju/rules' {
  const ruleSet: import('./engine/types').RuleSet;
  export default ruleSet;
}
declare module 'virtual:teiju/locale/*' {
  const resources: Record<string, unknown>;
  export default resources;
}
declare module 'virtual:teiju/links' {
  const links: import('./present/links').LinkSet;
  export default links;
}
declare module 'virtual:teiju/rules-summary' {
  /** The rules' version, and the question asked first when nothing is answered (a list of at most one). */
  const summary: { version: import('./engine/types').RuleSet['version']; first: string[] };
  export default summary;
}
declare module 'virtual:teiju/locale-loaders' {
  /** Per configured language (locales/languages.json), a loader of each part of its texts. */
  const loaders: Record<
    string,
    Record<'core' | 'texts' | 'details', () => Promise<{ default: Record<string, unknown> }>>
  >;
  export default loaders;
}
