// Abbreviations whose dot is not a full stop: the sentence splitter would end a sentence there ("the Finance Dept.
// checks it" → "checks it" without a subject), so they are spelled without it before any grammar.

// Latin and measure abbreviations, spelled out: "e.g." → "for example" keeps example asides recognisable.
const SPELLED: [RegExp, string][] = [
  [/\be\.\s?g\.(?=\s|,|$)/gi, 'for example'],
  [/\bi\.\s?e\.(?=\s|,|$)/gi, 'that is'],
  [/\b(?:[Aa]pprox|ca|appr)\.(?=\s+[\d a-z])/g, 'approximately'],
  [/\bvs\.(?=\s)/gi, 'versus'],
  [/\b([ap])\.m\.(?=\s+[a-z])/gi, '$1m'],
];
// Titles before a name never end a sentence.
const TITLES = /\b(Mr|Mrs|Ms|Dr|Prof|Mx|St)\.(?=\s+[A-Z])/g;
// "No. 5", "Nr. 12", "Art. 3", "p. 4": a number follows.
const NUMBERED = /\b(No|Nr|Art|Sec|Para|Fig|p|pp|Vol)\.(?=\s*\d)/g;
// Units and company forms: no full stop when the sentence goes on in lower case or with a comma.
const UNITS = /\b(Dept|Depts|Div|Inc|Ltd|Corp|Co|Bros|Mgmt|Admin|Assoc|Govt|Dep)\.(?=\s*[,;]|\s+[a-z])/g;

/** The text with non-final abbreviation dots gone ("Dept. checks" → "Dept checks", "e.g." → "for example"). */
export function spellAbbreviations(text: string): string {
  // ", e.g. by phone", ", i.e. she checks the quantity": an example or a restatement, not a further step.
  let out = text.replace(/,\s*(?:e\.\s?g\.|i\.\s?e\.|for example|for instance|namely)(?=[\s,])[^.;!?\n]*/gi, '');
  for (const [pattern, spelled] of SPELLED) out = out.replace(pattern, spelled);
  // "etc." ends a list: before a lower-case word it goes (with its comma); before a capital it ends the sentence.
  out = out.replace(/,?\s*\betc\b\.?(?=\s+[a-z]|\s*[,;)])/g, '').replace(/,?\s*\betc\b\.?/gi, '.');
  return out.replace(TITLES, '$1').replace(NUMBERED, '$1').replace(UNITS, '$1');
}
