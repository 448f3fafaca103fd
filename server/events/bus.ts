import { EventEmitter } from 'node:events';
import type { AgentState } from '../realtime/events';
import type { CallRow } from '../calls/call-row';

/**
 * In-process domain events (chatwoot-style listeners): services record what happened, listeners
 * decide who hears it. Cross-process fan-out is socket.io's Redis Streams adapter, not this bus.
 */
export interface DomainEvents {
  'agent.state-changed': { agentId: string; state: AgentState; previous: AgentState; at: Date };
  'agent.connected': { agentId: string };
  /** A call was created or changed state, was queued or was offered: queue figures may have moved. */
  'call.changed': {
    callId: string;
    queueId: string | null;
    state: string;
    at: Date;
    /** The row as the write that caused this event left it, when it returned one: listeners need not read it again. */
    row?: CallRow;
  };
}

export class DomainBus {
  private readonly emitter = new EventEmitter({ captureRejections: true });

  constructor(onError: (err: unknown, event: string) => void) {
    this.emitter.setMaxListeners(50);
    this.emitter.on('error', (err) => onError(err, 'listener'));
  }

  emit<K extends keyof DomainEvents>(event: K, payload: DomainEvents[K]): void {
    this.emitter.emit(event, payload);
  }

  on<K extends keyof DomainEvents>(event: K, listener: (payload: DomainEvents[K]) => void | Promise<void>): void {
    this.emitter.on(event, listener);
  }
}
