import { list } from './spec';

/**
 * Shopper countries: traffic share, browser languages, a fixed UTC offset (DST ignored: the
 * offset only shapes the hour of day), category and price tendencies, and name pools. Latin
 * spellings of the CJK names are used for the example.com email addresses.
 */
export interface Name {
  native: string;
  latin: string;
}

export interface CountryDef {
  code: string;
  weight: number;
  /** Browser locales and their shares. */
  locales: readonly (readonly [string, number])[];
  utcOffset: number;
  /** Multipliers on category interest, by category key (default 1). */
  tastes: Readonly<Record<string, number>>;
  /** Shift of the preferred price level (log scale; +0.2 ≈ 22 % more expensive). */
  priceShift: number;
  /** Share of sessions on a phone, tablet and desktop. */
  devices: readonly [number, number, number];
  familyFirst: boolean;
  first: readonly Name[];
  last: readonly Name[];
}

/** Names as "Anna, Lukas" or, with a Latin spelling for emails, "佐藤:sato, 鈴木:suzuki". */
function names(text: string): Name[] {
  return list(text).map((entry) => {
    const [native, latin] = entry.split(':');
    return { native: native ?? entry, latin: latin ?? native ?? entry };
  });
}

interface CountryRow extends Omit<CountryDef, 'locales' | 'first' | 'last'> {
  /** "de 0.93, en 0.07" */
  locales: string;
  first: string;
  last: string;
}

function country(row: CountryRow): CountryDef {
  const locales = list(row.locales).map((entry) => {
    const [locale, share] = entry.split(' ');
    return [locale ?? entry, Number(share)] as const;
  });
  return { ...row, locales, first: names(row.first), last: names(row.last) };
}

