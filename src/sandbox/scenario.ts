import { z } from 'zod';

const isoTime = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)$/.test(s) && !Number.isNaN(Date.parse(s)), {
  message: '应为带时区的 ISO 时间，例如 2026-11-23T08:00:00+08:00',
});

const message = z.strictObject({ at: isoTime, group: z.string().min(1).optional(), from: z.string().min(1), text: z.string().min(1) });
const until = z.strictObject({ until: isoTime });

/** A rehearsal scenario for `rishai simulate` (see README). Registry rows use the import's English keys. */
export const scenarioSchema = z.strictObject({
  start: isoTime,
  registry: z.array(z.record(z.string(), z.unknown())).min(1),
  admins: z.array(z.string().min(1)).default([]),
  groups: z
    .array(
      z.strictObject({
        topic: z.string().min(1),
        members: z.array(z.string().min(1)),
        projects: z.array(z.string().min(1)).default([]),
        dispatch: z.boolean().default(false),
      }),
    )
    .min(1),
  settings: z.record(z.string(), z.string()).default({}),
  steps: z.array(z.union([message, until])).default([]),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type Step = Scenario['steps'][number];

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

/** Validates a scenario; every problem names the path of the bad key, e.g. `steps[2].at`. */
export function readScenario(json: unknown): ScenarioResult {
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => {
        const at = i.path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '');
        return `${at || '(根)'}: ${i.message}`;
      }),
    };
  }
  const s = parsed.data;
  const errors: string[] = [];
  let last = Date.parse(s.start);
  s.steps.forEach((step, i) => {
    const key = 'until' in step ? 'until' : 'at';
    const t = Date.parse('until' in step ? step.until : step.at);
    if (t < last) errors.push(`steps[${i}].${key}: 早于上一步（步骤须按时间先后排列）`);
    last = Math.max(last, t);
    if (!('until' in step) && step.group && !s.groups.some((g) => g.topic === step.group)) {
      errors.push(`steps[${i}].group: 场景里没有群「${step.group}」`);
    }
  });
  s.groups.forEach((g, i) =>
    g.projects.forEach((p, j) => {
      if (!s.registry.some((r) => r.name === p || r['项目名称'] === p)) errors.push(`groups[${i}].projects[${j}]: 台账里没有项目「${p}」`);
    }),
  );
  return errors.length ? { ok: false, errors } : { ok: true, scenario: s };
}
