import type { SocketData } from '../../server/realtime/events';

export type Role = SocketData['role'];

export interface ConsoleUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  locale: 'en' | 'zh-CN';
}

/** Where each role starts its day. */
export const HOME_BY_ROLE: Record<Role, string> = {
  agent: '/agent',
  supervisor: '/supervisor',
  complaint_handler: '/complaints',
  admin: '/admin',
};

export type Section = 'agent' | 'supervisor' | 'complaints' | 'customers' | 'admin';

/** The sections each role sees in the navigation; admins see everything. */
export const SECTIONS_BY_ROLE: Record<Role, Section[]> = {
  agent: ['agent', 'customers'],
  supervisor: ['supervisor', 'customers'],
  complaint_handler: ['complaints', 'customers'],
  admin: ['admin', 'agent', 'supervisor', 'complaints', 'customers'],
};

export const canSee = (role: Role, section: Section) => SECTIONS_BY_ROLE[role].includes(section);
