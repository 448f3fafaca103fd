import type { ReactNode } from 'react';
import { Shell } from '../components/shell';

export default function AgentLayout({ children }: { children: ReactNode }) {
  return <Shell roles={['agent']}>{children}</Shell>;
}
