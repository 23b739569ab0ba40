/**
 * The warning thresholds and the bulletin's honour rules as admins set them with `#设置 预警` and
 * `#设置 通报`: stored in settings, each change logged old → new; the defaults live with the rules.
 */
import type { SettingsStore } from '../store/settings';
import { DEFAULT_THRESHOLDS, type WarningThresholds } from '../core/rules/warnings';
import { DEFAULT_HONOUR_RULES, type HonourRules } from '../core/stats/honours';
import { STAGNANT_DAYS } from '../core/stats/project';


/** What admins call each warning threshold in `#设置 预警 名称 数值`, with its unit and sane range. */
export const THRESHOLD_NAMES: Record<string, { key: keyof WarningThresholds; unit: string; max: number }> = {
  未报黄: { key: 'missingYellow', unit: '个工作日', max: 30 },
  未报红: { key: 'missingRed', unit: '个工作日', max: 30 },
  滞后黄: { key: 'behindYellow', unit: '个百分点', max: 100 },
  滞后红: { key: 'behindRed', unit: '个百分点', max: 100 },
  未入库黄: { key: 'unregisteredYellowDays', unit: '天', max: 365 },
  未入库红: { key: 'unregisteredRedDays', unit: '天', max: 365 },
};

const THRESHOLD_PREFIX = 'threshold';

/** The thresholds in force: the defaults, overridden by what admins set. */
export function currentThresholds(settings: SettingsStore): WarningThresholds {
  return settings.numbers(THRESHOLD_PREFIX, DEFAULT_THRESHOLDS);
}

export type ThresholdChange = { ok: true; message: string } | { ok: false; message: string };

/** Validates and applies `#设置 预警 名称 数值`; yellow must stay below red. */
export function setThreshold(settings: SettingsStore, name: string, value: string, by: string, now: Date): ThresholdChange {
  const def = THRESHOLD_NAMES[name];
  const names = Object.keys(THRESHOLD_NAMES).join('、');
  if (!def) return { ok: false, message: `没有「${name}」这项预警阈值。可设置：${names}，例如 #设置 预警 滞后黄 15` };
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > def.max) return { ok: false, message: `${name}应为 1–${def.max} 的整数（${def.unit}），读到「${value}」。` };
  const t = currentThresholds(settings);
  const next = { ...t, [def.key]: n };
  const pairs: [keyof WarningThresholds, keyof WarningThresholds][] = [
    ['missingYellow', 'missingRed'],
    ['behindYellow', 'behindRed'],
    ['unregisteredYellowDays', 'unregisteredRedDays'],
  ];
  if (pairs.some(([y, r]) => next[y] >= next[r])) return { ok: false, message: `黄色阈值须小于红色阈值，${name}设为 ${n} 不成立。` };
  settings.set(`${THRESHOLD_PREFIX}.${def.key}`, String(n), String(t[def.key]), by, now);
  return { ok: true, message: `已将预警阈值「${name}」由 ${t[def.key]} 改为 ${n} ${def.unit}，明早预警起生效。` };
}

/** The thresholds in force, for `#设置 预警` with nothing after it. */
export function describeThresholds(settings: SettingsStore): string {
  const t = currentThresholds(settings);
  return ['预警阈值：', ...Object.entries(THRESHOLD_NAMES).map(([name, d]) => `· ${name}：${t[d.key]} ${d.unit}`), '修改：#设置 预警 名称 数值'].join('\n');
}


/** What admins call each rule in `#设置 通报 名称 数值`, with its unit and sane range. */
export const HONOUR_RULE_NAMES: Record<string, { key: keyof HonourRules; unit: string; min: number; max: number }> = {
  表扬报送率: { key: 'commendRate', unit: '%', min: 1, max: 100 },
  表扬名额: { key: 'commendLimit', unit: '个', min: 0, max: 50 },
  表扬进度: { key: 'commendProgress', unit: '个百分点', min: 1, max: 100 },
  批评报送率: { key: 'criticiseRate', unit: '%', min: 1, max: 100 },
  批评逾期未开工天数: { key: 'criticiseOverdueDays', unit: '天', min: 1, max: 365 },
  // Stats marks stagnation only from STAGNANT_DAYS on, so a shorter span could never hit.
  批评停滞天数: { key: 'criticiseStagnantDays', unit: '天', min: STAGNANT_DAYS, max: 365 },
};

const HONOUR_PREFIX = 'honour';
const withUnit = (n: number, unit: string) => (unit === '%' ? `${n}%` : `${n} ${unit}`);

/** The rules in force: the defaults, overridden by what admins set. */
export function currentHonourRules(settings: SettingsStore): HonourRules {
  return settings.numbers(HONOUR_PREFIX, DEFAULT_HONOUR_RULES);
}

export type HonourRuleChange = { ok: true; message: string } | { ok: false; message: string };

/** Validates and applies `#设置 通报 名称 数值`; the criticism rate may not exceed the commendation rate. */
export function setHonourRule(settings: SettingsStore, name: string, value: string, by: string, now: Date): HonourRuleChange {
  const def = HONOUR_RULE_NAMES[name];
  const names = Object.keys(HONOUR_RULE_NAMES).join('、');
  if (!def) return { ok: false, message: `没有「${name}」这项通报规则。可设置：${names}，例如 #设置 通报 批评报送率 85` };
  const n = Number(value.trim().replace(/[%％]$/, ''));
  if (!value.trim() || !Number.isInteger(n) || n < def.min || n > def.max) {
    return { ok: false, message: `${name}应为 ${def.min}–${def.max} 的整数（${def.unit}），读到「${value}」。例如 #设置 通报 ${name} ${DEFAULT_HONOUR_RULES[def.key]}` };
  }
  const r = currentHonourRules(settings);
  const next = { ...r, [def.key]: n };
  if (next.criticiseRate > next.commendRate) {
    return { ok: false, message: `批评报送率须不高于表扬报送率（现为 批评 ${r.criticiseRate}%、表扬 ${r.commendRate}%），${name}设为 ${n}% 不成立。` };
  }
  settings.set(`${HONOUR_PREFIX}.${def.key}`, String(n), String(r[def.key]), by, now);
  return { ok: true, message: `已将通报规则「${name}」由 ${withUnit(r[def.key], def.unit)} 改为 ${withUnit(n, def.unit)}，下次月通报起生效。` };
}

/** The rules in force, for `#设置 通报` with nothing after it. */
export function describeHonourRules(settings: SettingsStore): string {
  const r = currentHonourRules(settings);
  return [
    '月通报表扬、批评规则：',
    `表扬：报送率 ≥ ${r.commendRate}%、月末绿灯，且投资完成不低于序时进度（无年度计划的，形象进度提升 ≥ ${r.commendProgress} 个百分点），最多 ${r.commendLimit} 个`,
    `批评（满足任一）：报送率 < ${r.criticiseRate}%；月末红灯；逾期 ≥ ${r.criticiseOverdueDays} 天未开工；形象进度 ≥ ${r.criticiseStagnantDays} 天无变化`,
    ...Object.entries(HONOUR_RULE_NAMES).map(([name, d]) => `· ${name}：${withUnit(r[d.key], d.unit)}`),
    '修改：#设置 通报 名称 数值，例如 #设置 通报 批评报送率 85',
  ].join('\n');
}
