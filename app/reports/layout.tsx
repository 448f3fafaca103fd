import type { ReactNode } from 'react';
import { Shell } from '../components/shell';

export default function ReportsLayout({ children }: { children: ReactNode }) {
  return <Shell roles={['supervisor', 'admin']}>{children}</Shell>;
}
