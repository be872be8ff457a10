// What a query means, before it is searched. People do not type titles: they ask ("what is a
// LADO", "CSPR meaning"), misspell ("neglet"), name a level ("level two") or describe what is
// happening to them ("someone at my child's club grabbed him"). `understand` turns the typed
// words into what to search for and how to order what comes back, using the site's lexicon
// (search/lexicon.json, made at build time from the data: its words, the partnership's synonyms,
// its levels of need, its worried page and emergency line).
//
// The word lists below are plain English, not any partnership's data: what question words,
// possessives and words of harm are in the language, not in one site.

// Words that ask rather than name: "how do I refer a child" looks for "refer child".
const FILLER = new Set(
  ("a an and are as at be been being by can could do does did for from get got has have how i if in into is it its " +
    "just me my of on or our please should so some than that the their them then there these they this those to " +
    "us was we were what whats when where which who whom why will with would you your yours about any " +
    "i'm im i've ive i'd we're too much very really also he she him her his hers " +
    "go goes going went gone gets getting can't cant cannot don't dont won't wont isn't doesn't " +
    "someone somebody something anyone anybody anything")
    .split(" "),
);
// Words that ask what something means: the answer is a definition (a glossary entry).
const DEFINING = new Set(
  "meaning mean means meant definition definitions define defined stand stands explain explained abbreviation acronym".split(" "),
);
// "My", "our", "I'm": someone describing their own life, not a case.
const PERSONAL = new Set("my our i'm im i've ive myself we're were ourselves".split(" "));
// A child is in it.
const CHILD = new Set(
  ("child children childs child's kid kids son sons daughter daughters baby babies toddler boy boys girl girls " +
    "teen teens teenager teenagers grandchild grandson granddaughter nephew niece pupil pupils friend friends " +
    "brother sister stepson stepdaughter him her youngster")
    .split(" "),
);
// Harm now, or the fear of it.
const DANGER = new Set(
  ("hit hits hitting beat beats beating beaten grab grabbed grabs hurt hurts hurting hurted touch touched touches touching " +
    "abuse abused abusing attack attacked attacks threaten threatens threatened threatening kill killed kills " +
    "rape raped knife gun weapon bleeding blood unconscious suicide suicidal strangle strangled choke choked choking " +
    "kick kicked punch punched slap slapped burn burned burnt locked trapped danger dangerous unsafe scared afraid " +
    "frightened terrified missing runaway running ran groomed grooming naked nude nudes photos pictures sexual " +
    "alone neglected starving hungry dirty injured injury bruise bruises bruised")
    .split(" "),
);
// Asking whom to tell.
const REPORTING = new Set("report reporting worried worry worries concerned concern tell".split(" "));
// Asking what to do, not what a word means: the answer is a procedure or a decision flow.
const DOING = /\b(?:what (?:do|should|must) (?:i|we)|what to do|how (?:do|can|should|must) (?:i|we)|who (?:do|should) (?:i|we)|when (?:is|are|do|does|should|must)|how long|procedure|process|steps|deadline|timescales?)\b/;
// Asking for a service: "support for ...", "help with ...", "a drug service for teenagers".
const ASKING = /\b(?:help|support|advice|services?)\s+(?:for|with|to|on|about|getting|paying|finding)\b/;
// The one telling it is in it: "my ex threatens me", "I'm scared": their own route, not only the child's.
const SPEAKER = new Set("me i'm im myself".split(" "));
const NUMBERS = { one: "1", two: "2", three: "3", four: "4", five: "5", six: "6", i: "1", ii: "2", iii: "3", iv: "4", v: "5" };
const LEVEL = /\b(?:level|lvl|tier|threshold)\s*([0-9]+|one|two|three|four|five|six|iv|v|i{1,3})\b|\bl([1-9])\b/;

