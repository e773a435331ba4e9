import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openAppCore } from '../../src/main/app';
import { bundledDecks } from '../../src/main/bundled-decks';
import {
  DB_FILE,
  migrate,
  openDb,
  openMemoryDb,
  SCHEMA_VERSION,
  StoreDamagedError,
  StoreOpenError,
} from '../../src/main/store/database';
import { installBundledDeck } from '../../src/main/store/bundled';
import { migrations } from '../../src/main/store/migrations';
import { idleCheckpoints } from '../../src/main/store/checkpoints';
import { listQuestions } from '../../src/main/store/library';
import { getQuestion } from '../../src/main/store/questions';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-store-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );

describe('migrations', () => {
  it('build the whole schema from an empty database and record the version', () => {
    const db = openMemoryDb();
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'attempt_keywords',
        'attempts',
        'decks',
        'keywords',
        'question_keywords',
        'questions',
        'review_state',
        'sessions',
        'settings',
      ]),
    );
    migrate(db); // a second run is a no-op
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  });

  it('opens a file with WAL, full sync and foreign keys', async () => {
    const db = await openDb(dir);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses a database from a newer app and leaves it byte for byte as it was', async () => {
    const file = path.join(dir, DB_FILE);
    const newer = new Database(file);
    newer.exec('CREATE TABLE future (x)');
    newer.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    newer.close();
    const before = fs.readFileSync(file);
    await expect(openDb(dir)).rejects.toThrow(StoreOpenError);
    await expect(openDb(dir)).rejects.toThrow(/newer version of Prepdeck/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([DB_FILE]);
  });

  it('refuses a file that is not a database as damaged (the app then offers a way out), writing nothing', async () => {
    const file = path.join(dir, DB_FILE);
    fs.writeFileSync(file, 'this is not sqlite '.repeat(100));
    const before = fs.readFileSync(file);
    await expect(openDb(dir)).rejects.toThrow(StoreDamagedError);
    await expect(openDb(dir)).rejects.toThrow(/not a readable database \(file is not a database\)/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('backs up an older database before migrating it', async () => {
    const file = path.join(dir, DB_FILE);
    const old = new Database(file);
    old.exec('CREATE TABLE marker (x); INSERT INTO marker VALUES (42)');
    old.close();
    const db = await openDb(dir);
    db.close();
    const backups = fs.readdirSync(path.join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^before-migration-v0-.*\.sqlite$/);
    const copy = new Database(path.join(dir, 'backups', backups[0]!), { readonly: true });
    expect(copy.prepare('SELECT x FROM marker').get()).toEqual({ x: 42 });
    expect(copy.pragma('user_version', { simple: true })).toBe(0);
    copy.close();
  });
});

describe('migration 0004: drafts', () => {
  const drafts = migrations.find((m) => m.name === 'drafts')!;

  it('adds the drafts table to a database of the version before, keeping its sessions', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    for (const m of migrations.slice(0, migrations.indexOf(drafts))) m.up(db);
    db.prepare("INSERT INTO sessions (config, plan, status, started_at) VALUES ('{}', '[1]', 'active', 5)").run();
    expect(tables(db)).not.toContain('drafts');
    drafts.up(db);
    expect(tables(db)).toContain('drafts');
    expect(db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 1 });
    const columns = db.prepare('SELECT name, type, "notnull" AS required, pk FROM pragma_table_info(\'drafts\')').all();
    expect(columns).toEqual([
      { name: 'session_id', type: 'INTEGER', required: 1, pk: 1 },
      { name: 'position', type: 'INTEGER', required: 1, pk: 2 },
      { name: 'text', type: 'TEXT', required: 1, pk: 0 },
      { name: 'saved_at', type: 'INTEGER', required: 1, pk: 0 },
      { name: 'left_ms', type: 'INTEGER', required: 1, pk: 0 },
    ]);
  });

  it('keeps one draft per question of a session, and drops them with their session', () => {
    const db = openMemoryDb();
    const id = Number(
      db.prepare("INSERT INTO sessions (config, plan, status, started_at) VALUES ('{}', '[1]', 'active', 5)").run()
        .lastInsertRowid,
    );
    const insert = db.prepare(
      'INSERT INTO drafts (session_id, position, text, saved_at, left_ms) VALUES (?, ?, ?, 1, 1)',
    );
    insert.run(id, 0, 'a');
    expect(() => insert.run(id, 0, 'b')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run(id, -1, 'b')).toThrow(/CHECK/);
    expect(() => insert.run(id + 1, 0, 'b')).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM sessions WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) AS n FROM drafts').get()).toEqual({ n: 0 });
  });
});

