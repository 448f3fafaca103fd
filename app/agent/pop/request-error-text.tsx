import { useTranslations } from 'next-intl';
import type { RequestError } from '../../lib/api-error';

/** A failed request, worded for the agent; `fieldLabel` names the form's fields in the message. */
export function RequestErrorText({ error, fieldLabel }: { error: RequestError; fieldLabel?: (field: string) => string }) {
  const t = useTranslations('pop.errors');
  let text: string;
  if (error.key === 'invalid') {
    text = error.fields.length && fieldLabel ? t('invalid', { fields: error.fields.map(fieldLabel).join(', ') }) : t('invalidGeneric');
  } else if (error.key === 'server') {
    text = t('server', { status: error.status });
  } else {
    text = t(error.key);
  }
  return (
    <p role="alert" data-testid="request-error" data-error={error.key} className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      {text}
    </p>
  );
}
