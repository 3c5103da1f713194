// A small XML 1.0 well-formedness check for the renderer tests (no XML parser is a direct dependency):
// legal characters only, every tag balanced, attribute values and text free of raw '<' and stray '&'.

const ILLEGAL = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi;
const TAG = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w.-]+="[^"<]*")*)\s*(\/?)>/y;

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

function decode(text: string): string {
  return text.replace(ENTITY, (e) => {
    const named: Record<string, string> = {
      '&amp;': '&',
      '&lt;': '<',
      '&gt;': '>',
      '&quot;': '"',
      '&apos;': "'",
    };
    if (named[e]) return named[e];
    const hex = e.startsWith('&#x') || e.startsWith('&#X');
    return String.fromCodePoint(parseInt(e.slice(hex ? 3 : 2, -1), hex ? 16 : 10));
  });
}

function checkText(text: string, where: string): void {
  if (text.includes('<')) throw new Error(`raw '<' in ${where}: ${text}`);
  if (text.replace(ENTITY, '').includes('&')) throw new Error(`stray '&' in ${where}: ${text}`);
}

/** Parses the document (declaration + one root) or throws saying what is wrong. */
export function parseXml(xml: string): XmlElement {
  const bad = ILLEGAL.exec(xml);
  if (bad) throw new Error(`illegal XML character U+${bad[0].codePointAt(0)!.toString(16)}`);
  let body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let pos = 0;
  body = body.trimEnd();
  while (pos < body.length) {
    const lt = body.indexOf('<', pos);
    const text = body.slice(pos, lt < 0 ? body.length : lt);
    checkText(text, 'text');
    stack.at(-1)!.text += decode(text);
    if (lt < 0) break;
    TAG.lastIndex = lt;
    const m = TAG.exec(body);
    if (!m) throw new Error(`malformed tag at ${lt}: ${body.slice(lt, lt + 60)}`);
    const [, closing, name, attrText, selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
    } else {
      const attributes: Record<string, string> = {};
      for (const a of attrText!.matchAll(/([\w.-]+)="([^"]*)"/g)) {
        checkText(a[2]!, `attribute ${a[1]}`);
        attributes[a[1]!] = decode(a[2]!);
      }
      const el: XmlElement = { name: name!, attributes, children: [], text: '' };
      stack.at(-1)!.children.push(el);
      if (!selfClosing) stack.push(el);
    }
    pos = TAG.lastIndex;
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  if (root.children.length !== 1 || root.text.trim() !== '')
    throw new Error('expected exactly one root element');
  return root.children[0]!;
}
