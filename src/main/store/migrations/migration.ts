import type { Db } from '../db';

/** One step of the schema: takes it from user_version N to N + 1, in its own transaction. Never edited once shipped. */
export interface Migration {
  name: string;
  up(db: Db): void;
}
