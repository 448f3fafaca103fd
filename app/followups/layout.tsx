import type { ReactNode } from 'react';
import { Shell } from '../components/shell';

export default function FollowUpsLayout({ children }: { children: ReactNode }) {
  return <Shell roles={['agent', 'supervisor']}>{children}</Shell>;
}
