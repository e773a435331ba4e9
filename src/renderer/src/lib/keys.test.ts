import { describe, expect, it } from 'vitest';
import { isSkipKey } from './keys';

const key = (code: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey', boolean>> = {}) =>
  ({ code, altKey: false, ctrlKey: false, metaKey: false, ...mods }) as KeyboardEvent;

describe('the skip key', () => {
  it('is Alt+S by key position, whatever character Option+S types', () => {
    expect(isSkipKey(key('KeyS', { altKey: true }))).toBe(true);
  });

  it('is not S alone, nor with Ctrl or Meta as well', () => {
    expect(isSkipKey(key('KeyS'))).toBe(false);
    expect(isSkipKey(key('KeyS', { altKey: true, ctrlKey: true }))).toBe(false);
    expect(isSkipKey(key('KeyS', { altKey: true, metaKey: true }))).toBe(false);
    expect(isSkipKey(key('KeyD', { altKey: true }))).toBe(false);
  });
});
