// wink-eng-lite-web-model, loaded for what the builtin reads (sentences, tags, lemmas) and no more. The package's
// own loader is written for browsers and for many instances: it deep-copies its 3 MB core model through
// JSON.stringify/parse, decodes the packed lexicon with atob and a byte loop, and wink-nlp loads the sentiment and
// entity models (0.6 MB) whatever the pipe. Here the model's files are parsed once, base64 is decoded natively,
// and the unused annotations get empty machines: together a third to a half of `jfi generate`'s start-up.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import winkNLP, { type Model } from 'wink-nlp';

const require = createRequire(import.meta.url);
const DIST = path.dirname(require.resolve('wink-eng-lite-web-model'));
/** The annotations the builtin reads; its.pos and its.lemma need only these. */
export const PIPE = ['sbd', 'pos'];
/** An automaton that recognises nothing (wink-nlp's emptyModelJSON), for the annotations outside PIPE. */
const EMPTY_MACHINE = '[100,0,{"0":{}},{},{},{}]';

/** A feature of the core model: its values, and the index core() builds for the listed ones. */
interface Feature {
  list: string[];
  hash?: Record<string, number>;
  index?: number;
  intrinsicSize?: number;
  maxIndex?: number;
}

/** What core() reads and rewrites of eng-core-web-model.json; wink-nlp reads the rest. */
interface CoreModel {
  /** Base64 in the file, decoded in place. */
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
  /** Per feature: [word, mask, shift, 0 when the feature's values are listed in the model, 1 when extracted for unknown words]. */
  packing: { size: number; layout: Record<string, [number, number, number, number, number]>; efList?: string[] };
  features: Record<string, Feature>;
  pos: { hash: Record<string, number> };
}

function readModelFile(name: string): unknown {
  return JSON.parse(readFileSync(path.join(DIST, 'languages/cur/models', name), 'utf8'));
}

function uint32FromBase64(data: string): Uint32Array {
  const bytes = Buffer.from(data, 'base64');
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** The core model once wink-nlp has loaded it, for looking words up in its lexicon. */
let loaded: CoreModel | null = null;

/** read-core-model.js and load-core-model.js, on a model parsed for this one instance. */
function core(): CoreModel {
  const model = readModelFile('eng-core-web-model.json') as CoreModel;
  loaded = model;
  const { packing, features, pos } = model;
  model.lexicon = uint32FromBase64(model.lexicon as string);
  model.xpansions = uint32FromBase64(model.xpansions as string);
  const efList: string[] = (packing.efList = []);
  for (const f in packing.layout) {
    const [, mask, shift, listed, extracted] = packing.layout[f]!;
    const feature = features[f]!;
    if (listed === 0) {
      feature.hash = indexOf(feature.list);
      feature.intrinsicSize = feature.index = feature.list.length;
      feature.maxIndex = mask >>> shift;
    }
    if (extracted === 1) efList.push(f);
  }
  const lexeme = features.lexeme!;
  lexeme.hash = mapBackedIndexOf(lexeme.list);
  lexeme.intrinsicSize = lexeme.index = lexeme.list.length;
  // Each cluster of tags ("NOUN_PROPN"), as wink-nlp reads it: the set of the tags' indexes.
  const clusters: (string | Set<number>)[] = features.posClusters!.list;
  for (let k = 0; k < clusters.length; k++) clusters[k] = new Set((clusters[k] as string).split('_').map((tag: string) => pos.hash[tag] || 0));
  return model;
}

/**
 * The lexeme index (87,593 words) in a Map behind the object wink-nlp reads and writes by key: filling a Map takes
 * about half the time of adding as many keys to an object.
 */
function mapBackedIndexOf(list: string[]): Record<string, number> {
  const map = new Map<string, number>();
  for (let k = 0; k < list.length; k++) map.set(list[k]!, k);
  return new Proxy(Object.create(null) as Record<string, number>, {
    get: (_, key) => (typeof key === 'string' ? map.get(key) : undefined),
    set: (_, key, value: number) => (typeof key === 'string' ? (map.set(key, value), true) : false),
    has: (_, key) => typeof key === 'string' && map.has(key),
  });
}

function indexOf(list: string[]): Record<string, number> {
  const hash = Object.create(null) as Record<string, number>;
  for (let k = 0; k < list.length; k++) hash[list[k]!] = k;
  return hash;
}

function model(): Model {
  const part = (file: string) => require(path.join(DIST, file));
  const machines = (file: string) => readModelFile(file);
  const unused = () => ({ machines: [EMPTY_MACHINE], setter: () => undefined, transformers: [] });
  return {
    core,
    sbd: () => ({ machines: machines('eng-sbd-model.json'), setter: part('sbd-setter.js'), transformers: part('sbd-transformers.js') }),
    pos: () => ({ machines: machines('eng-pos-model.json'), setter: part('pos-setter.js'), updater: part('pos-updater.js'), transformers: part('pos-transformers.js') }),
    ner: () => ({ machines: [], transformers: [] }),
    negation: unused,
    sa: unused,
    metaCER: () => ({ machines: JSON.stringify(machines('eng-cer-meta-model.json')), transformers: part('cer-transformers.js') }),
    featureFn: part('feature.js'),
    addons: { stem: part('porter-stemmer.js'), lemmatize: part('lemmatize.js'), readabilityStats: part('readability-stats.js'), wordVectors: undefined },
  };
}

/** A wink-nlp instance annotating sentences, parts of speech and lemmas. */
export function loadNlp(): ReturnType<typeof winkNLP> {
  return winkNLP(model(), PIPE);
}

/**
 * Whether `word` is a base form in the model's own vocabulary ("stage", "validate"; not "staged", nor an unknown
 * "validat"), and when `tag` is given, one the lexicon allows that tag for ("stage" may be a VERB).
 */
export function isBaseForm(word: string, tag?: string): boolean {
  if (!loaded) return false;
  const { lexeme, posClusters } = loaded.features;
  const index = lexeme!.hash?.[word];
  if (index === undefined || index >= (lexeme!.intrinsicSize ?? 0)) return false;
  const lexicon = loaded.lexicon as Uint32Array;
  const read = (feature: string) => {
    const [at, mask, shift] = loaded!.packing.layout[feature]!;
    return (lexicon[at + index * loaded!.packing.size]! & mask) >>> shift;
  };
  if (read('isBaseForm') !== 1) return false;
  // core() turned each cluster of tags into the set of the tags' indexes.
  return !tag || (posClusters!.list[read('lexemeCID')] as unknown as Set<number>).has(loaded.pos.hash[tag]!);
}
