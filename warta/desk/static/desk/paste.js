/* Pasting from Word and Google Docs into the article body (a prose-editor extension).
 *
 * Both put their formatting into style attributes, and the article form's
 * Content-Security-Policy rightly refuses inline styles: the editor could not read
 * them, so Google Docs' <b style="font-weight:normal"> wrapper made everything bold,
 * its italics (a styled span) were lost, and Word's bullets became "·" paragraphs.
 * Before the editor parses pasted HTML, this rewrites it into the few plain elements
 * the body keeps: bold and italic read from the style attribute's text, Word's
 * mso-list paragraphs as real lists, h1 as h2, and nothing else. DOMParser gives an
 * inert document (nothing in it loads or runs), but Chromium applies the page's policy
 * to it as well: every style attribute and <style> would be reported as a violation.
 * So style sheets go and style attributes are renamed in the text before parsing.
 */
import { Extension, Plugin } from "django-prose-editor/editor";

const BLOCKS = new Set([
  "P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "UL", "OL", "LI", "BLOCKQUOTE",
  "TABLE", "TR", "TD", "TH", "TBODY", "THEAD", "SECTION", "ARTICLE",
]);
const DROPPED = new Set([
  "SCRIPT", "STYLE", "META", "LINK", "TITLE", "HEAD", "IMG", "SVG", "IFRAME", "OBJECT",
  "VIDEO", "AUDIO", "CANVAS", "TEMPLATE", "NOSCRIPT", "BUTTON", "INPUT", "SELECT",
  "TEXTAREA",
]);
const HEADINGS = { H1: "h2", H2: "h2", H3: "h3", H4: "h3", H5: "h3", H6: "h3" };
const KEPT_BLOCKS = { P: "p", BLOCKQUOTE: "blockquote", UL: "ul", OL: "ol", LI: "li" };
const WORD_LIST = /mso-list:\s*l(\d+)\s+level(\d+)/i;

const STYLE = "data-warta-style";

function styleOf(element) {
  return (element.getAttribute(STYLE) || "").toLowerCase();
}

// Only inside tags: the text of the story stays as it is. A tag whose quoted value
// holds ">" keeps its style attribute: the policy ignores it, no harm done.
function unstyled(html) {
  return html
    .replace(/<style[\s\S]*?<\/style\s*>/gi, "")
    .replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(/(\s)style(\s*=)/gi, `$1${STYLE}$2`));
}

function weight(style) {
  const found = /(?:^|;)\s*font-weight\s*:\s*([a-z0-9]+)/.exec(style);
  if (!found) return null;
  const value = found[1];
  if (value === "bold" || value === "bolder") return true;
  if (/^\d+$/.test(value)) return Number(value) >= 600;
  return false; // normal, lighter
}

function slant(style) {
  const found = /(?:^|;)\s*font-style\s*:\s*([a-z]+)/.exec(style);
  return found ? found[1] === "italic" || found[1] === "oblique" : null;
}

function isBlock(node) {
  return node && node.nodeType === Node.ELEMENT_NODE && BLOCKS.has(node.tagName);
}

function sibling(node, direction) {
  let next = node[direction];
  while (next && next.nodeType === Node.TEXT_NODE && !next.textContent.trim()) {
    next = next[direction];
  }
  return next;
}

function hasText(element) {
  return element.textContent.replace(/\u00a0/g, " ").trim() !== "";
}

function safeHref(href) {
  return /^(https?:|mailto:|\/)/i.test(href || "") ? href : null;
}

class Cleaner {
  constructor(out) {
    this.out = out;
  }

  make(tag, children) {
    const element = this.out.createElement(tag);
    element.append(...children);
    return element;
  }

