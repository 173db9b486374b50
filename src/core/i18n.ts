/**
 * What a technician or operator reads at the terminal exists in Vietnamese and English.
 * The language comes from --lang, else LANG/LC_ALL/LC_MESSAGES (vi_* → Vietnamese), else English.
 * Catalogues live beside the commands that use them; this file holds the mechanism.
 */
export type Lang = 'vi' | 'en';

export function pickLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag === 'vi' || flag === 'en') return flag;
  const loc = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return loc.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

export type Catalog = Record<string, { en: string; vi: string }>;

/** Looks a key up and fills {name} placeholders; an unknown key shows itself (never blank). */
export function translate(
  cat: Catalog,
  lang: Lang,
  key: string,
  vars: Record<string, string | number> = {},
): string {
  const entry = cat[key];
  const text = entry ? entry[lang] : key;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => (k in vars ? String(vars[k]) : `{${k}}`));
}

/**
 * A message for people as data: a catalogue key and its variables, carried beside the English
 * text by errors (LoaError.text) and events (StationEvent.text) so that a terminal renders it
 * in the reader's language instead of matching English sentences. A variable may itself be a
 * message (a reason inside a refusal) or a list of them (the problems of a schedule).
 */
export type TextVar = string | number | boolean | Text | TextVar[];
export interface Text {
  key: string;
  vars?: Record<string, TextVar>;
}

export function isText(x: unknown): x is Text {
  return typeof x === 'object' && x !== null && typeof (x as Text).key === 'string';
}

/**
 * `text` through `cat`, nested messages in the same language and lists joined by "; ";
 * undefined when any key in it is not in the catalogue or a variable it names is missing (the caller then shows the English
 * text whole: never half a sentence in each language).
 */
export function renderText(cat: Catalog, lang: Lang, text: Text): string | undefined {
  const entry = cat[text.key];
  if (!entry) return undefined;
  // a placeholder without its variable (an older daemon's event) is not shown as "{name}"
  const wanted = [...entry[lang].matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  if (wanted.some((k) => !(k in (text.vars ?? {})))) return undefined;
  const vars: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(text.vars ?? {})) {
    const s = renderVar(cat, lang, v);
    if (s === undefined) return undefined;
    vars[k] = s;
  }
  return translate(cat, lang, text.key, vars);
}

function renderVar(cat: Catalog, lang: Lang, v: TextVar): string | undefined {
  if (Array.isArray(v)) {
    const parts = v.map((x) => renderVar(cat, lang, x));
    return parts.some((p) => p === undefined) ? undefined : parts.join('; ');
  }
  if (isText(v)) return renderText(cat, lang, v);
  return String(v);
}

/**
 * Why something on air ended, as the schedule and the engine say it ("window ended",
 * "pre-empted by tin-sang", "failed: …"), as a keyed text: `ev.end.` and the words joined by
 * "-"; a reason with a tail keeps only its head ("failed"). A reason without a catalogue entry
 * leaves its whole event in English.
 */
export function endText(reason: string): Text {
  const pre = /^pre-empted by (\S+)$/.exec(reason);
  if (pre) return { key: 'ev.end.pre-empted', vars: { id: pre[1] as string } };
  if (reason === 'pre-empted') return { key: 'ev.end.interrupted' };
  const head = reason.split(/[:(]/)[0]?.trim() ?? reason;
  return { key: `ev.end.${head.replace(/\s+/g, '-')}` };
}
