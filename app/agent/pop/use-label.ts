import { useTranslations } from 'next-intl';

type LabelNamespace = 'channel' | 'direction' | 'severity' | 'disposition';

/**
 * Words a server value (a disposition, a channel…) in the console's language; a value the
 * console has no translation for — an admin's own disposition — is shown as it is.
 */
export function useLabel(namespace: LabelNamespace): (value: string) => string {
  const t = useTranslations(namespace);
  // The keys are the server's open-ended values, so they are checked at runtime with has().
  const loose = t as unknown as { has(key: string): boolean; (key: string): string };
  return (value) => (value && loose.has(value) ? loose(value) : value);
}
