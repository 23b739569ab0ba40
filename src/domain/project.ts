export const PROJECT_STATUSES = ['未开工', '在建', '已竣工', '停缓建'] as const;

export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** One project as read from the registry file. Money in 万元, dates `YYYY-MM-DD`. */
export interface ProjectInput {
  name: string;
  aliases: string[];
  category: string | null;
  chain: string | null;
  town: string | null;
  unit: string | null;
  leader: string | null;
  liaison: string | null;
  totalInvestment: number | null;
  annualPlan: number | null;
  plannedStart: string | null;
  plannedFinish: string | null;
  status: ProjectStatus;
  registered: boolean;
}

/** A stored project (项目台账 entry): the registry's columns plus our id. Money in 万元, dates `YYYY-MM-DD`. */
export interface Project extends ProjectInput {
  id: number;
  updatedAt: string;
}
