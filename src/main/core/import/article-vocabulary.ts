import { levelFromText } from './levels';
import { BULLET, trimEndOf, type Heading } from './article-lines';

/**
 * The words of the article importer: which headings end the questions (tips, conclusion, share links), which name
 * a level, which start a question, and which lines are the page's furniture rather than an answer.
 */

const QUESTION_WORDS = new Set(
  `what what's whats why how how's when where which who whom whose explain describe define compare contrast
  differentiate distinguish difference differences discuss list name write implement design can could is are
  does do did should would will tell walk give outline suppose imagine your you mention state identify build
  optimize optimise debug handle show demonstrate`.split(/\s+/),
);

export function startsLikeQuestion(text: string): boolean {
  const first = /^[`*_"“']*([A-Za-z']+)/.exec(text)?.[1]?.toLowerCase() ?? '';
  return QUESTION_WORDS.has(first);
}

/** A short title-like item ("Django signals"), as opposed to a sentence. */
export function isShortTitle(text: string): boolean {
  return text.split(/\s+/).length <= 10 && !/[.:;,]$/.test(text);
}

const STOP_ANY_LENGTH =
  /^(?:tags?|article tags|share this|share on|share|posted in|filed under|categories|category|related|related posts|read also|also read|see also|read next)\s*:/i;
const STOP_PHRASES = [
  'tips',
  'tip',
  'pro tip',
  'pro tips',
  'interview tips',
  'bonus tips',
  'quick tips',
  'final tips',
  'tips for',
  'preparation tips',
  'how to prepare',
  'common mistakes',
  'common pitfalls',
  'mistakes to avoid',
  'pitfalls to avoid',
  'conclusion',
  'in conclusion',
  'final thoughts',
  'final words',
  'closing thoughts',
  'summary',
  'wrapping up',
  'wrap up',
  'wrap-up',
  'key takeaways',
  'takeaways',
  'share this',
  'share this article',
  'share this post',
  'related posts',
  'related articles',
  'related reading',
  'you may also like',
  'you might also like',
  'read more',
  'read next',
  'further reading',
  'resources',
  'references',
  'about the author',
  'comments',
  'leave a comment',
  'leave a reply',
  'subscribe',
  'newsletter',
  'table of contents',
  'contents',
  'follow us',
  'happy coding',
  'good luck',
  'next steps',
  'thanks for reading',
  'thank you for reading',
  'disclaimer',
  'faq about',
  'frequently asked questions about',
];

export function isStopHeading(h: Heading): boolean {
  const t = h.text
    .toLowerCase()
    .replace(/[*_`]/g, '')
    .replace(/^\d{1,3}[.)]\s+/, '')
    .trim();
  if (STOP_ANY_LENGTH.test(t)) return true;
  const colon = t.indexOf(':');
  if (colon >= 0 && t.slice(colon + 1).trim()) return false; // "Tip: use select_related" is answer text
  const body = trimEndOf(t, (c) => c === ':' || c === '.' || c === '!').trim();
  if (!body || body.split(/\s+/).length > 8) return false;
  if (/^(?:\w+ ){0,3}(?:resources|links|reading)$/.test(body)) return true; // "Additional Interview Resources"
  return STOP_PHRASES.some((p) => body === p || body.startsWith(`${p} `));
}

const LEVEL_CONTEXT = /\b(?:levels?|questions?|interview|section|part|round|tier|stage|q&a)\b/i;

export function levelHeading(h: Heading): string | null {
  const t = h.text.replace(/[*_`]/g, '').replace(/:$/, '').trim();
  if (!t || t.length > 80 || /[.?!,;]$/.test(t)) return null;
  const words = t.split(/\s+/);
  if (words.length > 9) return null;
  const level = levelFromText(t);
  if (!level) return null;
  if (words.length === 1) return level;
  if (LEVEL_CONTEXT.test(t)) return level;
  if ((h.depth !== null || h.emoji) && words.length <= 4) return level;
  return null;
}

/** A plain-text section title such as "Django ORM Questions" (short, no sentence punctuation, says "questions"). */
export function isTopicLine(h: Heading): boolean {
  const t = h.text;
  if (t.length > 80 || /[.?!,;:]$/.test(t)) return false;
  const words = t.split(/\s+/).length;
  if (words > 8) return false;
  return /\bquestions\b/i.test(t) && (h.bold || h.emoji || /^[A-Z0-9]/.test(t));
}

export function isTitleLike(h: Heading): boolean {
  if (h.depth === 1) return true;
  if (h.depth !== null && h.depth > 1) return false;
  const words = h.text.split(/\s+/).length;
  return h.text.length <= 150 && words >= 3 && !/[.?!,;:]$/.test(h.text) && !BULLET.test(h.text);
}

/** A heading of questions and answers about the article's subject, or about the interview itself. */
const FAQ_HEADING = /^(?:faqs?|frequently asked questions|(?:common|quick)?\s*questions? (?:and|&) answers?)$/i;

export function isFaqHeading(h: Heading): boolean {
  const t = trimEndOf(h.text.replace(/[*_`]/g, '').trim(), (c) => c === ':' || c === '.');
  return t.length <= 40 && FAQ_HEADING.test(t);
}

/**
 * A question about the interview, the reader or the article rather than the subject ("How long does it take to
 * prepare for a Django interview?", "Do I need to learn DRF too?"): in a FAQ section, that is the page's furniture.
 */
export function isAboutTheInterview(prompt: string): boolean {
  return (
    /\b(?:I|me|my|we|us)\b/.test(prompt) ||
    /\b(?:interviews?|interviewers?|prepare|preparing|preparation|these questions|this (?:article|post|guide)|jobs?|careers?|salary|salaries|position|resume|hiring|hired|course|certification)\b/i.test(
      prompt,
    )
  );
}

/**
 * The page's furniture at the end of the last answer: a sign-off, a call to subscribe or share, links to other
 * posts. Read on a line of prose; what follows it, up to the next question or heading, is left out.
 */
const FURNITURE =
  /^(?:hope (?:this|that|these|it) helps?\b|good luck\b|that'?s (?:it|all)(?:\b|[!.])|liked this\b|like this:|found this (?:useful|helpful|article)|was this (?:helpful|useful)|did you (?:find|like|enjoy) this|want more (?:practice|questions|like this|content|interview)|newsletter\b|subscribe\b|share (?:this|it)\b|also read\b|read next\b|if you (?:liked|enjoyed|found) this|thanks for reading|thank you for reading|happy (?:coding|learning|interviewing)|follow (?:me|us)\b|related posts?\b)/i;

export function isFurniture(text: string): boolean {
  const t = text.replace(/^[*_\s]+/, '').slice(0, 80);
  return FURNITURE.test(t);
}

/** A thematic break (`---`, `***`, `___`): in a blog post, what follows the last answer's break is not an answer. */
export function isThematicBreak(trimmed: string): boolean {
  return /^(?:-{3,}|\*{3,}|_{3,})$/.test(trimmed.replace(/ /g, '')) && trimmed.length < 80;
}