export const normalise = (text) =>
  text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/'s\b/g, "") // "a teenager's anxiety": the teenager's
    .replace(/[^\p{L}\p{N}']+/gu, " ")
    .replace(/(^| )'+|'+( |$)/g, " ")
    .trim();
// Words that say help is wanted, not what with: "help for young carers" is about young carers.
const WANTING = new Set("help support advice service services information info".split(" "));
// Who it is about, in a sentence about what is happening ("my dad drinks too much", "mum has
// depression"): the rest of the words say what the need is.
const WHO = new Set(
  ("mum mums mother mothers dad dads father fathers parent parents son sons daughter daughters child children " +
    "kid kids boy boys girl girls teenager teenagers teen teens baby babies toddler grandchild family")
    .split(" "),
);

/** What to search for, how to order the results, and what to say about the query. `found`: words
 * the index has although the lexicon does not (it holds names, not every word of every page): they
 * are never "corrected". */
export function understand(text, lexicon = {}, found = new Set()) {
  const words = normalise(text).split(" ").filter(Boolean);
  const vocabulary = lexicon.words || {};
  const level = findLevel(normalise(text), lexicon.levels || []);
  const defining = words.some((w) => DEFINING.has(w)) || /^(what|whats|what's) (is|are|does|do)\b|^(what's|whats) /.test(words.join(" "));
  const personal = words.some((w) => PERSONAL.has(w));
  const child = words.some((w) => CHILD.has(w));
  const danger = words.some((w) => DANGER.has(w));
  const reporting = words.some((w) => REPORTING.has(w));
  // The words that name the thing: without question words and definition words.
  let core = words.filter((w) => !FILLER.has(w) && !DEFINING.has(w) && w !== "s");
  if (!core.length) core = words.filter((w) => !DEFINING.has(w));
  if (!core.length) core = words;
  // The partnership's synonyms are words of its own, however few pages use them.
  const own = new Set([...found, ...(lexicon.synonyms || []).flat().flatMap((s) => s.split(" "))]);
  const corrected = correct(core, vocabulary, own);
  const searchWords = corrected || core;
  const meaning = terms(searchWords, lexicon.synonyms || []);
  const doing = DOING.test(words.join(" "));
  const wanting = ASKING.test(words.join(" "));
  return {
    words: searchWords,
    phrase: searchWords.join(" "),
    topic: searchWords.filter((w) => !WANTING.has(w)).join(" "),
    corrected: corrected ? corrected.join(" ") : null,
    terms: meaning,
    factors: factors(meaning),
    defining: defining && !doing,
    doing,
    personal,
    // A practitioner describing a child's situation ("bruising on a 3 month old"): neither asking
    // what a word means nor what to do, nor telling their own story.
    describing: !defining && !doing && !personal && !wanting && meaning.length >= 2 && meaning.some(about),
    danger: danger && (personal || child),
    wanting,
    // Someone worried about a child, in their own words: the worried page first (unless they are in
    // danger themselves: then the help for them comes first, with the emergency line above it).
    worried: Boolean(lexicon.worried) && child && (danger || reporting) && (personal || reporting) && !(danger && words.some((w) => SPEAKER.has(w))),
    level,
  };
}

const AGE = new Set("year years month months week weeks old aged age".split(" "));
// A term naming a person ("teenager", or "young person", whose other form is "teenager").
const about = (term) => [term.text, ...term.alternatives].some((form) => WHO.has(form) || CHILD.has(form));

/** How much each term counts, where the query has other terms: a number ("a 3 month old": pages
 * say "a baby") and a word of wanting count little in finding results and not at all in ordering
 * them, the person it is about half; every other term fully. A term that counts less is not missed where a
 * result lacks it. */
function factors(terms) {
  const out = {};
  // An age ("a 15 year old") says who it is about, as "teenager" would.
  const aged = (i) => AGE.has(terms[i].text) && !terms[i].alternatives.length && i > 0 && (/^\d+$/.test(terms[i - 1].text) || aged(i - 1));
  const lesser = (t, i) =>
    /^\d+$/.test(t.text) || WANTING.has(t.text) ? 0.3 : aged(i) || [t.text, ...t.alternatives].some((f) => WHO.has(f)) ? 0.5 : 1;
  if (terms.every((t, i) => lesser(t, i) < 1)) return out;
  terms.forEach((t, i) => {
    if (lesser(t, i) < 1) out[t.text] = lesser(t, i);
  });
  return out;
}

function findLevel(text, levels) {
  const match = LEVEL.exec(text);
  if (!match) return null;
  const id = NUMBERS[match[1]] || match[1] || match[2];
  return levels.find((level) => String(level.id) === id) || null;
}

// A word the site does not have is corrected to the nearest one it has (one edit in a short word,
// two in a long one; the commoner wins a tie), or split in two ("foodbank"), or joined with the
// next ("child line"). Nothing changes when every word is known.
function correct(words, vocabulary, found) {
  let changed = false;
  const out = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const next = words[i + 1];
    const isKnown = (w) => known(w, vocabulary) || found.has(w);
    if (next && (word + next) in vocabulary && !(isKnown(word) && isKnown(next))) {
      out.push(word + next);
      i += 1;
      changed = true;
      continue;
    }
    if (isKnown(word)) {
      out.push(word);
      continue;
    }
    const split = splitWord(word, vocabulary);
    const near = split ? null : nearest(word, vocabulary);
    if (split || near) {
      out.push(...(split || [near]));
      changed = true;
    } else out.push(word);
  }
  return changed ? out : null;
}

/** Words of a query that the lexicon lacks and that would be corrected: to look for in the index
 * before `understand` (a word some page has is not a misspelling). */
export const unknownWords = (text, lexicon = {}) =>
  normalise(text)
    .split(" ")
    .filter((w) => w && !known(w, lexicon.words || {}) && !DEFINING.has(w) && nearest(w, lexicon.words || {}));

const known = (word, vocabulary) => word in vocabulary || /\d/.test(word) || word.length < 4 || FILLER.has(word);

function splitWord(word, vocabulary) {
  for (let cut = 3; cut <= word.length - 3; cut++) {
    const a = word.slice(0, cut);
    const b = word.slice(cut);
    if (a in vocabulary && b in vocabulary) return [a, b];
  }
  return null;
}

function nearest(word, vocabulary) {
  const limit = word.length <= 5 ? 1 : 2;
  let best = null;
  let bestDistance = limit + 1;
  let bestCount = 0;
  for (const [candidate, count] of Object.entries(vocabulary)) {
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const d = distance(word, candidate, limit);
    if (d < bestDistance || (d === bestDistance && count > bestCount)) {
      best = candidate;
      bestDistance = d;
      bestCount = count;
    }
  }
  return bestDistance <= limit ? best : null;
}

// Edits between two words (insert, delete, replace, swap two neighbours), stopping past `limit`.
export function distance(a, b, limit = Infinity) {
  const rows = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      row.push(d);
      smallest = Math.min(smallest, d);
    }
    if (smallest > limit) return limit + 1;
    rows.push(row);
  }
  return rows[a.length][b.length];
}

