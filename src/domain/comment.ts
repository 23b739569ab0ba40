export interface Comment {
  id: number;
  reportId: number;
  projectId: number;
  date: string;
  personId: number;
  text: string;
  createdAt: string;
  /** When the day's report was first posted (whichever version is commented on): the comment's delay runs from it. */
  reportedAt: string;
}

/**
 * A person's first comment on a project's report of a day, as the statistics count it: the hours from
 * the day's first report to the comment.
 */
export interface FirstComment {
  projectId: number;
  /** The date of the report commented on. */
  date: string;
  personId: number;
  delayHours: number;
}
