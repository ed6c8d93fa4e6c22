// The hotpapers search page. State lives in the URL (/?q=...&cat=...&page=...); every string from
// the server is inserted as text, except the server's highlight snippets, which are HTML-escaped
// by the server with only <mark> added.
"use strict";

const DEFAULTS = {
  q: "", cat: [], author: "", tweeter: "", from: "", to: "", sort: "relevance", page: 1, size: 10,
  fuzzy: "", pop: "", half_life_days: "", paper: "",
};
const OPTIONAL = ["author", "tweeter", "from", "to", "fuzzy", "pop", "half_life_days"];
const $ = (id) => document.getElementById(id);
let inflight = null;
let typingTimer = null;
let openedFromResults = false;
let suggestTimer = null;
let suggestFetch = null;
let explained = null;
function readState() {
  const p = new URLSearchParams(location.search);
  return {
    q: p.get("q") || "",
    cat: p.getAll("cat"),
    author: p.get("author") || "",
    tweeter: p.get("tweeter") || "",
    from: p.get("from") || "",
    to: p.get("to") || "",
    fuzzy: p.get("fuzzy") || "",
    pop: p.get("pop") || "",
    half_life_days: p.get("half_life_days") || "",
    sort: p.get("sort") || "relevance",
    page: Math.max(1, parseInt(p.get("page") || "1", 10) || 1),
    size: Math.min(100, Math.max(1, parseInt(p.get("size") || "10", 10) || 10)),
    paper: p.get("paper") || "",
  };
}

function toParams(state, forApi) {
  const p = new URLSearchParams();
  if (state.paper && !forApi) {
    p.set("paper", state.paper);
    return p;
  }
  if (state.q) p.set("q", state.q);
  state.cat.forEach((c) => p.append("cat", c));
  for (const key of OPTIONAL) if (state[key]) p.set(key, state[key]);
  if (state.sort !== "relevance") p.set("sort", state.sort);
  if (state.page !== 1) p.set("page", String(state.page));
  if (state.size !== 10) p.set("size", String(state.size));
  return p;
}

