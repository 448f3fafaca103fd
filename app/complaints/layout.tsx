import type { ReactNode } from 'react';
import { Shell } from '../components/shell';

export default function ComplaintsLayout({ children }: { children: ReactNode }) {
  return <Shell roles={['complaint_handler']}>{children}</Shell>;
}
