/** Anki's field HTML read as text: line breaks, bold, italics, lists and code kept; sounds, other tags and entities resolved. */

const HTML_HINT = /<(?:br|div|p|b|i|u|strong|em|span|ul|ol|li)\b[^<>]{0,200}>|&(?:nbsp|amp|lt|gt|quot);/i;

export function looksLikeHtml(rows: string[][]): boolean {
  let hinted = false;
  for (const row of rows.slice(0, 200)) {
    for (const cell of row) {
      if (cell.includes('```')) return false; // Markdown with code, where `<div>` is code, not markup
      if (!hinted && HTML_HINT.test(cell)) hinted = true;
    }
  }
  return hinted;
}

/** Anki field HTML → Markdown-ish plain text: line breaks, bold/italic, lists and code kept; other tags dropped. */
export function htmlToText(html: string): string {
  let out = '';
  let last = 0;
  const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>/g;
  const newline = (): void => {
    if (out && !out.endsWith('\n')) out += '\n';
  };
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    out += html.slice(last, m.index).replace(/\r?\n/g, ' ');
    last = m.index + m[0].length;
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    switch (tag) {
      case 'br':
        out += '\n';
        break;
      case 'div':
      case 'tr':
      case 'ul':
      case 'ol':
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
        newline();
        break;
      case 'p':
        newline();
        if (!closing) out += '\n';
        break;
      case 'li':
        if (!closing) {
          newline();
          out += '- ';
        }
        break;
      case 'b':
      case 'strong':
        out += '**';
        break;
      case 'i':
      case 'em':
        out += '*';
        break;
      case 'code':
        out += '`';
        break;
      case 'pre':
        newline();
        out += '```\n';
        break;
      default:
        break;
    }
  }
  out += html.slice(last).replace(/\r?\n/g, ' ');
  return decodeEntities(withoutSounds(out))
    .split('\n')
    .map(trimEndSpacesTabs)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Without Anki's `[sound:file.mp3]` references: a scan, in linear time (`/\[sound:[^\]\n]*\]/g` is quadratic on
 * "[sound:[sound:…" without a `]`).
 */
function withoutSounds(s: string): string {
  const MARK = '[sound:';
  let out = '';
  let from = 0;
  let close = -2; // the first `]` and line break at or after the current reference's name (-2: not looked for)
  let newline = -2;
  for (let at = s.indexOf(MARK); at >= 0; at = s.indexOf(MARK, at + 1)) {
    const name = at + MARK.length;
    if (close !== -1 && close < name) close = s.indexOf(']', name);
    if (close < 0) break; // no `]` after this one: none after a later one either
    if (newline !== -1 && newline < name) newline = s.indexOf('\n', name);
    if (newline >= 0 && newline < close) continue; // a reference does not span lines
    out += s.slice(from, at);
    from = close + 1;
    at = close;
  }
  return out + s.slice(from);
}

/** The line without the spaces and tabs at its end (a loop: `/[ \t]+$/` is quadratic on long inner runs). */
function trimEndSpacesTabs(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return line.slice(0, end);
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8}|#39);/g, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return safeCodePoint(parseInt(name.slice(2), 16), whole);
    if (name.startsWith('#')) return safeCodePoint(Number(name.slice(1)), whole);
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function safeCodePoint(n: number, fallback: string): string {
  if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return fallback;
  return n === 0xa0 ? ' ' : String.fromCodePoint(n);
}
