import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../context';
import type { Services } from '../services';
import { telephonyAdapter } from '../../telephony/registry';
import { dialAgentTwiml, holdInQueueTwiml } from '../../telephony/twilio/twiml';
import { handleWebhook } from './handle-webhook';
import { twilioVoiceTarget } from './twilio-voice-target';

// How long an agent's browser or phone rings before Twilio gives up on that leg.
const AGENT_RING_SECONDS = 20;

/** Thin routes: everything provider-specific lives in telephony/, everything call-specific in calls/. */
export function registerWebhookRoutes(app: FastifyInstance, ctx: AppContext, services: Services): void {
  const twiml = (reply: FastifyReply, xml: string) => reply.type('text/xml; charset=utf-8').send(xml);

  app.post('/webhooks/twilio/voice', async (request, reply) => {
    const { handled } = await handleWebhook(ctx, services, telephonyAdapter('twilio'), request);
    const callSid = (request.body as Record<string, unknown>).CallSid;
    const target = await twilioVoiceTarget(ctx, handled[0]?.offeredAgentId, typeof callSid === 'string' ? callSid : undefined, handled[0]?.offeredAgentDial);
    if (target) {
      return twiml(reply, dialAgentTwiml({
        target,
        statusCallbackUrl: `${ctx.config.PUBLIC_BASE_URL}/webhooks/twilio/status`,
        timeoutSeconds: AGENT_RING_SECONDS,
        callerId: ctx.config.TWILIO_CALLER_ID,
      }));
    }
    return twiml(reply, holdInQueueTwiml({ message: 'Thank you for calling. All our agents are busy; please hold and the next available agent will answer.' }));
  });

  app.post('/webhooks/twilio/status', async (request, reply) => {
    await handleWebhook(ctx, services, telephonyAdapter('twilio'), request);
    return twiml(reply, '<?xml version="1.0" encoding="UTF-8"?><Response/>');
  });

  app.post('/webhooks/telnyx', async (request) => {
    await handleWebhook(ctx, services, telephonyAdapter('telnyx'), request);
    return { ok: true };
  });

  // Zammad's generic CTI answers `{}`; PBX scripts that expect it keep working.
  app.post('/webhooks/cti', async (request) => {
    await handleWebhook(ctx, services, telephonyAdapter('cti'), request);
    return {};
  });
}
