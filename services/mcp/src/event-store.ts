import type { EventId, EventStore, StreamId } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/** The events one session keeps for replay; older ones are dropped (a resume past them replays nothing). */
export const MAX_EVENTS_PER_SESSION = 256;

/**
 * A session's SSE events, kept so that a client whose stream broke can resume it with
 * Last-Event-ID. Bounded: at most `max` events, the oldest dropped first. Event ids are
 * `<stream>_<sequence>` with a counter, so replay order is the order they were stored in.
 */
export class BoundedEventStore implements EventStore {
  private readonly events = new Map<EventId, { readonly streamId: StreamId; readonly message: JSONRPCMessage }>();
  private sequence = 0;

  constructor(private readonly max = MAX_EVENTS_PER_SESSION) {}

  get size(): number {
    return this.events.size;
  }

  async storeEvent(streamId: StreamId, message: JSONRPCMessage): Promise<EventId> {
    const eventId = `${streamId}_${++this.sequence}`;
    this.events.set(eventId, { streamId, message });
    // A Map iterates in insertion order: the first key is the oldest event.
    while (this.events.size > this.max) {
      const oldest = this.events.keys().next().value as EventId;
      this.events.delete(oldest);
    }
    return eventId;
  }

  async getStreamIdForEventId(eventId: EventId): Promise<StreamId | undefined> {
    return this.events.get(eventId)?.streamId;
  }

  async replayEventsAfter(
    lastEventId: EventId,
    { send }: { send: (eventId: EventId, message: JSONRPCMessage) => Promise<void> },
  ): Promise<StreamId> {
    const last = this.events.get(lastEventId);
    if (last === undefined) return '';
    let after = false;
    for (const [eventId, event] of [...this.events]) {
      if (eventId === lastEventId) after = true;
      else if (after && event.streamId === last.streamId) await send(eventId, event.message);
    }
    return last.streamId;
  }
}
