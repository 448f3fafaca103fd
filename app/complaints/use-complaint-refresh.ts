'use client';

import { useEffect, useRef } from 'react';
import { useSocketEvent } from '../lib/use-socket';

/**
 * Calls `refresh` when a complaint changes (complaint:updated / complaint:assigned, coalesced over
 * 300 ms) and every `pollMs` as a fallback: socket events are at most once.
 */
export function useComplaintRefresh(refresh: () => void, filter: (complaintId: string) => boolean = () => true, pollMs = 15_000) {
  const latest = useRef(refresh);
  useEffect(() => {
    latest.current = refresh;
  });
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const schedule = (id: string) => {
    if (!filter(id)) return;
    if (pending.current) clearTimeout(pending.current);
    pending.current = setTimeout(() => latest.current(), 300);
  };
  useSocketEvent('complaint:updated', (e) => schedule(e.complaint.id));
  useSocketEvent('complaint:assigned', (e) => schedule(e.complaint.id));
  useEffect(() => {
    const timer = setInterval(() => latest.current(), pollMs);
    return () => {
      clearInterval(timer);
      if (pending.current) clearTimeout(pending.current);
    };
  }, [pollMs]);
}
