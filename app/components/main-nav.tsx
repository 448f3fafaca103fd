'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { SECTIONS_BY_ROLE, type Role, type Section } from '../lib/roles';

/** Supervisors also open /complaints: what escalated to them. */
const EXTRA_SECTIONS: Partial<Record<Role, Section[]>> = { supervisor: ['complaints'] };

export function MainNav({ role }: { role: Role }) {
  const t = useTranslations('nav');
  const tf = useTranslations('followups');
  const pathname = usePathname();
  return (
    <nav aria-label={t('label')} className="flex gap-1 overflow-x-auto">
      {[...SECTIONS_BY_ROLE[role], ...(EXTRA_SECTIONS[role] ?? []).filter((s) => !SECTIONS_BY_ROLE[role].includes(s))].map((section) => {
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
      {(role === 'agent' || role === 'supervisor' || role === 'admin') && (
        <Link
          href="/followups"
          data-testid="nav-followups"
          aria-current={pathname.startsWith('/followups') ? 'page' : undefined}
          className="whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-slate-100 aria-[current=page]:text-slate-900"
        >
          {tf('nav')}
        </Link>
      )}
    </nav>
  );
}
