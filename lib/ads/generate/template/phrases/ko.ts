/**
 * Korean copy (friendly 해요체). Korean spaces between words, as it is written; particles that
 * change with the preceding sound (을/를, 이/가) never follow a slot, so names never need them.
 */
import type { PhraseTable } from './types';

export const ko: PhraseTable = {
  short: [
    { msg: '{title}', needs: ['title'], weight: 2 },
    { msg: '{title} {price}', needs: ['title', 'price'], weight: 2 },
    { msg: '{title} {discount} 할인', needs: ['discount', 'title'], weight: 3 },
    { msg: '지금 {discount} 할인', needs: ['discount'], weight: 2 },
    { msg: '정가 {compareAt} → {price}', needs: ['price', 'compareAt'], weight: 2 },
    { msg: '{title} 만나보기', needs: ['title'] },
    { msg: '{title}, {price}에 만나보세요', needs: ['title', 'price'] },
    { msg: '{brand} {category}', needs: ['category', 'brand'] },
    { msg: '{brand} 컬렉션', needs: ['brand'] },
    { msg: '{store}에서 만나는 {category}', needs: ['category', 'store'] },
    {
      msg: '{band, select, premium {프리미엄 {category}} budget {합리적인 가격의 {category}} other {마음에 쏙 드는 {category}}}',
      needs: ['category'],
    },
    { msg: '{interest} 좋아하는 분께', needs: ['interest'] },
    { msg: '추천 상품: {title}', needs: ['title'] },
    { msg: '당신을 위한 추천' },
    { msg: '지금 {store}에서 쇼핑하세요', needs: ['store'] },
    { msg: '마음에 드는 상품을 찾아보세요' },
    {
      msg: '{rfm, select, lapsed {오랜만이에요, 보고 싶었어요} loyal {늘 함께해 주셔서 감사해요} other {다시 오신 걸 환영해요}}',
      for: ['reengagement'],
      weight: 3,
    },
    { msg: '{store}에 다시 들러 보세요', needs: ['store'], for: ['reengagement'], weight: 2 },
    { msg: '다시 만나서 반가워요', for: ['reengagement'], weight: 2 },
    { msg: '신상품: {title}', needs: ['title'], for: ['launch'], weight: 3 },
    { msg: '새로 나온 {title}', needs: ['title'], for: ['launch'], weight: 2 },
    { msg: '{brand} 신상품', needs: ['brand'], for: ['launch'], weight: 2 },
    { msg: '{category} 신상품', needs: ['category'], for: ['launch'], weight: 2 },
    {
      msg: '{v, select, 0 {추천: {title}} 1 {주목할 상품: {title}} 2 {당신을 위한 {title}} other {놓치지 마세요: {title}}}',
      needs: ['title'],
      variants: 4,
    },
    {
      msg: '{v, select, 0 {{category} 둘러보기} 1 {매일 쓰는 {category}} other {{category} 아이디어}}',
      needs: ['category'],
      variants: 3,
    },
    {
      msg: '{v, select, 0 {당신을 위한 선택} 1 {나만의 스타일을 완성하세요} other {당신의 스타일에 맞춰}}',
      variants: 3,
    },
    {
      msg: '{v, select, 0 {다시 만나요: {title}} 1 {다시 찾아 주셔서 반가워요} other {한 번 더 둘러보세요}}',
      needs: ['title'],
      for: ['reengagement'],
      variants: 3,
      weight: 2,
    },
    {
      msg: '{v, select, 0 {출시: {title}} 1 {지금 만나는 신상품: {title}} other {드디어 출시: {title}}}',
      needs: ['title'],
      for: ['launch'],
      variants: 3,
      weight: 2,
    },
  ],
  long: [
    { msg: '{title}, 지금 {price}에 만나보세요.', needs: ['title', 'price'], weight: 2 },
    {
      msg: '{title} 정가 {compareAt}, 지금은 {price}. {discount} 할인 중이에요.',
      needs: ['title', 'price', 'compareAt', 'discount'],
      weight: 3,
    },
    { msg: '{title} {discount} 할인, 오늘 바로 주문하세요.', needs: ['discount', 'title'], weight: 2 },
    { msg: '{category} 컬렉션에서 나만의 스타일을 찾아보세요.', needs: ['category'] },
    {
      msg: '{band, select, premium {프리미엄 {category} 컬렉션, 오래도록 사랑받을 스타일로 골랐어요.} budget {합리적인 가격의 {category}, 부담 없이 만나보세요.} other {매일 함께할 {category}, 정성껏 골랐어요.}}',
      needs: ['category'],
    },
    {
      msg: '{store}에서 {brand} 상품을 만나보고 마음에 드는 아이템을 찾아보세요.',
      needs: ['brand', 'store'],
    },
    { msg: '{brand}의 {title}, 나를 위한 선물로 어떠세요?', needs: ['title', 'brand'] },
    { msg: '{title} {price}, 지금 온라인으로 주문하세요.', needs: ['title', 'price'] },
    { msg: '{interest} 좋아하는 분께 딱 맞는 선택이에요.', needs: ['interest'] },
    { msg: '{store}에서 준비한 추천 상품을 확인해 보세요.', needs: ['store'] },
    { msg: '당신을 위해 고른 상품을 확인해 보세요.' },
    {
      msg: '{rfm, select, lapsed {오랜만이에요! 당신을 위한 상품을 골라 두었어요.} loyal {늘 이용해 주셔서 감사해요. 이런 상품은 어떠세요?} other {다시 오신 걸 환영해요! 당신을 위한 추천을 확인해 보세요.}}',
      for: ['reengagement'],
      weight: 3,
    },
    {
      msg: '{store}에 다시 들러 {title} 상품을 만나보세요.',
      needs: ['store', 'title'],
      for: ['reengagement'],
      weight: 2,
    },
    {
      msg: '새로 나온 {title}, {price}에 만나보세요.',
      needs: ['title', 'price'],
      for: ['launch'],
      weight: 3,
    },
    { msg: '{brand}의 신상품, {title} 출시!', needs: ['title', 'brand'], for: ['launch'], weight: 2 },
    {
      msg: '{category} 신상품이 들어왔어요. 가장 먼저 만나보세요.',
      needs: ['category'],
      for: ['launch'],
      weight: 2,
    },
    {
      msg: '{v, select, 0 {{title}, 지금 {price}에 구매할 수 있어요.} 1 {{title}, {price}에 내 것으로 만드세요.} other {오늘 {price}에 {title} 주문하세요.}}',
      needs: ['title', 'price'],
      variants: 3,
    },
    {
      msg: '{v, select, 0 {{category} 중에서 마음에 드는 상품을 찾아보세요.} 1 {당신의 스타일에 맞춰 고른 {category} 컬렉션을 만나보세요.} other {{category}에서 새로운 발견을 해 보세요.}}',
      needs: ['category'],
      variants: 3,
    },
  ],
  cta: [
    {
      msg: '{objective, select, launch {신상품 보기} reengagement {둘러보기} other {지금 쇼핑하기}}',
      weight: 2,
    },
    { msg: '구매하기' },
    { msg: '상품 보기', needs: ['title'] },
    { msg: '주문하기', needs: ['price'] },
    { msg: '자세히 보기' },
    { msg: '더 보기' },
  ],
  withTerm: ['{text} | {term}', '{term}: {text}'],
  sentenceGap: ' ',
};
