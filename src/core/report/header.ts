import { readDate } from './dates';
import { toHalfWidth } from './numbers';
import { cleanText } from './text';

/** What the first line says besides fields: the project, the report's date, whether it corrects one. */
export interface Header {
  project: string | null;
  /** The date as typed, e.g. 11月23日（星期一）. */
  date: string | null;
  correction: boolean;
}

// 更正 marks a correction of the day's report; 补报 a late one, filed on its date anyway. Spaces
// inside the brackets are bounded: an unbounded \s* before a failing tail is quadratic on long runs.
const MARKS = /[(（【[]?\s{0,3}(更正|修正|订正|补报|补发)版?\s{0,3}[)）】\]]?/g;
const CORRECTION_WORDS: ReadonlySet<string> = new Set(['更正', '修正', '订正']);
/** A line that is only a mark: 更正：, （更正）. */
const MARK_LINE = /^[(（【[]?\s{0,3}(?:更正|修正|订正)版?\s{0,3}[)）】\]]?[\s:：]*$/;
const MARK_AT = /[(（【[]?\s{0,3}(?:更正|修正|订正)版?\s{0,3}[)）】\]]?[\s:：]*/y;
// A short date such as 11.23 only when nothing follows it, so 3.5万吨 in a name is no date.
const DATE_ANYWHERE =
  /(?:\d{4}|[〇零一二三四五六七八九]{4})\s?年\s?\d{1,2}\s?月\s?\d{1,2}|\d{1,2}\s?月\s?\d{1,2}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|(?<![\d.])\d{1,2}[./]\d{1,2}(?=\s|$|[)）]|日报)|今天|今日|昨天|昨日|前天/;
/** What comes between a project's name and 日报 without being part of the name: XX项目施工日报. */
const REPORT_KIND = /(?:施工|工作|进度|每日|建设)$/;

/** Longer than a project's name, a date and a mark together: such a text is no header. */
const MAX_HEADER = 100;
const NO_HEADER: Header = { project: null, date: null, correction: false };

/**
 * Reads the text after the tag, or a title such as 城东中学扩建工程日报（11月23日）; a text too long
 * for a header says nothing (and costs nothing).
 */
export function readHeader(text: string): Header {
  if (text.length > MAX_HEADER) return NO_HEADER;
  let correction = false;
  let s = text.replace(MARKS, (_, word: string) => {
    if (CORRECTION_WORDS.has(word)) correction = true;
    return ' ';
  });
  let date: string | null = null;
  const m = DATE_ANYWHERE.exec(toHalfWidth(s));
  if (m) {
    const read = readDate(s.slice(m.index));
    const end = m.index + (read ? read.end : m[0].length);
    date = s.slice(m.index, end).trim();
    s = `${s.slice(0, m.index)} ${s.slice(end)}`;
  }
  return { project: cleanText(s), date, correction };
}

/** Whether a line is only a correction mark. */
export function isCorrectionLine(text: string): boolean {
  return MARK_LINE.test(text);
}

/** Where a correction mark before the tag ends (（更正）#日报), or `at` when there is none. */
export function skipCorrectionMark(s: string, at: number): number {
  MARK_AT.lastIndex = at;
  return MARK_AT.test(s) ? MARK_AT.lastIndex : at;
}

/**
 * A first line that names the report as 日报 at its end: 城东中学扩建工程日报, 11月23日XX项目日报,
 * XX项目施工日报（11月23日）. Its text without 日报, or null when words follow 日报 (日报晚点发).
 */
export function reportTitle(line: string, from: number): string | null {
  const k = line.indexOf('日报', from);
  if (k < 0) return null;
  // #城东中学扩建工程日报#: hash marks around the title are no part of it.
  const before = line.slice(from, k).replace(HASH, '').replace(REPORT_KIND, '');
  const after = line.slice(k + 2).replace(HASH, '');
  if (before.length + after.length > MAX_HEADER) return null; // a long sentence ending in 日报 is no title
  // 【11月23日日报】XX项目: the title in brackets, the project after it.
  if (CLOSING.test(after) && OPENING.test(before)) return `${before.slice(1)} ${after.slice(1)}`;
  return readHeader(after).project === null ? `${before} ${after}` : null;
}

const HASH = /^[#＃]/;
const OPENING = /^[【[（(]/;
const CLOSING = /^[】\]）)]/;

// Names of projects end so: 项目, 工程, 二期, 中心, 产业园, 小区, 医院, 改造, C区 …
const NAME_END =
  /(?:项目|工程|[一二三四五六七八九十\d]期|标段|中心|园|区|基地|厂|厂房|小区|学校|中学|小学|幼儿园|医院|大道|公路|道路|路|大桥|桥|隧道|馆|楼|广场|综合体|安置房|公寓|酒店|社区|新村|码头|港|枢纽|站|线|孵化器|改造|提升|整治|新建|扩建|修缮)$/;
const TRAILING_BRACKETS = /[(（][^()（）]*[)）]$/;
const NOT_A_NAME = /[，,。；;！!？?：:、]|日报|领导|各位|您好|你好|如下|汇报|情况|今日|今天/;
const MAX_NAME = 40;

/**
 * Whether a line's text reads as a project's name: short, one phrase, ending as names of projects
 * do (安置房（二期） too); or, in 【】 or before a colon and fields (城南污水泵站：形象进度52%), any phrase.
 */
export function isProjectName(text: string, marked: boolean): boolean {
  if (text.length < 2 || text.length > MAX_NAME || NOT_A_NAME.test(text)) return false;
  return marked || NAME_END.test(text.replace(TRAILING_BRACKETS, ''));
}
