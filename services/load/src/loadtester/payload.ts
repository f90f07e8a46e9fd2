import { fail, ok, type Result } from '@faces/kit/result';
/** Flagger's CanaryWebhookPayload, the body of every webhook and gate call. */
export interface WebhookPayload {
  readonly name: string;
  readonly namespace: string;
  readonly phase: string;
  readonly checksum: string;
  readonly metadata: Readonly<Record<string, string>>;
}

const TEXT_FIELDS = ['name', 'namespace', 'phase', 'checksum'] as const;

/** Decodes a body as Flagger's Go json.Unmarshal would, with a message where Go would fail. */
export function decodePayload(body: unknown): Result<WebhookPayload> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof body === 'string' ? body : '');
  } catch (error) {
    return fail(`decoding the request body failed: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return fail('decoding the request body failed: want a JSON object');
  }
  const fields = parsed as Record<string, unknown>;
  for (const field of TEXT_FIELDS) {
    if (fields[field] !== undefined && typeof fields[field] !== 'string') {
      return fail(`decoding the request body failed: ${field} must be a string`);
    }
  }
  const metadata = fields.metadata ?? {};
  if (
    typeof metadata !== 'object' ||
    metadata === null ||
    Array.isArray(metadata) ||
    Object.values(metadata).some((value) => typeof value !== 'string')
  ) {
    return fail('decoding the request body failed: metadata must map names to strings');
  }
  const text = (field: (typeof TEXT_FIELDS)[number]) => (fields[field] as string | undefined) ?? '';
  return ok({
    name: text('name'),
    namespace: text('namespace'),
    phase: text('phase'),
    checksum: text('checksum'),
    metadata: metadata as Record<string, string>,
  });
}

/** Go's strconv.ParseBool true values (for metadata.returnCmdOutput). */
export function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value);
}
