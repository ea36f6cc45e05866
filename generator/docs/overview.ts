/**
 * The sections before the operations: how to build the client, how requests are signed and
 * authenticated, the error labels. Markdown, shared by the HTML page and docs/README.md.
 */
import type { Reference } from './reference.js';
import { code } from './notes.js';
import { constructorSnippet, optionNameOf, shellName } from './snippets.js';
import { signingHeaders, signingSentences, signingShellLines } from './signing.js';

export interface OverviewSection {
  id: string;
  title: string;
  markdown: string;
  code?: { label: string; text: string; language: string };
}

export function overviewSections(reference: Reference): OverviewSection[] {
  const { model } = reference;
  const sections: OverviewSection[] = [];
  const base = model.baseUrl.default || model.baseUrl.raw;
  const required = reference.options.filter((option) => option.required).map((option) => code(option.name));
  sections.push({
    id: 'start',
    title: 'Getting started',
    markdown: [
      `Every operation below is a method of the generated client ${code(reference.className)}, grouped by folder (\`client.<folder>.<operation>(params)\`), and a flat function of \`operations.ts\` for tree-shaking. Parameters are one object; list calls page for you.`,
      '',
      `Base URL: ${base ? code(base) : 'none in the collection (pass `baseUrl`)'}${required.length > 0 ? `. Required options: ${required.join(', ')}` : ''}.`,
    ].join('\n'),
    code: { label: 'TypeScript', text: constructorSnippet(reference), language: 'ts' },
  });
  if (model.signing) {
    const signing = model.signing;
    const option = (variable: string): string => optionNameOf(reference.options, variable);
    const signed = signingShellLines(signing, {
      body: '"$BODY"',
      method: '"$METHOD"',
      url: '"$URL"',
      variable: (name) => `"$${shellName(option(name))}"`,
    });
    sections.push({
      id: 'signing',
      title: 'Signing',
      markdown: [
        `Every request, the token request included, carries ${signingHeaders(signing).length === 1 ? 'one header' : 'two headers'}:`,
        '',
        ...signingSentences(signing, option).map((sentence) => `- ${sentence}`),
        '',
        'The generated client signs each request last, over the bytes it sends. By hand:',
      ].join('\n'),
      code: {
        label: 'shell',
        text: [
          ...(signing.parts.includes('body')
            ? ['BODY=\'{"email":"you@example.com"}\'   # \'\' when the request has no body']
            : []),
          ...signed.lines,
          `# then: ${signed.headers.join(' ')}`,
        ].join('\n'),
        language: 'sh',
      },
    });
  }
  if (reference.tokenOperation) {
    const token = reference.tokenOperation;
    sections.push({
      id: 'auth',
      title: 'Access token',
      markdown: `Calls send an access token obtained from ${code(`${token.operation.method} ${token.operation.pathTemplate}`)} (${code(token.memberPath)}). The client requests it on first need, shares one request between concurrent calls, and gets a new one when a call is refused with ${(model.token?.refresh.labels ?? []).map(code).join(', ') || 'an auth error'}.`,
    });
  } else if (model.auth.type !== 'noauth') {
    sections.push({
      id: 'auth',
      title: 'Authentication',
      markdown: `The collection authenticates with ${code(model.auth.type)}; the client sends the credentials you give its options.`,
    });
  }
  if (model.errorLabels?.length) {
    sections.push({
      id: 'errors',
      title: 'Errors',
      markdown: `A failed call throws ${code(reference.errorName)} with \`status\`, \`label\`, \`errors\`, \`method\` and \`path\`. The labels the API documents: ${model.errorLabels.map(code).join(', ')}.`,
    });
  }
  return sections;
}
