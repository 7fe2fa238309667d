// The root element of an XML text, found by a linear scan (no regular expression that can backtrack over the
// whole input): skips the XML declaration, processing instructions, comments and a DOCTYPE (with its internal
// subset), however long they are, then reads the first start tag.

export interface XmlRoot {
  /** The element name as written, e.g. "gexf", "graphml", "g:graphml". */
  name: string;
  /** Offset of the "<" of the start tag. */
  index: number;
  /** The start tag's text from "<" to its ">" (or to the end of the text when it is never closed). */
  tag: string;
}

const NAME_CHAR = /[\w.:-]/;

/** Where the first element starts, or null when the text holds none (or starts with something other than markup). */
export function xmlRoot(text: string): XmlRoot | null {
  let at = 0;
  const length = text.length;
  for (;;) {
    while (at < length && /\s/.test(text[at] ?? "")) at++;
    if (at < length && text.charCodeAt(at) === 0xfeff) {
      at++;
      continue;
    }
    if (at >= length || text[at] !== "<") return null;
    if (text.startsWith("<?", at)) {
      const end = text.indexOf("?>", at + 2);
      if (end < 0) return null;
      at = end + 2;
    } else if (text.startsWith("<!--", at)) {
      const end = text.indexOf("-->", at + 4);
      if (end < 0) return null;
      at = end + 3;
    } else if (text.startsWith("<!", at)) {
      const close = text.indexOf(">", at);
      const open = text.indexOf("[", at);
      if (close < 0) return null;
      if (open >= 0 && open < close) {
        const subsetEnd = text.indexOf("]", open);
        if (subsetEnd < 0) return null;
        const after = text.indexOf(">", subsetEnd);
        if (after < 0) return null;
        at = after + 1;
      } else at = close + 1;
    } else {
      let end = at + 1;
      while (end < length && NAME_CHAR.test(text[end] ?? "")) end++;
      const name = text.slice(at + 1, end);
      if (name === "") return null;
      const close = text.indexOf(">", end);
      return { name, index: at, tag: text.slice(at, close < 0 ? length : close + 1) };
    }
  }
}

/** The root's local name in lower case ("gexf" for "<g:GEXF …>"), or "" when there is no root. */
export function xmlRootName(text: string): string {
  const root = xmlRoot(text);
  return root === null ? "" : (root.name.split(":").pop() ?? "").toLowerCase();
}

/** The version a GEXF root tag declares ("1.2"), else the one its namespace names, else null. */
export function gexfRootVersion(text: string): string | null {
  const root = xmlRoot(text);
  if (root === null) return null;
  return /\sversion\s*=\s*["']([\d.]{1,16})/.exec(root.tag)?.[1] ?? /gexf\.net\/([\d.]{1,16})/.exec(root.tag)?.[1] ?? null;
}
