// The editor's keys: one table, read both by the key handler (editor.js) and by the help overlay,
// so that the help can never describe a key that does something else.
//
// `keys` are KeyboardEvent.key values, with "Ctrl+", "Alt+" and "Shift+" prefixes where the
// modifier matters (Shift is implied by an upper-case letter or a symbol such as "?").
// `action` names a function in editor.js's ACTIONS table.
"use strict";

const KEYMAP = [
  {group: "Move", keys: ["ArrowDown", "j"], action: "nextRow", help: "next row"},
  {group: "Move", keys: ["ArrowUp", "k"], action: "prevRow", help: "previous row"},
  {group: "Move", keys: ["ArrowLeft", "h"], action: "sideUk", help: "Ukrainian side"},
  {group: "Move", keys: ["ArrowRight", "l"], action: "sideEn", help: "English side"},
  {group: "Move", keys: ["]"], action: "nextPara", help: "next paragraph in the row's side"},
  {group: "Move", keys: ["["], action: "prevPara", help: "previous paragraph in the row's side"},
  {group: "Move", keys: ["n"], action: "nextDoubt", help: "next doubtful pair"},
  {group: "Move", keys: ["N"], action: "prevDoubt", help: "previous doubtful pair"},
  {group: "Move", keys: ["Home", "End"], action: "edgeRow", help: "first / last row"},
  {group: "Move", keys: ["PageDown", "PageUp"], action: "pageRow", help: "ten rows down / up"},

  {group: "Pairing", keys: ["J"], action: "joinNext", help: "join the row with the next one (1-1 + 0-1 → 1-2)"},
  {group: "Pairing", keys: ["K"], action: "joinPrev", help: "join the row with the previous one"},
  {group: "Pairing", keys: ["s"], action: "splitRow",
   help: "split the row before the selected paragraph (the other side is cut at the same place)"},
  {group: "Pairing", keys: ["S"], action: "splitRowAcross",
   help: "split the row before the selected paragraph, the other side going whole to the second row"},
  {group: "Pairing", keys: ["u"], action: "unpair", help: "unpair: the row becomes one-sided rows"},
  {group: "Pairing", keys: ["p"], action: "pairNext", help: "pair a one-sided row with the next row's other side"},
  {group: "Pairing", keys: ["P"], action: "pairPrev", help: "pair a one-sided row with the previous row's other side"},
  {group: "Pairing", keys: ["Alt+ArrowUp"], action: "moveUp",
   help: "move the selected paragraph (the first of its side) into the previous row"},
  {group: "Pairing", keys: ["Alt+ArrowDown"], action: "moveDown",
   help: "move the selected paragraph (the last of its side) into the next row"},
  {group: "Pairing", keys: [" "], action: "togglePin", help: "pin (confirm) the row, or unpin it"},
  {group: "Pairing", keys: ["R"], action: "realign",
   help: "re-align the rest: every pinned row stays, the others are paired again"},

  {group: "Text", keys: ["e", "Enter"], action: "editEnglish",
   help: "edit the row's English (a blank line separates paragraphs); Ctrl+Enter keeps it, Esc cancels"},
  {group: "Text", keys: ["x"], action: "splitParagraph",
   help: "split the selected paragraph: put the cursor where the second one starts, then Enter"},

  {group: "Roles", keys: ["r"], action: "setRole", help: "set the selected paragraph's role (a menu)"},
  {group: "Roles", keys: ["H"], action: "chooseHeadline",
   help: "publish the selected English paragraph as the headline (the others stay variants)"},
  {group: "Roles", keys: ["b"], action: "boilerplate", help: "mark the selected paragraph as boilerplate"},

  {group: "File", keys: ["Ctrl+z"], action: "undo", help: "undo"},
  {group: "File", keys: ["Ctrl+y", "Ctrl+Shift+Z"], action: "redo", help: "redo"},
  {group: "File", keys: ["Ctrl+s"], action: "save", help: "save the PO"},
  {group: "File", keys: ["?"], action: "help", help: "this help; Esc closes it"},
];

// The roles a paragraph can have, in the words the page shows. `title` is the headline that is
// published, `headline` one of its variants (kept in the PO, left out of the publication).
const ROLES = [
  ["title", "headline (published)"],
  ["headline", "headline variant"],
  ["heading", "section heading"],
  ["body", "body"],
  ["quote", "quote"],
  ["byline", "byline"],
  ["credit", "credit line"],
  ["teaser", "teaser"],
  ["note", "note"],
  ["boilerplate", "boilerplate"],
  ["footnote", "footnote"],
  ["table", "table cell"],
];

// "Ctrl+Shift+Z", "J", "?", "Alt+ArrowUp": the name of a key press as KEYMAP writes it.
function keyName(event) {
  const parts = [];
  if (event.ctrlKey || event.metaKey) parts.push("Ctrl");
  if (event.altKey) parts.push("Alt");
  let key = event.key;
  const letter = key.length === 1 && key.toLowerCase() !== key.toUpperCase();
  if (event.shiftKey && !letter && key.length > 1) parts.push("Shift");
  if ((event.ctrlKey || event.metaKey) && letter) {
    // Ctrl+Shift+z arrives as "Z": keep the letter as typed and name Shift explicitly.
    if (event.shiftKey) parts.push("Shift");
  }
  parts.push(key);
  return parts.join("+");
}

function buildKeyIndex() {
  const index = new Map();
  for (const entry of KEYMAP) {
    for (const key of entry.keys) index.set(key, entry.action);
  }
  return index;
}

function keyLabel(key) {
  const names = {"ArrowDown": "↓", "ArrowUp": "↑", "ArrowLeft": "←", "ArrowRight": "→", " ": "Space"};
  return key.split("+").map((part) => names[part] || part).join("+");
}
