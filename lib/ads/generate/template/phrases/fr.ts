/**
 * French copy (vouvoiement). French typography: a no-break space before « : », a narrow one
 * before « ! ? ». Phrases avoid agreeing with a product's unknown gender ("Nouveauté :", not "Nouveau").
 */
import type { PhraseTable } from './types';

export const fr: PhraseTable = {
  short: [
    { msg: '{title}', needs: ['title'], weight: 2 },
    { msg: '{title} – {price}', needs: ['title', 'price'], weight: 2 },
    { msg: '-{discount} sur {title}', needs: ['discount', 'title'], weight: 3 },
    { msg: 'Économisez {discount}', needs: ['discount'], weight: 2 },
    { msg: '{price} au lieu de {compareAt}', needs: ['price', 'compareAt'], weight: 2 },
    { msg: 'Découvrez {title}', needs: ['title'] },
    { msg: '{title} à {price}', needs: ['title', 'price'] },
    { msg: 'L’univers {brand}', needs: ['brand'] },
    { msg: 'Découvrez {brand}', needs: ['brand'] },
    { msg: '{Category} chez {store}', needs: ['category', 'store'] },
    {
      msg: '{band, select, premium {{Category} haut de gamme} budget {{Category} à petit prix} other {{Category} coup de cœur}}',
      needs: ['category'],
    },
    { msg: 'Pour les fans de {interest}', needs: ['interest'] },
    { msg: 'Notre sélection\u00a0: {title}', needs: ['title'] },
    { msg: '{count, plural, one {Notre coup de cœur pour vous} other {Nos coups de cœur pour vous}}' },
    { msg: 'À découvrir chez {store}', needs: ['store'] },
    { msg: 'Trouvez votre coup de cœur' },
    {
      msg: '{rfm, select, lapsed {Vous nous manquez} loyal {Merci de votre fidélité} other {Ravis de vous revoir}}',
      for: ['reengagement'],
      weight: 3,
    },
    { msg: 'Revenez chez {store}', needs: ['store'], for: ['reengagement'], weight: 2 },
    { msg: 'Bon retour parmi nous', for: ['reengagement'], weight: 2 },
    { msg: 'Nouveauté\u00a0: {title}', needs: ['title'], for: ['launch'], weight: 3 },
    { msg: 'Vient de sortir\u00a0: {title}', needs: ['title'], for: ['launch'], weight: 2 },
    { msg: 'Nouveautés {brand}', needs: ['brand'], for: ['launch'], weight: 2 },
    { msg: 'Nouveautés\u00a0: {category}', needs: ['category'], for: ['launch'], weight: 2 },
    {
      msg: '{v, select, 0 {Notre choix\u00a0: {title}} 1 {À la une\u00a0: {title}} 2 {Rien que pour vous\u00a0: {title}} other {À découvrir\u00a0: {title}}}',
      needs: ['title'],
      variants: 4,
    },
    {
      msg: '{v, select, 0 {Explorez nos {category}} 1 {{Category} au quotidien} other {Idées {category}}}',
      needs: ['category'],
      variants: 3,
    },
    {
      msg: '{v, select, 0 {Une idée pour vous} 1 {Votre style, votre choix} other {Pensé pour votre style}}',
      variants: 3,
    },
    {
      msg: '{v, select, 0 {Bon retour\u00a0: {title}} 1 {Heureux de vous revoir} other {Revenez jeter un œil}}',
      needs: ['title'],
      for: ['reengagement'],
      variants: 3,
      weight: 2,
    },
    {
      msg: '{v, select, 0 {Nouveau chez nous\u00a0: {title}} 1 {Dès maintenant\u00a0: {title}} other {Nouvel arrivage\u00a0: {title}}}',
      needs: ['title'],
      for: ['launch'],
      variants: 3,
      weight: 2,
    },
  ],
  long: [
    { msg: 'Découvrez {title} à {price}.', needs: ['title', 'price'], weight: 2 },
    {
      msg: '{title} à {price} au lieu de {compareAt}, soit {discount} d’économie.',
      needs: ['title', 'price', 'compareAt', 'discount'],
      weight: 3,
    },
    {
      msg: 'Profitez de {discount} de réduction sur {title} et commandez dès aujourd’hui.',
      needs: ['discount', 'title'],
      weight: 2,
    },
    { msg: 'Parcourez notre sélection de {category} et trouvez votre style.', needs: ['category'] },
    {
      msg: '{band, select, premium {Notre sélection de {category} haut de gamme, pour un style qui dure.} budget {Notre sélection de {category} à petit prix, qui a tout pour plaire.} other {Notre sélection de {category} pour tous les jours, faite avec soin.}}',
      needs: ['category'],
    },
    {
      msg: 'Découvrez {brand} chez {store} et trouvez votre prochain coup de cœur.',
      needs: ['brand', 'store'],
    },
    { msg: '{title} de la marque {brand}\u00a0: faites-vous plaisir.', needs: ['title', 'brand'] },
    { msg: '{title} à {price} – commandez en ligne dès aujourd’hui.', needs: ['title', 'price'] },
    { msg: 'Une belle idée si vous aimez l’univers {interest}.', needs: ['interest'] },
    {
      msg: 'Découvrez {count, plural, one {notre coup de cœur} other {nos coups de cœur}} pour vous chez {store}.',
      needs: ['store'],
    },
    { msg: 'Jetez un œil à ce que nous avons choisi pour vous.' },
    {
      msg: '{rfm, select, lapsed {Cela fait longtemps\u202f! Nous avons choisi quelque chose pour vous.} loyal {Merci pour votre fidélité. Ceci pourrait vous plaire.} other {Bon retour parmi nous\u202f! Découvrez notre sélection pour vous.}}',
      for: ['reengagement'],
      weight: 3,
    },
    {
      msg: 'Revenez chez {store} et découvrez {title}.',
      needs: ['store', 'title'],
      for: ['reengagement'],
      weight: 2,
    },
    {
      msg: 'Vient d’arriver\u00a0: {title}, disponible dès maintenant à {price}.',
      needs: ['title', 'price'],
      for: ['launch'],
      weight: 3,
    },
    {
      msg: 'Découvrez {title}, la nouveauté {brand}.',
      needs: ['title', 'brand'],
      for: ['launch'],
      weight: 2,
    },
    {
      msg: 'Les nouveautés {category} sont là. Soyez parmi les premiers à les découvrir.',
      needs: ['category'],
      for: ['launch'],
      weight: 2,
    },
    {
      msg: '{v, select, 0 {Craquez pour {title} à {price}.} 1 {Commandez {title} dès aujourd’hui à {price}.} other {Offrez-vous {title} pour {price}.}}',
      needs: ['title', 'price'],
      variants: 3,
    },
    {
      msg: '{v, select, 0 {Trouvez votre nouveau coup de cœur parmi nos {category}.} 1 {Nos {category}, une sélection pensée pour votre style.} other {Voyez ce qui vous attend dans notre rayon {category}.}}',
      needs: ['category'],
      variants: 3,
    },
  ],
  cta: [
    {
      msg: '{objective, select, launch {Découvrir} reengagement {Voir la sélection} other {Acheter}}',
      weight: 2,
    },
    { msg: 'J’en profite', needs: ['discount'], weight: 2 },
    { msg: 'Voir le produit', needs: ['title'] },
    { msg: 'Commander', needs: ['price'] },
    { msg: 'En savoir plus' },
    { msg: 'Découvrir' },
  ],
  withTerm: ['{text} – {term}', '{term}\u00a0: {text}'],
  sentenceGap: ' ',
};
