import type { AppContext } from '../context';
import type { DialTarget } from '../../telephony/twilio/twiml';

type AgentDial = { id: string; dial_identity: string | null; phone: string | null };

/**
 * Where the voice answer dials: the offered agent's Twilio Client identity, else their phone.
 * A repeat voice request (Twilio retried) finds the agent already offered the call.
 */
export async function twilioVoiceTarget(ctx: AppContext, offeredAgentId: string | null | undefined, callSid: string | undefined, known?: AgentDial | null): Promise<DialTarget | null> {
  const sql = ctx.database.sql;
  // Routing already read the offered agent's dial fields (server/calls/call-service.ts route()).
  const rows: AgentDial[] = known && known.id === offeredAgentId
    ? [known]
    : offeredAgentId
      ? await sql<AgentDial[]>`select id, dial_identity, phone from users where id = ${offeredAgentId}`
      : callSid
        ? await sql<AgentDial[]>`
            select u.id, u.dial_identity, u.phone from calls c join users u on u.id = c.offered_agent_id
            where c.provider = 'twilio' and c.provider_call_id = ${callSid} and c.state = 'ringing'`
        : [];
  const agent = rows[0];
  if (!agent) return null;
  if (agent.dial_identity) return { client: agent.dial_identity };
  return agent.phone ? { number: agent.phone } : { client: `agent-${agent.id}` };
}
