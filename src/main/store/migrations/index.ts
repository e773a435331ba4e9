import type { Db } from '../database';
import initial from './0001-initial';
import statsIndexes from './0002-stats-indexes';
import drafts from './0004-drafts';

export interface Migration {
  name: string;
  up(db: Db): void;
}

/**
 * In order; migration N takes the schema from user_version N to N + 1. Never edit a shipped one.
 * 0003 is another branch's: when both are in, it goes between statsIndexes and drafts.
 */
export const migrations: readonly Migration[] = [initial, statsIndexes, drafts];
