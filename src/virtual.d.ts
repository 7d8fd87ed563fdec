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
