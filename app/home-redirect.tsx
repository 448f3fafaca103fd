'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { fetchMe } from './lib/session';
import { HOME_BY_ROLE } from './lib/roles';

export function HomeRedirect() {
  const router = useRouter();
  useEffect(() => {
    const controller = new AbortController();
    fetchMe(controller.signal)
      .then(({ user }) => router.replace(user ? HOME_BY_ROLE[user.role] : '/login'))
      .catch(() => {
        if (!controller.signal.aborted) router.replace('/login');
      });
    return () => controller.abort();
  }, [router]);
  return null;
}
