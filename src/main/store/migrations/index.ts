import initial from './0001-initial';
import type { Migration } from './migration';
import statsIndexes from './0002-stats-indexes';

export type { Migration } from './migration';

/** In order; migration N takes the schema from user_version N to N + 1. Never edit a shipped one. */
export const migrations: readonly Migration[] = [initial, statsIndexes];
