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