function navigate(changes, push = true) {
  const state = Object.assign(readState(), { paper: "" }, changes);
  const query = toParams(state, false).toString();
  const url = query ? "/?" + query : "/";
  if (url !== location.pathname + location.search) {
    history[push ? "pushState" : "replaceState"](null, "", url);
  }
  render();
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

/** A server highlight snippet (escaped text with <mark> only), its math typeset. */
function snippet(tag, cls, html) {
  return el(tag, { class: cls }, ...snippetWithMath(html));
}

/** Text from a post, its math typeset. */
function mathText(tag, attrs, text) {
  return el(tag, attrs, ...withMath(text));
}

function showError(message) {
  $("error").textContent = message;
  $("error").hidden = false;
}

async function fetchJson(url, signal) {
  const response = await fetch(url, { signal, headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    throw new Error((body && body.error) || "The server answered " + response.status + ".");
  }
  return body;
}

function syncForm(state) {
  if (document.activeElement !== $("q")) $("q").value = state.q;
  $("sort").value = state.sort;
  if (document.activeElement !== $("author")) $("author").value = state.author;
  $("from").value = state.from;
  $("to").value = state.to;
  $("pop").value = state.pop || "0.6";
  $("pop-value").textContent = Number($("pop").value).toFixed(1);
  $("half-life-label").hidden = state.sort !== "trending";
  $("half-life").value = state.half_life_days || "30";
  $("tweeter-filter").hidden = !state.tweeter;
  $("tweeter-filter").replaceChildren(
    el("span", { text: "Tweeted by @" + state.tweeter.replace(/^@/, "") + " " }),
    el("button", { type: "button", class: "link", text: "✕ remove", onclick: () => navigate({ tweeter: "", page: 1 }) })
  );
  $("clear-filters").hidden = !isFiltered(state);
}

async function render() {
  const state = readState();
  syncForm(state);
  if (inflight) inflight.abort();
  inflight = new AbortController();
  const signal = inflight.signal;
  $("error").hidden = true;
  if (state.paper) {
    $("filters").hidden = true;
    $("results").hidden = true;
    $("paper").hidden = false;
    try {
      renderPaper(await fetchJson("/papers/" + encodeURIComponent(state.paper), signal));
    } catch (e) {
      if (e.name !== "AbortError") {
        $("paper").replaceChildren(el("p", { class: "error", role: "alert", text: e.message }), backLink());
      }
    }
    return;
  }
  $("paper").hidden = true;
  $("filters").hidden = false;
  $("results").hidden = false;
  try {
    const data = await fetchJson("/search?" + toParams(state, true).toString(), signal);
    renderResults(state, data);
  } catch (e) {
    if (e.name !== "AbortError") {
      $("hits").replaceChildren();
      $("pager").replaceChildren();
      $("empty").hidden = true;
      $("status").textContent = "";
      showError(e.message);
    }
  }
}

function isFiltered(state) {
  return state.cat.length || state.author || state.tweeter || state.from || state.to;
}

function renderDidYouMean(state, data) {
  const box = $("didyoumean");
  box.hidden = !data.suggestion;
  if (!data.suggestion) return;
  if (data.corrected) {
    box.replaceChildren(
      "Showing results for ",
      el("strong", { text: data.suggestion }),
      ". ",
      el("a", { href: "#", class: "as-typed", text: "Search instead for “" + state.q + "”", onclick: (e) => { e.preventDefault(); navigate({ fuzzy: "off", page: 1 }); } })
    );
  } else {
    box.replaceChildren(
      "Did you mean ",
      el("a", { href: "#", class: "suggested", text: data.suggestion, onclick: (e) => { e.preventDefault(); navigate({ q: data.suggestion, fuzzy: "", page: 1 }); } }),
      "?"
    );
  }
}

function renderRelaxed(data) {
  const box = $("relaxed");
  const match = data.match;
  box.hidden = !match || match.required >= match.of;
  if (box.hidden) return;
  box.textContent =
    "No paper has all " + match.of + " words; showing papers with at least " + match.required + ".";
}

function renderResults(state, data) {
  const heading = state.q ? "" : state.sort === "relevance" ? "Most discussed papers · " : "";
  const noun = data.total === 1 ? "paper" : "papers";
  $("status").textContent =
    heading + (data.total_relation === "gte" ? "≥ " : "") + data.total.toLocaleString("en") + " " + noun + " · " + data.took_ms.toFixed(1) + " ms";
  explained = null;
  renderDidYouMean(state, data);
  renderRelaxed(data);
  const feed = toParams(Object.assign({}, state, { sort: "relevance", page: 1 }), true);
  feed.delete("size");
  $("follow").href = "/search.atom" + (feed.toString() ? "?" + feed.toString() : "");
  renderFacets(state, data.facets, data.facets_approximate);
  const filtered = isFiltered(state);
  $("empty").hidden = data.total > 0;
  $("drop-filters").hidden = !filtered;
  $("empty-text").textContent =
    "No papers match" + (state.q ? " “" + state.q + "”" : "") + (filtered ? " with these filters." : ".");
  $("hits").replaceChildren(...data.hits.map((hit) => renderHit(state, hit)));
  renderPager(state, data);
}

/** "Cite": the paper's BibTeX entry, loaded when opened, with a copy button. */
function citeBox(id) {
  const bibUrl = "/papers/" + encodeURIComponent(id) + ".bib";
  const entry = el("pre", { id: "bibtex", class: "bibtex", text: "…" });
  const status = el("span", { class: "small muted", role: "status" });
  const copy = el("button", { type: "button", id: "copy-bibtex", onclick: async () => {
    try {
      await navigator.clipboard.writeText(entry.textContent);
      status.textContent = "Copied.";
    } catch (e) {
      status.textContent = "Select the entry and copy it.";
    }
  } }, "Copy");
  const box = el("details", { class: "cite" }, el("summary", { text: "Cite (BibTeX)" }), entry,
    el("p", {}, copy, " ", el("a", { href: bibUrl, text: "Download .bib" }), " ", status));
  box.addEventListener("toggle", async () => {
    if (!box.open || entry.textContent !== "…") return;
    try {
      const response = await fetch(bibUrl);
      entry.textContent = response.ok ? await response.text() : "No citation: the server answered " + response.status + ".";
    } catch (e) {
      entry.textContent = e.message;
    }
  });
  return box;
}

function renderHit(state, hit) {
  const title = hit.highlight.title
    ? snippet("span", "", hit.highlight.title[0])
    : mathText("span", {}, hit.title);
  const chips = el(
    "span",
    { class: "chips" },
    ...hit.categories.map((c) =>
      el("button", {
        type: "button",
        class: "chip",
        text: c,
        title: "Only " + c,
        onclick: () => navigate({ cat: state.cat.includes(c) ? state.cat : state.cat.concat(c), page: 1 }),
      })
    )
  );
  const body = hit.highlight.abstract
    ? snippet("p", "snippet", hit.highlight.abstract.join(" … "))
    : mathText("p", { class: "snippet" }, shorten(hit.abstract, 280));
  const tweet = hit.highlight.tweet ? snippet("blockquote", "tweet-snippet", hit.highlight.tweet[0]) : null;
  const why = el("details", { class: "why" }, el("summary", { text: "Why this result?" }), el("div", { class: "why-body" }));
  why.addEventListener("toggle", () => {
    if (why.open) explain(state, hit.id, why.querySelector(".why-body"));
  });
  return el(
    "li",
    { class: "hit" },
    el("h3", {}, el("a", { href: hit.url, class: "title" }, title)),
    el("p", { class: "authors", text: shortList(hit.authors, 8) }),
    el(
      "div",
      { class: "meta" },
      chips,
      el("span", { text: hit.dates.join(", ") }),
      el("span", { class: "engagement", text: engagement(hit) }),
      hit.matched_by_meaning
        ? el("span", { class: "by-meaning", title: "Found by meaning: the paper holds too few of your words", text: "matched by meaning" })
        : null,
      el("a", { href: "/?paper=" + encodeURIComponent(hit.id), class: "details", onclick: openPaper(hit.id) }, "Details & tweets")
    ),
    body,
    tweet,
    why
  );
}

async function explain(state, id, target) {
  target.textContent = "…";
  try {
    if (!explained) {
      const params = toParams(state, true);
      params.set("explain", "true");
      explained = fetchJson("/search?" + params.toString());
    }
    const data = await explained;
    const hit = data.hits.find((h) => h.id === id);
    if (!hit) {
      target.textContent = "This result is no longer on the page.";
      return;
    }
    const parts = Object.entries(hit.explain.text).map(([field, value]) => [field + " text match", value]);
    parts.push(["engagement (retweets + favorites)", hit.explain.engagement]);
    if (hit.explain.all_words) parts.push(["distinct words matched", hit.explain.all_words]);
    if (hit.explain.semantic) parts.push(["meaning (embedding similarity)", hit.explain.semantic]);
    if (hit.explain.recency) parts.push(["recency", hit.explain.recency]);
    parts.push(["score", hit.score]);
    target.replaceChildren(
      el("table", {}, ...parts.map(([name, value]) => el("tr", {}, el("td", { text: name }), el("td", { text: value.toFixed(3) }))))
    );
  } catch (e) {
    target.textContent = e.message;
  }
}

function openPaper(id) {
  return (event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    openedFromResults = true;
    history.pushState(null, "", "/?paper=" + encodeURIComponent(id));
    render();
    window.scrollTo(0, 0);
  };
}

function renderFacets(state, facets, approximate) {
  const count = (n) =>
    el("span", {
      class: "count",
      text: (approximate ? "≈" : "") + n.toLocaleString("en"),
      ...(approximate ? { title: "estimated from a sample of 10,000 matching papers" } : {}),
    });
  const selected = new Set(state.cat);
  const values = facets.categories.slice();
  for (const c of state.cat) if (!values.some((v) => v.value === c)) values.push({ value: c, count: 0 });
  $("cat-facet").replaceChildren(
    ...values.slice(0, 25).map((v) => {
      const box = el("input", { type: "checkbox", value: v.value });
      box.checked = selected.has(v.value);
      box.addEventListener("change", () => {
        const cat = box.checked ? state.cat.concat(v.value) : state.cat.filter((c) => c !== v.value);
        navigate({ cat, page: 1 });
      });
      return el("li", {}, el("label", {}, box, el("span", { text: v.value }), count(v.count)));
    })
  );
  $("tweeter-facet").replaceChildren(
    ...facets.tweeters.slice(0, 12).map((t) =>
      el(
        "li",
        {},
        el(
          "button",
          { type: "button", class: "tweeter", onclick: () => navigate({ tweeter: t.value, page: 1 }) },
          "@" + t.value + " ",
          count(t.count)
        )
      )
    )
  );
  $("year-facet").replaceChildren(
    ...facets.years.map((y) =>
      el(
        "li",
        {},
        el(
          "button",
          { type: "button", onclick: () => navigate({ from: y.value + "-01-01", to: y.value + "-12-31", page: 1 }) },
          y.value + " ",
          count(y.count)
        )
      )
    )
  );
}

function renderPager(state, data) {
  const pages = Math.ceil(Math.min(data.total, 10000) / state.size);
  if (pages <= 1) {
    $("pager").replaceChildren();
    return;
  }
  const prev = el("button", { type: "button", id: "prev", text: "← Previous", onclick: () => navigate({ page: state.page - 1 }) });
  const next = el("button", { type: "button", id: "next", text: "Next →", onclick: () => navigate({ page: state.page + 1 }) });
  prev.disabled = state.page <= 1;
  next.disabled = state.page >= pages;
  $("pager").replaceChildren(prev, el("span", { id: "page-of", text: "Page " + state.page + " of " + pages }), next);
}

function renderPaper(paper) {
  const abstract = paper.abstract
    ? paper.abstract.split("\n\n").map((p) => mathText("p", {}, p))
    : [el("p", { class: "muted", text: "No abstract in the digest." })];
  const tweets = paper.tweets.map((t) =>
    el(
      "li",
      {},
      mathText("p", { class: "text" }, t.text),
      el(
        "p",
        { class: "by" },
        el("span", { text: t.name + " " }),
        el("a", { href: "https://twitter.com/" + encodeURIComponent(t.handle), text: "@" + t.handle }),
        t.date ? el("span", { text: " · " + t.date }) : null,
        /^https:\/\/twitter\.com\//.test(t.url) ? el("a", { href: t.url, text: " · view tweet" }) : null
      )
    )
  );
  $("paper").replaceChildren(
    backLink(),
    mathText("h1", {}, paper.title),
    el("p", { class: "authors", text: paper.authors.join(", ") }),
    el(
      "div",
      { class: "meta" },
      el("span", { class: "chips" }, ...paper.categories.map((c) => el("span", { class: "chip", text: c }))),
      el("span", { text: "In the digests of " + paper.dates.join(", ") }),
      el("span", { class: "engagement", text: engagement(paper) })
    ),
    el("p", { class: "links" }, el("a", { href: paper.url, text: "arXiv abstract" }), el("a", { href: paper.pdf_url, text: "PDF" })),
    citeBox(paper.id),
    el("section", { class: "abstract" }, el("h2", { text: "Abstract" }), ...abstract),
    el("section", {}, el("h2", { text: paper.tweets.length + (paper.tweets.length === 1 ? " tweet" : " tweets") }), el("ul", { class: "tweets" }, ...tweets)),
    el("section", {}, el("h2", { text: "Similar papers" }), el("ol", { id: "similar", class: "similar" }, el("li", { text: "…" })))
  );
  document.title = paper.title + " — hotpapers";
  fetchJson("/papers/" + encodeURIComponent(paper.id) + "/similar?size=5")
    .then((data) => {
      $("similar").replaceChildren(
        ...data.similar.map((s) =>
          el("li", {}, mathText("a", { href: "/?paper=" + encodeURIComponent(s.id), onclick: openPaper(s.id) }, s.title), el("span", { class: "small muted", text: " · " + s.categories.join(", ") }))
        )
      );
      if (!data.similar.length) $("similar").replaceChildren(el("li", { text: "No similar papers found." }));
    })
    .catch((e) => $("similar").replaceChildren(el("li", { class: "error", text: e.message })));
}

function closeSuggestions() {
  $("suggestions").hidden = true;
  $("suggestions").replaceChildren();
  $("q").setAttribute("aria-expanded", "false");
}

async function suggest() {
  const prefix = $("q").value.trim();
  if (suggestFetch) suggestFetch.abort();
  if (!prefix) return closeSuggestions();
  suggestFetch = new AbortController();
  const params = new URLSearchParams({ q: prefix, size: "8" });
  readState().cat.forEach((c) => params.append("cat", c));
  try {
    const data = await fetchJson("/suggest?" + params.toString(), suggestFetch.signal);
    if (document.activeElement !== $("q") || !data.suggestions.length) return closeSuggestions();
    $("suggestions").replaceChildren(
      ...data.suggestions.map((s, i) => {
        const item = el("li", { role: "option", id: "suggestion-" + i, "aria-selected": "false" }, el("span", { text: s.text }), el("span", { class: "kind", text: s.kind === "title" ? "paper" : "search" }));
        item.addEventListener("mousedown", (event) => {
          event.preventDefault();
          choose(s);
        });
        item.dataset.kind = s.kind;
        return item;
      })
    );
    $("suggestions").hidden = false;
    $("q").setAttribute("aria-expanded", "true");
    $("suggestions").suggestions = data.suggestions;
  } catch (e) {
    if (e.name !== "AbortError") closeSuggestions();
  }
}

function choose(suggestion) {
  closeSuggestions();
  clearTimeout(typingTimer);
  if (suggestion.kind === "title") {
    $("q").value = "";
    openedFromResults = false;
    history.pushState(null, "", "/?paper=" + encodeURIComponent(suggestion.id));
    render();
  } else {
    $("q").value = suggestion.text;
    navigate({ q: suggestion.text, page: 1 });
  }
}

function moveSuggestion(step) {
  const items = [...$("suggestions").children];
  if ($("suggestions").hidden || !items.length) return false;
  const current = items.findIndex((i) => i.getAttribute("aria-selected") === "true");
  const next = (current + step + items.length) % items.length;
  items.forEach((item, i) => item.setAttribute("aria-selected", String(i === next)));
  $("q").setAttribute("aria-activedescendant", items[next].id);
  return true;
}

function backLink() {
  return el("a", {
    href: "/",
    class: "back",
    text: "← Back to results",
    onclick: (event) => {
      event.preventDefault();
      if (openedFromResults) history.back();
      else navigate({ paper: "" });
      openedFromResults = false;
    },
  });
}

function engagement(paper) {
  return paper.retweets.toLocaleString("en") + " retweets · " + paper.favorites.toLocaleString("en") + " favorites";
}

function shorten(text, max) {
  return text.length <= max ? text : text.slice(0, text.lastIndexOf(" ", max)) + " …";
}

function shortList(items, max) {
  return items.length <= max ? items.join(", ") : items.slice(0, max).join(", ") + " and " + (items.length - max) + " more";
}

function init() {
  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    const items = [...$("suggestions").children];
    const active = items.findIndex((i) => i.getAttribute("aria-selected") === "true");
    if (!$("suggestions").hidden && active >= 0) {
      choose($("suggestions").suggestions[active]);
      return;
    }
    closeSuggestions();
    navigate({ q: $("q").value.trim(), fuzzy: "", page: 1 });
  });
  $("q").addEventListener("input", () => {
    clearTimeout(typingTimer);
    clearTimeout(suggestTimer);
    typingTimer = setTimeout(() => navigate({ q: $("q").value.trim(), fuzzy: "", page: 1 }, false), 250);
    suggestTimer = setTimeout(suggest, 120);
  });
  $("q").addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && moveSuggestion(1)) event.preventDefault();
    else if (event.key === "ArrowUp" && moveSuggestion(-1)) event.preventDefault();
    else if (event.key === "Escape") closeSuggestions();
  });
  $("q").addEventListener("blur", () => setTimeout(closeSuggestions, 150));
  $("pop").addEventListener("input", () => ($("pop-value").textContent = Number($("pop").value).toFixed(1)));
  $("pop").addEventListener("change", () => navigate({ pop: $("pop").value === "0.6" ? "" : $("pop").value, page: 1 }));
  $("half-life").addEventListener("change", () => navigate({ half_life_days: $("half-life").value === "30" ? "" : $("half-life").value, page: 1 }));
  $("sort").addEventListener("change", () => navigate({ sort: $("sort").value, page: 1 }));
  $("from").addEventListener("change", () => navigate({ from: $("from").value, page: 1 }));
  $("to").addEventListener("change", () => navigate({ to: $("to").value, page: 1 }));
  $("author").addEventListener("change", () => navigate({ author: $("author").value.trim(), page: 1 }));
  const clear = () => navigate({ cat: [], author: "", tweeter: "", from: "", to: "", page: 1 });
  $("clear-filters").addEventListener("click", clear);
  $("drop-filters").addEventListener("click", clear);
  $("home").addEventListener("click", (event) => {
    event.preventDefault();
    navigate(Object.assign({}, DEFAULTS));
  });
  document.addEventListener("keydown", (event) => {
    const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName);
    if (event.key === "/" && !typing) {
      event.preventDefault();
      $("q").focus();
      $("q").select();
    }
  });
  window.addEventListener("popstate", render);
  render();
}

init();
