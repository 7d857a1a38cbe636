// The consultation page: asks the questions that matter, one at a time, and shows the advice as it firms up.
// Everything is computed by the server's API; this script keeps the profile in the page (never on the server)
// and writes every text with textContent, so nothing from a profile or a rule becomes markup.
"use strict";

const state = {profile: {id: "me"}, skipped: new Set(), question: null, advice: null, fields: new Map()};
const $ = id => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k === "text") node.textContent = v; else if (k === "class") node.className = v; else node.setAttribute(k, v);
  });
  children.flat().forEach(c => node.append(c));
  return node;
}

async function api(path, body, type) {
  const response = await fetch(path, {method: "POST", headers: {"Content-Type": type || "application/json"},
    body: typeof body === "string" ? body : JSON.stringify(body)});
  const json = await response.json();
  if (!response.ok) {
    throw new Error((json.problems || []).map(p => (p.field ? p.field + ": " : "") + p.message).join("\n")
      || "the server answered " + response.status);
  }
  return json;
}

function showProblems(error) {
  $("problems").textContent = error ? String(error.message || error) : "";
}

// A value typed into the page as the profile's JSON holds it; undefined when it is empty.
function valueOf(field, text) {
  const t = String(text).trim();
  if (t === "") return undefined;
  switch (field.type) {
    case "boolean": return t === "true";
    case "integer": return /^-?\d+$/.test(t) ? Number(t) : t; // the server says what is wrong with the rest
    case "words": return t.split(",").map(w => w.trim()).filter(w => w);
    default: return t;
  }
}

function setField(profile, path, value) {
  const parts = path.split(".");
  let node = profile;
  parts.slice(0, -1).forEach(p => { node = node[p] = (node[p] && typeof node[p] === "object") ? node[p] : {}; });
  node[parts[parts.length - 1]] = value;
}

// The next question: the first the rules ask that was not skipped.
async function nextQuestion() {
  const answer = await api("/api/questions", state.profile);
  answer.questions.forEach(q => q.fields.forEach(f => state.fields.set(f.path, f)));
  fillWhatIfFields();
  state.question = answer.questions.find(q => !state.skipped.has(q.id)) || null;
  renderQuestion();
}

function renderQuestion() {
  const q = state.question;
  $("question").hidden = !q;
  $("no-more").hidden = !!q;
  const box = $("question-fields");
  box.replaceChildren();
  if (!q) return;
  $("question-text").textContent = q.text;
  q.fields.forEach((f, i) => {
    const id = "f-" + i;
    const name = q.fields.length === 1 ? q.text : f.label;
    if (f.choices.length) {
      const set = el("fieldset", {class: "field"}, el("legend", {text: q.fields.length === 1 ? "Your answer" : f.label}));
      f.choices.forEach((c, j) => {
        const input = el("input", {type: "radio", name: id, id: id + "-" + j, value: String(c.value), "data-path": f.path});
        set.append(el("span", {class: "choice"}, input, el("label", {for: id + "-" + j, text: c.label})));
      });
      box.append(set);
    } else {
      const input = el("input", {type: f.type === "integer" ? "number" : "text", id, "data-path": f.path,
        "aria-describedby": id + "-kind"});
      if (f.type === "integer") input.setAttribute("inputmode", "numeric");
      box.append(el("div", {class: "field"}, el("label", {for: id, text: q.fields.length === 1 ? "Your answer" : f.label}),
        input, el("div", {class: "why", id: id + "-kind", text: f.kind})));
      input.setAttribute("aria-label", name);
    }
  });
  const first = box.querySelector("input");
  if (first) first.focus();
}

async function answer(event) {
  event.preventDefault();
  const q = state.question;
  if (!q) return;
  const next = structuredClone(state.profile);
  let answered = false;
  q.fields.forEach(f => {
    const input = [...$("question-fields").querySelectorAll("input")]
      .find(i => i.dataset.path === f.path && (i.type !== "radio" || i.checked));
    const value = input ? valueOf(f, input.value) : undefined;
    if (value !== undefined) { setField(next, f.path, value); answered = true; }
  });
  if (!answered) { skip(); return; }
  try {
    await refresh(next);
    showProblems(null);
    await nextQuestion();
  } catch (e) {
    showProblems(e);
  }
}

async function skip() {
  if (state.question) state.skipped.add(state.question.id);
  showProblems(null);
  await nextQuestion();
}

function finish() {
  state.question = null;
  $("question").hidden = true;
  $("no-more").hidden = false;
  $("no-more").textContent = "Finished. Your advice is below.";
  $("result").focus();
}