  // The cleaned copies of a node's children, Word's list paragraphs made into lists.
  children(parent) {
    const result = [];
    let pending = [];
    const flush = () => {
      if (pending.length) result.push(...this.wordList(pending));
      pending = [];
    };
    for (const child of parent.childNodes) {
      const level = child.nodeType === Node.ELEMENT_NODE && WORD_LIST.exec(styleOf(child));
      if (level) {
        pending.push(this.wordItem(child, Number(level[2])));
      } else if (!(pending.length && child.nodeType === Node.TEXT_NODE && !child.textContent.trim())) {
        flush();
        result.push(...this.node(child));
      }
    }
    flush();
    return result;
  }

  node(node) {
    if (node.nodeType === Node.TEXT_NODE) return [this.out.createTextNode(node.textContent)];
    if (node.nodeType !== Node.ELEMENT_NODE) return []; // comments, Word's <![if ...]>
    const tag = node.tagName;
    const style = styleOf(node);
    if (DROPPED.has(tag) || tag.includes(":") || /mso-list\s*:\s*ignore/.test(style)) {
      return []; // <o:p>, a Word list's typed bullet
    }
    if (tag === "BR") {
      // Between blocks (Google Docs puts one between paragraphs) a break is an empty
      // paragraph, which the publishing check refuses.
      const before = sibling(node, "previousSibling");
      const after = sibling(node, "nextSibling");
      if (isBlock(before) || isBlock(after) || (!before && !after)) return [];
      return [this.out.createElement("br")];
    }
    let inner = this.children(node);
    if (HEADINGS[tag] || KEPT_BLOCKS[tag]) {
      const block = this.make(HEADINGS[tag] || KEPT_BLOCKS[tag], inner);
      const keepEmpty = tag === "UL" || tag === "OL";
      return keepEmpty || hasText(block) ? [block] : [];
    }
    if (tag === "A") {
      const href = safeHref(node.getAttribute("href"));
      if (!href) return inner;
      const link = this.make("a", inner);
      link.setAttribute("href", href);
      return [link];
    }
    // Marks: the tag's meaning unless its style says otherwise (Google Docs' wrapper).
    const styledBold = weight(style);
    const styledItalic = slant(style);
    const bold = styledBold ?? (tag === "B" || tag === "STRONG");
    const italic = styledItalic ?? (tag === "I" || tag === "EM");
    if (BLOCKS.has(tag) && !inner.some(isBlock)) {
      // A div or cell holding text: a paragraph of its own.
      inner = [this.make("p", inner)];
    }
    if (inner.some(isBlock)) return inner; // marks wrap text, never blocks
    if (italic) inner = [this.make("em", inner)];
    if (bold) inner = [this.make("strong", inner)];
    return inner;
  }

  wordItem(paragraph, level) {
    const marker = paragraph.querySelector(`[${STYLE}*="mso-list"]`);
    const text = marker ? marker.textContent.replace(/\u00a0/g, " ").trim() : "";
    return { level, ordered: /^[0-9a-z]{1,5}[.)]$/i.test(text), content: this.children(paragraph) };
  }

  wordList(items) {
    const roots = [];
    const open = []; // [{level, list}], innermost last
    for (const item of items) {
      while (open.length && open[open.length - 1].level > item.level) open.pop();
      const top = open[open.length - 1];
      if (!top || top.level < item.level) {
        const list = this.out.createElement(item.ordered ? "ol" : "ul");
        const parentItem = top && top.list.lastElementChild;
        if (parentItem) parentItem.append(list);
        else roots.push(list);
        open.push({ level: item.level, list });
      }
      open[open.length - 1].list.append(this.make("li", [this.make("p", item.content)]));
    }
    return roots;
  }
}

export function cleanPastedHTML(html) {
  const source = new DOMParser().parseFromString(unstyled(html), "text/html");
  const out = document.implementation.createHTMLDocument("");
  const cleaned = new Cleaner(out).children(source.body);
  const wrapper = out.createElement("div");
  wrapper.append(...cleaned);
  return wrapper.innerHTML;
}

export const WartaPaste = Extension.create({
  name: "wartaPaste",
  addProseMirrorPlugins() {
    return [new Plugin({ props: { transformPastedHTML: cleanPastedHTML } })];
  },
});
