import type { ApiModel, SigningTrait, TokenTrait } from './types.js';
import { findOperations } from './find.js';
import { CodegenError } from '../errors.js';
import { referencedVariables } from './variables.js';

/**
 * What configuration adds to a model that the collection cannot say: the signing scheme, how a
 * token is obtained, the documented error labels. Operations are named as overrides name them.
 */
export interface Profile {
  signing?: SigningTrait;
  token?: Omit<TokenTrait, 'operationId'> & { operation: string };
  errorLabels?: string[];
}

/** The variables a signing scheme reads, in the order of its parts. */
export function signingVariables(signing: SigningTrait): string[] {
  return signing.parts.flatMap((part) => (typeof part === 'object' ? [part.variable] : []));
}

export function applyProfile(model: ApiModel, profile: Profile, configFile: string): void {
  if (profile.signing) {
    // A variable the signature covers that the collection does not declare is a secret of the client.
    for (const name of signingVariables(profile.signing)) {
      if (!model.variables.some((variable) => variable.name === name))
        model.variables.push({ name, default: '', type: 'secret', scope: 'config' });
    }
    model.signing = profile.signing;
  }
  if (profile.token) {
    const { operation, ...rest } = profile.token;
    const [target, ...others] = findOperations(model, operation);
    if (!target || others.length > 0) {
      throw new CodegenError(
        `token.operation "${operation}" ${target ? 'matches several operations' : 'matches no operation of the collection'}.`,
        configFile,
        'token.operation',
        'Name it by item path ("Folder / Request"), by "METHOD /path", or by its Postman id.',
      );
    }
    for (const value of Object.values(rest.body)) {
      for (const name of referencedVariables(value)) {
        if (!model.variables.some((variable) => variable.name === name))
          model.variables.push({ name, default: '', type: 'any', scope: 'config' });
      }
    }
    model.token = { operationId: target.id, ...rest };
  }
  if (profile.errorLabels) model.errorLabels = [...profile.errorLabels];
}