describe('the bundled deck', () => {
  it('is loaded on first run, once', async () => {
    const first = await openAppCore(dir);
    expect(listQuestions(first.db, {}).total).toBe(51);
    first.close();
    const second = await openAppCore(dir);
    expect(listQuestions(second.db, {}).total).toBe(51);
    expect(second.db.prepare('SELECT count(*) AS n FROM decks').get()).toEqual({ n: 1 });
    second.close();
  });

  it('is loaded in one transaction: a failure part-way leaves nothing behind', () => {
    const db = openMemoryDb();
    const [django] = bundledDecks();
    const broken = {
      ...django!,
      deck: { ...django!.deck, questions: [...django!.deck.questions, { ...django!.deck.questions[0]!, key: 'dup' }] },
    };
    expect(() => installBundledDeck(db, broken, 1)).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT count(*) AS n FROM questions').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM decks').get()).toEqual({ n: 0 });
  });

  it('a later version updates untouched questions and keeps the ones the person edited', () => {
    const db = openMemoryDb();
    const [django] = bundledDecks();
    expect(installBundledDeck(db, django!, 1)).toBe('installed');
    const [first, second] = listQuestions(db, { limit: 2 }).items;
    db.prepare("UPDATE questions SET answer = 'My own answer', edited_at = 5 WHERE id = ?").run(first!.id);

    const next = structuredClone(django!);
    next.version = django!.version + 1;
    for (const q of next.deck.questions) q.answer = `${q.answer}\n\nRevised.`;
    next.deck.questions.push({ ...next.deck.questions[0]!, key: 'brand-new', prompt: 'A brand new question?' });
    expect(installBundledDeck(db, next, 2)).toBe('updated');

    expect(getQuestion(db, first!.id)!.answer).toBe('My own answer');
    expect(getQuestion(db, second!.id)!.answer).toMatch(/Revised\.$/);
    expect(listQuestions(db, {}).total).toBe(52);
    expect(installBundledDeck(db, next, 3)).toBe('current');
  });
});

describe('checkpoints', () => {
  it('run when the store is quiet (never inside a save), at least every maxWait, and empty the WAL at quit', async () => {
    vi.useFakeTimers();
    try {
      const db = await openDb(dir);
      const checkpoints = idleCheckpoints(db, { quietMs: 1_000, maxWaitMs: 5_000 });
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      db.pragma('synchronous = OFF'); // the fsyncs are not what this test is about
      db.exec('CREATE TABLE filler (blob BLOB)');
      const insert = db.prepare('INSERT INTO filler VALUES (randomblob(16000))');
      for (let i = 0; i < 300; i++) insert.run();
      const pragma = vi.spyOn(db, 'pragma');
      const checkpointed = () =>
        pragma.mock.calls.flatMap((c, i) =>
          c[0] === 'wal_checkpoint(PASSIVE)' ? [pragma.mock.results[i]!.value as Array<{ log: number }>] : [],
        );

      checkpoints.touched();
      vi.advanceTimersByTime(600);
      checkpoints.touched(); // more use: the quiet moment starts again
      vi.advanceTimersByTime(999);
      expect(checkpointed()).toEqual([]);
      vi.advanceTimersByTime(1);
      // About 1,500 pages written and none checkpointed by the saves themselves (the automatic one is off).
      expect(checkpointed()).toHaveLength(1);
      expect(checkpointed()[0]![0]!.log).toBeGreaterThan(1_200);

      // A store in steady use is still checkpointed, after maxWait.
      for (let t = 0; t < 6_000; t += 500) {
        insert.run();
        checkpoints.touched();
        vi.advanceTimersByTime(500);
      }
      expect(checkpointed()).toHaveLength(2);

      checkpoints.close();
      expect(fs.statSync(path.join(dir, `${DB_FILE}-wal`)).size).toBe(0);
      db.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
