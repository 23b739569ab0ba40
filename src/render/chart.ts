import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as echarts from 'echarts';
import { Resvg } from '@resvg/resvg-js';

/**
 * Bar charts for the bulletins, rendered to PNG without a browser: ECharts' server-side SVG
 * renderer draws the chart, resvg rasterises it. resvg only draws the fonts it is given, so a
 * CJK font file must be loaded or every Chinese character comes out as an empty box.
 *
 * Fonts: a system CJK font is preferred when one is installed; otherwise the font shipped by the
 * npm package `@embedpdf/fonts-sc` (Noto Sans Hans Regular, GB2312 subset, OFL-1.1, ~8 MB OTF),
 * which arrives with `npm ci`. The packaged font is always loaded as well, as a fallback.
 */

export interface CjkFont {
  path: string;
  /** The family name the font file declares (name table id 1/16). */
  family: string;
}

/** Common locations of Debian/Ubuntu CJK fonts, in order of preference. */
export const SYSTEM_CJK_FONTS: readonly CjkFont[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf', family: 'Noto Sans CJK SC' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYi Zen Hei' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYi Micro Hei' },
];

const PACKAGED_FONT_FAMILY = 'Noto Sans S Chinese';

/** The CJK font that ships with the npm package `@embedpdf/fonts-sc`. */
export function packagedCjkFont(): CjkFont {
  // The package's exports map exposes only its entry point, so locate the fonts beside it.
  const entry = require.resolve('@embedpdf/fonts-sc'); // .../dist/index.cjs
  const path = join(dirname(entry), '..', 'fonts', 'NotoSansHans-Regular.otf');
  if (!existsSync(path)) throw new Error(`CJK font missing: ${path} (run npm ci)`);
  return { path, family: PACKAGED_FONT_FAMILY };
}

/**
 * The CJK fonts to load: the first system font found among `candidates` (if any) first, then
 * the packaged font. The first entry's family is the one charts are drawn with.
 */
export function cjkFonts(candidates: readonly CjkFont[] = SYSTEM_CJK_FONTS): CjkFont[] {
  const system = candidates.find((f) => existsSync(f.path));
  const packaged = packagedCjkFont();
  return system ? [system, packaged] : [packaged];
}

/** A CSS font-family list naming the given fonts in order, ending with sans-serif. */
export function fontFamilyList(fonts: readonly CjkFont[]): string {
  const names = [...new Set(fonts.map((f) => f.family))];
  return [...names.map((n) => `'${n}'`), 'sans-serif'].join(', ');
}

/** resvg options that load exactly the given fonts (no system font scan: faster, reproducible). */
export function resvgFontOptions(fonts: readonly CjkFont[] = cjkFonts()) {
  const first = fonts[0];
  if (!first) throw new Error('no CJK font to render with');
  return {
    fontFiles: fonts.map((f) => f.path),
    loadSystemFonts: false,
    defaultFontFamily: first.family,
    sansSerifFamily: first.family,
  };
}

/** Rasterise an SVG document to PNG with the CJK fonts loaded and a white background. */
export function svgToPng(svg: string, fonts: readonly CjkFont[] = cjkFonts()): Buffer {
  const resvg = new Resvg(svg, {
    font: resvgFontOptions(fonts),
    background: '#ffffff',
    logLevel: 'off',
  });
  return resvg.render().asPng();
}

export interface BarSeries {
  name: string;
  /** null draws no bar: a town with nothing due has no rate, which is not a rate of 0%. */
  values: (number | null)[];
  /** Shown after each value label and on the axis, e.g. "%" or "万元". */
  unit?: string;
}

export interface BarChartOptions {
  title: string;
  categories: string[];
  series: BarSeries[];
  width?: number;
  height?: number;
  /** Fonts to draw with; defaults to {@link cjkFonts}(). */
  fonts?: readonly CjkFont[];
}

const PALETTE = ['#2f6fdb', '#e8833a', '#3aa655', '#c23531', '#8e5ec9', '#7a7a7a'];

function formatValue(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(Math.abs(v) >= 1000 ? 0 : 1);
}

/** Build the SVG text of a bar chart (one group of bars per category, one bar per series). */
export function barChartSvg(opts: BarChartOptions): string {
  const width = opts.width ?? 900;
  const height = opts.height ?? 500;
  const fonts = opts.fonts ?? cjkFonts();
  for (const s of opts.series) {
    if (s.values.length !== opts.categories.length) {
      throw new Error(`series "${s.name}" has ${s.values.length} values for ${opts.categories.length} categories`);
    }
  }
  // One value axis per distinct unit, at most two (left and right).
  const units: string[] = [];
  for (const s of opts.series) {
    const u = s.unit ?? '';
    if (!units.includes(u)) units.push(u);
  }
  const axisUnits = units.slice(0, 2);
  const axisOf = (s: BarSeries): number => Math.max(0, axisUnits.indexOf(s.unit ?? ''));
  const many = opts.categories.length > 8;

  const option: echarts.EChartsOption = {
    animation: false,
    backgroundColor: '#ffffff',
    color: PALETTE,
    textStyle: { fontFamily: fontFamilyList(fonts) },
    title: { text: opts.title, left: 'center', top: 12, textStyle: { fontSize: 20, fontWeight: 'bold', color: '#222' } },
    legend: { top: 46, data: opts.series.map((s) => s.name), textStyle: { fontSize: 13 } },
    grid: { left: 24, right: 24, top: 84, bottom: 16, containLabel: true },
    xAxis: {
      type: 'category',
      data: opts.categories,
      axisTick: { alignWithLabel: true },
      axisLabel: { interval: 0, rotate: many ? 40 : 0, fontSize: 13, color: '#333' },
    },
    yAxis: axisUnits.map((u, i) => ({
      type: 'value' as const,
      name: u,
      position: i === 0 ? ('left' as const) : ('right' as const),
      splitLine: { show: i === 0 },
      axisLabel: { fontSize: 12, color: '#555' },
    })),
    series: opts.series.map((s) => ({
      type: 'bar' as const,
      name: s.name,
      yAxisIndex: axisOf(s),
      data: s.values.map((v) => v ?? '-'),
      barMaxWidth: 36,
      label: {
        show: true,
        position: 'top' as const,
        fontSize: many ? 10 : 12,
        formatter: (p: { value?: unknown }) => `${formatValue(Number(p.value))}${s.unit ?? ''}`,
      },
    })),
  };

  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    // Without dispose the chart keeps timers alive and the process never exits.
    chart.dispose();
  }
}

/** Render a bar chart to PNG (width × height pixels) with Chinese labels. */
export function renderBarChartPng(opts: BarChartOptions): Buffer {
  const fonts = opts.fonts ?? cjkFonts();
  return svgToPng(barChartSvg({ ...opts, fonts }), fonts);
}
