'use client';

import { useTranslations } from 'next-intl';
import { useSession } from '../lib/session';
import { LanguageSwitch } from './language-switch';
import { LogoutButton } from './logout-button';
import { MainNav } from './main-nav';
import { Logo } from './logo';
import { ComplaintToasts } from '../complaints/complaint-toasts';

/** Who is signed in, where they can go, their language and the way out. */
export function AppHeader() {
  const t = useTranslations();
  const session = useSession();
  const user = session.status === 'signed-in' ? session.user : null;

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Logo />
        {user && <MainNav role={user.role} />}
        <div className="ml-auto flex items-center gap-3">
          {user && (
            <div className="text-right leading-tight" data-testid="current-user">
              <div className="text-sm font-medium text-slate-900">
                {user.name}
              </div>
              <div className="text-xs text-slate-500" data-testid="current-role">
                {t(`roles.${user.role}`)}
              </div>
            </div>
          )}
          <LanguageSwitch signedIn />
          {user && <LogoutButton />}
        </div>
      </div>
      {user && <ComplaintToasts />}
    </header>
  );
}
