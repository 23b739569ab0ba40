import type { Db } from './db';
import type { Project, ProjectInput, ProjectStatus } from '../domain/project';
import { shanghaiIso } from '../time/clock';

export interface UpsertSummary {
  inserted: number;
  updated: number;
  /** Projects whose stored row already matched the input. */
  unchanged: number;
}

/** The columns an import writes, as bound to the statements. */
interface ProjectColumns {
  name: string;
  aliases: string;
  category: string | null;
  chain: string | null;
  town: string | null;
  unit: string | null;
  leader: string | null;
  liaison: string | null;
  total_investment: number | null;
  annual_plan: number | null;
  planned_start: string | null;
  planned_finish: string | null;
  status: string;
  registered: number;
}

interface DbRow extends ProjectColumns {
  id: number;
  updated_at: string;
}

const toProject = (r: DbRow): Project => ({
  id: r.id,
  name: r.name,
  aliases: JSON.parse(r.aliases) as string[],
  category: r.category,
  chain: r.chain,
  town: r.town,
  unit: r.unit,
  leader: r.leader,
  liaison: r.liaison,
  totalInvestment: r.total_investment,
  annualPlan: r.annual_plan,
  plannedStart: r.planned_start,
  plannedFinish: r.planned_finish,
  // Only the registry import writes projects, and it admits nothing else.
  status: r.status as ProjectStatus,
  registered: r.registered === 1,
  updatedAt: r.updated_at,
});

const toColumns = (p: ProjectInput): ProjectColumns => ({
  name: p.name,
  aliases: JSON.stringify(p.aliases),
  category: p.category,
  chain: p.chain,
  town: p.town,
  unit: p.unit,
  leader: p.leader,
  liaison: p.liaison,
  total_investment: p.totalInvestment,
  annual_plan: p.annualPlan,
  planned_start: p.plannedStart,
  planned_finish: p.plannedFinish,
  status: p.status,
  registered: p.registered ? 1 : 0,
});

const sameColumns = (stored: DbRow, next: ProjectColumns): boolean =>
  (Object.keys(next) as (keyof ProjectColumns)[]).every((k) => stored[k] === next[k]);

type Written = ProjectColumns & { updated_at: string };

/** The project registry (项目台账). */
export class ProjectStore {
  private byNameStmt;
  private byIdStmt;
  private allStmt;
  private insertStmt;
  private updateStmt;

  constructor(private readonly db: Db) {
    this.byNameStmt = db.prepare<[string], DbRow>('SELECT * FROM projects WHERE name = ?');
    this.byIdStmt = db.prepare<[number], DbRow>('SELECT * FROM projects WHERE id = ?');
    this.allStmt = db.prepare<[], DbRow>('SELECT * FROM projects ORDER BY id');
    this.insertStmt = db.prepare<[Written]>(
      `INSERT INTO projects
         (name, aliases, category, chain, town, unit, leader, liaison, total_investment, annual_plan,
          planned_start, planned_finish, status, registered, updated_at)
       VALUES (@name, @aliases, @category, @chain, @town, @unit, @leader, @liaison, @total_investment, @annual_plan,
          @planned_start, @planned_finish, @status, @registered, @updated_at)`,
    );
    this.updateStmt = db.prepare<[Written]>(
      `UPDATE projects SET
         aliases = @aliases, category = @category, chain = @chain, town = @town, unit = @unit, leader = @leader,
         liaison = @liaison, total_investment = @total_investment, annual_plan = @annual_plan,
         planned_start = @planned_start, planned_finish = @planned_finish, status = @status,
         registered = @registered, updated_at = @updated_at
       WHERE name = @name`,
    );
  }

  /**
   * Inserts or updates projects by name in one transaction; projects not given are left alone.
   * `updated_at` moves only for rows that actually change.
   */
  upsert(projects: readonly ProjectInput[], now: Date): UpsertSummary {
    const updatedAt = shanghaiIso(now);
    return this.db.transaction(() => {
      const summary: UpsertSummary = { inserted: 0, updated: 0, unchanged: 0 };
      for (const project of projects) {
        const next = toColumns(project);
        const stored = this.byNameStmt.get(next.name);
        if (!stored) {
          this.insertStmt.run({ ...next, updated_at: updatedAt });
          summary.inserted++;
        } else if (sameColumns(stored, next)) {
          summary.unchanged++;
        } else {
          this.updateStmt.run({ ...next, updated_at: updatedAt });
          summary.updated++;
        }
      }
      return summary;
    })();
  }

  list(): Project[] {
    return this.allStmt.all().map(toProject);
  }

  byName(name: string): Project | undefined {
    const row = this.byNameStmt.get(name);
    return row && toProject(row);
  }

  /** Projects with the given ids, in that order; unknown ids are skipped. */
  byIds(ids: readonly number[]): Project[] {
    return ids.flatMap((id) => {
      const row = this.byIdStmt.get(id);
      return row ? [toProject(row)] : [];
    });
  }
}
