import { describe, expect, it } from 'vitest';
import { handledBy } from '../../server/calls/call-access';
import type { Principal, Role } from '../../server/auth/principal';

const user = (id: string, role: Role): Principal => ({ kind: 'user', via: 'bearer', user: { id, role, email: `${id}@example.test`, name: id, teamId: null, locale: 'en' } });

describe('who may act on a call', () => {
  const call = { offeredAgentId: 'offered', answeredAgentId: 'answered' };

  it('lets the agent it was offered to and the agent who answered it', () => {
    expect(handledBy(user('offered', 'agent'), call)).toBe(true);
    expect(handledBy(user('answered', 'agent'), call)).toBe(true);
  });

  it('refuses any other agent, also on a call nobody was offered', () => {
    expect(handledBy(user('someone', 'agent'), call)).toBe(false);
    expect(handledBy(user('someone', 'agent'), { offeredAgentId: null, answeredAgentId: null })).toBe(false);
  });

  it('lets supervisors, complaint handlers, admins and integrations act on any call', () => {
    for (const role of ['supervisor', 'complaint_handler', 'admin'] as const) expect(handledBy(user('x', role), call)).toBe(true);
    expect(handledBy({ kind: 'integration' }, call)).toBe(true);
  });
});
