export interface Stoppage {
  id: number;
  projectId: number;
  reason: string;
  fromDate: string;
  toDate: string | null;
}
