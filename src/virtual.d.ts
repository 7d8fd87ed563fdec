declare module 'virtual:teiju/rules' {
  const ruleSet: import('./engine/types').RuleSet;
  export default ruleSet;
}
declare module 'virtual:teiju/locale/*' {
  const resources: Record<string, unknown>;
  export default resources;
}
