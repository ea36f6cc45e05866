import type { AuthRecord } from '../records.js';
import type { Auth } from './types.js';
import { wholeVariable } from './variables.js';

/** Auth parameters that hold credentials; a literal value there is never copied into the model. */
const SECRET_PARAMS =
  /^(value|token|password|secret|.*secret|.*token|.*password|privatekey|authkey|accesskey|secretkey|signature)$/i;

/** A declared auth, or undefined when the level says "inherit from my parent". */
export function readAuth(auth: AuthRecord | undefined, declaredAt: string): Auth | undefined {
  if (!auth) return undefined;
  const { type } = auth;
  const params: Record<string, string> = {};
  for (const entry of [...auth.params].sort((a, b) => a.key.localeCompare(b.key, 'en'))) {
    const { key, value } = entry;
    if (key === '' || value === undefined) continue;
    params[key] = SECRET_PARAMS.test(key) && !wholeVariable(value) && value !== '' ? '<redacted>' : value;
  }
  return { type, params, inheritedFrom: declaredAt };
}

export const NO_AUTH: Auth = { type: 'noauth', params: {}, inheritedFrom: 'default' };
