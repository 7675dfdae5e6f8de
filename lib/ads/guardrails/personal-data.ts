/**
 * `personal_data`: ad copy goes to strangers, so it never carries an e-mail address, a phone
 * number, a street address, a link with a query string (which can carry a shopper id) or an
 * unfilled merge tag ({{first_name}}, %FNAME%, *|FNAME|*) that a mailer or model left behind.
 */
import type { Candidate, CheckResult, GuardrailContext } from '@/lib/ads/types';
import { copyTexts, quote, verdict } from './text';

const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
const QUERY_URL_RE =
  /(?:https?:\/\/|www\.)[^\s?]*\?[^\s]*|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\/[^\s?]*\?[^\s]*=/iu;
const PHONE_RE = /(?<![\p{L}\p{N}])(?:\+|00)?\d(?:[\d ().\-/\u00a0]{5,}\d)(?![\p{N}])/gu;
const MERGE_TAG_RES = [
  /\{\{[^{}]{1,60}\}\}/u,
  /\*\|[A-Za-z0-9_:-]{1,40}\|\*/u,
  /%[A-Z][A-Z0-9_]{1,30}%/u,
  /[[{<]\s*(?:first|last|full|user|customer|contact)?[_ .-]?(?:name|firstname|lastname|email|e-mail|phone|address|vorname|nachname|prenom|nom)\s*[\]}>]/iu,
];
const ADDRESS_RES = [
  // 12 Main Street, 221B Baker St. (capitalised, so "5 ways to hit the road" is no address)
  /(?<![\p{L}\p{N}])\d{1,5}[A-Za-z]?,?\s+(?:\p{Lu}[\p{L}'-]*\s+){1,3}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Lane|Boulevard|Blvd\.?|Drive|Dr\.)(?![\p{L}])/u,
  /(?<![\p{L}\p{N}])\d{1,5}[a-z]?,?\s+(?:rue|avenue|boulevard|bd|chemin|allée|place)\s+\p{L}/iu,
  // Hauptstraße 5, Kerkstraat 12, Via Roma 3, Calle Mayor 10, Rua Augusta 20
  /\p{L}*(?:straße|strasse|str\.|gasse|weg|allee|platz|straat|laan|gracht|plein)\s\d{1,5}[a-z]?(?![\p{N}])/iu,
  /(?<![\p{L}])(?:via|viale|piazza|calle|avenida|plaza|rua|travessa|largo)\s+(?:[\p{L}'-]+\s+){1,3}\d{1,5}(?![\p{N}])/iu,
  // 〒100-0001, 東京都千代田区1丁目2番地, 中山路123号, 테헤란로 123
  /〒\s?\d{3}-?\d{4}/u,
  /\d+\s?(?:丁目|番地|号室)/u,
  /[\p{Script=Han}](?:路|街|道)\d+号/u,
  /\p{Script=Hangul}(?:로|길)\s?\d{1,4}(?:번길)?(?![\p{N}.,]|\s?[%％원개명일시년월분배위])/u,
];

function digits(text: string): number {
  return text.replace(/\D/g, '').length;
}

/** "2024-2025", "1998/2026": a span of years, not a phone number. */
const YEAR_SPAN_RE = /^(?:19|20)\d{2} ?[-/] ?(?:19|20)\d{2}$/;

function isPhone(match: string): boolean {
  const m = match.trim();
  return digits(m) >= 8 && !YEAR_SPAN_RE.test(m);
}

/** One failure per kind of personal data per text, or one passed result. Never throws. */
export function checkPersonalData(candidate: Candidate, ctx: GuardrailContext): CheckResult[] {
  const failures: { reason: string; field: string }[] = [];
  for (const t of copyTexts(candidate, ctx.channel)) {
    const text = t.text.normalize('NFKC');
    const add = (what: string, match: string) =>
      failures.push({ reason: `${t.label} contains ${what} (${quote(match, 30)})`, field: t.field });
    const email = EMAIL_RE.exec(text);
    if (email) add('an e-mail address', email[0]);
    const url = QUERY_URL_RE.exec(text);
    if (url) add('a link with a query string, which can carry personal data', url[0]);
    // Phone numbers: 8+ digits with phone punctuation; prices ("1.234,56") have fewer digits.
    const phone = [...text.matchAll(PHONE_RE)].find((m) => isPhone(m[0]) && !url?.[0].includes(m[0]));
    if (phone) add('a phone number', phone[0].trim());
    for (const re of MERGE_TAG_RES) {
      const tag = re.exec(text);
      if (tag) {
        add('a personalization placeholder', tag[0]);
        break;
      }
    }
    for (const re of ADDRESS_RES) {
      const address = re.exec(text);
      if (address) {
        add('what looks like a street address', address[0]);
        break;
      }
    }
  }
  return verdict('personal_data', failures);
}
