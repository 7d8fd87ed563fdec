// The compiled rule set for tests, compiled from the files as the build does.
import { compileRules } from '../../src/rules-compiler/compile';
import { ROOT } from './cases';

export const compiled = compileRules(ROOT);
export const ruleSet = compiled.ruleSet;
