import { useTranslations } from 'next-intl';
import type { RequestError } from '../lib/api-error';

/** A failed complaint request, in the viewer's language; `fieldLabel` names the fields of a 400. */
export function RequestErrorMessage({ error, fieldLabel }: { error: RequestError; fieldLabel?: (field: string) => string }) {
  const t = useTranslations('complaints.form.errors');
  let text: string;
  if (error.key === 'invalid') text = error.fields.length && fieldLabel ? t('invalid', { fields: error.fields.map(fieldLabel).join(', ') }) : t('invalidGeneric');
  else if (error.key === 'server') text = t('server', { status: error.status });
  else text = t(error.key);
  return (
    <p role="alert" data-testid="complaint-error" data-error={error.key} className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      {text}
    </p>
  );
}
