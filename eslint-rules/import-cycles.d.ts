import type { Rule } from 'eslint';

declare const importCycles: Rule.RuleModule;
export default importCycles;
