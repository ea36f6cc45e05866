/**
 * Surviving mutants accepted after reading them: each is equivalent (no behaviour can tell it from
 * the original) or changes only something no contract promises. Matched by `report.ts` on the
 * file, the mutator and the code replaced (whitespace collapsed), and on a text of its line where one
 * is given, so line moves keep them.
 */
export interface Accepted {
  /** The file's path, or its end (`runtime/core.ts`). */
  file: string;
  mutator: string;
  /** The code the mutant replaces. */
  original: string;
  /** The mutant's code, when only this replacement of `original` is accepted. */
  replacement?: string;
  /**
   * Text on the line where the mutant starts, when the code replaced (`''`, `true`) is too common to
   * say where it is: without it the reason would accept the same mutant anywhere in the file.
   */
  near?: string;
  reason: string;
}

const PAST_THE_END =
  'Past the end of the header, header[i] is undefined, which no separator list includes: the loop stops at the same place, or one step further where the outer loop ends too, and nothing more is read.';

const LAST_RECORD =
  "The condition that keeps a last record without a line end: pushing an empty one gives [''], which the next line filters out.";

const UNKNOWNS_UNREAD =
  '`unknowns` is counted but no rule reads it: a value that says nothing adds to `count` alone, and a shape with no other evidence is `unknown` whatever the counter holds.';

const FALLS_THROUGH =
  'UNKNOWN_VALUE (a symbol) and undefined fall through to the last branch, which counts them as unknown too: the early test only skips the type checks in between.';

const FORMAT_COUNTS_UNREAD =
  'Only which formats were seen decides a format (stringSchema reads the keys of `formats`), never how often.';

const INTEGER_SET_SIZE =
  'The kept integers are only ever asked their number, at least integerMinDistinct or not: keeping more of them, or other ones, only changes memory and the order of an internal set.';

const MERGE_NO_INTEGERS =
  "When `from` kept no integers the set is rebuilt from `into`'s own values, already at most integerMinDistinct of them: the same set, so the test only skips the work.";

const ENTITY_CACHE = "A cache: writing an entity's schema again gives an equal schema.";

const EMPTY_ITEMS = 'Items seen in no element (arrays seen only empty) give `unknown` from toSchema as well.';

const V8_SORT =
  "V8's sort only asks whether a comparison is negative: 0 and 1 for a name that is not smaller cannot be told apart under Node (tested with 60 parameters, repeated names included). The 1 keeps the comparator consistent for engines that ask more.";

const ITEMS_FOUND_FIRST =
  'readLinks runs only after readItems found the items, which needs the body to be an array or an object: it is never null or a primitive there.';

const UNDEFINED_OPTION =
  'PagedCall reads an option given as undefined exactly as one left out (`??` and `!== undefined`): the spread only keeps the object tidy.';

const EXACT_MILLISECOND =
  "Differs only when a wait or an attempt would end on the deadline's very millisecond: both limits are reached at once and either outcome is right (the error of the last answer or the deadline's, an attempt cut at once or none). No contract says which, and no test can put the clock on that millisecond.";

const ONE_ABORT =
  'An abort signal fires once at most, and sendWithin removes its listener when the attempt ends: `once` only frees it earlier.';

const DRAFT_NAMES =
  'A draft name: assignNames gives every resource, operation and parameter its identifier and type name before anything reads them.';

const ORIGIN_ORDER =
  "The origins sorted are a map's keys, never equal, so a comparison never needs 0; V8's sort only asks whether it is negative, so 0 and 1 for a greater name cannot be told apart.";

const OVERWRITTEN_REQUIRED =
  "The `required` list of a body's object schema is replaced by requiredFields before anything reads it: what it starts as is never seen.";

const NEVER_ONLY =
  "Inference asks only whether the required rule is 'never': any other text means every-sample, as this one does.";

const UNIQUE_KEYS = 'The names sorted are object keys or names kept once, never equal: `<` and `<=` order them alike.';

const FIRST_SUCCESS =
  'Paging is detected only when a successful (2xx) example exists, and responses are in status order: the first at or above 200 is that 2xx one, so the upper bound never decides and `ok` is always found.';

const UNDEFINED_TYPES_DROPPED =
  'A response with no content type: undefined sorts after every string, so the first type is the same with or without the filter, and is undefined alone only when no example has one (then it is left out either way).';

const HEADER_FOUND = 'The header names come from the bucket itself, so the reading that has the name is always found.';

const EITHER_SORT =
  'Both ways of sorting keys give the same code-unit order: the key count only picks the faster one for the size.';

const NAME_CACHE =
  'names.ts remembers its pure answers for the run: computing an answer again, or forgetting them sooner or never, gives the same names (only time and memory change).';

const PAST_FIRST_WORD =
  "operationNameCandidates reads words only inside the list: an index past either end reads undefined, whose stand-in '' has the stem '', which no resource stem equals (a stem of a word is never empty), so the walk goes on or stops as before.";

const NO_EMPTY_WORDS = "The `?? ''` stand-in for a word of a non-empty list at an index inside it: never reached.";

const MOVED_EARLY_EXIT =
  'uniqueNames stops moving contenders once a round moves none: a round without a contest moves none again, so running the remaining rounds gives the same choice (only more work).';

const UNIQUE_NAME_KEYS =
  'uniqueNames sorts requests by key, and keys are unique (Postman item ids, parameter places): two keys are never equal, so < and <= order them alike.';

