/** The verdict colours of the reveal and the re-score notice read at 4.5:1 or more, in the light and the dark theme. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = fs.readFileSync('src/renderer/src/styles/tokens.css', 'utf8');
const colours = new Map<string, [string, string]>();
for (const m of css.matchAll(/--([\w-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/gi)) {
  colours.set(m[1]!, [m[2]!, m[3]!]);
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

// [foreground, background]: what AttemptReveal.module.css and RescoreNotice.module.css draw for each verdict and notice.
const PAIRS: Array<[string, string, string]> = [
  ['named, alias', 'good', 'good-soft'],
  ['listed', 'accent-strong', 'accent-soft'],
  ['echoed', 'text-2', 'surface-2'],
  ['negated', 'bad', 'bad-soft'],
  ['missed', 'warn', 'warn-soft'],
  ['why on named', 'text', 'good-soft'],
  ['why on listed', 'text', 'accent-soft'],
  ['why on negated', 'text', 'bad-soft'],
  ['why on missed', 'text', 'warn-soft'],
  ['evidence on named', 'text-2', 'good-soft'],
  ['evidence on listed', 'text-2', 'accent-soft'],
  ['evidence on echoed', 'text-2', 'surface-2'],
  ['evidence on missed', 'text-2', 'warn-soft'],
  ['legend', 'text-2', 'surface'],
  ['re-score notice', 'warn', 'warn-soft'],
  ['re-scored', 'good', 'good-soft'],
];

describe('verdict colours', () => {
  it.each(PAIRS)('%s: --%s on --%s is at least 4.5:1 in both themes', (_, fg, bg) => {
    const f = colours.get(fg);
    const b = colours.get(bg);
    expect(f && b).toBeTruthy();
    for (const theme of [0, 1] as const) expect(contrast(f![theme], b![theme])).toBeGreaterThanOrEqual(4.5);
  });
});
