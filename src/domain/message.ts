export type MessageOutcome =
  | 'report'
  | 'invalid'
  /** The #模板 text sent back unchanged. */
  | 'template'
  | 'command'
  | 'chatter'
  | 'stale'
  | 'photo'
  | 'unbound'
  | 'error';

export interface InboundRecord {
  puppetMessageId: string;
  groupId: number | null;
  personId: number | null;
  roomTopic: string | null;
  talkerName: string;
  type: string;
  text: string | null;
  postedAt: Date;
  receivedAt: Date;
}
