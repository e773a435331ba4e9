/** Downloads of what a chart shows: its numbers as CSV, its drawing as PNG. Nothing leaves the computer. */

export type Cell = string | number | null | undefined;

export interface TableData {
  columns: string[];
  rows: Cell[][];
}

function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(Number(value.toFixed(6))) : value;
  return /[",\n\r]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV; a leading =, +, - or @ is quoted so a spreadsheet does not run it as a formula. */
export function toCsv({ columns, rows }: TableData): string {
  return [columns, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

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

/** Draws an SVG (with its title above) onto a canvas at twice the size, and downloads it as PNG. */
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
    const scale = 2;
    const pad = 24;
    const titleHeight = 36;
    const canvas = document.createElement('canvas');
    canvas.width = (width + pad * 2) * scale;
    canvas.height = (height + pad * 2 + titleHeight) * scale;
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    const page = getComputedStyle(svg.closest('.card') ?? document.body);
    ctx.fillStyle = page.backgroundColor || '#ffffff';
    ctx.fillRect(0, 0, width + pad * 2, height + pad * 2 + titleHeight);
    ctx.fillStyle = page.color || '#000000';
    ctx.font = `600 16px ${page.fontFamily}`;
    ctx.fillText(title, pad, pad + 14);
    ctx.drawImage(image, pad, pad + titleHeight, width, height);
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
