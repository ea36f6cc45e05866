/**
 * Security schemes for every auth a collection uses. OpenAPI has no word for request signing:
 * a signature is one API-key header per signing header, whose description gives the algorithm.
 */
import type { ApiModel, Auth } from '../model/types.js';
import { signingSentences } from '../docs/signing.js';
import { optionNameOf } from '../docs/snippets.js';
import { ownValue } from '../own.js';

export type SecurityScheme = Record<string, unknown>;
export type SecurityRequirement = Record<string, string[]>;

const URL_PATTERN = /^https?:\/\/[^\s{}]+$/i;

function schemeFor(auth: Auth): SecurityScheme {
  const params = auth.params;
  switch (auth.type) {
    case 'bearer':
      return { type: 'http', scheme: 'bearer' };
    case 'basic':
      return { type: 'http', scheme: 'basic' };
    case 'digest':
      return { type: 'http', scheme: 'digest' };
    case 'apikey':
      return { type: 'apiKey', in: params.in === 'query' ? 'query' : 'header', name: params.key || 'X-Api-Key' };
    case 'oauth2': {
      const tokenUrl = params.accessTokenUrl ?? '';
      const authorizationUrl = params.authUrl ?? '';
      const scopes = Object.fromEntries(
        (params.scope ?? '')
          .split(/\s+/)
          .filter(Boolean)
          .sort()
          .map((scope) => [scope, scope]),
      );
      const grant = params.grant_type ?? '';
      if (grant === 'authorization_code' && URL_PATTERN.test(tokenUrl) && URL_PATTERN.test(authorizationUrl)) {
        return { type: 'oauth2', flows: { authorizationCode: { authorizationUrl, tokenUrl, scopes } } };
      }
      if (grant === 'implicit' && URL_PATTERN.test(authorizationUrl))
        return { type: 'oauth2', flows: { implicit: { authorizationUrl, scopes } } };
      if (grant === 'password_credentials' && URL_PATTERN.test(tokenUrl))
        return { type: 'oauth2', flows: { password: { tokenUrl, scopes } } };
      if (URL_PATTERN.test(tokenUrl)) return { type: 'oauth2', flows: { clientCredentials: { tokenUrl, scopes } } };
      // The collection holds the token but not a flow OpenAPI can describe (URLs from variables, say).
      return {
        type: 'http',
        scheme: 'bearer',
        description: 'An OAuth 2 access token (the collection gives no flow with absolute URLs).',
      };
    }
    default:
      return {
        type: 'apiKey',
        in: 'header',
        name: 'Authorization',
        description: `Postman auth type "${auth.type}", which OpenAPI cannot describe: the Authorization header its algorithm computes.`,
      };
  }
}

const BASE_NAMES: Record<string, string> = {
  bearer: 'bearerAuth',
  basic: 'basicAuth',
  digest: 'digestAuth',
  apikey: 'apiKeyAuth',
  oauth2: 'oauth2',
};

export interface Security {
  schemes: Record<string, SecurityScheme>;
  /** The requirement for one operation's auth (signing included); [] means none. */
  requirementFor(auth: Auth, options?: { tokenOperation?: boolean }): SecurityRequirement[];
}

export function buildSecurity(
  model: ApiModel,
  clientOptions: ReadonlyArray<{ name: string; variable?: string }>,
  tokenOperationPath?: string,
): Security {
  const schemes: Record<string, SecurityScheme> = {};
  const byKey = new Map<string, string>();
  const nameFor = (auth: Auth): string => {
    const scheme = schemeFor(auth);
    const key = JSON.stringify(scheme);
    const known = byKey.get(key);
    if (known) return known;
    const base = ownValue(BASE_NAMES, auth.type) ?? `${auth.type.replace(/[^A-Za-z0-9]/g, '') || 'other'}Auth`;
    let name = base;
    for (let n = 2; name in schemes; n++) name = `${base}${n}`;
    if (model.token && auth.type === 'bearer' && tokenOperationPath) {
      scheme.description = `The access token that ${tokenOperationPath} issues, sent as \`Authorization: <token_type> <token>\`.`;
    }
    schemes[name] = scheme;
    byKey.set(key, name);
    return name;
  };
  const signing: SecurityRequirement = {};
  if (model.signing) {
    const option = (variable: string): string => optionNameOf(clientOptions, variable);
    const algorithm = `Request signature. ${signingSentences(model.signing, option).join(' ')} Sent with every request, the token request included.`;
    if (model.signing.timeHeader) {
      schemes.signatureTime = { type: 'apiKey', in: 'header', name: model.signing.timeHeader, description: algorithm };
      signing.signatureTime = [];
    }
    schemes.signature = { type: 'apiKey', in: 'header', name: model.signing.signatureHeader, description: algorithm };
    signing.signature = [];
  }
  return {
    schemes,
    requirementFor(auth, options = {}) {
      const requirement: SecurityRequirement = { ...signing };
      if (auth.type !== 'noauth' && !options.tokenOperation) {
        const scopes = auth.type === 'oauth2' ? (auth.params.scope ?? '').split(/\s+/).filter(Boolean).sort() : [];
        requirement[nameFor(auth)] = scopes;
      }
      return Object.keys(requirement).length > 0 ? [requirement] : [];
    },
  };
}
