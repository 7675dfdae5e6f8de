/**
 * Accent and case folding shared by keyword search and the lexical embedder, so "Café", "cafe"
 * and "CAFÉ" meet. Compatibility-normalizes (full-width letters, ligatures), drops combining marks,
 * lower-cases, and spells out the few letters that do not decompose.
 */
const SPELLED: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
};
const SPELLED_RE = /[ßæœøđðþłı]/g;

export function foldText(text: string): string {
  return (
    text
      .normalize('NFKD')
      // Only marks on alphabetic scripts: Japanese voicing marks (ガ = カ + ゙) carry meaning.
      .replace(/([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu, '$1')
      .toLowerCase()
      .replace(SPELLED_RE, (c) => SPELLED[c] ?? c)
      .normalize('NFC')
  );
}
