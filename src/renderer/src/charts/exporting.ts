/** Downloads of what a chart shows: its numbers as CSV, its drawing as PNG. Nothing leaves the computer. */

import { toCsv, type Cell, type TableData } from '../../../shared/spreadsheet';

export type { Cell, TableData };

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadCsv(data: TableData, filename: string): void {
  download(new Blob(['\uFEFF', toCsv(data)], { type: 'text/csv;charset=utf-8' }), filename);
}

const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'color',
];

/** Copies the computed paint of every element, so CSS variables and light-dark() survive outside the page. */
function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  const style = STYLE_PROPS.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
  target.setAttribute('style', style);
  const from = source.children;
  const to = target.children;
  for (let i = 0; i < from.length && i < to.length; i++) inlineStyles(from[i]!, to[i]!);
}

/** One piece of a legend row: a swatch (solid colour or a gradient's stops) or a word. */
type LegendPiece = { text: string } | { colors: string[]; shape: 'bar' | 'line' | 'dot' | 'ramp' };

const TRANSPARENT = 'rgba(0, 0, 0, 0)';

/** The legends drawn in HTML around a chart (series, heat scale, calendar shades), read as they look now. */
function readLegends(card: Element): LegendPiece[][] {
  const swatch = (el: Element): LegendPiece => {
    const style = getComputedStyle(el);
    if (el.classList.contains('ramp')) {
      return { colors: style.backgroundImage.match(/(rgba?|oklab|oklch|color)\([^)]*\)/g) ?? [], shape: 'ramp' };
    }
    const shape = el.classList.contains('swatch-line') ? 'line' : el.classList.contains('swatch-dot') ? 'dot' : 'bar';
    return { colors: [style.backgroundColor !== TRANSPARENT ? style.backgroundColor : style.color], shape };
  };
  const row = (root: Element): LegendPiece[] => {
    const pieces: LegendPiece[] = [];
    for (const node of root.childNodes) {
      if (node instanceof Element && (node.classList.contains('swatch') || node.classList.contains('ramp'))) {
        pieces.push(swatch(node));
      } else if (node instanceof Element && node.tagName === 'LI') {
        pieces.push(...row(node), { text: '   ' });
      } else {
        const text = node.textContent?.replace(/\s+/g, ' ').trim();
        if (text) pieces.push({ text });
      }
    }
    return pieces;
  };
  return [...card.querySelectorAll('.chart-legend, .heat-scale, .activity-legend')].map(row);
}

/** Draws legend rows left to right, wrapping at `width`; returns the height used. */
function drawLegends(
  ctx: CanvasRenderingContext2D,
  rows: LegendPiece[][],
  at: { x: number; y: number; width: number; textColor: string },
): number {
  const { x: x0, y: y0, width } = at;
  const lineHeight = 20;
  let y = y0;
  for (const pieces of rows) {
    let x = x0;
    const widthOf = (piece: LegendPiece): number =>
      'text' in piece ? ctx.measureText(piece.text).width + 6 : piece.shape === 'ramp' ? 90 : 18;
    for (const [i, piece] of pieces.entries()) {
      const w = widthOf(piece);
      // A swatch stays on the line of the words it explains.
      const next = pieces[i + 1];
      const need = !('text' in piece) && next && 'text' in next ? w + widthOf(next) : w;
      if (x + need > x0 + width && x > x0) {
        x = x0;
        y += lineHeight;
      }
      if ('text' in piece) {
        ctx.fillStyle = at.textColor;
        ctx.fillText(piece.text, x, y + 13);
      } else if (piece.shape === 'ramp') {
        const gradient = ctx.createLinearGradient(x, 0, x + 80, 0);
        piece.colors.forEach((c, i) => gradient.addColorStop(i / Math.max(1, piece.colors.length - 1), c));
        ctx.fillStyle = gradient;
        ctx.fillRect(x, y + 4, 80, 10);
      } else {
        ctx.fillStyle = piece.colors[0] ?? '#888888';
        if (piece.shape === 'line') ctx.fillRect(x, y + 8, 14, 3);
        else if (piece.shape === 'dot') {
          ctx.beginPath();
          ctx.arc(x + 5, y + 9, 4.5, 0, Math.PI * 2);
          ctx.fill();
        } else ctx.fillRect(x, y + 4, 10, 10);
      }
      x += w;
    }
    y += lineHeight;
  }
  return y - y0;
}

/**
 * Draws an SVG onto a canvas at twice the size, with the chart's title above and its legends (which
 * are HTML on the page) below, and downloads it as PNG.
 */
export async function downloadSvgAsPng(svg: SVGSVGElement, title: string, filename: string): Promise<void> {
  const box = svg.getBoundingClientRect();
  const width = Math.ceil(box.width);
  const height = Math.ceil(box.height);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const url = URL.createObjectURL(
    new Blob([new XMLSerializer().serializeToString(clone)], { type: 'image/svg+xml;charset=utf-8' }),
  );
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
      image.src = url;
    });
    const card = svg.closest('.card') ?? document.body;
    const legends = readLegends(card);
    const scale = 2;
    const pad = 24;
    const titleHeight = 36;
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d')!;
    const page = getComputedStyle(card);
    const font = `12px ${page.fontFamily}`;
    // Measure the legends first (on a throwaway pass) to size the canvas.
    ctx.font = font;
    const textColor = page.color || '#000000';
    const legendHeight = legends.length ? drawLegends(ctx, legends, { x: 0, y: 0, width, textColor }) + 8 : 0;
    const fullWidth = width + pad * 2;
    const fullHeight = height + pad * 2 + titleHeight + legendHeight;
    canvas.width = fullWidth * scale;
    canvas.height = fullHeight * scale;
    ctx.scale(scale, scale);
    ctx.fillStyle = page.backgroundColor || '#ffffff';
    ctx.fillRect(0, 0, fullWidth, fullHeight);
    ctx.fillStyle = textColor;
    ctx.font = `600 16px ${page.fontFamily}`;
    ctx.fillText(title, pad, pad + 14);
    ctx.drawImage(image, pad, pad + titleHeight, width, height);
    ctx.font = font;
    drawLegends(ctx, legends, { x: pad, y: pad + titleHeight + height + 8, width, textColor });
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The chart could not be saved as an image.');
    download(blob, filename);
  } finally {
    URL.revokeObjectURL(url);
  }
}

export const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
