import type { ReactNode } from 'react';
import { Shell } from '../components/shell';

/**
 * Complaint handlers work here; supervisors see what escalated to them; an agent may be an assignee
 * too (a queue rule) or open a complaint from a pop. Admins always pass.
 */
export default function ComplaintsLayout({ children }: { children: ReactNode }) {
  return <Shell roles={['complaint_handler', 'supervisor', 'agent']}>{children}</Shell>;
}
