'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { SECTIONS_BY_ROLE, type Role, type Section } from '../lib/roles';

/** Supervisors also open /complaints: what escalated to them. */
const EXTRA_SECTIONS: Partial<Record<Role, Section[]>> = { supervisor: ['complaints'] };

/** Reports for supervisors and admins, CSV imports for admins (issue #7). */
const REPORT_LINKS: Array<{ href: string; label: 'nav' | 'importsNav'; roles: Role[] }> = [
  { href: '/reports', label: 'nav', roles: ['supervisor', 'admin'] },
  { href: '/admin/imports', label: 'importsNav', roles: ['admin'] },
];

export function MainNav({ role }: { role: Role }) {
  const t = useTranslations('nav');
  const tf = useTranslations('followups');
  const tr = useTranslations('reports');
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
      {REPORT_LINKS.filter((l) => l.roles.includes(role)).map((l) => (
        <Link
          key={l.href}
          href={l.href}
          data-testid={`nav-${l.label}`}
          aria-current={pathname === l.href || pathname.startsWith(`${l.href}/`) ? 'page' : undefined}
          className="whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-slate-100 aria-[current=page]:text-slate-900"
        >
          {tr(l.label)}
        </Link>
      ))}
    </nav>
  );
}
