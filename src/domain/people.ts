export interface Person {
  id: number;
  puppetContactId: string | null;
  name: string;
  isAdmin: boolean;
}

export type Role = 'liaison' | 'leader';
