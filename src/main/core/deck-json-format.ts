/**
 * What marks a file as Prepdeck JSON, and the version of its layout: written by export/deck-json.ts, read by
 * import/json.ts. A leaf, so that the export worker carries the writer without the reader's zod.
 */
export const DECK_JSON_FORMAT = 'prepdeck-deck';
export const DECK_JSON_VERSION = 1;
