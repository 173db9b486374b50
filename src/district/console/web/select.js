// The stations chosen for sending, shared by the overview's map, the send page's list and map,
// and anything else that sends to "the chosen stations" (issue 21's browser "speak" too).
//
//   import { selection } from './select.js';
//   selection.ids()            → the chosen station ids, sorted
//   selection.has(id)          → is it chosen?
//   selection.toggle(id)       → choose or un-choose one
//   selection.set(ids)         → exactly these (an empty list clears)
//   selection.onChange(fn, el) → fn(ids) after every change; returns a function that unsubscribes.
//                                With `el` (the element fn updates) it also ends by itself once
//                                el has left the page: live redraws replace elements every second.
//
// Kept for the browser tab (sessionStorage): a reload keeps the choice, another tab has its own.
// Only ids are kept; whether a station still exists is the hub's to say when something is sent.
const KEY = 'loa.selection';
const chosen = new Set(load());
/** fn → its owner element ({ el, seen }: seen once on the page), or null. */
const listeners = new Map();

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
  prune();
  const ids = selection.ids();
  for (const fn of [...listeners.keys()]) fn(ids);
}

/** Drops the listeners whose element was on the page and is gone (a redraw replaced it). */
function prune() {
  for (const [fn, owner] of listeners) {
    if (!owner) continue;
    if (owner.el.isConnected) owner.seen = true;
    else if (owner.seen) listeners.delete(fn);
  }
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
  onChange(fn, el) {
    prune();
    listeners.set(fn, el ? { el, seen: el.isConnected } : null);
    return () => listeners.delete(fn);
  },
};
