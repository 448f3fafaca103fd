import { useTranslations } from 'next-intl';

/**
 * A status word in the console's language. Order statuses come from the integrator's system and may
 * be anything: the usual ones are translated, any other is shown as sent.
 */
export function useStatusLabel() {
  const t = useTranslations();
  return (namespace: 'channel' | 'callState' | 'complaints.status' | 'followups.status' | 'orderStatus', status: string): string => {
    const key = `${namespace}.${status.toLowerCase()}` as Parameters<typeof t>[0];
    return t.has(key) ? t(key) : status;
  };
}
