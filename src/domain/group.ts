export interface Group {
  id: number;
  puppetRoomId: string | null;
  topic: string;
  isDispatch: boolean;
}
