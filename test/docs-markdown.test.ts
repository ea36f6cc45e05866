/**
 * The Markdown reference: snapshots of the Accengage files, relative links that reach their
 * anchors, and descriptions that stay Markdown but can carry no HTML or unsafe link.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeMarkdown } from '../generator/docs/markdown.js';
import { parsedDescription, renderDescription } from '../generator/docs/render-markdown.js';
import { accengageFiles } from './docs-support.js';

async function markdownFiles(): Promise<Map<string, string>> {
  const files = await accengageFiles();
  return new Map([...files].filter(([name]) => name.startsWith('docs/') && name.endsWith('.md')));
}

describe('the Accengage Markdown reference', () => {
  it('is README.md plus one file per top-level folder', async () => {
    expect([...(await markdownFiles()).keys()].sort()).toEqual([
      'docs/README.md',
      'docs/access-token.md',
      'docs/apps.md',
      'docs/bounces.md',
      'docs/device-tags.md',
      'docs/devices.md',
      'docs/fields.md',
      'docs/images.md',
      'docs/me.md',
      'docs/messages.md',
      'docs/segments.md',
      'docs/static-lists.md',
      'docs/statistics.md',
    ]);
  });

  it('matches its snapshots', async () => {
    for (const [name, content] of await markdownFiles()) {
      await expect(content).toMatchFileSnapshot(`./__snapshots__/docs-markdown/${name.replace('docs/', '')}`);
    }
  });

  it('links only relatively, and every index link reaches an anchor in its file', async () => {
    const files = await markdownFiles();
    const readme = files.get('docs/README.md') as string;
    const links = [...readme.matchAll(/\]\(([^)]*)\)/g)].map((match) => match[1] as string);
    expect(links.length).toBeGreaterThanOrEqual(22);
    for (const link of links) {
      expect(link).not.toMatch(/^[a-z]+:/i);
      const [file, anchor] = link.split('#');
      const target = files.get(`docs/${file || 'README.md'}`);
      expect(files.has(`docs/${file || 'README.md'}`), link).toBe(true);
      if (anchor) expect(target, link).toContain(`<a id="${anchor}"></a>`);
    }
    expect(files.get('docs/devices.md')).toContain('`client.devices.list()`');
    expect(files.get('docs/devices.md')).toContain(`-H 'Accengage-Signature: '"$SIGNATURE"`);
    // A device row is shown as the collection saved it, beside its type.
    expect(files.get('docs/devices.md')).toMatch(/\*\*Response examples\*\*[\s\S]*```text\ndeviceId;/);
  });
});

describe('descriptions', () => {
  it('keep their Markdown and lose raw HTML and unsafe links', () => {
    const text =
      'Use **bold** and `<b>code</b>`.\n\n<script>alert(1)</script>\n\n[ok](https://example.org) [bad](javascript:alert(1)) [worse]( JaVa\tScript:alert(1))\n\n[ref]: data:text/html,x\n\n```\n<i>fenced</i>\n```';
    const safe = safeMarkdown(text);
    expect(safe).toContain('**bold** and `<b>code</b>`');
    expect(safe).toContain('\\<script>alert(1)\\</script>');
    expect(safe).toContain('[ok](https://example.org)');
    expect(safe).toContain('[bad](#unsafe-link-removed');
    expect(safe).not.toMatch(/javascript:alert/i);
    expect(safe).toContain('[ref]: #unsafe-link-removed');
    expect(safe).toContain('```\n<i>fenced</i>\n```');
    // The same text, rendered for the page, holds no element a collection could inject.
    const html = renderDescription(text);
    expect(html).not.toMatch(/<script|<b>|<i>|href="javascript|href="data/i);
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer nofollow" target="_blank">ok</a>');
  });
});

/** renderDescription, shortcuts and all, gives what the page's markdown-it gives for every such text. */
function rendersAsTheParser(texts: fc.Arbitrary<string>, numRuns: number): void {
  fc.assert(
    fc.property(texts, (text) => {
      expect(renderDescription(text)).toBe(parsedDescription(text));
    }),
    { numRuns },
  );
}

describe('descriptions of one plain line', () => {
  it('render as markdown-it renders them', () => {
    const line = fc
      .tuple(
        fc.constantFrom(...'aZ'),
        fc.string({ unit: fc.constantFrom(...'aZ09 ,.;:\'"()?/%$@=+-*_`[]<>&#!~|\\'.split('')), maxLength: 30 }),
      )
      .map(([first, rest]) => first + rest);
    rendersAsTheParser(line, 2000);
    expect(renderDescription('Returns the "device", (id: 3) 50% of the time.')).toBe(
      '<p>Returns the &quot;device&quot;, (id: 3) 50% of the time.</p>\n',
    );
  });

  it('with code spans, and paragraphs of such lines, render as markdown-it renders them, in Latin-1', () => {
    const word = fc.string({ unit: fc.constantFrom(...'aZ09 ,.;:\'"()?-*_<&'.split('')), maxLength: 8 });
    const span = fc
      .string({ unit: fc.constantFrom(...'a `"<>&\\*_[]…\t\n'.split('')), minLength: 1, maxLength: 8 })
      .map((inside) => `\`${inside}\``);
    const line = fc
      .tuple(fc.constantFrom(...'aZ'), fc.array(fc.oneof(word, span), { maxLength: 6 }))
      .map(([first, parts]) => first + parts.join(''));
    const text = fc
      .tuple(fc.array(line, { minLength: 1, maxLength: 3 }), fc.constantFrom('\n\n', '\n', '\n\n\n', '\n \n'))
      .map(([lines, between]) => lines.join(between));
    rendersAsTheParser(text, 3000);
    expect(renderDescription('Failures throw `ApiError` (`status`, `label`).')).toBe(
      '<p>Failures throw <code>ApiError</code> (<code>status</code>, <code>label</code>).</p>\n',
    );
    expect(renderDescription('Sent as `Authorization: Bearer …`.')).toBe(
      '<p>Sent as <code>Authorization: Bearer &#8230;</code>.</p>\n',
    );
  });
});
