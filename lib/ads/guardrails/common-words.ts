/**
 * Everyday words of each Latin-script ad language: articles, pronouns, prepositions and the verbs
 * and adjectives ad copy cannot do without. Copy of some length that has none of its language's
 * words is not in that language (random letters, or another language CLD3 was unsure about),
 * which the detector alone lets through: it only says "unsure" about noise. Folded (lowercase,
 * no accents) like lib/ads/guardrails/text.ts `fold`.
 */
import type { AdLocale } from '@/lib/ads/types';

const WORDS: Partial<Record<AdLocale, string>> = {
  en: `the a an and or for with your you our new now in on at of to from this that these all more
    get shop discover find buy try save meet explore see just made best favourite favorite back miss
    we us it is are be by up out into just here loved picks style collection today off week`,
  de: `der die das den dem des ein eine einen einem und oder fur mit ihr ihre ihren dein deine deinen
    sie du dich dir euch wir uns unser unsere neu neue neuen neues jetzt hier im in am an auf aus von zu zum zur
    bei mehr entdecken entdecke kaufen shoppen finden sichern lieblings ist sind fur noch schon nur
    diese dieser dieses alles alle vermisst zuruck woche heute stil kollektion`,
  fr: `le la les un une des et ou pour avec votre vos ton ta tes nous notre nos vous de du au aux en
    dans sur par nouveau nouvelle nouveaux nouvelles maintenant decouvrez decouvrir achetez craquez
    trouvez profitez ici plus tout tous toutes est sont ce cette ces style collection semaine retour
    manquez aujourd hui favoris`,
  es: `el la los las un una unos unas y o para con te ti tu tus su sus nuestro nuestra nuestros nuestras de
    del al en por nuevo nueva nuevos nuevas ahora descubre descubrir compra encuentra aprovecha aqui
    mas todo todos todas es son este esta estos estas estilo coleccion semana vuelve echamos menos hoy
    favoritos`,
  it: `il lo la i gli le un uno una e o per con tuo tua tuoi tue nostro nostra nostri nostre di del
    della dei delle al alla in su da nuovo nuova nuovi nuove ora adesso scopri acquista trova approfitta
    qui piu tutto tutti tutte e sono questo questa questi queste stile collezione settimana torna manchi
    oggi preferiti`,
  nl: `de het een en of voor met je jouw uw jij wij we ons onze nieuw nieuwe nu hier in op aan uit van
    naar bij meer ontdek ontdekken koop shop vind profiteer is zijn deze dit alle alles stijl collectie
    week terug missen vandaag favorieten`,
  pt: `o a os as um uma uns umas e ou para com seu sua seus suas teu tua nosso nossa nossos nossas de
    do da dos das ao em no na nos nas por novo nova novos novas agora descubra descobrir compre encontre
    aproveite aqui mais tudo todos todas e sao este esta estes estas estilo colecao semana volte saudades
    hoje favoritos`,
};

const SETS = new Map<AdLocale, ReadonlySet<string>>();
for (const [locale, words] of Object.entries(WORDS) as [AdLocale, string][]) {
  SETS.set(locale, new Set(words.split(/\s+/).filter(Boolean)));
}

/** The everyday words of a Latin-script ad locale (folded), or null for ja/zh/ko. */
export function commonWords(locale: AdLocale): ReadonlySet<string> | null {
  return SETS.get(locale) ?? null;
}
