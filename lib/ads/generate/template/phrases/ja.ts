/**
 * Japanese copy (polite です・ます). No spaces between words, full-width punctuation (「、。：！」);
 * Google counts every character twice, so search headlines stay within 15 characters.
 */
import type { PhraseTable } from './types';

export const ja: PhraseTable = {
  short: [
    { msg: '{title}', needs: ['title'], weight: 2 },
    { msg: '{title}が{price}', needs: ['title', 'price'], weight: 2 },
    { msg: '{title}が{discount}OFF', needs: ['discount', 'title'], weight: 3 },
    { msg: '今なら{discount}OFF', needs: ['discount'], weight: 2 },
    { msg: '通常{compareAt}が{price}に', needs: ['price', 'compareAt'], weight: 2 },
    { msg: '{title}をチェック', needs: ['title'] },
    { msg: '{title}を{price}で', needs: ['title', 'price'] },
    { msg: '{brand}の{category}', needs: ['category', 'brand'] },
    { msg: '{brand}の世界へ', needs: ['brand'] },
    { msg: '{category}なら{store}', needs: ['category', 'store'] },
    {
      msg: '{band, select, premium {上質な{category}} budget {お手頃な{category}} other {{category}を探そう}}',
      needs: ['category'],
    },
    { msg: '{interest}好きのあなたへ', needs: ['interest'] },
    { msg: 'おすすめ：{title}', needs: ['title'] },
    { msg: 'あなたへのおすすめ' },
    { msg: '{store}でお買い物', needs: ['store'] },
    { msg: 'お気に入りを見つけよう' },
    {
      msg: '{rfm, select, lapsed {お久しぶりです} loyal {いつもありがとうございます} other {おかえりなさい}}',
      for: ['reengagement'],
      weight: 3,
    },
    { msg: '{store}へおかえりなさい', needs: ['store'], for: ['reengagement'], weight: 2 },
    { msg: 'またお会いできてうれしいです', for: ['reengagement'], weight: 2 },
    { msg: '新登場：{title}', needs: ['title'], for: ['launch'], weight: 3 },
    { msg: '新作：{title}', needs: ['title'], for: ['launch'], weight: 2 },
    { msg: '{brand}の新作', needs: ['brand'], for: ['launch'], weight: 2 },
    { msg: '{category}の新作', needs: ['category'], for: ['launch'], weight: 2 },
    {
      msg: '{v, select, 0 {注目：{title}} 1 {イチオシ：{title}} 2 {あなたに：{title}} other {要チェック：{title}}}',
      needs: ['title'],
      variants: 4,
    },
    {
      msg: '{v, select, 0 {{category}特集} 1 {毎日の{category}} other {{category}のアイデア}}',
      needs: ['category'],
      variants: 3,
    },
    {
      msg: '{v, select, 0 {あなたにぴったり} 1 {自分らしいスタイルを} other {スタイルに合わせて}}',
      variants: 3,
    },
    {
      msg: '{v, select, 0 {おかえりなさい：{title}} 1 {またお越しください} other {もう一度チェック}}',
      needs: ['title'],
      for: ['reengagement'],
      variants: 3,
      weight: 2,
    },
    {
      msg: '{v, select, 0 {発売開始：{title}} 1 {新発売：{title}} other {ついに登場：{title}}}',
      needs: ['title'],
      for: ['launch'],
      variants: 3,
      weight: 2,
    },
  ],
  long: [
    { msg: '{title}を{price}でご用意しました。', needs: ['title', 'price'], weight: 2 },
    {
      msg: '{title}が通常{compareAt}のところ{price}。{discount}OFFでお得です。',
      needs: ['title', 'price', 'compareAt', 'discount'],
      weight: 3,
    },
    { msg: '{title}が{discount}OFF。ぜひこの機会にどうぞ。', needs: ['discount', 'title'], weight: 2 },
    { msg: '{category}のラインナップから、あなたらしいスタイルを見つけてください。', needs: ['category'] },
    {
      msg: '{band, select, premium {長く愛用できる上質な{category}を厳選しました。} budget {お手頃な価格の{category}を取りそろえました。} other {毎日に寄り添う{category}を、心を込めて選びました。}}',
      needs: ['category'],
    },
    { msg: '{store}で{brand}をチェックして、お気に入りを見つけてください。', needs: ['brand', 'store'] },
    { msg: '{brand}の{title}で、自分へのご褒美を。', needs: ['title', 'brand'] },
    { msg: '{title}は{price}。オンラインで今すぐご注文いただけます。', needs: ['title', 'price'] },
    { msg: '{interest}が好きな方にぴったりです。', needs: ['interest'] },
    { msg: '{store}が選んだおすすめをぜひご覧ください。', needs: ['store'] },
    { msg: 'あなたのために選んだアイテムをぜひご覧ください。' },
    {
      msg: '{rfm, select, lapsed {お久しぶりです。あなたにぴったりのアイテムを選びました。} loyal {いつもご利用ありがとうございます。こちらもおすすめです。} other {おかえりなさい。あなたへのおすすめをご覧ください。}}',
      for: ['reengagement'],
      weight: 3,
    },
    {
      msg: '{store}で{title}をチェックしてみませんか。',
      needs: ['store', 'title'],
      for: ['reengagement'],
      weight: 2,
    },
    {
      msg: '{title}が新登場。{price}でお求めいただけます。',
      needs: ['title', 'price'],
      for: ['launch'],
      weight: 3,
    },
    { msg: '{brand}の新作、{title}をご紹介します。', needs: ['title', 'brand'], for: ['launch'], weight: 2 },
    {
      msg: '{category}の新作が入荷しました。いち早くチェックしてください。',
      needs: ['category'],
      for: ['launch'],
      weight: 2,
    },
    {
      msg: '{v, select, 0 {{title}は{price}でお求めいただけます。} 1 {{title}を{price}で手に入れませんか。} other {今日から{title}を{price}で。}}',
      needs: ['title', 'price'],
      variants: 3,
    },
    {
      msg: '{v, select, 0 {{category}の中から、新しいお気に入りを見つけてください。} 1 {あなたのスタイルに合わせて選んだ{category}です。} other {{category}との新しい出会いが待っています。}}',
      needs: ['category'],
      variants: 3,
    },
  ],
  cta: [
    {
      msg: '{objective, select, launch {新作を見る} reengagement {チェックする} other {今すぐ購入}}',
      weight: 2,
    },
    { msg: '購入する' },
    { msg: '商品を見る', needs: ['title'] },
    { msg: '注文する', needs: ['price'] },
    { msg: '詳しく見る' },
    { msg: 'もっと見る' },
  ],
  withTerm: ['{text}｜{term}', '{term}：{text}'],
  sentenceGap: '',
};
