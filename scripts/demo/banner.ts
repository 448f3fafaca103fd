import { DEMO_LOGINS } from '../../db/seed';

export function printBanner(url: string, info: { console: boolean; seeded: 'now' | 'before' }): void {
  const lines = [
    '',
    `  Switchboard demo is running: ${url}${info.console ? '' : '  (API only: no console build)'}`,
    `  database ${info.seeded === 'now' ? 'seeded just now' : 'already seeded (not touched)'}`,
    '',
    '  Demo logins (fixed demo passwords: for the demo only):',
    ...DEMO_LOGINS.map((l) => `    ${l.role.padEnd(17)} ${l.email.padEnd(26)} ${l.password}`),
    '',
    '  Ctrl-C stops the server and the services the demo started.',
    '',
  ];
  console.log(lines.join('\n'));
}
