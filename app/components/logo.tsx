import { useTranslations } from 'next-intl';

export function Logo() {
  const t = useTranslations('app');
  return (
    <div className="flex items-center gap-2">
      <span aria-hidden className="grid size-8 place-items-center rounded-lg bg-indigo-600 text-sm font-bold text-white">
        S
      </span>
      <div className="leading-tight">
        <div className="text-sm font-semibold text-slate-900">{t('name')}</div>
        <div className="text-xs text-slate-500">{t('tagline')}</div>
      </div>
    </div>
  );
}
