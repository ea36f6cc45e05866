/**
 * RFC 8288 `Link` header parsing: several links in any order, quoted or bare parameter values,
 * several relation types in one `rel`, commas and semicolons inside the `<URI>` and inside quoted
 * strings, and relation types compared case-insensitively.
 */

export interface WebLink {
  uri: string;
  rels: string[];
  params: Record<string, string>;
}

export function parseLinkHeader(header: string | null | undefined): WebLink[] {
  if (!header) return [];
  const links: WebLink[] = [];
  let i = 0;
  const n = header.length;
  const skip = (chars: string): void => {
    while (i < n && chars.includes(header[i] as string)) i++;
  };
  while (i < n) {
    skip(' \t,');
    if (header[i] !== '<') {
      // Not a link-value: skip to the next comma outside quotes and angle brackets.
      let quoted = false;
      while (i < n && (quoted || header[i] !== ',')) {
        if (header[i] === '"') quoted = !quoted;
        i++;
      }
      continue;
    }
    const end = header.indexOf('>', i + 1);
    if (end < 0) break;
    const uri = header.slice(i + 1, end).trim();
    i = end + 1;
    const params: Record<string, string> = {};
    for (;;) {
      skip(' \t');
      if (header[i] !== ';') break;
      i++;
      skip(' \t');
      let name = '';
      while (i < n && !'=;, \t'.includes(header[i] as string)) name += header[i++];
      skip(' \t');
      let value = '';
      if (header[i] === '=') {
        i++;
        skip(' \t');
        if (header[i] === '"') {
          i++;
          while (i < n && header[i] !== '"') {
            if (header[i] === '\\' && i + 1 < n) i++;
            value += header[i++];
          }
          i++;
        } else {
          while (i < n && !';, \t'.includes(header[i] as string)) value += header[i++];
        }
      }
      const key = name.toLowerCase();
      // RFC 8288 §3: only the first occurrence of a parameter counts.
      if (key !== '' && !(key in params)) params[key] = value;
    }
    const rels = (params.rel ?? '')
      .toLowerCase()
      .split(/\s+/)
      .filter((rel) => rel !== '');
    links.push({ uri, rels, params });
  }
  return links;
}

/** The URI of the first link with this relation type, or undefined. */
export function findLink(header: string | null | undefined, rel: string): string | undefined {
  const wanted = rel.toLowerCase();
  return parseLinkHeader(header).find((link) => link.rels.includes(wanted))?.uri;
}
