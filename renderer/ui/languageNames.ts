import { defineMessages } from 'react-intl';

/**
 * Names the browser's language data may not have. Chromium (and so Electron) ships the
 * names of languages only for the languages it is itself translated into: it cannot name
 * Chuukese or Marshallese at all, and names Somali, Hmong or Haitian Creole only in English.
 * Families in US schools speak these, so Hearth carries their names itself.
 *
 * FAMILY_LANGUAGE_NAMES: a language's name in the window's language (a catalog message,
 * translated like any other). AUTONYMS: a language's name in itself, the same in every window.
 */
export const FAMILY_LANGUAGE_NAMES = defineMessages({
  ch: { defaultMessage: 'Chamorro', id: 'C/Mko+' },
  chk: { defaultMessage: 'Chuukese', id: '8C5LhN' },
  cnh: { defaultMessage: 'Hakha Chin', id: 'MACb0A' },
  din: { defaultMessage: 'Dinka', id: 'mKidbA' },
  ff: { defaultMessage: 'Fula', id: 'ogoWKf' },
  kg: { defaultMessage: 'Kongo', id: 'Clr/Fk' },
  kjb: { defaultMessage: 'Qʼanjobʼal', id: '+oWYrv' },
  kos: { defaultMessage: 'Kosraean', id: 'u5NuwS' },
  ksw: { defaultMessage: 'Sʼgaw Karen', id: 'SUxMSp' },
  mam: { defaultMessage: 'Mam', id: 'H1X53X' },
  mh: { defaultMessage: 'Marshallese', id: 'H/Wro7' },
  nus: { defaultMessage: 'Nuer', id: 'Ahy1H2' },
  nv: { defaultMessage: 'Navajo', id: 'oNrQ35' },
  pon: { defaultMessage: 'Pohnpeian', id: 'vH5dkZ' },
  quc: { defaultMessage: 'Kʼicheʼ', id: '0LfUju' },
  rhg: { defaultMessage: 'Rohingya', id: 'TvGP52' },
  yap: { defaultMessage: 'Yapese', id: 'k0F+3M' },
});

export const AUTONYMS: Readonly<Record<string, string>> = {
  am: 'አማርኛ',
  ch: 'Finuʼ Chamoru',
  chk: 'Chuuk',
  ckb: 'کوردیی ناوەندی',
  ff: 'Fulfulde',
  ha: 'Hausa',
  haw: 'ʻŌlelo Hawaiʻi',
  hmn: 'Hmoob',
  ht: 'Kreyòl ayisyen',
  hy: 'Հայերեն',
  ig: 'Asụsụ Igbo',
  ka: 'ქართული',
  km: 'ខ្មែរ',
  kmr: 'Kurmancî',
  ku: 'Kurdî',
  ky: 'Кыргызча',
  lo: 'ລາວ',
  mh: 'Kajin M̧ajeļ',
  mn: 'Монгол',
  my: 'မြန်မာ',
  ne: 'नेपाली',
  nv: 'Diné bizaad',
  om: 'Afaan Oromoo',
  ps: 'پښتو',
  rw: 'Ikinyarwanda',
  sm: 'Gagana Sāmoa',
  so: 'Af-Soomaali',
  sq: 'Shqip',
  sw: 'Kiswahili',
  tg: 'Тоҷикӣ',
  ti: 'ትግርኛ',
  tk: 'Türkmençe',
  to: 'Lea fakatonga',
  wo: 'Wolof',
  xh: 'isiXhosa',
  yo: 'Yorùbá',
  yue: '粵語',
  zu: 'isiZulu',
};
