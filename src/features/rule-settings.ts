/**
 * The warning thresholds and the bulletin's honour rules as admins set them with `#设置 预警` and
 * `#设置 通报`: stored in settings, each change logged old → new; the defaults live with the rules.
 */
import type { SettingsStore } from '../store/settings';
import { DEFAULT_THRESHOLDS, type WarningThresholds } from '../core/rules/warnings';
import { DEFAULT_HONOUR_RULES, type HonourRules } from '../core/stats/honours';
import { STAGNANT_DAYS } from '../core/stats/project';
import {
  honourRatesCrossed,
  honourRuleChanged,
  honourRuleOutOfRange,
  honourRulesText,
  thresholdChanged,
  thresholdOutOfRange,
  thresholdsCrossed,
  thresholdsText,
  unknownHonourRule,
  unknownThreshold,
  type Unit,
} from '../text/settings';

/** What admins call each warning threshold in `#设置 预警 名称 数值`, with its unit and sane range. */
export const THRESHOLD_NAMES: Record<string, { key: keyof WarningThresholds; unit: Unit; max: number }> = {
  未报黄: { key: 'missingYellow', unit: 'workdays', max: 30 },
  未报红: { key: 'missingRed', unit: 'workdays', max: 30 },
  滞后黄: { key: 'behindYellow', unit: 'points', max: 100 },
  滞后红: { key: 'behindRed', unit: 'points', max: 100 },
  未入库黄: { key: 'unregisteredYellowDays', unit: 'days', max: 365 },
  未入库红: { key: 'unregisteredRedDays', unit: 'days', max: 365 },
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
  if (!def) return { ok: false, message: unknownThreshold(name, Object.keys(THRESHOLD_NAMES)) };
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > def.max) return { ok: false, message: thresholdOutOfRange({ name, min: 1, max: def.max, unit: def.unit, typed: value }) };
  const t = currentThresholds(settings);
  const next = { ...t, [def.key]: n };
  const pairs: [keyof WarningThresholds, keyof WarningThresholds][] = [
    ['missingYellow', 'missingRed'],
    ['behindYellow', 'behindRed'],
    ['unregisteredYellowDays', 'unregisteredRedDays'],
  ];
  if (pairs.some(([y, r]) => next[y] >= next[r])) return { ok: false, message: thresholdsCrossed(name, n) };
  settings.set(`${THRESHOLD_PREFIX}.${def.key}`, String(n), String(t[def.key]), by, now);
  return { ok: true, message: thresholdChanged({ name, from: t[def.key], to: n, unit: def.unit }) };
}

/** The thresholds in force, for `#设置 预警` with nothing after it. */
export function describeThresholds(settings: SettingsStore): string {
  const t = currentThresholds(settings);
  return thresholdsText(Object.entries(THRESHOLD_NAMES).map(([name, d]) => ({ name, value: t[d.key], unit: d.unit })));
}

/** What admins call each rule in `#设置 通报 名称 数值`, with its unit and sane range. */
export const HONOUR_RULE_NAMES: Record<string, { key: keyof HonourRules; unit: Unit; min: number; max: number }> = {
  表扬报送率: { key: 'commendRate', unit: 'percent', min: 1, max: 100 },
  表扬名额: { key: 'commendLimit', unit: 'projects', min: 0, max: 50 },
  表扬进度: { key: 'commendProgress', unit: 'points', min: 1, max: 100 },
  批评报送率: { key: 'criticiseRate', unit: 'percent', min: 1, max: 100 },
  批评逾期未开工天数: { key: 'criticiseOverdueDays', unit: 'days', min: 1, max: 365 },
  // Stats marks stagnation only from STAGNANT_DAYS on, so a shorter span could never hit.
  批评停滞天数: { key: 'criticiseStagnantDays', unit: 'days', min: STAGNANT_DAYS, max: 365 },
};

const HONOUR_PREFIX = 'honour';

/** The rules in force: the defaults, overridden by what admins set. */
export function currentHonourRules(settings: SettingsStore): HonourRules {
  return settings.numbers(HONOUR_PREFIX, DEFAULT_HONOUR_RULES);
}

export type HonourRuleChange = { ok: true; message: string } | { ok: false; message: string };

/** Validates and applies `#设置 通报 名称 数值`; the criticism rate may not exceed the commendation rate. */
export function setHonourRule(settings: SettingsStore, name: string, value: string, by: string, now: Date): HonourRuleChange {
  const def = HONOUR_RULE_NAMES[name];
  if (!def) return { ok: false, message: unknownHonourRule(name, Object.keys(HONOUR_RULE_NAMES)) };
  const n = Number(value.trim().replace(/[%％]$/, ''));
  if (!value.trim() || !Number.isInteger(n) || n < def.min || n > def.max) {
    return { ok: false, message: honourRuleOutOfRange({ name, min: def.min, max: def.max, unit: def.unit, typed: value, example: DEFAULT_HONOUR_RULES[def.key] }) };
  }
  const r = currentHonourRules(settings);
  const next = { ...r, [def.key]: n };
  if (next.criticiseRate > next.commendRate) {
    return { ok: false, message: honourRatesCrossed(name, n, { criticise: r.criticiseRate, commend: r.commendRate }) };
  }
  settings.set(`${HONOUR_PREFIX}.${def.key}`, String(n), String(r[def.key]), by, now);
  return { ok: true, message: honourRuleChanged({ name, from: r[def.key], to: n, unit: def.unit }) };
}

/** The rules in force, for `#设置 通报` with nothing after it. */
export function describeHonourRules(settings: SettingsStore): string {
  const r = currentHonourRules(settings);
  return honourRulesText(r, Object.entries(HONOUR_RULE_NAMES).map(([name, d]) => ({ name, value: r[d.key], unit: d.unit })));
}
