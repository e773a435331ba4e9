import initial from './0001-initial';
import type { Migration } from './migration';
import statsIndexes from './0002-stats-indexes';
import drafts from './0004-drafts';

export type { Migration } from './migration';

/**
 * In order; migration N takes the schema from user_version N to N + 1. Never edit a shipped one.
 * 0003 is another branch's: when both are in, it goes between statsIndexes and drafts.
 */
export const migrations: readonly Migration[] = [initial, statsIndexes, drafts];
