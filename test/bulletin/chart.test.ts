import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  barChartSvg,
  cjkFonts,
  fontFamilyList,
  packagedCjkFont,
  renderBarChartPng,
  svgToPng,
  type BarChartOptions,
} from '../../src/render/chart';
import { decodePng, diff, ink, type Decoded } from '../support/png';

/** One line of text, 48 px, drawn with the given family list, as a decoded PNG. */
function textImage(text: string, family = fontFamilyList(cjkFonts())): Decoded {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="80">` +
    `<text x="10" y="58" style="font-size:48px;font-family:${family}" fill="#000">${text}</text></svg>`;
  return decodePng(svgToPng(svg));
}

// ---------------------------------------------------------------------------------------------

const TOWNS = ['城关街道', '东城街道', '西湖镇', '南山镇', '北港镇', '新安镇'];

function weekly(title = '第48周 各镇街报送率与投资完成率'): BarChartOptions {
  return {
    title,
    categories: TOWNS,
    series: [
      { name: '报送率', values: [98.5, 100, 87.2, 92, 76.4, 100], unit: '%' },
      { name: '投资完成率', values: [85.1, 91.3, 70.2, 66, 102.4, 88], unit: '%' },
    ],
  };
}

describe('CJK font', () => {
  it('ships with the npm package as a real OpenType file', () => {
    const font = packagedCjkFont();
    const head = fs.readFileSync(font.path).subarray(0, 4).toString('latin1');
    expect(head).toBe('OTTO'); // CFF-flavoured OpenType, not a WOFF2 piece
    expect(font.family).toBe('Noto Sans S Chinese');
  });

  it('prefers a system CJK font when one is present, and keeps the packaged one as fallback', () => {
    const packaged = packagedCjkFont();
    expect(cjkFonts([{ path: '/nonexistent/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' }])).toEqual([packaged]);
    // Stand-in for an installed system font: any existing file at the candidate path.
    const system = { path: packaged.path, family: 'Stand-in System CJK' };
    const fonts = cjkFonts([{ path: '/nonexistent/a.ttc', family: 'A' }, system]);
    expect(fonts).toEqual([system, packaged]);
    expect(fontFamilyList(fonts)).toBe("'Stand-in System CJK', 'Noto Sans S Chinese', sans-serif");
  });

  it('draws Chinese characters as glyphs, not empty boxes', () => {
    const a = textImage('镇街');
    const b = textImage('报送');
    // Both carry ink, and different characters give different ink: empty boxes (.notdef) would
    // be pixel-identical for any two strings of the same length.
    expect(ink(a)).toBeGreaterThan(300);
    expect(ink(b)).toBeGreaterThan(300);
    expect(diff(a, b)).toBeGreaterThan(300);
    // Glyphs differ in how much ink they take: 一 is a single stroke, 镇 has many.
    expect(ink(textImage('镇镇'))).toBeGreaterThan(3 * ink(textImage('一一')));
  });

  it('control: characters the font lacks do come out identical (so the check above can fail)', () => {
    // CJK Extension B characters, outside GB2312: both strings fall to the same .notdef box.
    const a = textImage('\u{20000}\u{20001}');
    const b = textImage('\u{20002}\u{20003}');
    expect(ink(a)).toBeGreaterThan(0); // the boxes are drawn…
    expect(diff(a, b)).toBe(0); // …and are all alike
  });
});

describe('renderBarChartPng', () => {
  it('writes a PNG of the requested size with non-blank content', () => {
    const img = decodePng(renderBarChartPng(weekly()));
    expect([img.width, img.height]).toEqual([900, 500]);
    expect(ink(img)).toBeGreaterThan(5000);
    // The corners stay white (background is painted, not transparent black).
    expect(ink(img, 0, 0, 10, 10)).toBe(0);
    expect(img.rgba[3]).toBe(255);

    const small = decodePng(renderBarChartPng({ ...weekly(), width: 640, height: 360 }));
    expect([small.width, small.height]).toEqual([640, 360]);
  });

  it('renders the Chinese title and category labels as text', () => {
    const a = decodePng(renderBarChartPng(weekly('城关街道报送率')));
    const b = decodePng(renderBarChartPng(weekly('西湖镇投资率高')));
    // The title band (top 40 px) has ink, and two different titles of the same length differ.
    expect(ink(a, 0, 0, 900, 40)).toBeGreaterThan(500);
    expect(diff(a, b, 0, 0, 900, 40)).toBeGreaterThan(500);
    // Below the title the two charts are identical.
    expect(diff(a, b, 0, 40, 900, 500)).toBe(0);

    // The category labels along the bottom: swapping two towns changes that band.
    const swapped = decodePng(
      renderBarChartPng({ ...weekly('城关街道报送率'), categories: ['西湖镇', '东城街道', '城关街道', '南山镇', '北港镇', '新安镇'] }),
    );
    expect(diff(a, swapped, 0, 470, 900, 500)).toBeGreaterThan(200);
  });

  it('puts the font family, the labels and the units into the SVG', () => {
    const svg = barChartSvg(weekly());
    expect(svg).toContain("font-family:'Noto Sans S Chinese'");
    for (const town of TOWNS) expect(svg).toContain(town);
    expect(svg).toContain('98.5%');
    expect(svg).toContain('102.4%');
    expect(svg).toContain('报送率');
  });

  it('gives a second unit its own axis and escapes markup in labels', () => {
    const png = renderBarChartPng({
      title: '投资 <万元> & 进度',
      categories: ['住建局', '交通局'],
      series: [
        { name: '完成投资', values: [1012.34, 600], unit: '万元' },
        { name: '完成率', values: [71.2, 30], unit: '%' },
      ],
    });
    expect(decodePng(png).width).toBe(900);
    const svg = barChartSvg({
      title: 'x',
      categories: ['住建局', '交通局'],
      series: [
        { name: '完成投资', values: [1012.34, 600], unit: '万元' },
        { name: '完成率', values: [71.2, 30], unit: '%' },
      ],
    });
    expect(svg).toContain('1012万元');
    expect(svg).toContain('71.2%');
  });

  it('rejects a series whose length does not match the categories', () => {
    expect(() => renderBarChartPng({ title: 't', categories: ['甲', '乙'], series: [{ name: 's', values: [1] }] })).toThrow(
      /1 values for 2 categories/,
    );
  });

  it('lets the process exit after rendering (the chart is disposed)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-chart-'));
    const script = path.join(dir, 'render.ts');
    const modulePath = path.resolve(__dirname, '../../src/render/chart');
    fs.writeFileSync(
      script,
      `import { renderBarChartPng } from ${JSON.stringify(modulePath)};\n` +
        `const png = renderBarChartPng({ title: '镇街', categories: ['甲'], series: [{ name: '率', values: [1] }] });\n` +
        `console.log(png.length > 0 ? 'ok' : 'empty');\n`,
    );
    const tsx = path.resolve(__dirname, '../../node_modules/tsx/dist/cli.mjs');
    const run = spawnSync(process.execPath, [tsx, script], { timeout: 15000, encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(run.error).toBeUndefined(); // ETIMEDOUT if the process hangs
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('ok');
  });
  it('draws no bar and no label for a missing value, unlike a zero', () => {
    const svg = (values: (number | null)[]) =>
      barChartSvg({ title: '报送率', categories: ['甲镇', '乙镇'], series: [{ name: '报送率', values, unit: '%' }], fonts: [packagedCjkFont()] });
    expect(svg([80, 0])).toMatch(/>0%</);
    expect(svg([80, null])).not.toMatch(/>0%</);
    expect(svg([80, null])).toMatch(/>80%</);
  });
});
