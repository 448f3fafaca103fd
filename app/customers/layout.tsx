import type { ReactNode } from 'react';
import { Shell } from '../components/shell';

export default function CustomersLayout({ children }: { children: ReactNode }) {
  return <Shell roles="any">{children}</Shell>;
}
