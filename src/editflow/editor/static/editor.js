// editflow edit: the page. It draws the rows the server sends and turns keys into operations;
// every decision about pairing, roles and saving is the server's (editflow.pairing), so the page
// keeps no copy of the pairing beyond the last state it was sent.
//
// Key presses are handled one after another (a queue), so that keys typed while an operation is
// on its way act on the rows that operation produced, never on rows that no longer exist.
"use strict";

const TOKEN = document.querySelector('meta[name="editflow-token"]').content;
const $ = (id) => document.getElementById(id);
const KEYS = buildKeyIndex();
const ROLE_LABEL = new Map(ROLES);

let S = null;                                     // the last state the server sent
const sel = {row: 0, side: "en", para: 0};        // the selected row, side and paragraph in it
let modal = null;                                  // the open dialog's key handler, if any
let queue = Promise.resolve();
// Each operation's time, from the key press to the redrawn rows on screen (benchmarks read it).
const timings = [];
window.editflowTimings = timings;
window.editflowIdle = () => queue.then(() => true);

// ------------------------------------------------------------------------------------ server

async function api(method, path, body) {
  const options = {method, headers: {"X-Editflow-Token": TOKEN}};
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, options);
  } catch (err) {
    return {status: 0, data: {error: "the editor is not running any more (stopped with Ctrl-C?); " +
                                     "unsaved work is in its journal: run 'editflow edit' again"}};
  }
  let data;
  try {
    data = await response.json();
  } catch (err) {
    data = {error: `the editor answered ${response.status}`};
  }
  return {status: response.status, data};
}