// The advice for a profile: shown beside the questions and in full below; the profile is kept only if valid.
async function refresh(profile) {
  const advice = await api("/api/advice", profile);
  state.profile = profile;
  state.advice = advice;
  const titles = new Map(advice.recommendations.map(r => [r.id, r.title]));
  $("so-far-list").replaceChildren(...(advice.recommendations.length
    ? advice.recommendations.slice(0, 5).map(r => el("li", {text: r.title}))
    : [el("li", {class: "empty", text: "No advice yet: answer a question."})]));
  $("result-meta").textContent = advice.recommendations.length + " recommendations, strongest first."
    + " Open one for its explanation.";
  $("cards").replaceChildren(...advice.recommendations.map(card));
  $("plan-block").hidden = advice.plan.length < 2;
  $("plan").replaceChildren(...advice.plan.map(id => el("li", {text: titles.get(id) || id})));
  $("conflicts-block").hidden = advice.conflicts.length === 0;
  $("conflicts").replaceChildren(...advice.conflicts.map(c => el("div", {class: "card"},
    el("strong", {text: c.title}),
    el("ul", {}, c.sides.map(s => el("li", {class: "side" + (s.given ? " given" : "")},
      s.position + (s.given ? " (given to you)" : ""),
      ...s.citations.slice(0, 1).map(quote)))))));
}

function quote(c) {
  return el("blockquote", {}, "\u201c" + c.quote + "\u201d",
    el("div", {class: "source", text: "\u2014 " + c.title + (c.author ? ", " + c.author : "") + " (" + c.section + ")"}));
}

function card(r) {
  const kind = r.kind.toLowerCase();
  const summary = el("summary", {},
    el("span", {class: "rank", text: r.rank + "."}), el("span", {class: "title", text: r.title}),
    el("span", {class: "badge " + kind, text: kind}), el("span", {class: "badge", text: r.topic}));
  const bar = el("div", {class: "score", "aria-hidden": "true"}, el("span", {style: "width:" + Math.round(r.score * 100) + "%"}));
  const details = el("details", {id: "advice-" + r.id}, summary, bar, el("p", {text: r.advice}));
  if (r.why.length) details.append(el("div", {class: "why", text: "Why: " + r.why.join("; ")}));
  r.citations.slice(0, 1).forEach(c => details.append(quote(c)));
  const explanation = el("div", {class: "explanation", "aria-live": "polite"});
  details.append(explanation);
  details.addEventListener("toggle", () => { if (details.open && !explanation.childElementCount) explain(r.id, explanation); });
  return el("article", {class: "card " + kind}, details);
}

async function explain(id, box) {
  try {
    const e = await api("/api/explain/" + encodeURIComponent(id), state.profile);
    box.replaceChildren(el("strong", {text: "How it came about"}), el("div", {text: e.combination}),
      el("ul", {}, e.fired.map(f => el("li", {text: (f.supports ? "For: " : "Against: ") + f.rule
        + (f.why.length ? " \u2014 " + f.why.join("; ") : "")}))));
  } catch (err) {
    box.textContent = String(err.message);
  }
}

function fillWhatIfFields() {
  const select = $("what-if-field");
  const chosen = select.value;
  select.replaceChildren(...[...state.fields.keys()].sort().map(p => el("option", {value: p, text: p})));
  if (chosen) select.value = chosen;
}

async function whatIf(event) {
  event.preventDefault();
  const out = $("what-if-result");
  try {
    const w = await api("/api/what-if", {profile: state.profile,
      changes: {[$("what-if-field").value]: $("what-if-value").value}});
    const titles = new Map([...w.before.recommendations, ...w.after.recommendations].map(r => [r.id, r.title]));
    out.replaceChildren(w.differences.length
      ? el("ul", {}, w.differences.map(d => el("li", {class: d.change.toLowerCase(), text: (titles.get(d.id) || d.id) + ": "
        + (d.change === "NEW" ? "new, at " + d.rankAfter : d.change === "GONE" ? "gone (was " + d.rankBefore + ")"
          : "moves from " + d.rankBefore + " to " + d.rankAfter)})))
      : el("p", {text: "No change: the advice stays the same."}));
  } catch (e) {
    out.textContent = String(e.message);
  }
}

async function download() {
  try {
    const both = await api("/api/profile", state.profile);
    const link = el("a", {href: URL.createObjectURL(new Blob([both.yaml], {type: "application/yaml"})),
      download: (state.profile.id || "profile") + ".yaml"});
    document.body.append(link);
    link.click();
    link.remove();
  } catch (e) {
    showProblems(e);
  }
}

async function upload() {
  const file = $("upload").files[0];
  if (!file) return;
  try {
    const text = await file.text();
    const both = await api("/api/profile", text, text.trim().startsWith("{") ? "application/json" : "application/yaml");
    state.skipped.clear();
    await refresh(both.profile);
    showProblems(null);
    await nextQuestion();
  } catch (e) {
    showProblems(e);
  }
}

$("question").addEventListener("submit", answer);
$("skip").addEventListener("click", skip);
$("finish").addEventListener("click", finish);
$("what-if-form").addEventListener("submit", whatIf);
$("download").addEventListener("click", download);
$("upload").addEventListener("change", upload);
refresh(state.profile).then(nextQuestion).catch(showProblems);
