import type { ConsoleLocale } from './locales';
import type { Messages } from './messages';

// Typed keys: a misspelt message key or a missing translation fails the type check.
declare module 'next-intl' {
  interface AppConfig {
    Locale: ConsoleLocale;
    Messages: Messages;
  }
}
