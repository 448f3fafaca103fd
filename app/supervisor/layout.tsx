import type { ReactNode } from 'react';
import { Shell } from '../components/shell';

export default function SupervisorLayout({ children }: { children: ReactNode }) {
  return <Shell roles={['supervisor']}>{children}</Shell>;
}
