import type { Db } from './db';
import { GroupStore } from './groups';
import { PeopleStore } from './people';
import { MessageStore } from './messages';
import { ReportStore } from './reports';
import { OutboxStore } from './outbox';
import { ProjectStore } from './projects';
import { MediaStore } from './media';
import { StoppageStore } from './stoppages';
import { CommentStore } from './comments';
import { ProblemStore } from './problems';
import { SettingsStore } from './settings';
import { WarningStateStore } from './warnings';
import { backupDatabase } from './backup';
import { FailureCauseStore } from './failures';
import { AdminCodeStore } from './admin-codes';

/** Every table group's store over one database: what features, jobs and the bot read and write through. */
export interface Stores {
  db: Db;
  projects: ProjectStore;
  people: PeopleStore;
  groups: GroupStore;
  messages: MessageStore;
  reports: ReportStore;
  media: MediaStore;
  outbox: OutboxStore;
  stoppages: StoppageStore;
  comments: CommentStore;
  problems: ProblemStore;
  settings: SettingsStore;
  warnings: WarningStateStore;
  causes: FailureCauseStore;
  adminCodes: AdminCodeStore;
  /** Runs `fn` in one SQLite transaction (nested calls join the outer one): all of its writes or none. */
  transaction<T>(fn: () => T): T;
  /** A consistent copy of the whole database in `file`, taken while the bot runs. */
  backupTo(file: string): Promise<void>;
}

export function createStores(db: Db): Stores {
  return {
    db,
    projects: new ProjectStore(db),
    people: new PeopleStore(db),
    groups: new GroupStore(db),
    messages: new MessageStore(db),
    reports: new ReportStore(db),
    media: new MediaStore(db),
    outbox: new OutboxStore(db),
    stoppages: new StoppageStore(db),
    comments: new CommentStore(db),
    problems: new ProblemStore(db),
    settings: new SettingsStore(db),
    warnings: new WarningStateStore(db),
    causes: new FailureCauseStore(db),
    adminCodes: new AdminCodeStore(db),
    transaction: (fn) => db.transaction(fn)(),
    backupTo: (file) => backupDatabase(db, file),
  };
}
