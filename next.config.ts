import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./app/i18n/request.ts');

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The custom server in server/ owns the HTTP port; Next only renders the console.
  typescript: { ignoreBuildErrors: true }, // `npm run typecheck` checks the whole tree once
};

export default withNextIntl(config);