const ENTITY_KEY_CACHE =
  "pool.ts remembers each property name's entity key: computing a key again, or forgetting them sooner or never, gives the same key (only time and memory change).";

const KIND_NAMES =
  "A field's kinds are only compared with other kinds sets (equal, subset) and written into the signature: any one kind's name, even an empty one, still differs from the four others, so every comparison comes out alike.";

const UNIQUE_PLACES =
  "Candidates' locations are paths of distinct places and default entity names are made distinct by uniqueNames: two are never equal, so `<` and `<=` order them alike.";

const SEPARATOR_RUNS =
  'Splitting at each separator character instead of at runs of them only adds empty chunks, which give no word (wordsOf keeps no empty part).';

const ASCII_SHORTCUT =
  "A shortcut for ASCII text: the filter it skips keeps every ASCII letter and digit, and turns any other ASCII character into a blank that the word splitter takes for a separator, as it takes the character itself (repairStart's words hold only letters and digits).";

const ASCII_NON_DIGITS =
  'An ASCII character other than a letter or digit reaches this test only from keepIdentifierCharacters (the words repairStart filters hold letters and digits only), where keeping it or a blank in its place gives the same words: the word splitter takes either for a separator.';

export const ACCEPTED: Accepted[] = [
  {
    file: 'runtime/link.ts',
    mutator: 'ConditionalExpression',
    original: 'i < n',
    replacement: 'true',
    reason: PAST_THE_END,
  },
  {
    file: 'runtime/link.ts',
    mutator: 'EqualityOperator',
    original: 'i < n',
    replacement: 'i <= n',
    reason: PAST_THE_END,
  },
  {
    file: 'runtime/link.ts',
    mutator: 'ArithmeticOperator',
    original: 'i + 1',
    replacement: 'i - 1',
    reason:
      'header[i] is the "<" that opens the URI and the character before it is a separator: the search for ">" finds the same one. It differs only for links with no comma between them, which RFC 8288 does not allow.',
  },
  {
    file: 'runtime/link.ts',
    mutator: 'EqualityOperator',
    original: 'end < 0',
    replacement: 'end <= 0',
    reason: 'A ">" found after the "<" at i is at 1 or later: end is never 0.',
  },
  {
    file: 'runtime/link.ts',
    mutator: 'Regex',
    original: '/\\s+/',
    replacement: '/\\s/',
    reason: 'The empty strings a single-space split leaves between repeated spaces are filtered out on the next line.',
  },
  {
    file: 'runtime/retry.ts',
    mutator: 'ObjectLiteral',
    original: '{ once: true }',
    replacement: '{}',
    reason:
      'An abort signal fires once at most, and the wait removes its listener when it ends: `once` only frees it earlier.',
  },
  {
    file: 'runtime/retry.ts',
    mutator: 'BooleanLiteral',
    original: 'true',
    replacement: 'false',
    reason:
      'The `once: true` of the abort listener: an abort signal fires once at most, so the flag changes nothing seen.',
  },
  {
    file: 'runtime/body.ts',
    mutator: 'ConditionalExpression',
    original: 'chunks.length === 1',
    replacement: 'false',
    reason: 'A shortcut: copying a single chunk into a new array gives the same bytes.',
  },
  {
    file: 'runtime/csv.ts',
    mutator: 'ConditionalExpression',
    original: "cell !== '' || row.length > 0",
    replacement: 'true',
    reason: LAST_RECORD,
  },
  {
    file: 'runtime/csv.ts',
    mutator: 'StringLiteral',
    original: "''",
    replacement: '"Stryker was here!"',
    reason: LAST_RECORD,
  },
  {
    file: 'runtime/csv.ts',
    mutator: 'EqualityOperator',
    original: 'row.length > 0',
    replacement: 'row.length >= 0',
    reason: LAST_RECORD,
  },
  {
    file: 'runtime/signing.ts',
    mutator: 'ConditionalExpression',
    original: 'scratch.length < blocks * 16',
    replacement: 'true',
    reason: 'Allocating the scratch words every time instead of reusing them gives the same digest, only slower.',
  },
  {
    file: 'runtime/signing.ts',
    mutator: 'EqualityOperator',
    original: 'scratch.length < blocks * 16',
    replacement: 'scratch.length <= blocks * 16',
    reason: 'Allocating the scratch words one more time than needed gives the same digest.',
  },
  {
    file: 'runtime/signing.ts',
    mutator: 'EqualityOperator',
    original: 'i < length',
    replacement: 'i <= length',
    reason: 'bytes[length] is undefined, which shifts to 0: OR-ing 0 into the word changes nothing.',
  },
  {
    file: 'runtime/signing.ts',
    mutator: 'ArithmeticOperator',
    original: 'blocks * 16 - 2',
    replacement: 'blocks * 16 + 2',
    reason:
      'The high word of the bit length is 0 below 512 MiB, which the zeroed word already holds; the stray write lands past the words the digest reads.',
  },
  {
    file: 'runtime/signing.ts',
    mutator: 'ArithmeticOperator',
    original: '(length * 8) / 0x100000000',
    replacement: 'length * 8 * 0x100000000',
    reason: 'A multiple of 2^32 stored in a 32-bit word is 0, the same as the high word below 512 MiB.',
  },
  {
    file: 'runtime/signing.ts',
    mutator: 'ArithmeticOperator',
    original: 'length * 8',
    replacement: 'length / 8',
    reason: 'Divided by 2^32 and floored it is 0 either way below 512 MiB.',
  },
  {
    file: 'runtime/signing.ts',
    mutator: 'EqualityOperator',
    original: 't < 16',
    replacement: 't <= 16',
    reason: 'w[16] is computed again by the next loop before it is read.',
  },
  {
    file: 'runtime/signing.ts',
    mutator: 'EqualityOperator',
    original: 't < 80',
    replacement: 't <= 80',
    reason: 'A write at w[80] is outside the 80-word array and ignored.',
  },
  {
    file: 'runtime/auth.ts',
    mutator: 'ConditionalExpression',
    original: 'this.pending === pending',
    replacement: 'true',
    reason:
      'Defensive: a pending token request is replaced only after it settled (a refresh needs its token, a new request its failure), so it is still the current one whenever it settles.',
  },
  {
    file: 'model/infer.ts',
    mutator: 'ArithmeticOperator',
    original: '(shape.formats.get(hint.format) ?? 0) + 1',
    reason: FORMAT_COUNTS_UNREAD,
  },
  {
    file: 'model/infer.ts',
    mutator: 'ArithmeticOperator',
    original: '(shape.formats.get(format) ?? 0) + 1',
    reason: FORMAT_COUNTS_UNREAD,
  },
  {
    file: 'model/infer.ts',
    mutator: 'UpdateOperator',
    original: 'shape.unknowns++',
    reason: UNKNOWNS_UNREAD,
  },
  {
    file: 'model/infer.ts',
    mutator: 'BlockStatement',
    original: '{ shape.unknowns++; }',
    reason: UNKNOWNS_UNREAD,
  },
  {
    file: 'model/infer.ts',
    mutator: 'ConditionalExpression',
    original: 'value === UNKNOWN_VALUE || value === undefined',
    replacement: 'false',
    reason: FALLS_THROUGH,
  },
  {
    file: 'model/infer.ts',
    mutator: 'LogicalOperator',
    original: 'value === UNKNOWN_VALUE || value === undefined',
    reason: FALLS_THROUGH,
  },
  {
    file: 'model/infer.ts',
    mutator: 'ConditionalExpression',
    original: 'value === UNKNOWN_VALUE',
    replacement: 'false',
    reason: FALLS_THROUGH,
  },
  {
    file: 'model/infer.ts',
    mutator: 'ConditionalExpression',
    original: 'value === undefined',
    replacement: 'false',
    reason: FALLS_THROUGH,
  },
  {
    file: 'model/infer.ts',
    mutator: 'ConditionalExpression',
    original: 'shape.integerValues.size < options.integerMinDistinct',
    replacement: 'true',
    reason: INTEGER_SET_SIZE,
  },
  {
    file: 'model/infer.ts',
    mutator: 'EqualityOperator',
    original: 'shape.integerValues.size < options.integerMinDistinct',
    reason: INTEGER_SET_SIZE,
  },
  {
    file: 'model/infer.ts',
    mutator: 'MethodExpression',
    original:
      '[...new Set([...into.integerValues, ...from.integerValues])] .sort((x, y) => x - y) .slice(0, options.integerMinDistinct)',
    reason: INTEGER_SET_SIZE,
  },
  {
    file: 'model/infer.ts',
    mutator: 'MethodExpression',
    original: '[...new Set([...into.integerValues, ...from.integerValues])] .sort((x, y) => x - y)',
    reason: INTEGER_SET_SIZE,
  },
  {
    file: 'model/infer.ts',
    mutator: 'ArithmeticOperator',
    original: 'x - y',
    replacement: 'x + y',
    reason: INTEGER_SET_SIZE,
  },
  {
    file: 'model/infer.ts',
    mutator: 'ConditionalExpression',
    original: '!byOptions',
    replacement: 'true',
    reason: ENTITY_CACHE,
  },
  {
    file: 'model/infer.ts',
    mutator: 'ConditionalExpression',
    original: '!schema',
    replacement: 'true',
    reason: ENTITY_CACHE,
  },
  {
    file: 'model/infer.ts',
    mutator: 'ConditionalExpression',
    original: 'shape.items.count > 0',
    replacement: 'true',
    reason: EMPTY_ITEMS,
  },
  {
    file: 'model/infer.ts',
    mutator: 'EqualityOperator',
    original: 'shape.items.count > 0',
    replacement: 'shape.items.count >= 0',
    reason: EMPTY_ITEMS,
  },
  {
    file: 'model/infer.ts',
    mutator: 'BlockStatement',
    original: '{ into.stringValues = undefined; }',
    reason:
      "`from` had more distinct strings than an enum may have, so `into`'s values alone count fewer real strings than the merged `strings`, and stringSchema makes no enum when the two differ.",
  },
  {
    file: 'model/infer.ts',
    mutator: 'ConditionalExpression',
    original: 'values.size === 0',
    replacement: 'false',
    reason:
      'No values with strings seen means every string was a placeholder; stringSchema then asks for no enum (its real count, 0, differs from `strings`), so this test is never what decides.',
  },
  {
    file: 'model/infer.ts',
    mutator: 'Regex',
    original: '/\\d{3}|^(?=.*\\d)\\S{6,}$|^[0-9a-f]{8,}$/i',
    replacement: '/\\d{3}|(?=.*\\d)\\S{6,}$|^[0-9a-f]{8,}$/i',
    reason:
      'Enum members have at most two words; the two readings differ only on a two-word value whose second word is a token of six or more characters with a digit ("plan a1b2c3"), which the rule does not decide: its documented ids are whole tokens.',
  },
  {
    file: 'model/infer.ts',
    mutator: 'Regex',
    original: '/\\d{3}|^(?=.*\\d)\\S{6,}$|^[0-9a-f]{8,}$/i',
    replacement: '/\\d{3}|^(?=.*\\d)\\S{6,}$|[0-9a-f]{8,}$/i',
    reason:
      'The two readings differ only on a word-like value that ends in eight or more letters a–f after another letter or a space ("go deadbeef", "xcafebabe"): few if any words read so, and the rule\'s documented ids are whole hex tokens, which both readings refuse.',
  },
  {
    file: 'model/infer.ts',
    mutator: 'ConditionalExpression',
    original: 'from.integerValues.size > 0',
    replacement: 'true',
    reason: MERGE_NO_INTEGERS,
  },
  {
    file: 'model/infer.ts',
    mutator: 'EqualityOperator',
    original: 'from.integerValues.size > 0',
    replacement: 'from.integerValues.size >= 0',
    reason: MERGE_NO_INTEGERS,
  },
  {
    file: 'model/infer.ts',
    mutator: 'ConditionalExpression',
    original: 'shape.count === 0',
    replacement: 'false',
    reason: 'toSchema of a shape that saw nothing is `unknown` as well.',
  },
  {
    file: 'runtime/pagination.ts',
    mutator: 'ConditionalExpression',
    original: 'a > b',
    replacement: 'true',
    reason: V8_SORT,
  },
  {
    file: 'runtime/pagination.ts',
    mutator: 'ConditionalExpression',
    original: 'a > b',
    replacement: 'false',
    reason: V8_SORT,
  },
  { file: 'runtime/pagination.ts', mutator: 'EqualityOperator', original: 'a > b', reason: V8_SORT },
  {
    file: 'runtime/pagination.ts',
    mutator: 'ConditionalExpression',
    original: "typeof data === 'object'",
    replacement: 'true',
    reason: ITEMS_FOUND_FIRST,
  },
  {
    file: 'runtime/pagination.ts',
    mutator: 'ConditionalExpression',
    original: 'data !== null',
    replacement: 'true',
    reason: ITEMS_FOUND_FIRST,
  },
  {
    file: 'runtime/pagination.ts',
    mutator: 'ConditionalExpression',
    original: 'maxPages !== undefined',
    replacement: 'true',
    reason: UNDEFINED_OPTION,
  },
  {
    file: 'runtime/pagination.ts',
    mutator: 'ConditionalExpression',
    original: 'pagination.pageParam !== undefined',
    replacement: 'true',
    reason: UNDEFINED_OPTION,
  },
  {
    file: 'model/infer.ts',
    mutator: 'ConditionalExpression',
    original: '!patterns',
    replacement: 'true',
    reason: 'A cache: compiling the exclusion patterns again gives the same patterns.',
  },
  {
    file: 'runtime/core.ts',
    mutator: 'StringLiteral',
    original: "''",
    replacement: '"Stryker was here!"',
    near: "return value ?? ''",
    reason:
      'The text put in for a variable without a value is thrown away: `missing` is set, so fillVariables returns undefined.',
  },
  {
    file: 'runtime/core.ts',
    mutator: 'ConditionalExpression',
    original: "typeof File !== 'undefined'",
    replacement: 'true',
    reason:
      'Every runtime the client supports (Node 20 and later, current browsers, Deno, Bun) defines File; the test only keeps `instanceof File` from throwing where it is missing.',
  },
  {
    file: 'runtime/core.ts',
    mutator: 'ConditionalExpression',
    original: "own(params, 'variables') === undefined",
    replacement: 'false',
    reason:
      'A GraphQL body with `variables: undefined` is sent like one without the field: JSON.stringify leaves undefined out.',
  },
  {
    file: 'runtime/core.ts',
    mutator: 'ArrayDeclaration',
    original: '[]',
    replacement: '["Stryker was here"]',
    near: 'const values: string[] = []',
    reason:
      'The mutant makes the text "Stryker was here" a credential: only an error entry holding those very words would read differently.',
  },
  {
    file: 'runtime/core.ts',
    mutator: 'Regex',
    original: '/\\s+/',
    replacement: '/\\s/',
    near: 'value.split(',
    reason:
      'Splitting "Bearer <token>" at each blank instead of each run of blanks only adds empty strings, which the six-character filter drops.',
  },
  {
    file: 'runtime/core.ts',
    mutator: 'EqualityOperator',
    original: 'remaining <= 0',
    replacement: 'remaining < 0',
    reason: EXACT_MILLISECOND,
  },
  {
    file: 'runtime/core.ts',
    mutator: 'EqualityOperator',
    original: 'Date.now() + delay >= deadline',
    replacement: 'Date.now() + delay > deadline',
    reason: EXACT_MILLISECOND,
  },
  {
    file: 'runtime/core.ts',
    mutator: 'EqualityOperator',
    original: 'Date.now() + delay < deadline',
    replacement: 'Date.now() + delay <= deadline',
    reason: EXACT_MILLISECOND,
  },
  {
    file: 'runtime/core.ts',
    mutator: 'ConditionalExpression',
    original: 'failure instanceof TimeoutError && failure.deadline',
    replacement: 'false',
    reason:
      "A deadline TimeoutError comes only once the deadline has passed, so the retry branch throws it as well: no wait ends before the deadline (or, a timer a millisecond early, the next attempt finds no time left and throws the deadline's error again).",
  },
  {
    file: 'runtime/core.ts',
    mutator: 'ConditionalExpression',
    original: 'options.signal',
    replacement: 'true',
    near: 'init.signal = options.signal',
    reason: "Without a caller's signal the mutant sets `init.signal` to undefined, which fetch reads as no signal.",
  },
  {
    file: 'runtime/core.ts',
    mutator: 'ObjectLiteral',
    original: '{ once: true }',
    replacement: '{}',
    reason: ONE_ABORT,
  },
  {
    file: 'runtime/core.ts',
    mutator: 'BooleanLiteral',
    original: 'true',
    replacement: 'false',
    near: "addEventListener('abort', onAbort, { once: true })",
    reason: ONE_ABORT,
  },
  {
    file: 'runtime/core.ts',
    mutator: 'StringLiteral',
    original: "''",
    replacement: '"Stryker was here!"',
    near: "const type = (response.headers.get('content-type') ?? '').toLowerCase()",
    reason:
      'A CSV answer without a Content-Type: the stand-in text holds none of "html", "json" and "csv", so it is read as an absent type is.',
  },
  {
    file: 'runtime/core.ts',
    mutator: 'StringLiteral',
    original: "''",
    replacement: '"Stryker was here!"',
    near: 'const mediaType =',
    reason:
      "Without a Content-Type the stand-in text is no media type, so the message names none, as for an absent one; the last `?? ''` is never reached (a split always has a first part).",
  },
  {
    file: 'model/build.ts',
    mutator: 'StringLiteral',
    original: "''",
    replacement: '"Stryker was here!"',
    near: "identifier: ''",
    reason: DRAFT_NAMES,
  },
  {
    file: 'model/build.ts',
    mutator: 'StringLiteral',
    original: "''",
    replacement: '"Stryker was here!"',
    near: "typeName: ''",
    reason: DRAFT_NAMES,
  },
  {
    file: 'model/build.ts',
    mutator: 'ArrayDeclaration',
    original: '[]',
    near: 'operation.body?.examples ?? []',
    reason:
      'Only the variables a text references are noted: the stand-in text for a missing body references none, as no text does.',
  },
  {
    file: 'model/build.ts',
    mutator: 'EqualityOperator',
    original: 'a < b',
    replacement: 'a <= b',
    near: '[...counts].sort(',
    reason: ORIGIN_ORDER,
  },
  {
    file: 'model/build.ts',
    mutator: 'ConditionalExpression',
    original: 'a > b',
    near: '[...counts].sort(',
    reason: ORIGIN_ORDER,
  },
  {
    file: 'model/build.ts',
    mutator: 'EqualityOperator',
    original: 'a > b',
    near: '[...counts].sort(',
    reason: ORIGIN_ORDER,
  },
  {
    file: 'model/build.ts',
    mutator: 'ConditionalExpression',
    original: 'pooled.size === 0',
    replacement: 'false',
    reason:
      'A shortcut: with no entity pooled the shapes carry no entity marks, so typing the places again gives the schemas readResponses already gave them.',
  },
  {
    file: 'model/variables.ts',
    mutator: 'StringLiteral',
    original: "'{{'",
    replacement: '""',
    reason:
      'A shortcut for texts without a reference (saved bodies above all): running the pattern over them finds none either.',
  },
  {
    file: 'model/variables.ts',
    mutator: 'ConditionalExpression',
    original: 'next === current',
    replacement: 'false',
    reason: 'A shortcut: once a round of substitution changes nothing, every later round changes nothing either.',
  },
  {
    file: 'model/body.ts',
    mutator: 'ConditionalExpression',
    original: 'default: return undefined;',
    reason: 'Without its default case the switch falls out of the function, which returns undefined all the same.',
  },
  {
    file: 'model/body.ts',
    mutator: 'Regex',
    original: '/\\s+/g',
    replacement: '/\\s/g',
    reason: 'Removing every blank one at a time or a run at a time leaves the same text.',
  },
  {
    file: 'model/body.ts',
    mutator: 'ArrayDeclaration',
    original: '[]',
    replacement: '["Stryker was here"]',
    near: 'required: []',
    reason: OVERWRITTEN_REQUIRED,
  },
  {
    file: 'model/body.ts',
    mutator: 'StringLiteral',
    original: "'every-sample'",
    replacement: '""',
    reason: NEVER_ONLY,
  },
  {
    file: 'model/body.ts',
    mutator: 'EqualityOperator',
    original: 'a < b',
    replacement: 'a <= b',
    reason: UNIQUE_KEYS,
  },
  {
    file: 'model/body.ts',
    mutator: 'EqualityOperator',
    original: 'a > b',
    replacement: 'a >= b',
    reason: UNIQUE_KEYS,
  },
  {
    file: 'model/body.ts',
    mutator: 'ConditionalExpression',
    original: 'a > b',
    replacement: 'true',
    reason: UNIQUE_KEYS,
  },
  {
    file: 'model/responses.ts',
    mutator: 'StringLiteral',
    original: "''",
    replacement: '"Stryker was here!"',
    near: "const key = typeof reason === 'string'",
    reason: 'A reason that is no text looks up a key no reason phrase has: the stand-in text is not one either.',
  },
  {
    file: 'model/responses.ts',
    mutator: 'StringLiteral',
    original: "''",
    replacement: '"Stryker was here!"',
    near: "reading.headers.get('link') ?? ''",
    reason: 'An absent Link header is read as text with no `rel`: the stand-in text has none either.',
  },
  {
    file: 'model/responses.ts',
    mutator: 'ConditionalExpression',
    original: 'declared',
    replacement: 'true',
    near: 'if (declared) reading.contentType = declared',
    reason:
      'An empty body with no declared type gets an undefined content type, which the response drops as it drops an absent one.',
  },
  {
    file: 'model/responses.ts',
    mutator: 'MethodExpression',
    original: 'bucket.map((reading) => reading.contentType).filter((type): type is string => !!type)',
    reason: UNDEFINED_TYPES_DROPPED,
  },
  {
    file: 'model/responses.ts',
    mutator: 'ConditionalExpression',
    original: 'response.status < 300',
    replacement: 'true',
    reason: FIRST_SUCCESS,
  },
  {
    file: 'model/responses.ts',
    mutator: 'EqualityOperator',
    original: 'response.status < 300',
    replacement: 'response.status <= 300',
    reason: FIRST_SUCCESS,
  },
  {
    file: 'model/responses.ts',
    mutator: 'OptionalChaining',
    original: 'ok?.csv',
    reason: FIRST_SUCCESS,
  },
  {
    file: 'model/responses.ts',
    mutator: 'OptionalChaining',
    original: 'ok?.schema',
    reason: FIRST_SUCCESS,
  },
  {
    file: 'model/responses.ts',
    mutator: 'OptionalChaining',
    original: 'bucket.find((reading) => reading.headers.has(name))?.headers',
    reason: HEADER_FOUND,
  },
  {
    file: 'model/responses.ts',
    mutator: 'StringLiteral',
    original: "''",
    replacement: '"Stryker was here!"',
    near: 'reading.headers.has(name))?.headers.get(name)',
    reason: HEADER_FOUND,
  },
  {
    file: 'model/serialize.ts',
    mutator: 'ConditionalExpression',
    original: 'keys.length > 32',
    reason: EITHER_SORT,
  },
  {
    file: 'model/serialize.ts',
    mutator: 'EqualityOperator',
    original: 'keys.length > 32',
    reason: EITHER_SORT,
  },
  {
    file: 'model/serialize.ts',
    mutator: 'BooleanLiteral',
    original: 'true',
    replacement: 'false',
    near: 'const PLAIN = {',
    reason:
      'Only `enumerable` is read (by JSON.stringify); nothing writes or deletes a "__proto__" key of the sorted copy afterwards, so `writable` and `configurable` are never asked.',
  },
  {
    file: 'model/json-body.ts',
    mutator: 'StringLiteral',
    original: "''",
    replacement: '"Stryker was here!"',
    near: "out += trimmed[i + 1] ?? ''",
    reason:
      'Only a backslash that ends the text has nothing after it: the string is then never closed and the text is not JSON, whatever is appended.',
  },
  {
    file: 'model/body.ts',
    mutator: 'ConditionalExpression',
    original: 'a > b',
    replacement: 'false',
    reason: V8_SORT,
  },
  {
    file: 'model/body.ts',
    mutator: 'EqualityOperator',
    original: 'a > b',
    replacement: 'a <= b',
    reason: V8_SORT,
  },
  {
    file: 'model/names.ts',
    mutator: 'ConditionalExpression',
    original: 'answer === undefined',
    replacement: 'true',
    reason: NAME_CACHE,
  },
  {
    file: 'model/names.ts',
    mutator: 'ConditionalExpression',
    original: 'answers.size >= 100_000',
    reason: NAME_CACHE,
  },
  {
    file: 'model/names.ts',
    mutator: 'EqualityOperator',
    original: 'codePoint < 128',
    replacement: 'codePoint <= 128',
    reason:
      'U+0080 is a control character: the ASCII letter test and the tables both reject it, so which of them is asked does not matter.',
  },
  {
    file: 'model/names.ts',
    mutator: 'ArithmeticOperator',
    original: 'words.length - 1',
    replacement: 'words.length + 1',
    near: 'for (let i = words.length - 1; i >= 0; i--)',
    reason: PAST_FIRST_WORD,
  },
  {
    file: 'model/names.ts',
    mutator: 'ConditionalExpression',
    original: 'phraseStart > 0',
    replacement: 'true',
    reason: PAST_FIRST_WORD,
  },
  {
    file: 'model/names.ts',
    mutator: 'EqualityOperator',
    original: 'phraseStart > 0',
    replacement: 'phraseStart >= 0',
    reason: PAST_FIRST_WORD,
  },
  {
    file: 'model/names.ts',
    mutator: 'StringLiteral',
    original: "''",
    near: "if (stem(words[i] ?? '') === head)",
    reason: NO_EMPTY_WORDS,
  },
  {
    file: 'model/names.ts',
    mutator: 'StringLiteral',
    original: "''",
    near: "resourceStems.includes(stem(words[phraseStart - 1] ?? ''))",
    reason: NO_EMPTY_WORDS,
  },
  {
    file: 'model/names.ts',
    mutator: 'StringLiteral',
    original: "''",
    near: "const short = nounAt === 0 ? after : [words[0] ?? '', ...after]",
    reason: NO_EMPTY_WORDS,
  },
  {
    file: 'model/names.ts',
    mutator: 'StringLiteral',
    original: "'operation'",
    near: "const name = camelCase(candidate, 'operation')",
    reason:
      'A candidate is a non-empty list of words splitWords already kept to letters TypeScript accepts: camelCase never falls back on it (memberName(operationName, "operation") stands for the empty case).',
  },
  {
    file: 'model/names.ts',
    mutator: 'BooleanLiteral',
    original: 'false',
    replacement: 'true',
    near: 'let moved = false',
    reason: MOVED_EARLY_EXIT,
  },
  {
    file: 'model/names.ts',
    mutator: 'ConditionalExpression',
    original: '!moved',
    replacement: 'false',
    reason: MOVED_EARLY_EXIT,
  },
  {
    file: 'model/names.ts',
    mutator: 'EqualityOperator',
    original: 'a.key < b.key',
    replacement: 'a.key <= b.key',
    reason: UNIQUE_NAME_KEYS,
  },
  {
    file: 'model/names.ts',
    mutator: 'EqualityOperator',
    original: 'a.key > b.key',
    reason: V8_SORT,
  },
  {
    file: 'model/names.ts',
    mutator: 'ConditionalExpression',
    original: 'a.key > b.key',
    reason: V8_SORT,
  },
  {
    file: 'runtime/core.ts',
    mutator: 'ConditionalExpression',
    original: '!/[.%]/.test(path)',
    replacement: 'false',
    reason:
      'A shortcut: a path with no dot and no percent sign has no dot segment, so the segment check that follows would find none either.',
  },
  {
    file: 'runtime/core.ts',
    mutator: 'Regex',
    original: '/[.%]/',
    replacement: '/[^.%]/',
    reason:
      'Every path holds a "/", so the mutant never takes the shortcut and the segment check runs on every path: the same errors, only slower.',
  },
  {
    file: 'runtime/core.ts',
    mutator: 'ConditionalExpression',
    original: '!response.redirected && !isRedirect(response.status)',
    replacement: 'false',
    reason:
      'A shortcut: an answer that was not redirected and is no redirect passes the checks below it and reaches the same `return undefined`.',
  },
  {
    file: 'runtime/signing.ts',
    mutator: 'ConditionalExpression',
    original: 'body.byteLength === 0',
    replacement: 'false',
    reason: 'Turns the remembered signature off: every request is hashed again, which gives the same signature.',
  },
  {
    file: 'runtime/signing.ts',
    mutator: 'StringLiteral',
    original: "''",
    replacement: '"Stryker was here!"',
    near: 'const texts =',
    reason:
      "The body's stand-in in the remembered signature's key: the key is made only for requests without a body, where any constant text serves.",
  },
  {
    file: 'runtime/signing.ts',
    mutator: 'StringLiteral',
    original: "''",
    replacement: '"Stryker was here!"',
    near: 'const key =',
    reason:
      "The separator of the remembered signature's key: each text in it comes with its length, so any separator keeps two different lists of texts apart, and the same list gives the same key.",
  },
  {
    file: 'model/pool.ts',
    mutator: 'ConditionalExpression',
    original: 'key === undefined',
    replacement: 'true',
    reason: ENTITY_KEY_CACHE,
  },
  {
    file: 'model/pool.ts',
    mutator: 'ConditionalExpression',
    original: 'keys.size > 10_000',
    reason: ENTITY_KEY_CACHE,
  },
  {
    file: 'model/pool.ts',
    mutator: 'EqualityOperator',
    original: 'keys.size > 10_000',
    reason: ENTITY_KEY_CACHE,
  },
  { file: 'model/pool.ts', mutator: 'StringLiteral', original: "'object'", replacement: '""', reason: KIND_NAMES },
  { file: 'model/pool.ts', mutator: 'StringLiteral', original: "'array'", replacement: '""', reason: KIND_NAMES },
  { file: 'model/pool.ts', mutator: 'StringLiteral', original: "'string'", replacement: '""', reason: KIND_NAMES },
  { file: 'model/pool.ts', mutator: 'StringLiteral', original: "'number'", replacement: '""', reason: KIND_NAMES },
  { file: 'model/pool.ts', mutator: 'StringLiteral', original: "'boolean'", replacement: '""', reason: KIND_NAMES },
  {
    file: 'model/pool.ts',
    mutator: 'EqualityOperator',
    original: 'i < signatures.length',
    replacement: 'i <= signatures.length',
    reason:
      'One more turn of the outer loop, with i past the last signature: its inner loop starts at i + 1, beyond the end, and compares nothing.',
  },
  {
    file: 'model/pool.ts',
    mutator: 'ConditionalExpression',
    original: 'new Set(list.map((candidate) => candidate.operationId)).size < 2',
    replacement: 'false',
    reason:
      'A shortcut: a key seen in one operation only gives clusters of one operation, which the same test on each cluster drops afterwards.',
  },
  {
    file: 'model/pool.ts',
    mutator: 'EqualityOperator',
    original: 'a.location < b.location',
    replacement: 'a.location <= b.location',
    reason: UNIQUE_PLACES,
  },
  {
    file: 'model/pool.ts',
    mutator: 'ConditionalExpression',
    original: 'a.location > b.location',
    reason: V8_SORT,
  },
  {
    file: 'model/pool.ts',
    mutator: 'EqualityOperator',
    original: 'a.location > b.location',
    reason: V8_SORT,
  },
  {
    file: 'model/pool.ts',
    mutator: 'EqualityOperator',
    original: 'a.fallback < b.fallback',
    replacement: 'a.fallback <= b.fallback',
    reason: UNIQUE_PLACES,
  },
  {
    file: 'model/names.ts',
    mutator: 'Regex',
    original: '/[^\\p{ID_Continue}]+|_+/u',
    reason: SEPARATOR_RUNS,
  },
  {
    file: 'model/names.ts',
    mutator: 'Regex',
    original: '/^[\\x00-\\x7f]*$/',
    replacement: '/^[\\x00-\\x7f]$/',
    reason: ASCII_SHORTCUT,
  },
  {
    file: 'model/names.ts',
    mutator: 'ConditionalExpression',
    original: 'ASCII.test(text)',
    replacement: 'false',
    reason: ASCII_SHORTCUT,
  },
  {
    file: 'model/names.ts',
    mutator: 'ConditionalExpression',
    original: 'codePoint >= 48',
    replacement: 'true',
    reason: ASCII_NON_DIGITS,
  },
  {
    file: 'model/names.ts',
    mutator: 'ConditionalExpression',
    original: 'codePoint <= 57',
    replacement: 'true',
    reason: ASCII_NON_DIGITS,
  },
  {
    file: 'model/names.ts',
    mutator: 'EqualityOperator',
    original: 'answers.size >= 100_000',
    reason: NAME_CACHE,
  },
  {
    file: 'model/names.ts',
    mutator: 'StringLiteral',
    original: "''",
    replacement: '"Stryker was here!"',
    near: "return rememberedWords(text, '')",
    reason:
      'The fallback splitWords passes to its own cache: wordsOf reads none, and the same text goes into every key of that cache, so the keys still tell texts apart.',
  },
  {
    file: 'model/json-body.ts',
    mutator: 'EqualityOperator',
    original: 'i < trimmed.length',
    replacement: 'i <= trimmed.length',
    near: "while (i < trimmed.length && trimmed[i] !== '\\n') i++",
    reason:
      'Past the end of the text, trimmed[i] is undefined, never a line end: the line comment is skipped one step further, and the outer loop ends all the same.',
  },
  {
    file: 'model/json-body.ts',
    mutator: 'EqualityOperator',
    original: 'end < 0',
    replacement: 'end <= 0',
    reason:
      'indexOf searches from i + 2, so a closing text found is never at 0: only a missing one (-1) is below or at 0.',
  },
  {
    file: 'model/json-body.ts',
    mutator: 'BlockStatement',
    original: '{ return undefined; }',
    replacement: '{}',
    reason: 'Without its return the catch block falls out of the function, which returns undefined all the same.',
  },
  {
    file: 'model/serialize.ts',
    mutator: 'ConditionalExpression',
    original: "key === '__proto__'",
    replacement: 'true',
    reason:
      'Defining a key as an enumerable, writable, configurable value is what assigning it does for every key but "__proto__" (the one accessor Object.prototype has): the test keeps the other keys on the quicker assignment.',
  },
  {
    file: 'model/serialize.ts',
    mutator: 'EqualityOperator',
    original: '(keys[j] as string) > key',
    replacement: 'keys[j] as string >= key',
    reason: "An object's keys are never equal: `>` and `>=` move the same keys.",
  },
  {
    file: 'model/described-fields.ts',
    mutator: 'Regex',
    original: '/\\n|(?<=[.;])\\s+/',
    replacement: '/\\n|(?<=[.;])\\s/',
    reason:
      'Splitting at the first blank after a full stop or semicolon leaves the others at the start of the next part, where they change nothing: a backticked name is found anywhere in a part, and a table row is recognised after trimming.',
  },
  {
    file: 'model/described-fields.ts',
    mutator: 'ArrayDeclaration',
    original: '[]',
    replacement: '["Stryker was here"]',
    near: 'const row = part.trim()',
    reason:
      'A part that is no table row has no cells; the mutant gives it one, the stand-in text, which only a body field named exactly "Stryker was here" could match (a backticked name in such a part is found all the same).',
  },
  {
    file: 'model/serialize.ts',
    mutator: 'ConditionalExpression',
    original: 'j >= 0',
    replacement: 'true',
    near: 'while (j >= 0 &&',
    reason:
      'Past the first key, keys[-1] is undefined and `undefined > key` is false for any text: the insertion stops at the same place without the bound.',
  },
  {
    file: 'model/csv.ts',
    mutator: 'UpdateOperator',
    original: 'count++',
    replacement: 'count--',
    reason:
      'A delimiter count is only compared with 0 and with the count of another line: counting down gives -n, which is 0 and equal to another -m exactly when n is.',
  },
  {
    file: 'model/body.ts',
    mutator: 'ArrayDeclaration',
    original: '[]',
    replacement: '["Stryker was here"]',
    near: 'for (const field of primary.fields ?? [])',
    reason:
      "A body without fields then walks a list holding only the stand-in text, whose `kind` is undefined, never 'file': no field is marked required.",
  },
];
