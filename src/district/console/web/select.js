// The stations chosen for sending, shared by the overview's map, the send page's list and map,
// and anything else that sends to "the chosen stations" (issue 21's browser "speak" too).
//
//   import { selection } from './select.js';
//   selection.ids()            → the chosen station ids, sorted
//   selection.has(id)          → is it chosen?
//   selection.toggle(id)       → choose or un-choose one
//   selection.set(ids)         → exactly these (an empty list clears)
//   selection.onChange(fn)     → fn(ids) after every change; returns a function that unsubscribes
//
// Kept for the browser tab (sessionStorage): a reload keeps the choice, another tab has its own.
// Only ids are kept; whether a station still exists is the hub's to say when something is sent.
const KEY = 'loa.selection';
const chosen = new Set(load());
const listeners = new Set();

function load() {
  try {
    const v = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x) => typeof x === 'string').slice(0, 1000) : [];
  } catch {
    return [];
  }
}

function changed() {
  sessionStorage.setItem(KEY, JSON.stringify([...chosen]));
  const ids = selection.ids();
  for (const fn of listeners) fn(ids);
}

export const selection = {
  ids: () => [...chosen].sort(),
  has: (id) => chosen.has(id),
  toggle(id) {
    if (chosen.has(id)) chosen.delete(id);
    else chosen.add(id);
    changed();
  },
  set(ids) {
    chosen.clear();
    for (const id of ids) chosen.add(id);
    changed();
  },
  onChange(fn) {
    listeners.add(fn);
    return () => listeners.delete(fn);
  },
};
