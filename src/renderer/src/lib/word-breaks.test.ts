import { describe, expect, it } from 'vitest';
import { wordBreakPieces } from './word-breaks';

describe('wordBreakPieces', () => {
  it('breaks a camel-case identifier at its humps', () => {
    expect(wordBreakPieces('FetchFromCacheMiddleware')).toEqual(['Fetch', 'From', 'Cache', 'Middleware']);
  });

  it('breaks after dots, underscores and slashes, keeping them on the line before', () => {
    expect(wordBreakPieces('transaction.on_commit')).toEqual(['transaction.', 'on_', 'commit']);
    expect(wordBreakPieces('LIMIT/OFFSET')).toEqual(['LIMIT/', 'OFFSET']);
  });

  it('leaves words, acronyms and spaces alone, and always joins back to the label', () => {
    expect(wordBreakPieces('Vary header')).toEqual(['Vary header']);
    expect(wordBreakPieces('CSRF')).toEqual(['CSRF']);
    for (const label of ['UpdateCacheMiddleware and FetchFromCacheMiddleware', 'get_user_model()', 'N+1', '']) {
      expect(wordBreakPieces(label).join('')).toBe(label);
    }
  });
});
