import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitch } from '../components/language-switch';
import { Logo } from '../components/logo';
import { LoginForm } from './login-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('login');
  return { title: t('title') };
}

export default async function LoginPage() {
  const t = await getTranslations('login');
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex items-center justify-between">
          <Logo />
          <LanguageSwitch signedIn={false} />
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          <h1 className="text-xl font-semibold text-slate-900">{t('title')}</h1>
          <p className="mt-1 mb-6 text-sm text-slate-600">{t('subtitle')}</p>
          <LoginForm />
        </div>
      </div>
    </main>
  );
}
