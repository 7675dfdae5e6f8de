/**
 * Simplified Chinese copy. No spaces between words, full-width punctuation (，。：！);
 * Google counts every character twice, so search headlines stay within 15 characters.
 */
import type { PhraseTable } from './types';

export const zh: PhraseTable = {
  short: [
    { msg: '{title}', needs: ['title'], weight: 2 },
    { msg: '{title}售价{price}', needs: ['title', 'price'], weight: 2 },
    { msg: '{title}立减{discount}', needs: ['discount', 'title'], weight: 3 },
    { msg: '立享{discount}优惠', needs: ['discount'], weight: 2 },
    { msg: '原价{compareAt}，现价{price}', needs: ['price', 'compareAt'], weight: 2 },
    { msg: '立即选购{title}', needs: ['title'] },
    { msg: '{price}入手{title}', needs: ['title', 'price'] },
    { msg: '{brand}精选{category}', needs: ['category', 'brand'] },
    { msg: '探索{brand}', needs: ['brand'] },
    { msg: '{store}精选{category}', needs: ['category', 'store'] },
    {
      msg: '{band, select, premium {高端{category}} budget {平价好物：{category}} other {{category}好物推荐}}',
      needs: ['category'],
    },
    { msg: '{interest}爱好者必看', needs: ['interest'] },
    { msg: '为你推荐：{title}', needs: ['title'] },
    { msg: '为你精选好物' },
    { msg: '立即前往{store}选购', needs: ['store'] },
    { msg: '发现你的心头好' },
    {
      msg: '{rfm, select, lapsed {好久不见，我们想你了} loyal {感谢一路相伴} other {欢迎回来}}',
      for: ['reengagement'],
      weight: 3,
    },
    { msg: '欢迎回到{store}', needs: ['store'], for: ['reengagement'], weight: 2 },
    { msg: '期待与你再次相见', for: ['reengagement'], weight: 2 },
    { msg: '新品上市：{title}', needs: ['title'], for: ['launch'], weight: 3 },
    { msg: '全新登场：{title}', needs: ['title'], for: ['launch'], weight: 2 },
    { msg: '{brand}新品', needs: ['brand'], for: ['launch'], weight: 2 },
    { msg: '{category}上新啦', needs: ['category'], for: ['launch'], weight: 2 },
    {
      msg: '{v, select, 0 {精选：{title}} 1 {焦点推荐：{title}} 2 {专属推荐：{title}} other {值得一看：{title}}}',
      needs: ['title'],
      variants: 4,
    },
    {
      msg: '{v, select, 0 {探索{category}} 1 {日常{category}} other {{category}灵感}}',
      needs: ['category'],
      variants: 3,
    },
    { msg: '{v, select, 0 {总有一款适合你} 1 {你的风格你做主} other {为你的风格而选}}', variants: 3 },
    {
      msg: '{v, select, 0 {欢迎回来：{title}} 1 {很高兴再次见到你} other {再来看看吧}}',
      needs: ['title'],
      for: ['reengagement'],
      variants: 3,
      weight: 2,
    },
    {
      msg: '{v, select, 0 {新品首发：{title}} 1 {现已上市：{title}} other {隆重登场：{title}}}',
      needs: ['title'],
      for: ['launch'],
      variants: 3,
      weight: 2,
    },
  ],
  long: [
    { msg: '{title}，售价{price}，快来看看吧。', needs: ['title', 'price'], weight: 2 },
    {
      msg: '{title}原价{compareAt}，现价{price}，立减{discount}。',
      needs: ['title', 'price', 'compareAt', 'discount'],
      weight: 3,
    },
    { msg: '{title}立减{discount}，今天就下单吧。', needs: ['discount', 'title'], weight: 2 },
    { msg: '浏览我们的{category}，找到属于你的风格。', needs: ['category'] },
    {
      msg: '{band, select, premium {精选高端{category}，经典耐看。} budget {平价{category}，好看又实惠。} other {日常必备的{category}，为你用心挑选。}}',
      needs: ['category'],
    },
    { msg: '在{store}选购{brand}，发现你的下一件心头好。', needs: ['brand', 'store'] },
    { msg: '{brand}的{title}，犒劳一下自己吧。', needs: ['title', 'brand'] },
    { msg: '{title}售价{price}，立即在线下单。', needs: ['title', 'price'] },
    { msg: '喜欢{interest}的你，一定不要错过。', needs: ['interest'] },
    { msg: '来{store}看看我们为你准备的推荐。', needs: ['store'] },
    { msg: '看看我们为你精心挑选的好物。' },
    {
      msg: '{rfm, select, lapsed {好久不见！我们为你挑选了一些好物。} loyal {感谢你一直以来的支持，这些你可能会喜欢。} other {欢迎回来！快来看看我们为你挑选的推荐。}}',
      for: ['reengagement'],
      weight: 3,
    },
    { msg: '回到{store}，看看{title}吧。', needs: ['store', 'title'], for: ['reengagement'], weight: 2 },
    { msg: '{title}新品上市，售价{price}。', needs: ['title', 'price'], for: ['launch'], weight: 3 },
    { msg: '{brand}全新推出{title}，快来了解。', needs: ['title', 'brand'], for: ['launch'], weight: 2 },
    { msg: '{category}上新啦，抢先一睹为快。', needs: ['category'], for: ['launch'], weight: 2 },
    {
      msg: '{v, select, 0 {{title}，{price}即可带回家。} 1 {{title}现售{price}，欢迎选购。} other {今天就以{price}入手{title}吧。}}',
      needs: ['title', 'price'],
      variants: 3,
    },
    {
      msg: '{v, select, 0 {在我们的{category}中找到你的新宠。} 1 {这些{category}，为你的风格精心挑选。} other {来看看{category}为你准备了什么。}}',
      needs: ['category'],
      variants: 3,
    },
  ],
  cta: [
    { msg: '{objective, select, launch {查看新品} reengagement {去看看} other {立即购买}}', weight: 2 },
    { msg: '立即选购' },
    { msg: '查看商品', needs: ['title'] },
    { msg: '立即下单', needs: ['price'] },
    { msg: '了解更多' },
    { msg: '查看更多' },
  ],
  withTerm: ['{text}｜{term}', '{term}：{text}'],
  sentenceGap: '',
};
