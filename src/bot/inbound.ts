/** A chat message as the bot sees it, independent of the puppet that delivered it. */
export interface Inbound {
  id: string;
  roomId: string | null;
  roomTopic: string | null;
  talkerId: string;
  talkerName: string;
  self: boolean;
  kind: 'text' | 'image' | 'other';
  text: string;
  postedAt: Date;
  /** When the puppet delivered it, if handling waited (e.g. for a re-bind after login). */
  receivedAt?: Date;
  /** People @-mentioned in the message, with the puppet's ids. */
  mentions: { id: string; name: string }[];
  /** The group's current members (group messages only), to learn who is in a group on binding. */
  roomMembers?: () => Promise<{ id: string; name: string }[]>;
  /** Saves an attached file under `dir` and returns its path (images only). */
  saveFile?: (dir: string, baseName: string) => Promise<string>;
}
