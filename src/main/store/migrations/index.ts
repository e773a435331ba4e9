import type { Db } from '../database';
import initial from './0001-initial';
import statsIndexes from './0002-stats-indexes';

export interface Migration {
  name: string;
  up(db: Db): void;
}

/** In order; migration N takes the schema from user_version N to N + 1. Never edit a shipped one. */
export const migrations: readonly Migration[] = [initial, statsIndexes];
