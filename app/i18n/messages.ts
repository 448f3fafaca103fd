import type en from './messages/en.json';
import type zhCN from './messages/zh-CN.json';
import type { ConsoleLocale } from './locales';

export type Messages = typeof en;

// Compile-time parity: a key missing from either language fails `tsc`.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const parity: Same<Messages, typeof zhCN> = true;
void parity;

const loaders: Record<ConsoleLocale, () => Promise<Messages>> = {
  en: () => import('./messages/en.json').then((m) => m.default),
  'zh-CN': () => import('./messages/zh-CN.json').then((m) => m.default),
};

export const loadMessages = (locale: ConsoleLocale) => loaders[locale]();
