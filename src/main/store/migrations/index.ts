import initial from './0001-initial';
import type { Migration } from './migration';
import statsIndexes from './0002-stats-indexes';
import scorerVersion from './0003-scorer-version';
import drafts from './0004-drafts';
import rollupTriggersWithoutAlias from './0005-rollup-triggers-without-alias';
import deckDeleteIsFinal from './0006-deck-delete-is-final';
import noKeywordsNoScore from './0007-no-keywords-no-score';
import latestAttempts from './0008-latest-attempts';
import gradeWithoutRecount from './0009-grade-without-recount';
import historyExportOrder from './0010-history-export-order';
import statsPageReads from './0011-stats-page-reads';

export type { Migration } from './migration';

/** In order; migration N takes the schema from user_version N to N + 1. Never edit a shipped one. */
export const migrations: readonly Migration[] = [
  initial,
  statsIndexes,
  scorerVersion,
  drafts,
  rollupTriggersWithoutAlias,
  deckDeleteIsFinal,
  noKeywordsNoScore,
  latestAttempts,
  gradeWithoutRecount,
  historyExportOrder,
  statsPageReads,
];
