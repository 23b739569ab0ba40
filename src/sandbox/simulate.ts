import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock, shanghaiIso } from '../time/clock';
import { silentLogger } from '../log/log';
import { openDb } from '../store/db';
import { ProjectStore } from '../store/projects';
import { parseRegistryRows } from '../features/registry/read';
import { LiveCalendar } from '../features/calendar';
import { createApp } from '../app';
import { SettingsStore } from '../store/settings';
import { THRESHOLD_NAMES, setThreshold } from '../features/rule-settings';
import { MockWorld, type Sent } from './world';
import type { Scenario } from './scenario';
import { CalendarStore } from '../store/calendar';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * A line of the transcript: what the bot sent, where, when (virtual time). A file or image is a
 * line with `file` (its name) and `text` "" (WeChat files carry no caption; one follows as text).
 */
export type TranscriptLine =
  | { at: string; room: string; text: string; mentions: string[] }
  | { at: string; room: string; file: string; text: string }
  | { at: string; to: string; text: string }
  | { at: string; to: string; file: string; text: string };

export function transcriptLine(s: Sent): TranscriptLine {
  const at = shanghaiIso(s.at);
  if (s.file !== undefined) return s.room !== undefined ? { at, room: s.room, file: s.file, text: s.text } : { at, to: s.to!, file: s.file, text: s.text };
  return s.room !== undefined ? { at, room: s.room, text: s.text, mentions: s.mentions } : { at, to: s.to!, text: s.text };
}

export type SimulationResult = { ok: true } | { ok: false; errors: string[] };

/**
 * Runs the real bot (Wechaty on the mock puppet, the scheduler, the outbox with its real pacing)
 * through a scenario in virtual time, reporting every message the bot sends as it is sent.
 */
export async function simulate(scenario: Scenario, opts: { dbFile?: string; onSent: (line: TranscriptLine) => void }): Promise<SimulationResult> {
  const registry = parseRegistryRows(
    scenario.registry.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Array.isArray(v) ? v.join('、') : v]))),
    0,
  );
  if (!registry.ok) return { ok: false, errors: registry.errors.map((e) => `registry[${e.line}]: ${e.message.replace(/^第-?\d+行\s*/, '')}`) };

  const tmp = opts.dbFile ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'rishai-sim-'));
  const dbFile = opts.dbFile ?? path.join(tmp!, 'rishai.db');
  const clock = new ManualClock(scenario.start);
  const db = openDb(dbFile);
  const world = new MockWorld(clock, (s) => opts.onSent(transcriptLine(s)));
  const app = createApp({
    db,
    wechaty: world.wechaty,
    clock,
    log: silentLogger,
    settings: { admins: scenario.admins, staleSeconds: 120, photoWindowMinutes: 30, mediaDir: path.join(path.dirname(dbFile), 'media') },
    send: { gapMs: 2 * SECOND, jitterMs: 0, perMinute: 20, quietHours: { start: 22 * 60, end: 7 * 60 + 30 } },
    calendar: new LiveCalendar(new CalendarStore(db), clock),
  });
  try {
    const now = clock.now();
    new ProjectStore(db).upsert(
      registry.rows.map((r) => r.project),
      now,
    );
    await world.start();
    const { groups, people, projects } = app.stores;
    for (const g of scenario.groups) {
      const room = world.room(g.topic, g.members);
      const group = groups.ensure(room.id, g.topic, now);
      if (g.dispatch) groups.setDispatch(group.id, true);
      for (const name of g.projects) groups.bindProject(group.id, projects.byName(name)!.id, null, now);
      for (const member of g.members) groups.noteMember(group.id, people.see(world.person(member).id, member, now, scenario.admins).id);
    }
    const problems: string[] = [];
    // The same names as #设置: a job's time (提醒, 周调度 …) or a warning threshold (滞后黄 …).
    const settings = new SettingsStore(db);
    for (const [label, value] of Object.entries(scenario.settings)) {
      const r = THRESHOLD_NAMES[label]
        ? setThreshold(settings, label, value, 'scenario', now)
        : app.bot.services.schedule!.setTime(label, value, 'scenario', now);
      if (!r.ok) problems.push(`settings.${label}: ${r.message}`);
    }
    if (problems.length) return { ok: false, errors: problems };

    await app.scheduler.tick();
    const advance = async (to: number) => {
      while (clock.now().getTime() < to) {
        const t = clock.now().getTime();
        // Second by second while messages wait to be paced out; otherwise minute by minute.
        const pending = (app.stores.outbox.countByStatus().pending ?? 0) > 0;
        clock.set(Math.min(to, pending ? t + SECOND : Math.floor(t / MINUTE) * MINUTE + MINUTE));
        await app.scheduler.tick();
        await app.sender.drain();
      }
    };
    for (const step of scenario.steps) {
      if ('until' in step) {
        await advance(Date.parse(step.until));
        continue;
      }
      await advance(Date.parse(step.at));
      const id = world.say(step.from, step.group ?? null, step.text);
      await app.inbound.handled(id);
      await app.sender.drain();
    }
    // Let what is still queued go out, at the paced rate, as it would in reality.
    await advance(clock.now().getTime() + 10 * MINUTE);
    return { ok: true };
  } finally {
    app.scheduler.stop();
    await app.inbound.idle();
    await world.stop();
    db.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}
