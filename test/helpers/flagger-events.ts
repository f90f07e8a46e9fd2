/** Flagger's event webhook payload, as it posts it (metadata values are all strings). */
export interface FlaggerPayload {
  readonly name: string;
  readonly namespace: string;
  readonly phase: string;
  readonly checksum: string;
  readonly metadata: Readonly<Record<string, string>>;
}

let clock = 1_767_225_600_000;

/** One event as Flagger sends it, with the example Canaries' webhook metadata (maxWeight 50). */
export function flaggerEvent(name: string, phase: string, eventMessage: string, eventType = 'Normal'): FlaggerPayload {
  clock += 10_000;
  return {
    name,
    namespace: 'faces',
    phase,
    checksum: '6d5b8f9c7d',
    metadata: { eventMessage, eventType, timestamp: String(clock), maxWeight: '50' },
  };
}

/** A rollout of face that fails its checks at 15 % and is rolled back (Flagger's own messages). */
export const FAILED_ROLLOUT: readonly FlaggerPayload[] = [
  flaggerEvent('face', 'Initializing', 'Initialization done! face.faces'),
  flaggerEvent('face', 'Progressing', 'New revision detected! Scaling up face.faces'),
  flaggerEvent('face', 'Progressing', 'Starting canary analysis for face.faces'),
  flaggerEvent('face', 'Progressing', 'Advance face.faces canary weight 5'),
  flaggerEvent('face', 'Progressing', 'Advance face.faces canary weight 10'),
  flaggerEvent('face', 'Progressing', 'Advance face.faces canary weight 15'),
  flaggerEvent('face', 'Progressing', 'Halt face.faces advancement success rate 25.00% < 70%', 'Warning'),
  flaggerEvent('face', 'Failed', 'Rolling back face.faces failed checks threshold reached 3', 'Warning'),
];

/** A rollout of smiley that is promoted. */
export const SUCCEEDED_ROLLOUT: readonly FlaggerPayload[] = [
  flaggerEvent('smiley', 'Progressing', 'Advance smiley.faces canary weight 50'),
  flaggerEvent('smiley', 'Promoting', 'Copying smiley.faces template spec to smiley-primary.faces'),
  flaggerEvent('smiley', 'Finalising', 'Routing all traffic to primary'),
  flaggerEvent('smiley', 'Succeeded', 'Promotion completed! Scaling down smiley.faces'),
];

/** Posts one event to a GUI's /events; resolves with the status. */
export async function postEvent(
  guiUrl: string,
  payload: unknown,
  headers: Record<string, string> = {},
): Promise<number> {
  const response = await fetch(`${guiUrl}/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(payload),
  });
  await response.arrayBuffer();
  return response.status;
}