// Rough English stems, to match a synonym whatever its ending ("drinks" is in [drink, alcohol]):
// the index stems words itself, so this only has to find the group.
export const stem = (word) => word.replace(/(?:ing|ed|es|s)$/, (end) => (word.length - end.length >= 3 ? "" : end));

// What to look for: each word, or a phrase that is one of the partnership's synonyms ("low mood"),
// with the words and phrases that mean the same. A result that has a term in any of its forms has it.
function terms(words, synonyms) {
  const stems = words.map(stem);
  const taken = new Array(words.length).fill(false);
  const found = [];
  const phrases = synonyms
    // The query has lost its filler words ("somewhere safe to stay": "somewhere safe stay"): so does the phrase.
    .flatMap((group) => group.map((member) => ({ member, group, parts: member.split(" ").filter((w) => !FILLER.has(w)).map(stem) })))
    .filter(({ parts }) => parts.length)
    .sort((a, b) => b.parts.length - a.parts.length);
  for (const { member, group, parts } of phrases) {
    for (let i = 0; i + parts.length <= words.length; i++) {
      if (taken.slice(i, i + parts.length).some(Boolean)) continue;
      if (!parts.every((part, k) => part === stems[i + k])) continue;
      for (let k = 0; k < parts.length; k++) taken[i + k] = true;
      found.push({ at: i, text: words.slice(i, i + parts.length).join(" "), alternatives: group.filter((m) => m !== member) });
    }
  }
  words.forEach((word, i) => taken[i] || found.push({ at: i, text: word, alternatives: [] }));
  return found.sort((a, b) => a.at - b.at).map(({ text, alternatives }) => ({ text, alternatives: alternatives.slice(0, 4) }));
}

