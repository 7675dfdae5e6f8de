/**
 * Portuguese copy (você; Brazilian usage, as Intl's "pt" formats prices the Brazilian way).
 * Brands take the feminine article ("a marca"): "da {brand}", "na {store}".
 */
import type { PhraseTable } from './types';

export const pt: PhraseTable = {
  short: [
    { msg: '{title}', needs: ['title'], weight: 2 },
    { msg: '{title} – {price}', needs: ['title', 'price'], weight: 2 },
    { msg: '-{discount} em {title}', needs: ['discount', 'title'], weight: 3 },
    { msg: 'Economize {discount}', needs: ['discount'], weight: 2 },
    { msg: 'De {compareAt} por {price}', needs: ['price', 'compareAt'], weight: 2 },
    { msg: 'Conheça {title}', needs: ['title'] },
    { msg: '{title} por {price}', needs: ['title', 'price'] },
    { msg: '{Category} da {brand}', needs: ['category', 'brand'] },
    { msg: 'Descubra a {brand}', needs: ['brand'] },
    { msg: '{Category} na {store}', needs: ['category', 'store'] },
    {
      msg: '{band, select, premium {{Category} premium} budget {{Category} com preço acessível} other {{Category} para amar}}',
      needs: ['category'],
    },
    { msg: 'Para quem ama {interest}', needs: ['interest'] },
    { msg: 'Para você: {title}', needs: ['title'] },
    { msg: '{count, plural, one {Nossa dica para você} other {Nossas dicas para você}}' },
    { msg: 'Compre já na {store}', needs: ['store'] },
    { msg: 'Encontre seu novo favorito' },
    {
      msg: '{rfm, select, lapsed {Sentimos sua falta} loyal {Obrigado pela confiança} other {Que bom ver você de novo}}',
      for: ['reengagement'],
      weight: 3,
    },
    { msg: 'Volte para a {store}', needs: ['store'], for: ['reengagement'], weight: 2 },
    { msg: 'Que bom que você voltou', for: ['reengagement'], weight: 2 },
    { msg: 'Novidade: {title}', needs: ['title'], for: ['launch'], weight: 3 },
    { msg: 'Acabou de chegar: {title}', needs: ['title'], for: ['launch'], weight: 2 },
    { msg: 'Novidades da {brand}', needs: ['brand'], for: ['launch'], weight: 2 },
    { msg: 'Novidades em {category}', needs: ['category'], for: ['launch'], weight: 2 },
    {
      msg: '{v, select, 0 {Nossa dica: {title}} 1 {Em destaque: {title}} 2 {Só para você: {title}} other {Vale a pena: {title}}}',
      needs: ['title'],
      variants: 4,
    },
    {
      msg: '{v, select, 0 {Explore {category}} 1 {{Category} para o dia a dia} other {Ideias em {category}}}',
      needs: ['category'],
      variants: 3,
    },
    {
      msg: '{v, select, 0 {Algo para você} 1 {Seu estilo, sua escolha} other {Feito para o seu estilo}}',
      variants: 3,
    },
    {
      msg: '{v, select, 0 {De volta: {title}} 1 {Que alegria rever você} other {Dê outra olhada}}',
      needs: ['title'],
      for: ['reengagement'],
      variants: 3,
      weight: 2,
    },
    {
      msg: '{v, select, 0 {Lançamento: {title}} 1 {Já disponível: {title}} other {Chegou: {title}}}',
      needs: ['title'],
      for: ['launch'],
      variants: 3,
      weight: 2,
    },
  ],
  long: [
    { msg: 'Conheça {title} por {price}.', needs: ['title', 'price'], weight: 2 },
    {
      msg: '{title} de {compareAt} por {price}. Economize {discount}.',
      needs: ['title', 'price', 'compareAt', 'discount'],
      weight: 3,
    },
    {
      msg: 'Ganhe {discount} de desconto em {title} e peça hoje mesmo.',
      needs: ['discount', 'title'],
      weight: 2,
    },
    { msg: 'Confira nossa seleção de {category} e encontre seu estilo.', needs: ['category'] },
    {
      msg: '{band, select, premium {Nossa seleção de {category} premium, pensada para durar.} budget {Nossa seleção de {category} com preço acessível e muito estilo.} other {Nossa seleção de {category} para o dia a dia, feita com carinho.}}',
      needs: ['category'],
    },
    { msg: 'Compre {brand} na {store} e encontre seu novo favorito.', needs: ['brand', 'store'] },
    { msg: 'Presenteie-se com {title} da {brand}.', needs: ['title', 'brand'] },
    { msg: '{title} por {price}: faça seu pedido online hoje mesmo.', needs: ['title', 'price'] },
    { msg: 'Uma ótima escolha para quem ama {interest}.', needs: ['interest'] },
    {
      msg: 'Confira {count, plural, one {nossa dica} other {nossas dicas}} para você na {store}.',
      needs: ['store'],
    },
    { msg: 'Dê uma olhada no que escolhemos para você.' },
    {
      msg: '{rfm, select, lapsed {Faz tempo que você não aparece. Escolhemos algo especial para você.} loyal {Obrigado por comprar com a gente. Você pode gostar disto.} other {Que bom que você voltou! Veja o que escolhemos para você.}}',
      for: ['reengagement'],
      weight: 3,
    },
    {
      msg: 'Volte para a {store} e conheça {title}.',
      needs: ['store', 'title'],
      for: ['reengagement'],
      weight: 2,
    },
    {
      msg: 'Acabou de chegar: {title}, já disponível por {price}.',
      needs: ['title', 'price'],
      for: ['launch'],
      weight: 3,
    },
    { msg: 'Conheça {title}, a novidade da {brand}.', needs: ['title', 'brand'], for: ['launch'], weight: 2 },
    {
      msg: 'As novidades em {category} chegaram. Seja um dos primeiros a conferir.',
      needs: ['category'],
      for: ['launch'],
      weight: 2,
    },
    {
      msg: '{v, select, 0 {Leve {title} por {price}.} 1 {Compre {title} por {price}.} other {Peça {title} hoje por {price}.}}',
      needs: ['title', 'price'],
      variants: 3,
    },
    {
      msg: '{v, select, 0 {Encontre seu novo favorito em nossa seleção de {category}.} 1 {Nossa seleção de {category}, pensada para o seu estilo.} other {Veja o que espera por você em {category}.}}',
      needs: ['category'],
      variants: 3,
    },
  ],
  cta: [
    {
      msg: '{objective, select, launch {Conheça já} reengagement {Dê uma olhada} other {Compre agora}}',
      weight: 2,
    },
    { msg: 'Comprar' },
    { msg: 'Ver produto', needs: ['title'] },
    { msg: 'Peça já', needs: ['price'] },
    { msg: 'Saiba mais' },
    { msg: 'Ver mais' },
  ],
  withTerm: ['{text} – {term}', '{term}: {text}'],
  sentenceGap: ' ',
};
