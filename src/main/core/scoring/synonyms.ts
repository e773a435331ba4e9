/**
 * Synonyms for general technical words, applied to the keywords of every deck.
 *
 * Each entry is a deliberate choice, reviewed like code: a keyword that contains one of `terms` is also
 * named by the same keyword with any other of `terms` in its place (`database index` is named by
 * `DB index`). `saidAs` is one-way: those words name the keyword, but a keyword that contains them is not
 * named by `terms` (`git` is version control; version control is not always git).
 *
 * What belongs here: abbreviations and spelled-out forms that mean the same in any technical deck.
 * What does not: words of one framework (that is the deck's aliases), and near-synonyms that are
 * different concepts (`authorization` is not `authentication`, `TLS` is not `HTTPS`).
 * Terms are matched as written by the keyword rules (so `DB` is an acronym, `DBs` its plural).
 */
export interface SynonymEntry {
  terms: readonly string[];
  saidAs?: readonly string[];
}

export const SYNONYMS: readonly SynonymEntry[] = [
  { terms: ['database', 'DB'] },
  { terms: ['configuration', 'config'] },
  { terms: ['asynchronous', 'async'] },
  { terms: ['synchronous', 'sync'] },
  { terms: ['authentication', 'auth', 'authn'] },
  { terms: ['authorization', 'authz'] },
  { terms: ['version control'], saidAs: ['git', 'VCS'] },
  { terms: ['environment variable', 'env var', 'env variable'] },
  { terms: ['.env file', 'dotenv', 'dotenv file'] },
  { terms: ['CSRF', 'XSRF', 'cross-site request forgery'] },
  { terms: ['XSS', 'cross-site scripting'] },
  { terms: ['SQL injection', 'SQLi'] },
  { terms: ['Kubernetes', 'k8s'] },
  { terms: ['performance', 'perf'] },
  { terms: ['repository', 'repo'] },
  { terms: ['production', 'prod'] },
  { terms: ['development', 'dev'] },
  { terms: ['N+1', 'n plus one', 'n plus 1'] },
  { terms: ['ORM', 'object-relational mapper', 'object relational mapping'] },
  { terms: ['foreign key', 'FK'] },
  { terms: ['primary key', 'PK'] },
  { terms: ['many-to-many', 'M2M'] },
  { terms: ['continuous integration', 'CI'] },
  { terms: ['time to live', 'TTL'] },
  { terms: ['content delivery network', 'CDN'] },
  { terms: ['internationalization', 'i18n'] },
  { terms: ['localization', 'l10n'] },
  { terms: ['regular expression', 'regex', 'regexp'] },
  { terms: ['documentation', 'docs'] },
  { terms: ['dependency', 'dep'] },
  { terms: ['two-factor authentication', '2FA'] },
  { terms: ['multi-factor authentication', 'MFA'] },
  { terms: ['out of memory', 'OOM'] },
  { terms: ['garbage collection', 'GC'] },
  { terms: ['JavaScript', 'JS'] },
  { terms: ['application programming interface', 'API'] },
  { terms: ['message queue', 'MQ'] },
  { terms: ['pull request', 'PR', 'merge request'] },
];
