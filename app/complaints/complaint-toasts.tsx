'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ComplaintAssigned } from '../../server/realtime/events';
import { useSocket } from '../lib/use-socket';

interface Toast {
  key: string;
  complaintId: string;
  text: string;
  tone: 'info' | 'warning';
}

const SHOW_MS = 12_000;
const MAX = 4;

/**
 * complaint:assigned and complaint:warning, on every console page: a toast linking to the complaint,
 * then `notification:ack` so the server stops replaying it on connect. Both are stored on the
 * server and replayed until acknowledged; a replay already shown (same notification id) is not shown twice.
 */
export function ComplaintToasts() {
  const t = useTranslations('complaints');
  const { socket } = useSocket();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const seen = useRef(new Set<string>());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((key: string) => {
    clearTimeout(timers.current.get(key));
    timers.current.delete(key);
    setToasts((list) => list.filter((x) => x.key !== key));
  }, []);

  const push = useCallback(
    (toast: Toast) => {
      setToasts((list) => [toast, ...list.filter((x) => x.key !== toast.key)].slice(0, MAX));
      timers.current.set(toast.key, setTimeout(() => dismiss(toast.key), SHOW_MS));
    },
    [dismiss],
  );

  useEffect(() => {
    if (!socket) return;
    const receive = (event: ComplaintAssigned, text: string, tone: Toast['tone']) => {
      const key = event.notificationId ?? `${event.complaint.id}-${event.complaint.level}-${tone}`;
      if (event.notificationId) socket.emit('notification:ack', { id: event.notificationId });
      if (seen.current.has(key)) return;
      seen.current.add(key);
      push({ key, complaintId: event.complaint.id, text, tone });
    };
    const summary = (e: ComplaintAssigned) => String(e.complaint.summary ?? e.complaint.id);
    const onAssigned = (e: ComplaintAssigned) => receive(e, t('toast.assigned', { level: e.complaint.level, summary: summary(e) }), 'info');
    const onWarning = (e: ComplaintAssigned & { deadline: 'respond' | 'resolve'; secondsLeft: number }) =>
      receive(e, t('toast.warning', { kind: t(`deadlineKind.${e.deadline}`), summary: summary(e), seconds: e.secondsLeft }), 'warning');
    socket.on('complaint:assigned', onAssigned);
    socket.on('complaint:warning', onWarning);
    return () => {
      socket.off('complaint:assigned', onAssigned);
      socket.off('complaint:warning', onWarning);
    };
  }, [socket, push, t]);

  useEffect(() => {
    const all = timers.current;
    return () => all.forEach((timer) => clearTimeout(timer));
  }, []);

  return (
    <div aria-live="polite" aria-label={t('toast.region')} role="region" className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-80 flex-col gap-2">
      {toasts.map((toast) => (
        <div
          key={toast.key}
          data-testid="complaint-toast"
          data-complaint-id={toast.complaintId}
          className={`pointer-events-auto rounded-lg border p-3 text-sm shadow-lg ${toast.tone === 'warning' ? 'border-amber-300 bg-amber-50 text-amber-950' : 'border-indigo-200 bg-white text-slate-900'}`}
        >
          <p>{toast.text}</p>
          <div className="mt-2 flex gap-3">
            <Link href={`/complaints/${toast.complaintId}`} onClick={() => dismiss(toast.key)} className="font-medium text-indigo-700 underline">
              {t('toast.open')}
            </Link>
            <button type="button" onClick={() => dismiss(toast.key)} className="text-slate-600 hover:text-slate-900">
              {t('toast.dismiss')}
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
