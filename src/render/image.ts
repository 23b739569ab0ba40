/**
 * The picture the 周调度 and 月通报 post into the WeChat group: a ranking table of the 镇街 above the bar
 * chart of reporting rate and investment completion, in one PNG that reads on a phone.
 *
 * The table is plain SVG built here (no browser); the chart is ECharts' SVG. Both are nested in one
 * SVG document and rasterised once by resvg with the CJK fonts loaded.
 */
import type { Bulletin } from '../core/stats/bulletin';
import { barChartSvg, cjkFonts, fontFamilyList, svgToPng, type CjkFont } from './chart';
import type { GroupFigures, RankEntry } from '../core/stats/types';
import { LIGHT_FILLS } from './xlsx';
import { dayLabel, percentText } from '../text/format';

export type CellFill = 'red' | 'yellow';

export interface ImageColumn {
  header: string;
  /** Pixels. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface ImageRow {
  cells: string[];
  fills?: (CellFill | null)[];
}

export interface ImageTable {
  title: string;
  subtitle?: string;
  columns: ImageColumn[];
  rows: ImageRow[];
  /** Footnote, e.g. the ranking rule; wrapped to the width, '\n' starts a new line. */
  note?: string;
  /** Width of the whole picture in px; the table is centred in it. Default: the columns plus margins. */
  width?: number;
}

export interface SvgPart {
  svg: string;
  width: number;
  height: number;
}

export const IMAGE_WIDTH = 900;
export const CHART_HEIGHT = 500;
export const NO_DATA = '暂无数据';
const MISSING = '—';

// Layout, px. Cell text 18 px: the picture is read on a phone, scaled down to its width.
const MARGIN = 24;
const TITLE_SIZE = 26;
const SUBTITLE_SIZE = 16;
const HEADER_SIZE = 17;
const CELL_SIZE = 18;
const NOTE_SIZE = 15;
const NOTE_LINE = 24;
const HEADER_HEIGHT = 44;
const ROW_HEIGHT = 42;
const CELL_PAD = 10;

const COLORS = {
  title: '#1f2d3d',
  subtitle: '#5a6572',
  text: '#222222',
  muted: '#8a94a0',
  note: '#5a6572',
  header: '#D9E1F2', // the workbook's header fill
  zebra: '#F5F7FA',
  border: '#C5CEDA',
  frame: '#8E9BB0',
};

/** Excel ARGB ('FFFFC7CE') to CSS ('#FFC7CE'): the workbook's light colours, so both read alike. */
const css = (argb: string) => `#${argb.slice(2)}`;
const FILLS: Record<CellFill, { fill: string; text: string }> = {
  red: { fill: css(LIGHT_FILLS.red.fill), text: css(LIGHT_FILLS.red.font) },
  yellow: { fill: css(LIGHT_FILLS.yellow.fill), text: css(LIGHT_FILLS.yellow.font) },
};

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Estimated width of a text in px: ASCII ≈ 0.55 em, anything else (CJK, '…', '—') ≈ 1 em. */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += ch.codePointAt(0)! < 0x80 ? 0.55 : 1;
  return em * size;
}

/** The text, cut and ended with '…' when wider than `max` px. */
export function fitText(text: string, max: number, size: number): string {
  if (textWidth(text, size) <= max) return text;
  const budget = max - textWidth('…', size);
  let out = '';
  for (const ch of text) {
    if (textWidth(out + ch, size) > budget) break;
    out += ch;
  }
  return `${out}…`;
}

/** Lines of at most `max` px, breaking anywhere (Chinese has no spaces to break at). */
export function wrapText(text: string, max: number, size: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const ch of para) {
      if (line && textWidth(line + ch, size) > max) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
    lines.push(line);
  }
  return lines;
}

/** Baseline that centres CJK glyphs (≈ 0.88 em ascent) on `middle`. */
const baseline = (middle: number, size: number) => middle + size * 0.36;

interface TextOpts {
  size: number;
  color: string;
  anchor?: 'start' | 'middle' | 'end';
  bold?: boolean;
}

function text(x: number, y: number, s: string, o: TextOpts): string {
  // The fonts have no bold face and resvg does not embolden, so a thin outline stands in for it.
  const bold = o.bold ? ` font-weight="bold" stroke="${o.color}" stroke-width="${(o.size * 0.04).toFixed(2)}"` : '';
  return `<text x="${x}" y="${y.toFixed(1)}" font-size="${o.size}" fill="${o.color}" text-anchor="${o.anchor ?? 'start'}"${bold}>${escapeXml(s)}</text>`;
}

/** A cell's text placed by its alignment, truncated to the cell. */
function cellText(x: number, w: number, middle: number, s: string, align: ImageColumn['align'], o: TextOpts): string {
  const fitted = fitText(s, w - 2 * CELL_PAD, o.size);
  const y = baseline(middle, o.size);
  if (align === 'right') return text(x + w - CELL_PAD, y, fitted, { ...o, anchor: 'end' });
  if (align === 'center') return text(x + w / 2, y, fitted, { ...o, anchor: 'middle' });
  return text(x + CELL_PAD, y, fitted, { ...o, anchor: 'start' });
}

