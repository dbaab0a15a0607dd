/**
 * Where JSON text first goes wrong. Engines disagree on their error messages
 * (V8 in Node 20 often gives only a snippet), so broken files are re-scanned
 * with this small grammar walk to point the user at a line and column.
 */

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/** Offset of the first syntax error, or undefined when the text is valid JSON (or too deep to scan). */
export function jsonErrorOffset(text: string): number | undefined {
  let position = 0;
  const fail = (): never => {
    throw new SyntaxAt(position);
  };
  const skipSpace = () => {
    while (WHITESPACE.has(text[position] ?? '')) position++;
  };
  const expect = (literal: string) => {
    for (const character of literal) {
      if (text[position] !== character) fail();
      position++;
    }
  };
  const string = () => {
    expect('"');
    while (position < text.length && text[position] !== '"') {
      const character = text[position] ?? '';
      if (character < ' ') fail();
      if (character === '\\') {
        position++;
        const escaped = text[position] ?? '';
        if (escaped === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(position + 1, position + 5))) fail();
          position += 4;
        } else if (!'"\\/bfnrt'.includes(escaped) || escaped === '') fail();
      }
      position++;
    }
    expect('"');
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(text.slice(position, position + 400));
    if (!match || match[0] === '' || match[0] === '-') fail();
    position += match?.[0].length ?? 0;
  };
  const value = (): void => {
    skipSpace();
    const character = text[position];
    if (character === '{') {
      position++;
      skipSpace();
      if (text[position] === '}') {
        position++;
        return;
      }
      for (;;) {
        skipSpace();
        string();
        skipSpace();
        expect(':');
        value();
        skipSpace();
        if (text[position] === ',') position++;
        else {
          expect('}');
          return;
        }
      }
    } else if (character === '[') {
      position++;
      skipSpace();
      if (text[position] === ']') {
        position++;
        return;
      }
      for (;;) {
        value();
        skipSpace();
        if (text[position] === ',') position++;
        else {
          expect(']');
          return;
        }
      }
    } else if (character === '"') string();
    else if (character === 't') expect('true');
    else if (character === 'f') expect('false');
    else if (character === 'n') expect('null');
    else number();
  };
  try {
    value();
    skipSpace();
    return position < text.length ? position : undefined;
  } catch (error) {
    return error instanceof SyntaxAt ? error.offset : undefined;
  }
}

class SyntaxAt extends Error {
  constructor(readonly offset: number) {
    super('JSON syntax error');
  }
}
