export type ProblemStatus = 'open' | 'closed' | 'withdrawn';

/** A problem raised in daily reports and tracked until closed (销号); its id is its number. */
export interface Problem {
  id: number;
  projectId: number;
  text: string;
  firstDate: string;
  lastDate: string;
  status: ProblemStatus;
  announcedLevel: number;
  reopens: number | null;
  closedBy: number | null;
  closedAt: string | null;
  closeNote: string | null;
}