function painted() {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

// Send one request that may change the rows; ask first when the server says an operation would
// cut English a person edited in two.
async function send(path, body, label) {
  let started = performance.now();
  document.body.dataset.busy = "1";
  try {
    let {data} = await api("POST", path, Object.assign({version: S.version}, body));
    let answered = performance.now();
    if (data.confirm) {
      const choice = await ask(data.confirm, [["Enter", "do it anyway", "yes"], ["Escape", "cancel", "no"]]);
      if (choice !== "yes") {
        say("cancelled; nothing changed");
        return;
      }
      started = performance.now();  // the time the translator took to answer is not the editor's
      ({data} = await api("POST", path, Object.assign({version: S.version, confirm: true}, body)));
      answered = performance.now();
    }
    if (data.state) setState(data.state);
    if (data.conflict) {
      await ask(data.error, [["Enter", "OK", "ok"]]);
    }
    say(data.error || data.message || "", Boolean(data.error));
    await painted();
    timings.push({label, ms: performance.now() - started, http: answered - started, ok: !data.error});
  } finally {
    document.body.dataset.busy = "0";
  }
}

function op(name, args, label) {
  return send("/api/op", {op: name, args}, label || name);
}

// ------------------------------------------------------------------------------------ drawing

function setState(state) {
  const keep = selectedPid();
  const keepRow = sel.row;
  S = state;
  render();
  reselect(keep, keepRow);
}

function say(text, error) {
  const el = $("message");
  el.textContent = text;
  el.classList.toggle("error", Boolean(error));
}

function confidenceColour(c) {
  // Red below the doubt threshold's neighbourhood, green when sure: hue 0 (red) → 120 (green).
  const hue = Math.round(Math.max(0, Math.min(1, c)) * 120);
  return `hsl(${hue}, 70%, 82%)`;
}

function codepoints(text) {
  return Array.from(text);
}

// The paragraph's text with its findings' spans marked (spans count Unicode code points, as
// Python does; JavaScript strings count UTF-16 units, hence the conversion).
function textWithMarks(text, findings) {
  const frag = document.createDocumentFragment();
  const spans = findings.filter((f) => Array.isArray(f.span)).map((f) => [f.span[0], f.span[1], f])
    .sort((a, b) => a[0] - b[0]);
  if (!spans.length) {
    frag.append(text);
    return frag;
  }
  const chars = codepoints(text);
  let at = 0;
  for (const [start, end, f] of spans) {
    if (start < at || end <= start || end > chars.length) continue;  // overlapping or out of range
    frag.append(chars.slice(at, start).join(""));
    const mark = document.createElement("mark");
    mark.className = `hit ${f.severity}`;
    mark.title = `${f.code}: ${f.message}`;
    mark.textContent = chars.slice(start, end).join("");
    frag.append(mark);
    at = end;
  }
  frag.append(chars.slice(at).join(""));
  return frag;
}

function paragraphElement(p, side, findings) {
  const el = document.createElement("div");
  el.className = "para";
  el.dataset.pid = p.pid;
  el.dataset.number = p.number;
  if (p.role === "headline" || p.role === "boilerplate") el.classList.add("dropped");
  const num = document.createElement("span");
  num.className = "num";
  num.textContent = `${side}${p.number}`;
  const role = document.createElement("span");
  role.className = `role r-${p.role}` + (p.role_set ? " set" : "");
  role.textContent = ROLE_LABEL.get(p.role) || p.role;
  if (p.role_set) role.title = "set by a person";
  el.append(num, role);
  if (p.edited) {
    const ed = document.createElement("span");
    ed.className = "edited";
    ed.textContent = "edited";
    el.append(ed);
  }
  const text = document.createElement("span");
  text.className = "text";
  text.append(textWithMarks(p.text, findings.filter((f) => f.side === side && f.paragraph === p.number)));
  el.append(text);
  return el;
}

function rowElement(row, index) {
  const el = document.createElement("div");
  el.className = "row";
  el.setAttribute("role", "row");
  el.dataset.index = index;
  el.dataset.kind = row.kind;
  if (row.doubtful) el.classList.add("doubtful");
  if (row.pinned) el.classList.add("pinned");

  const gutter = document.createElement("div");
  gutter.className = "gutter";
  const kind = document.createElement("span");
  kind.className = "kind";
  kind.textContent = row.kind;
  const conf = document.createElement("span");
  conf.className = "conf";
  if (row.confidence === null || row.confidence === undefined) {
    conf.classList.add("none");
    conf.textContent = "—";
    conf.title = "not scored since a person changed the row (re-align scores it)";
  } else {
    conf.textContent = row.confidence.toFixed(2);
    conf.style.background = confidenceColour(row.confidence);
    conf.title = "confidence";
  }
  gutter.append(kind, conf);
  if (row.pinned) {
    const pin = document.createElement("span");
    pin.className = "pin-mark";
    pin.textContent = "✓ pinned";
    gutter.append(pin);
  }
  el.append(gutter);

  const findings = row.findings || [];
  for (const side of ["uk", "en"]) {
    const cell = document.createElement("div");
    cell.className = `side ${side}`;
    cell.lang = side;
    if (!row[side].length) cell.classList.add("empty");
    for (const p of row[side]) cell.append(paragraphElement(p, side, findings));
    el.append(cell);
  }

  const reasons = row.doubtful ? (row.reasons || []) : [];
  const loose = findings;
  if (reasons.length || loose.length) {
    const notes = document.createElement("div");
    notes.className = "notes";
    if (reasons.length) {
      const r = document.createElement("span");
      r.className = "reason";
      r.textContent = "doubt: " + reasons.join("; ");
      notes.append(r);
    }
    for (const f of loose) {
      const line = document.createElement("span");
      line.className = `finding ${f.severity}`;
      const where = f.paragraph ? ` (${f.side}${f.paragraph})` : "";
      line.textContent = `${f.severity} ${f.code}${where}: ${f.message}`;
      notes.append(line);
    }
    el.append(notes);
  }
  return el;
}

function render() {
  const rows = $("rows");
  const frag = document.createDocumentFragment();
  S.rows.forEach((row, i) => frag.append(rowElement(row, i)));
  rows.replaceChildren(frag);
  $("loading").hidden = true;
  const doubtful = S.rows.filter((r) => r.doubtful).length;
  const pinned = S.rows.filter((r) => r.pinned).length;
  $("counts").textContent = `uk ${S.paragraphs.uk} ¶ · en ${S.paragraphs.en} ¶ · ${S.rows.length} rows · ` +
    `${doubtful} doubtful · ${pinned} pinned`;
  const state = $("state");
  state.textContent = S.unsaved ? "unsaved changes (journalled)" : "saved";
  state.className = S.unsaved ? "unsaved" : "saved";
  $("btn-undo").disabled = !S.undo;
  $("btn-redo").disabled = !S.redo;
  $("btn-undo").title = S.undo ? `Ctrl+Z: undo ${S.undo}` : "nothing to undo";
  $("btn-redo").title = S.redo ? `Ctrl+Y: redo ${S.redo}` : "nothing to redo";
  document.body.dataset.version = S.version;
  document.body.dataset.unsaved = S.unsaved ? "1" : "0";
}

// ------------------------------------------------------------------------------------ selection

function currentRow() {
  return S && S.rows[sel.row];
}

function currentPara() {
  const row = currentRow();
  return row ? row[sel.side][sel.para] : undefined;
}

function selectedPid() {
  const p = currentPara();
  if (p) return p.pid;
  const row = currentRow();
  if (!row) return null;
  const any = row.uk[0] || row.en[0];
  return any ? any.pid : null;
}

function reselect(pid, fallbackRow) {
  if (pid) {
    for (let i = 0; i < S.rows.length; i++) {
      for (const side of ["uk", "en"]) {
        const k = S.rows[i][side].findIndex((p) => p.pid === pid);
        if (k >= 0) {
          sel.row = i;
          if (side === sel.side || !S.rows[i][sel.side].length) sel.side = side;
          sel.para = side === sel.side ? k : 0;
          drawSelection();
          return;
        }
      }
    }
  }
  sel.row = Math.max(0, Math.min(fallbackRow, S.rows.length - 1));
  sel.para = 0;
  drawSelection();
}

function drawSelection(scroll = true) {
  for (const el of document.querySelectorAll(".row.selected")) el.classList.remove("selected");
  for (const el of document.querySelectorAll(".side.current")) el.classList.remove("current");
  for (const el of document.querySelectorAll(".para.current")) el.classList.remove("current");
  const row = $("rows").children[sel.row];
  if (!row) return;
  const count = S.rows[sel.row][sel.side].length;
  sel.para = Math.max(0, Math.min(sel.para, count - 1));
  row.classList.add("selected");
  row.setAttribute("aria-selected", "true");
  const cell = row.querySelector(`.side.${sel.side}`);
  cell.classList.add("current");
  const para = cell.children[sel.para];
  if (para) para.classList.add("current");
  document.body.dataset.row = sel.row;
  document.body.dataset.side = sel.side;
  document.body.dataset.para = para ? para.dataset.number : "";
  if (scroll) row.scrollIntoView({block: "nearest"});
}

function goRow(index) {
  sel.row = Math.max(0, Math.min(index, S.rows.length - 1));
  sel.para = 0;
  drawSelection();
}

function needPara() {
  const p = currentPara();
  if (!p) say(`the ${sel.side === "uk" ? "Ukrainian" : "English"} side of this row is empty`, true);
  return p;
}

// ------------------------------------------------------------------------------------ dialogs

// A question with a few answers, each with its key: resolves to the chosen answer's value.
function ask(text, choices) {
  return new Promise((resolve) => {
    $("ask-text").textContent = text;
    $("ask-keys").textContent = choices.map(([key, label]) => `${keyLabel(key === "Escape" ? "Esc" : key)}: ${label}`)
      .join(" · ");
    $("ask").hidden = false;
    modal = (event) => {
      const hit = choices.find(([key]) => key.toLowerCase() === event.key.toLowerCase());
      if (!hit) return;
      event.preventDefault();
      $("ask").hidden = true;
      modal = null;
      resolve(hit[2]);
    };
  });
}

function showHelp() {
  const body = $("help-body");
  if (!body.childElementCount) {
    const groups = new Map();
    for (const entry of KEYMAP) {
      if (!groups.has(entry.group)) groups.set(entry.group, []);
      groups.get(entry.group).push(entry);
    }
    for (const [group, entries] of groups) {
      const h = document.createElement("h3");
      h.textContent = group;
      const dl = document.createElement("dl");
      for (const entry of entries) {
        const dt = document.createElement("dt");
        entry.keys.forEach((key, i) => {
          if (i) dt.append(" ");
          const kbd = document.createElement("kbd");
          kbd.textContent = keyLabel(key);
          dt.append(kbd);
        });
        const dd = document.createElement("dd");
        dd.textContent = entry.help;
        dl.append(dt, dd);
      }
      body.append(h, dl);
    }
  }
  $("help").hidden = false;
  modal = (event) => {
    if (event.key === "Escape" || event.key === "?") {
      event.preventDefault();
      $("help").hidden = true;
      modal = null;
    }
  };
}

function chooseRole(p, side) {
  return new Promise((resolve) => {
    $("roles-para").textContent = `${side}${p.number}`;
    const list = $("roles-list");
    list.replaceChildren();
    let at = Math.max(0, ROLES.findIndex(([role]) => role === p.role));
    for (const [role, label] of ROLES) {
      const li = document.createElement("li");
      li.textContent = label;
      li.dataset.role = role;
      li.setAttribute("role", "option");
      list.append(li);
    }
    const mark = () => {
      [...list.children].forEach((li, i) => li.classList.toggle("current", i === at));
    };
    mark();
    $("roles").hidden = false;
    const close = (value) => {
      $("roles").hidden = true;
      modal = null;
      resolve(value);
    };
    modal = (event) => {
      if (event.key === "ArrowDown" || event.key === "j") at = (at + 1) % ROLES.length;
      else if (event.key === "ArrowUp" || event.key === "k") at = (at + ROLES.length - 1) % ROLES.length;
      else if (/^[1-9]$/.test(event.key) && Number(event.key) <= ROLES.length) at = Number(event.key) - 1;
      else if (event.key === "Enter") return close(ROLES[at][0]);
      else if (event.key === "Escape") return close(null);
      else return;
      event.preventDefault();
      mark();
    };
  });
}

// A text in a dialog: `keys` maps a key name (as keyName gives it) to what it does with the
// textarea; resolves to that or null (Esc).
function textDialog(title, text, readOnly, hint, keys) {
  return new Promise((resolve) => {
    const area = $("textedit-area");
    $("textedit-title").textContent = title;
    $("textedit-keys").textContent = hint;
    area.value = text;
    // Not the readOnly attribute: a read-only textarea shows no cursor to move, and splitting
    // needs one. Typing is refused instead.
    area.dataset.fixed = readOnly ? "1" : "0";
    $("textedit").hidden = false;
    area.focus();
    area.setSelectionRange(0, 0);
    const close = (value) => {
      $("textedit").hidden = true;
      modal = null;
      area.blur();
      resolve(value);
    };
    modal = (event) => {
      const name = keyName(event);
      if (event.key === "Escape") {
        event.preventDefault();
        close(null);
      } else if (keys[name]) {
        event.preventDefault();
        close(keys[name](area));
      }
    };
  });
}

// ------------------------------------------------------------------------------------ actions

function splitArgs(across) {
  const row = currentRow();
  const p = needPara();
  if (!p) return null;
  if (sel.para === 0) {
    say("select the paragraph that should start the second row (not the first of its side)", true);
    return null;
  }
  const other = sel.side === "uk" ? "en" : "uk";
  const otherAt = across ? 0 : Math.min(sel.para, row[other].length);
  const args = {row: sel.row};
  args[`${sel.side}_at`] = sel.para;
  args[`${other}_at`] = otherAt;
  return args;
}

const ACTIONS = {
  nextRow: () => goRow(sel.row + 1),
  prevRow: () => goRow(sel.row - 1),
  sideUk: () => { sel.side = "uk"; drawSelection(); },
  sideEn: () => { sel.side = "en"; drawSelection(); },
  nextPara: () => { sel.para = Math.min(sel.para + 1, currentRow()[sel.side].length - 1); drawSelection(); },
  prevPara: () => { sel.para = Math.max(sel.para - 1, 0); drawSelection(); },
  edgeRow: (key) => goRow(key === "Home" ? 0 : S.rows.length - 1),
  pageRow: (key) => goRow(sel.row + (key === "PageDown" ? 10 : -10)),
  nextDoubt: () => findDoubt(1),
  prevDoubt: () => findDoubt(-1),

  joinNext: () => op("join", {row: sel.row, direction: "next"}),
  joinPrev: () => op("join", {row: sel.row, direction: "prev"}),
  splitRow: () => { const a = splitArgs(false); return a && op("split_row", a); },
  splitRowAcross: () => { const a = splitArgs(true); return a && op("split_row", a); },
  unpair: () => op("unpair", {row: sel.row}),
  pairNext: () => op("pair_rows", {row: sel.row, direction: "next"}),
  pairPrev: () => op("pair_rows", {row: sel.row, direction: "prev"}),
  moveUp: () => { const p = needPara(); return p && op("move_paragraph", {side: sel.side, number: p.number, direction: "prev"}); },
  moveDown: () => { const p = needPara(); return p && op("move_paragraph", {side: sel.side, number: p.number, direction: "next"}); },
  togglePin: () => op(currentRow().pinned ? "unpin" : "pin", {row: sel.row}),
  realign: () => op("realign", {}, "realign"),

  editEnglish: async () => {
    const row = currentRow();
    const text = row.en.map((p) => p.text).join("\n\n");
    const value = await textDialog(`English of the row (${row.en.length ? row.en.map((p) => "en" + p.number).join(", ") : "none yet"})`,
      text, false, "A blank line separates paragraphs. Ctrl+Enter: keep · Esc: cancel",
      {"Ctrl+Enter": (area) => area.value});
    if (value === null || value === text) return;
    return op("edit_english", {row: sel.row, text: value});
  },
  splitParagraph: async () => {
    const p = needPara();
    if (!p) return;
    const side = sel.side;
    const offset = await textDialog(`Split ${side}${p.number}`, p.text, true,
      "Move the cursor to where the second paragraph starts. Enter: split · Esc: cancel",
      {"Enter": (area) => codepoints(area.value.slice(0, area.selectionStart)).length});
    if (offset === null) return;
    return op("split_paragraph", {side, number: p.number, offset});
  },

  setRole: async () => {
    const p = needPara();
    if (!p) return;
    const side = sel.side;
    const role = await chooseRole(p, side);
    if (role === null || role === p.role) return;
    return op("set_role", {side, number: p.number, role});
  },
  chooseHeadline: () => {
    if (sel.side !== "en") return say("the published headline is chosen on the English side (→)", true);
    const p = needPara();
    return p && op("choose_headline", {number: p.number});
  },
  boilerplate: () => { const p = needPara(); return p && op("mark_boilerplate", {side: sel.side, number: p.number}); },

  undo: () => send("/api/undo", {}, "undo"),
  redo: () => send("/api/redo", {}, "redo"),
  save: () => send("/api/save", {}, "save"),
  help: () => showHelp(),
};

function findDoubt(step) {
  const n = S.rows.length;
  for (let k = 1; k <= n; k++) {
    const i = (sel.row + step * k + n * k) % n;
    if (S.rows[i].doubtful) {
      const wrapped = step > 0 ? i <= sel.row : i >= sel.row;
      goRow(i);
      say(wrapped ? "wrapped around" : "");
      return;
    }
  }
  say("no doubtful pair left");
}

// ------------------------------------------------------------------------------------ keys

function onKey(event) {
  if (modal) {
    modal(event);
    return;
  }
  if (!S) return;
  const name = keyName(event);
  const action = KEYS.get(name);
  if (!action) return;
  event.preventDefault();
  run(action, event.key);
}

function run(action, key) {
  queue = queue.then(() => ACTIONS[action](key)).catch((err) => say(String(err), true));
  return queue;
}

async function offerJournal() {
  const offer = S.offer;
  if (!offer) return;
  const what = `${offer.operations} unsaved operation(s) from an earlier session of ${S.title} ` +
    `(${offer.names.join(", ")})`;
  let choice;
  if (offer.applies) {
    choice = await ask(`${what} are in the journal. Restore them?`,
      [["Enter", "restore", "restore"], ["d", "discard them", "discard"]]);
  } else {
    choice = await ask(`${what} were made on another version of the file (it changed on disk since) and ` +
      `cannot be restored safely.`, [["d", "discard them", "discard"]]);
  }
  const {data} = await api("POST", "/api/journal", {action: choice});
  if (data.state) setState(data.state);
  say(data.error || data.message || "", Boolean(data.error));
}

async function start() {
  document.addEventListener("keydown", onKey);
  $("textedit-area").addEventListener("beforeinput", (event) => {
    if (event.target.dataset.fixed === "1") event.preventDefault();
  });
  for (const button of document.querySelectorAll("button[data-action]")) {
    button.addEventListener("click", () => run(button.dataset.action, ""));
  }
  $("rows").addEventListener("click", (event) => {
    const para = event.target.closest(".para");
    const cell = event.target.closest(".side");
    const row = event.target.closest(".row");
    if (!row) return;
    sel.row = Number(row.dataset.index);
    if (cell) sel.side = cell.classList.contains("uk") ? "uk" : "en";
    if (para) sel.para = [...para.parentElement.children].indexOf(para);
    drawSelection(false);
  });
  const {data} = await api("GET", "/api/state");
  if (data.error) {
    say(data.error, true);
    return;
  }
  S = data;
  render();
  drawSelection(false);
  document.body.dataset.drawn = String(performance.now());
  // Milliseconds since the navigation started, once the first rows are on screen (benchmarks).
  painted().then(() => { document.body.dataset.painted = String(performance.now()); });
  queue = queue.then(offerJournal);
}

start();
