import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { HomeRedirect } from './home-redirect';

/** `/` sends everyone to their role's home; without a session cookie, straight to /login. */
export default async function HomePage() {
  if (!(await cookies()).has('sb_session')) redirect('/login');
  const t = await getTranslations('home');
  return (
    <main className="grid min-h-screen place-items-center">
      <HomeRedirect />
      <p role="status" className="text-sm text-slate-500">
        {t('redirecting')}
      </p>
    </main>
  );
}