export const COUNTRIES: readonly CountryDef[] = [
  country({
    code: 'DE',
    weight: 0.22,
    locales: 'de 0.93, en 0.07',
    utcOffset: 1,
    priceShift: 0.05,
    tastes: { garden: 1.4, sports: 1.2, kitchen: 1.2 },
    devices: [0.55, 0.08, 0.37],
    familyFirst: false,
    first:
      'Anna, Lukas, Lena, Jonas, Sophie, Felix, Marie, Paul, Laura, Maximilian, Hannah, Leon, Julia, Tim, Katharina',
    last: 'Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Hoffmann, Schulz, Koch, Richter, Wolf, Neumann, Braun',
  }),
  country({
    code: 'AT',
    weight: 0.05,
    locales: 'de 0.95, en 0.05',
    utcOffset: 1,
    priceShift: 0.08,
    tastes: { sports: 1.4, garden: 1.2 },
    devices: [0.56, 0.08, 0.36],
    familyFirst: false,
    first: 'Elias, Lea, David, Sarah, Tobias, Magdalena, Florian, Johanna, Stefan, Theresa',
    last: 'Gruber, Huber, Bauer, Wagner, Pichler, Steiner, Moser, Mayer, Hofer, Leitner',
  }),
  country({
    code: 'CH',
    weight: 0.05,
    locales: 'de 0.65, fr 0.28, en 0.07',
    utcOffset: 1,
    priceShift: 0.3,
    tastes: { sports: 1.4, electronics: 1.1 },
    devices: [0.5, 0.1, 0.4],
    familyFirst: false,
    first: 'Noah, Mia, Luca, Emma, Nico, Lara, Jan, Nina, Chloé, Julien',
    last: 'Meier, Keller, Brunner, Baumann, Frei, Zimmermann, Gerber, Widmer, Favre, Roth',
  }),
  country({
    code: 'FR',
    weight: 0.12,
    locales: 'fr 0.95, en 0.05',
    utcOffset: 1,
    priceShift: 0.02,
    tastes: { beauty: 1.4, apparel: 1.2, kitchen: 1.3 },
    devices: [0.6, 0.07, 0.33],
    familyFirst: false,
    first:
      'Camille, Louis, Léa, Hugo, Manon, Lucas, Chloé, Arthur, Inès, Jules, Juliette, Théo, Zoé, Nathan, Clara',
    last: 'Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon, Laurent, Lefebvre, Michel, Girard',
  }),
  country({
    code: 'BE',
    weight: 0.04,
    locales: 'nl 0.5, fr 0.42, en 0.08',
    utcOffset: 1,
    priceShift: 0.02,
    tastes: { kitchen: 1.2, home: 1.1 },
    devices: [0.58, 0.08, 0.34],
    familyFirst: false,
    first: 'Lotte, Arne, Emma, Louis, Noor, Wout, Elise, Lucas, Marie, Milan',
    last: 'Peeters, Janssens, Maes, Jacobs, Mertens, Willems, Claes, Goossens, Dubois, Lambert',
  }),
  country({
    code: 'ES',
    weight: 0.08,
    locales: 'es 0.95, en 0.05',
    utcOffset: 1,
    priceShift: -0.12,
    tastes: { apparel: 1.3, shoes: 1.3, garden: 0.8 },
    devices: [0.68, 0.06, 0.26],
    familyFirst: false,
    first: 'Lucía, Hugo, Martina, Pablo, Sofía, Alejandro, Paula, Daniel, Carmen, Javier, Elena, Diego',
    last: 'García, Fernández, González, Rodríguez, López, Martínez, Sánchez, Pérez, Gómez, Martín, Ruiz, Díaz',
  }),
  country({
    code: 'IT',
    weight: 0.06,
    locales: 'it 0.92, en 0.08',
    utcOffset: 1,
    priceShift: 0,
    tastes: { shoes: 1.5, apparel: 1.3, accessories: 1.2 },
    devices: [0.66, 0.06, 0.28],
    familyFirst: false,
    first: 'Giulia, Francesco, Sofia, Alessandro, Aurora, Lorenzo, Chiara, Matteo, Giorgia, Marco',
    last: 'Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco',
  }),
  country({
    code: 'NL',
    weight: 0.07,
    locales: 'nl 0.85, en 0.15',
    utcOffset: 1,
    priceShift: 0.04,
    tastes: { sports: 1.3, garden: 1.2, home: 1.1 },
    devices: [0.57, 0.09, 0.34],
    familyFirst: false,
    first: 'Sanne, Daan, Emma, Sem, Fleur, Bram, Lisa, Thijs, Julia, Ruben',
    last: 'de Jong, Jansen, de Vries, van den Berg, Bakker, Visser, Smit, Meijer, de Boer, Mulder',
  }),
  country({
    code: 'GB',
    weight: 0.09,
    locales: 'en 1',
    utcOffset: 0,
    priceShift: 0.06,
    tastes: { home: 1.2, garden: 1.3 },
    devices: [0.6, 0.1, 0.3],
    familyFirst: false,
    first: 'Oliver, Amelia, George, Isla, Harry, Ava, Jack, Emily, Charlie, Sophia, Thomas, Grace',
    last: 'Smith, Jones, Taylor, Brown, Williams, Wilson, Johnson, Davies, Evans, Walker, Wright, Roberts',
  }),
  country({
    code: 'US',
    weight: 0.09,
    locales: 'en 0.9, es 0.1',
    utcOffset: -6,
    priceShift: 0.1,
    tastes: { electronics: 1.3, sports: 1.2 },
    devices: [0.58, 0.1, 0.32],
    familyFirst: false,
    first: 'Liam, Olivia, Noah, Emma, James, Ava, Ethan, Mia, Benjamin, Harper, Lucas, Evelyn',
    last: 'Johnson, Miller, Davis, Garcia, Rodriguez, Martinez, Anderson, Taylor, Thomas, Moore, Jackson, Lee',
  }),
  country({
    code: 'JP',
    weight: 0.07,
    locales: 'ja 0.96, en 0.04',
    utcOffset: 9,
    priceShift: 0.12,
    tastes: { beauty: 1.6, electronics: 1.4, garden: 0.5, kitchen: 1.2 },
    devices: [0.72, 0.06, 0.22],
    familyFirst: true,
    first:
      '陽翔:haruto, 結衣:yui, 蓮:ren, 陽菜:hina, 湊:minato, 葵:aoi, 大翔:hiroto, 凛:rin, 悠真:yuma, さくら:sakura',
    last: '佐藤:sato, 鈴木:suzuki, 高橋:takahashi, 田中:tanaka, 伊藤:ito, 渡辺:watanabe, 山本:yamamoto, 中村:nakamura, 小林:kobayashi, 加藤:kato',
  }),
  country({
    code: 'CN',
    weight: 0.06,
    locales: 'zh 0.97, en 0.03',
    utcOffset: 8,
    priceShift: -0.05,
    tastes: { electronics: 1.6, beauty: 1.4, garden: 0.6 },
    devices: [0.8, 0.05, 0.15],
    familyFirst: true,
    first:
      '伟:wei, 芳:fang, 娜:na, 敏:min, 静:jing, 磊:lei, 洋:yang, 婷:ting, 杰:jie, 雪:xue, 浩然:haoran, 欣怡:xinyi',
    last: '王:wang, 李:li, 张:zhang, 刘:liu, 陈:chen, 杨:yang, 黄:huang, 赵:zhao, 周:zhou, 吴:wu',
  }),
];

export const DEVICES = ['mobile', 'tablet', 'desktop'] as const;
export type Device = (typeof DEVICES)[number];

/** Reserved example domains (RFC 2606): never a real mailbox. */
export const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'] as const;

/** Lower-case ASCII for an email local part ("Müller" → "muller", "de Jong" → "dejong"). */
export function emailPart(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