// How well one result answers the query, from what the index returned for it: each term (in any of
// its forms) counts its rarity, fully in the result's title, names or keywords, less in its text
// (and less again in a long text: a page that lists everything has every word); a result with every
// term counts half as much again, where it has them by name (a long page has every word somewhere).
// A word that counts less (see `factors`) is not missed where it is not found. `rarity` is each
// term's weight (rarer: higher, and less for a word that counts less).
export function relevance(meant, data, rarity) {
  const named = words(`${data.meta.title || ""} ${(data.meta.names || "").replace(/\|/g, " ")} ${(data.meta.keywords || "").replace(/\|/g, " ")}`);
  const content = words(data.content || "");
  const damping = 1 + 0.5 * Math.log2(1 + content.size / 80);
  let score = 0;
  let all = true;
  let bonus = 0;
  for (const term of meant.terms) {
    if ((meant.factors || {})[term.text] === 0.3) continue; // "help", "3": said by every result, or by none
    const weight = rarity.get(term.text) || 1;
    const forms = [term.text, ...term.alternatives];
    if (forms.some((form) => has(named, form))) {
      score += weight;
      bonus += weight;
    } else if (forms.some((form) => has(content, form))) {
      score += (0.6 * weight) / damping;
      bonus += weight / damping;
    } else if (!(meant.factors || {})[term.text]) all = false;
  }
  return score + (all && meant.terms.length > 1 ? 0.5 * bonus : 0) + together(meant, data, rarity, damping);
}

// Two terms of the query side by side in a result ("scared to go home", "cannot afford food") say
// more than the same words apart: a quarter of their weight again, in a name or keyword, or less
// in the text (as much less as a word there).
function together(meant, data, rarity, damping) {
  const named = [data.meta.title || "", ...(data.meta.names || "").split("|"), ...(data.meta.keywords || "").split("|")].map(sequence);
  let content = null;
  let score = 0;
  const factors = meant.factors || {};
  for (let i = 0; i + 1 < meant.terms.length; i++) {
    const [a, b] = [meant.terms[i], meant.terms[i + 1]];
    if (factors[a.text] === 0.3 || factors[b.text] === 0.3) continue;
    const weight = 0.25 * ((rarity.get(a.text) || 1) + (rarity.get(b.text) || 1));
    const pairs = forms(a).flatMap((x) => forms(b).map((y) => [...x, ...y]));
    if (named.some((seq) => pairs.some((pair) => within(seq, pair)))) score += weight;
    else {
      content = content || sequence(data.content || "");
      if (pairs.some((pair) => within(content, pair))) score += weight / damping;
    }
  }
  return score;
}

const sequence = (text) => normalise(text).split(" ").filter((w) => w && !FILLER.has(w)).map(stem);
const forms = (term) => [term.text, ...term.alternatives].map(sequence).filter((f) => f.length);
const alike = (word, s) => word === s || (s.length >= 4 && word.startsWith(s) && word.length - s.length <= 3);

function within(seq, words) {
  for (let i = 0; i + words.length <= seq.length; i++) if (words.every((w, k) => alike(seq[i + k], w))) return true;
  return false;
}

const words = (text) => new Set(normalise(text).split(" ").filter(Boolean).map(stem));

function has(set, form) {
  return form.split(" ").every((word) => {
    const s = stem(word);
    if (set.has(s)) return true;
    if (s.length < 4) return false;
    for (const w of set) if (w.startsWith(s) && w.length - s.length <= 3) return true;
    return false;
  });
}
