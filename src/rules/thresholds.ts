import type { SettingsStore } from '../store/settings';
import { DEFAULT_THRESHOLDS, type WarningThresholds } from './warnings';

/** What admins call each warning threshold in `#设置 预警 名称 数值`, with its unit and sane range. */
export const THRESHOLD_NAMES: Record<string, { key: keyof WarningThresholds; unit: string; max: number }> = {
  未报黄: { key: 'missingYellow', unit: '个工作日', max: 30 },
  未报红: { key: 'missingRed', unit: '个工作日', max: 30 },
  滞后黄: { key: 'behindYellow', unit: '个百分点', max: 100 },
  滞后红: { key: 'behindRed', unit: '个百分点', max: 100 },
  未入库黄: { key: 'unregisteredYellowDays', unit: '天', max: 365 },
  未入库红: { key: 'unregisteredRedDays', unit: '天', max: 365 },
};

const PREFIX = 'threshold';
const settingKey = (k: keyof WarningThresholds) => `${PREFIX}.${k}`;

/** The thresholds in force: the defaults, overridden by what admins set. */
export function currentThresholds(settings: SettingsStore): WarningThresholds {
  return settings.numbers(PREFIX, DEFAULT_THRESHOLDS);
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
  settings.set(settingKey(def.key), String(n), String(t[def.key]), by, now);
  return { ok: true, message: `已将预警阈值「${name}」由 ${t[def.key]} 改为 ${n} ${def.unit}，明早预警起生效。` };
}

/** The thresholds in force, for `#设置 预警` with nothing after it. */
export function describeThresholds(settings: SettingsStore): string {
  const t = currentThresholds(settings);
  return ['预警阈值：', ...Object.entries(THRESHOLD_NAMES).map(([name, d]) => `· ${name}：${t[d.key]} ${d.unit}`), '修改：#设置 预警 名称 数值'].join('\n');
}
