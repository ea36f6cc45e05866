/**
 * Reading an answer's body with a size limit: a server may send more than any page should hold
 * (or never stop), so bytes are counted as they arrive and reading stops at the limit.
 */

/** Success bodies: 64 MiB, well above any page of any list, far below what exhausts a process. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
/** Error bodies only need their error entries: 64 KiB of them is kept, the rest dropped. */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

export type BodyRead = { bytes: Uint8Array; overLimit: boolean };

/**
 * Reads at most `limit` bytes. `overLimit` says the body was longer (it is then cut at the limit
 * and the rest is never read: the stream is cancelled).
 */
export async function readBody(response: Response, limit: number): Promise<BodyRead> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    return { bytes: new Uint8Array(0), overLimit: true };
  }
  // A declared length within the limit is enforced by the HTTP framing itself (one buffer, no
  // copies), unless the body is compressed: the length is then that of the compressed bytes.
  const compressed = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
  if ((Number.isFinite(declared) && !compressed) || response.body === null)
    return { bytes: new Uint8Array(await response.arrayBuffer()), overLimit: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (total + value.byteLength > limit) {
      chunks.push(value.subarray(0, limit - total));
      total = limit;
      await reader.cancel().catch(() => undefined);
      return { bytes: concat(chunks, total), overLimit: true };
    }
    chunks.push(value);
    total += value.byteLength;
  }
  return { bytes: concat(chunks, total), overLimit: false };
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
