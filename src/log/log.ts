/** Structured logging: one JSON line per event on stderr, quiet below the configured level. */
export type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export function createLogger(level: Level, write: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  const min = ORDER[level];
  const emit = (lvl: Level) => (event: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[lvl] < min) return;
    const extra: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) extra[k] = v instanceof Error ? v.stack ?? v.message : v;
    write(JSON.stringify({ t: new Date().toISOString(), level: lvl, event, ...extra }));
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

export const silentLogger: Logger = createLogger('error', () => {});

/**
 * Lets the same message through once per window and counts the rest, so a network outage that
 * fails every few milliseconds makes one log line a minute instead of thousands.
 */
export class RepeatGate {
  private seen = new Map<string, { until: number; suppressed: number }>();
  constructor(
    private windowMs: number,
    private now: () => number = Date.now,
  ) {}

  /** Returns the number suppressed since the last pass, or null when this one should be dropped. */
  pass(key: string): number | null {
    const t = this.now();
    const entry = this.seen.get(key);
    if (entry && t < entry.until) {
      entry.suppressed++;
      return null;
    }
    this.seen.set(key, { until: t + this.windowMs, suppressed: 0 });
    return entry?.suppressed ?? 0;
  }
}
