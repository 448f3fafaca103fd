'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { SECTIONS_BY_ROLE, type Role } from '../lib/roles';

export function MainNav({ role }: { role: Role }) {
  const t = useTranslations('nav');
  const pathname = usePathname();
  return (
    <nav aria-label={t('label')} className="flex gap-1 overflow-x-auto">
      {SECTIONS_BY_ROLE[role].map((section) => {
        const href = `/${section}`;
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={section}
            href={href}
            aria-current={active ? 'page' : undefined}
            className="whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-slate-100 aria-[current=page]:text-slate-900"
          >
            {t(section)}
          </Link>
        );
      })}
    </nav>
  );
}
