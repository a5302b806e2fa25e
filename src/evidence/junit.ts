/**
 * Reads the JUnit XML that Node's test runner writes with `--test-reporter=junit`
 * (.test-results/junit.xml after `npm test`). Only the elements that reporter emits are read:
 * `testsuites`, nested `testsuite`, `testcase` with `failure`, `error` or `skipped` children.
 * A small tag scanner is enough for that output; no XML library is needed.
 */

export type TestOutcome = 'passed' | 'failed' | 'skipped';

export interface TestResult {
  /** The test title as written in the test, tags included. */
  readonly name: string;
  /** Name of the innermost suite (`describe`) around the test. */
  readonly suite: string;
  /** Source file of the test, when the reporter gives it. */
  readonly file?: string;
  readonly outcome: TestOutcome;
  /** First line of the failure message of a failed test. */
  readonly message?: string;
}

/** Thrown for text that is not the JUnit output of a test run; `reason` describes the problem. */
export class JUnitFormatError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'JUnitFormatError';
  }
}

const TAG = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|quot|apos|amp);/g, (_match, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[entity] ?? '';
  });
}

/**
 * Node's reporter escapes `"` as `&quot;` and then escapes `&` again, so a title with a double
 * quote arrives as `&amp;quot;`. Decoding once and then turning the remaining `&quot;` back
 * into `"` gives the title as written.
 */
function decodeAttribute(text: string): string {
  return decodeEntities(text).replaceAll('&quot;', '"');
}

function attributes(source: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1] ?? '';
    result[name] = decodeAttribute(match[2] ?? match[3] ?? '');
  }
  return result;
}

interface OpenCase {
  name: string;
  suite: string;
  file?: string;
  outcome: TestOutcome;
  message?: string;
}

/** Parse the reporter's XML into one result per test case, in document order. */
export function parseJUnit(xml: string): TestResult[] {
  const body = xml.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  const stack: string[] = [];
  const suites: string[] = [];
  const results: TestResult[] = [];
  let current: OpenCase | undefined;
  let sawRoot = false;

  for (const match of body.matchAll(TAG)) {
    const closing = match[1] === '/';
    const name = match[2] ?? '';
    const attrs = attributes(match[3] ?? '');
    const selfClosing = match[4] === '/';

    if (closing) {
      const open = stack.pop();
      if (open !== name) {
        throw new JUnitFormatError(`</${name}> closes <${open ?? 'nothing'}>`);
      }
      if (name === 'testsuite') suites.pop();
      if (name === 'testcase' && current !== undefined) {
        results.push(current);
        current = undefined;
      }
      continue;
    }

    if (stack.length === 0) {
      if (name !== 'testsuites' && name !== 'testsuite') {
        throw new JUnitFormatError(`the root element is <${name}>, not <testsuites>`);
      }
      sawRoot = true;
    }

    if (name === 'testsuite') suites.push(attrs.name ?? '');
    if (name === 'testcase') {
      if (attrs.name === undefined) throw new JUnitFormatError('a <testcase> has no name');
      current = {
        name: attrs.name,
        suite: attrs.classname ?? suites[suites.length - 1] ?? '',
        ...(attrs.file !== undefined ? { file: attrs.file } : {}),
        outcome: 'passed',
      };
      if (selfClosing) {
        results.push(current);
        current = undefined;
      }
    } else if (current !== undefined && (name === 'failure' || name === 'error')) {
      current.outcome = 'failed';
      const message = (attrs.message ?? '').split('\n')[0]?.trim();
      if (message !== undefined && message !== '' && current.message === undefined) {
        current.message = message;
      }
    } else if (current !== undefined && name === 'skipped' && current.outcome === 'passed') {
      current.outcome = 'skipped';
    }
    if (!selfClosing) stack.push(name);
  }

  if (!sawRoot) throw new JUnitFormatError('no <testsuites> element');
  if (stack.length > 0)
    throw new JUnitFormatError(`<${stack[stack.length - 1] ?? ''}> is not closed`);
  return results;
}