/** A table as a standalone SVG document: title, subtitle, header row, zebra rows with borders, footnote. */
export function tableSvg(t: ImageTable, fonts: readonly CjkFont[] = cjkFonts()): SvgPart {
  const tableWidth = t.columns.reduce((a, c) => a + c.width, 0);
  const width = Math.max(t.width ?? 0, tableWidth + 2 * MARGIN);
  const left = Math.round((width - tableWidth) / 2);
  const right = left + tableWidth;
  const inner = width - 2 * MARGIN;
  const xs: number[] = [left];
  for (const c of t.columns) xs.push(xs[xs.length - 1]! + c.width);

  const parts: string[] = [];
  let y = MARGIN;
  parts.push(text(width / 2, y + TITLE_SIZE * 0.88, fitText(t.title, inner, TITLE_SIZE), { size: TITLE_SIZE, color: COLORS.title, anchor: 'middle', bold: true }));
  y += Math.round(TITLE_SIZE * 1.4);
  if (t.subtitle) {
    parts.push(text(width / 2, y + SUBTITLE_SIZE * 0.88, fitText(t.subtitle, inner, SUBTITLE_SIZE), { size: SUBTITLE_SIZE, color: COLORS.subtitle, anchor: 'middle' }));
    y += Math.round(SUBTITLE_SIZE * 1.5);
  }
  y += 10;

  const top = y;
  parts.push(`<rect x="${left}" y="${top}" width="${tableWidth}" height="${HEADER_HEIGHT}" fill="${COLORS.header}"/>`);
  t.columns.forEach((c, i) => {
    parts.push(cellText(xs[i]!, c.width, top + HEADER_HEIGHT / 2, c.header, 'center', { size: HEADER_SIZE, color: COLORS.text, bold: true }));
  });
  y += HEADER_HEIGHT;

  // Row boundaries drawn as lines, so borders are 1 px whatever the number of rows.
  const hLines = [top, y];
  if (!t.rows.length) {
    parts.push(text(width / 2, baseline(y + ROW_HEIGHT / 2, CELL_SIZE), NO_DATA, { size: CELL_SIZE, color: COLORS.muted, anchor: 'middle' }));
    y += ROW_HEIGHT;
    hLines.push(y);
  }
  t.rows.forEach((row, r) => {
    if (r % 2 === 1) parts.push(`<rect x="${left}" y="${y}" width="${tableWidth}" height="${ROW_HEIGHT}" fill="${COLORS.zebra}"/>`);
    t.columns.forEach((c, i) => {
      const fill = row.fills?.[i] ? FILLS[row.fills[i]!] : null;
      if (fill) parts.push(`<rect x="${xs[i]}" y="${y}" width="${c.width}" height="${ROW_HEIGHT}" fill="${fill.fill}"/>`);
      const s = row.cells[i] ?? '';
      if (s) parts.push(cellText(xs[i]!, c.width, y + ROW_HEIGHT / 2, s, c.align, { size: CELL_SIZE, color: fill ? fill.text : COLORS.text }));
    });
    y += ROW_HEIGHT;
    hLines.push(y);
  });
  const bottom = y;
  const grid: string[] = [];
  for (const ly of hLines.slice(1, -1)) grid.push(`M${left} ${ly + 0.5}H${right}`);
  // No inner vertical lines across the 暂无数据 row.
  const vBottom = t.rows.length ? bottom : top + HEADER_HEIGHT;
  for (const lx of xs.slice(1, -1)) grid.push(`M${lx + 0.5} ${top}V${vBottom}`);
  parts.push(`<path d="${grid.join('')}" stroke="${COLORS.border}" stroke-width="1" fill="none"/>`);
  parts.push(`<rect x="${left + 0.5}" y="${top + 0.5}" width="${tableWidth - 1}" height="${bottom - top - 1}" stroke="${COLORS.frame}" stroke-width="1" fill="none"/>`);

  y += 8;
  if (t.note) {
    for (const line of wrapText(t.note, tableWidth, NOTE_SIZE)) {
      parts.push(text(left, y + NOTE_LINE / 2 + NOTE_SIZE * 0.36, line, { size: NOTE_SIZE, color: COLORS.note }));
      y += NOTE_LINE;
    }
  }
  const height = Math.ceil(y + 14);

  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>` +
    `<g font-family="${fontFamilyList(fonts)}">${parts.join('')}</g></svg>`;
  return { svg, width, height };
}

// ---------------------------------------------------------------------------------------------
// The bulletin's picture

/** Points ahead of (+) or behind (-) the year's 序时进度: the short form of `investment.phrase`. */
const points = (v: number | null) => (v === null ? MISSING : v > 0 ? `+${v.toFixed(1)}` : v.toFixed(1));

const TOWN_COLUMNS: ImageColumn[] = [
  { header: '排名', width: 60, align: 'center' },
  { header: '镇街', width: 156, align: 'left' },
  { header: '项目数', width: 80, align: 'right' },
  { header: '报送率', width: 96, align: 'right' },
  { header: '投资完成率', width: 112, align: 'right' },
  { header: '较序时进度', width: 110, align: 'right' },
  { header: '红灯', width: 64, align: 'right' },
  { header: '黄灯', width: 64, align: 'right' },
  { header: '未销号问题', width: 110, align: 'right' },
];

/** `11月23日至11月29日`, one day alone, and the as-of date when the period runs on. */
export function periodLabel(from: string, to: string, asOf = to): string {
  const range = from === to ? dayLabel(from) : `${dayLabel(from)}至${dayLabel(to)}`;
  return asOf < to ? `${range}（截至${dayLabel(asOf)}）` : range;
}

/** The 镇街 in the order of the reporting-rate ranking, with their ranks; any the ranking lacks come last, unranked. */
function rankedTowns(b: Bulletin): { rank: number | null; group: GroupFigures }[] {
  const groups = new Map(b.byTown.groups.map((g) => [g.key, g]));
  const ranking = b.byTown.rankings.groups.find((r) => r.metric === 'reportingRate');
  const entries: RankEntry[] = ranking?.entries ?? [];
  const out: { rank: number | null; group: GroupFigures }[] = [];
  for (const e of entries) {
    const g = groups.get(e.key);
    if (!g) continue;
    out.push({ rank: e.rank, group: g });
    groups.delete(e.key);
  }
  for (const g of groups.values()) out.push({ rank: null, group: g });
  return out;
}

/** The ranking table of the 镇街. */
export function townTable(b: Bulletin): ImageTable {
  const f = b.byTown;
  const ranking = f.rankings.groups.find((r) => r.metric === 'reportingRate');
  const rows = rankedTowns(b).map(({ rank, group: g }): ImageRow => ({
    cells: [
      rank === null ? MISSING : String(rank),
      g.key,
      String(g.projects),
      percentText(g.reporting.rate),
      percentText(g.investment.completionRate),
      points(g.investment.aheadPoints),
      String(g.lights.red),
      String(g.lights.yellow),
      String(g.problems.open),
    ],
    fills: [null, null, null, null, null, null, g.lights.red > 0 ? 'red' : null, g.lights.yellow > 0 ? 'yellow' : null, null],
  }));
  const notes = [
    ranking ? `注：${ranking.rule}。` : null,
    `较序时进度：投资完成率与全年序时进度（${f.schedulePercent.toFixed(1)}%）之差，单位为百分点，正数为超过、负数为落后。`,
  ];
  return {
    title: b.title,
    subtitle: periodLabel(f.period.from, f.period.to, f.asOf),
    columns: TOWN_COLUMNS,
    rows,
    note: notes.filter((n) => n !== null).join('\n'),
    width: IMAGE_WIDTH,
  };
}

/** A category label cut to its slot: the chart draws labels whole, and long names run into each other. */
function chartLabel(name: string, count: number): string {
  // 13 px labels; past 8 categories the chart tilts them, which frees width but not height.
  const slot = count > 8 ? 96 : Math.min(130, (IMAGE_WIDTH - 100) / count - 12);
  return fitText(name, slot, 13);
}

export interface BulletinImage extends SvgPart {
  /** Height of the table part; the chart starts below it. */
  tableHeight: number;
  /** 0 when there are no 镇街 and so no chart. */
  chartHeight: number;
}

/** The table above the chart, as one SVG document. */
export function bulletinImageSvg(b: Bulletin, fonts: readonly CjkFont[] = cjkFonts()): BulletinImage {
  const table = tableSvg(townTable(b), fonts);
  const towns = rankedTowns(b).map((t) => t.group);
  // Nothing to plot without 镇街: the table's 暂无数据 says it all.
  const chart = towns.length
    ? barChartSvg({
        title: '各镇街报送率与投资完成率',
        // Same order as the table, so a town is found at the same place in both.
        categories: towns.map((g) => chartLabel(g.key, towns.length)),
        series: [
          { name: '报送率', values: towns.map((g) => g.reporting.rate), unit: '%' },
          { name: '投资完成率', values: towns.map((g) => g.investment.completionRate), unit: '%' },
        ],
        width: IMAGE_WIDTH,
        height: CHART_HEIGHT,
        fonts,
      })
    : null;
  const chartHeight = chart ? CHART_HEIGHT : 0;
  const height = table.height + chartHeight;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${IMAGE_WIDTH}" height="${height}" viewBox="0 0 ${IMAGE_WIDTH} ${height}">` +
    `<rect width="${IMAGE_WIDTH}" height="${height}" fill="#ffffff"/>` +
    table.svg +
    (chart ? `<g transform="translate(0 ${table.height})">${chart}</g>` : '') +
    `</svg>`;
  return { svg, width: IMAGE_WIDTH, height, tableHeight: table.height, chartHeight };
}

/** The bulletin's picture as PNG: the 镇街 ranking table above the bar chart, 900 px wide. */
export function bulletinImagePng(b: Bulletin, fonts: readonly CjkFont[] = cjkFonts()): Buffer {
  return svgToPng(bulletinImageSvg(b, fonts).svg, fonts);
}
