"use strict";
// Typesets the LaTeX in titles, abstracts and tweets with the vendored KaTeX: $...$ and \(...\)
// inline, $$...$$ and \[...\] as display. Text that is not valid LaTeX stays text; KaTeX builds
// DOM nodes (no HTML strings) and, with trust off, makes no links or raw HTML.

const MATH = /\$\$([^$]+?)\$\$|\$([^$\n]+?)\$|\\\(([\s\S]+?)\\\)|\\\[([\s\S]+?)\\\]/g;
const KATEX_OPTIONS = { throwOnError: true, trust: false, strict: "ignore", maxExpand: 500, maxSize: 20 };

/** A typeset formula, or null when {@code tex} is not valid LaTeX or KaTeX is missing. */
function formula(tex, display) {
  if (typeof katex === "undefined") return null;
  const span = document.createElement("span");
  span.className = display ? "math math-display" : "math";
  try {
    katex.render(tex, span, Object.assign({ displayMode: display }, KATEX_OPTIONS));
    return span;
  } catch (e) {
    return null;
  }
}

/** The formulas of {@code text}: [start, end, node] for each that typesets. */
function formulas(text) {
  const found = [];
  for (const m of text.matchAll(MATH)) {
    const display = m[1] !== undefined || m[4] !== undefined;
    const node = formula(m[1] ?? m[2] ?? m[3] ?? m[4], display);
    if (node) found.push([m.index, m.index + m[0].length, node]);
  }
  return found;
}

/** Nodes for plain {@code text} with its math typeset. */
function withMath(text) {
  const nodes = [];
  let last = 0;
  for (const [start, end, node] of formulas(text)) {
    if (start > last) nodes.push(document.createTextNode(text.slice(last, start)));
    nodes.push(node);
    last = end;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

/**
 * Nodes for a server snippet (escaped text with <mark> only) with its math typeset: a formula
 * that holds a highlighted term is highlighted whole, text around formulas keeps its marks.
 */
function snippetWithMath(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  const runs = [...template.content.childNodes].map((n) => ({ text: n.textContent, marked: n.nodeName === "MARK" }));
  const text = runs.map((r) => r.text).join("");
  const marked = new Uint8Array(text.length);
  let at = 0;
  for (const run of runs) {
    if (run.marked) marked.fill(1, at, at + run.text.length);
    at += run.text.length;
  }
  const nodes = [];
  const plain = (start, end) => {
    let i = start;
    while (i < end) {
      let j = i;
      while (j < end && marked[j] === marked[i]) j++;
      const part = document.createTextNode(text.slice(i, j));
      if (marked[i]) {
        const mark = document.createElement("mark");
        mark.append(part);
        nodes.push(mark);
      } else {
        nodes.push(part);
      }
      i = j;
    }
  };
  let last = 0;
  for (const [start, end, node] of formulas(text)) {
    plain(last, start);
    if (marked.subarray(start, end).includes(1)) {
      const mark = document.createElement("mark");
      mark.append(node);
      nodes.push(mark);
    } else {
      nodes.push(node);
    }
    last = end;
  }
  plain(last, text.length);
  return nodes;
}
