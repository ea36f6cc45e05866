/** Field paths as people read them in one-line messages; the path itself stays in tables and JSON. */

const PREFIXES: Array<[RegExp, (match: RegExpExecArray) => string]> = [
  [
    /^responses\.(\d+)\.body\.?(.*)$/,
    (m) =>
      m[2] ? `response field ${m[2].replace(/^\./, '')}${m[1] === '200' ? '' : ` (${m[1]})`}` : `response ${m[1]} body`,
  ],
  [/^responses\.(\d+)\.?(.*)$/, (m) => `response ${m[1]}${m[2] ? ` ${m[2]}` : ''}`],
  [/^query\.?(.*)$/, (m) => `query parameter ${m[1]}`],
  [/^path\.(.+)$/, (m) => `path parameter ${m[1]}`],
  [/^body$/, () => 'request body'],
  [/^bodyExamples$/, () => 'request body examples'],
  [/^bodyFields$/, () => 'request body field descriptions'],
  [/^body\.(.+)$/, (m) => `body field ${m[1]}`],
  [/^headers\.(.+)$/, (m) => `header ${m[1]}`],
  [/^options\.(.+)$/, (m) => `client option ${m[1]}`],
];

export function fieldLabel(field: string): string {
  for (const [pattern, label] of PREFIXES) {
    const match = pattern.exec(field);
    if (match) return label(match);
  }
  return field;
}
