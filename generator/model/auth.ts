import type { RequestAuth } from '../sdk.js';
import type { Auth } from './types.js';
import { wholeVariable } from './scalar.js';

/** Auth parameters that hold credentials; a literal value there is never copied into the model. */
const SECRET_PARAMS =
  /^(value|token|password|secret|.*secret|.*token|.*password|privatekey|authkey|accesskey|secretkey|signature)$/i;

/** A declared auth, or undefined when the level says "inherit from my parent". */
export function readAuth(auth: RequestAuth | undefined, declaredAt: string): Auth | undefined {
  const type = (auth as { type?: string } | undefined)?.type;
  if (!auth || !type || type === 'inherit') return undefined;
  const params: Record<string, string> = {};
  const list = auth.parameters?.();
  const entries = (list ? list.all() : []) as Array<{ key?: unknown; value?: unknown }>;
  for (const entry of [...entries].sort((a, b) => String(a.key).localeCompare(String(b.key), 'en'))) {
    const key = String(entry.key ?? '');
    if (key === '' || entry.value === undefined || entry.value === null) continue;
    const value = typeof entry.value === 'object' ? JSON.stringify(entry.value) : String(entry.value);
    params[key] = SECRET_PARAMS.test(key) && !wholeVariable(value) && value !== '' ? '<redacted>' : value;
  }
  return { type, params, inheritedFrom: declaredAt };
}

export const NO_AUTH: Auth = { type: 'noauth', params: {}, inheritedFrom: 'default' };
