import { pgEnum } from 'drizzle-orm/pg-core';

export const roleEnum = pgEnum('role', ['agent', 'supervisor', 'complaint_handler', 'admin']);
export const localeEnum = pgEnum('locale', ['en', 'zh-CN']);
export const segmentEnum = pgEnum('segment', ['gold', 'meteor', 'stream', 'burden']);
export const providerEnum = pgEnum('provider', ['twilio', 'telnyx', 'cti']);
export const callDirectionEnum = pgEnum('call_direction', ['inbound', 'outbound']);
export const callStateEnum = pgEnum('call_state', ['ringing', 'answered', 'completed', 'missed', 'abandoned']);
export const channelEnum = pgEnum('channel', ['phone', 'email', 'chat', 'sms', 'visit', 'note']);
export const followUpKindEnum = pgEnum('follow_up_kind', ['callback', 'satisfaction', 'check_in', 'other']);
export const followUpStatusEnum = pgEnum('follow_up_status', ['pending', 'offered', 'completed', 'failed', 'cancelled']);
export const followUpOutcomeEnum = pgEnum('follow_up_outcome', ['reached', 'no_answer', 'wrong_number']);
export const severityEnum = pgEnum('severity', ['low', 'medium', 'high', 'critical']);
export const complaintStatusEnum = pgEnum('complaint_status', ['new', 'acknowledged', 'in_progress', 'resolved', 'closed']);
