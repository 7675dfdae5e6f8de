#!/usr/bin/env node
// Writes the tiny BERT-shaped test model into lib/embeddings/testing/models/tailor/tiny-bert/, so
// tests drive the real Transformers.js feature-extraction path on machines without a model hub.
// It proves the code path (tokenizer → ONNX session → pooling), not embedding quality: the
// weights are seeded noise. Deterministic: running it again writes byte-identical files.
//
//   npm run models:tiny
//
// The graph uses opset-13 primitives only (no LayerNormalization/Gelu fused ops), all supported
// by the onnxruntime-node 1.14 that @xenova/transformers 2.17 ships with.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, 'lib/embeddings/testing/models/tailor/tiny-bert');

const HIDDEN = 32;
const HEADS = 2;
const HEAD_DIM = HIDDEN / HEADS;
const INTERMEDIATE = 64;
const LAYERS = 2;
const MAX_POSITIONS = 128;
const TYPE_VOCAB = 2;
const EPS = 1e-12;

// ---------------------------------------------------------------- vocabulary
const SPECIAL = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
const WORDS = `
the a an and or of for with in on to by from new set size one two pack men women kids
shirt shirts linen cotton wool silk white black red blue green grey gray brown beige pink navy
leather boots boot shoes shoe sneakers dress skirt jacket coat jeans trousers shorts sweater hat
cap scarf bag bags belt socks mug cup tea coffee glass bottle plate bowl candle lamp chair table
vintage classic slim regular fit large small medium soft warm summer winter gift home garden kitchen
hemd hemden leinen baumwolle wolle weiss schwarz rot blau grun braun leder stiefel schuhe kleid rock
jacke mantel hose tasche gurtel socken becher tasse kaffee tee glas flasche teller lampe stuhl tisch
und oder mit fur der die das ein eine neu grosse klein herren damen kinder geschenk garten kuche
chemise chemises lin coton laine soie blanc blanche noir noire rouge bleu vert gris marron cuir
bottes chaussures robe jupe veste manteau pantalon sac ceinture chaussettes tasse the cafe verre
bouteille assiette bol bougie lampe chaise le la les un une et ou de du des avec pour nouveau taille
homme femme enfant cadeau jardin cuisine
`;
const PIECES = `s es ed ing er en e n ung chen heit keit ment tion ly ette eur euse ais aise ique
 ie in ine ir ure ee age al ful less ness able ig lich isch`;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';
const PUNCT = '.,;:!?-\'"()/&%+#*';

function buildVocab() {
  const tokens = [...SPECIAL];
  const add = (t) => {
    if (!tokens.includes(t)) tokens.push(t);
  };
  for (const w of WORDS.split(/\s+/).filter(Boolean)) add(w);
  for (const p of PIECES.split(/\s+/).filter(Boolean)) add(`##${p}`);
  // Single characters, alone and as continuations: any lower-case ASCII word can be segmented.
  for (const c of LETTERS) add(c);
  for (const c of LETTERS) add(`##${c}`);
  for (const c of PUNCT) add(c);
  return tokens;
}

// ---------------------------------------------------------------- seeded weights
// mulberry32, and Irwin–Hall sums instead of Box–Muller: integer and +,− arithmetic only, so the
// weights do not depend on a platform's Math.log/Math.cos.
function prng(seed) {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // Sum of 4 uniforms − 2 has variance 1/3; scale to unit variance.
  return () => (uniform() + uniform() + uniform() + uniform() - 2) * Math.sqrt(3);
}
const normal = prng(20240611);
const noise = (n, std, mean = 0) => Float32Array.from({ length: n }, () => mean + normal() * std);

// ---------------------------------------------------------------- graph helpers
const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;
const initializers = [];
const nodes = [];
let counter = 0;

function tensor(name, dims, data) {
  const bytes =
    data instanceof BigInt64Array
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  initializers.push(
    onnx.TensorProto.create({
      name,
      dims,
      dataType: data instanceof BigInt64Array ? INT64 : FLOAT,
      rawData: Buffer.from(bytes),
    }),
  );
  return name;
}
const ints = (name, values) => tensor(name, [values.length], BigInt64Array.from(values.map(BigInt)));
const scalar = (name, v) => tensor(name, [], Float32Array.of(v));

function attr(name, value) {
  if (Array.isArray(value))
    return onnx.AttributeProto.create({ name, type: onnx.AttributeProto.AttributeType.INTS, ints: value });
  if (Number.isInteger(value))
    return onnx.AttributeProto.create({ name, type: onnx.AttributeProto.AttributeType.INT, i: value });
  return onnx.AttributeProto.create({ name, type: onnx.AttributeProto.AttributeType.FLOAT, f: value });
}

/** Adds a node and returns its (single) output name. */
function op(opType, inputs, attrs = {}, output = `${opType.toLowerCase()}_${counter++}`) {
  nodes.push(
    onnx.NodeProto.create({
      opType,
      input: inputs,
      output: [output],
      name: output,
      attribute: Object.entries(attrs).map(([k, v]) => attr(k, v)),
    }),
  );
  return output;
}

function dense(x, prefix, inDim, outDim, std = 0.25) {
  const w = tensor(`${prefix}.weight`, [inDim, outDim], noise(inDim * outDim, std));
  const b = tensor(`${prefix}.bias`, [outDim], noise(outDim, 0.02));
  return op('Add', [op('MatMul', [x, w]), b]);
}

function layerNorm(x, prefix) {
  const gamma = tensor(`${prefix}.gamma`, [HIDDEN], noise(HIDDEN, 0.05, 1));
  const beta = tensor(`${prefix}.beta`, [HIDDEN], noise(HIDDEN, 0.05));
  const mean = op('ReduceMean', [x], { axes: [-1], keepdims: 1 });
  const centered = op('Sub', [x, mean]);
  const variance = op('ReduceMean', [op('Mul', [centered, centered])], { axes: [-1], keepdims: 1 });
  const std = op('Sqrt', [op('Add', [variance, 'eps'])]);
  return op('Add', [op('Mul', [op('Div', [centered, std]), gamma]), beta]);
}

/** GELU, the exact form: 0.5·x·(1 + erf(x/√2)). */
function gelu(x) {
  const erf = op('Erf', [op('Mul', [x, 'inv_sqrt2'])]);
  return op('Mul', [op('Mul', [x, op('Add', [erf, 'one'])]), 'half']);
}

function encoderLayer(x, maskAdd, l) {
  const p = `encoder.layer.${l}`;
  const heads = (t, perm) => op('Transpose', [op('Reshape', [t, 'heads_shape'])], { perm });
  const q = heads(dense(x, `${p}.attention.query`, HIDDEN, HIDDEN), [0, 2, 1, 3]);
  const k = heads(dense(x, `${p}.attention.key`, HIDDEN, HIDDEN), [0, 2, 3, 1]);
  const v = heads(dense(x, `${p}.attention.value`, HIDDEN, HIDDEN), [0, 2, 1, 3]);
  const scores = op('Add', [op('Mul', [op('MatMul', [q, k]), 'attn_scale']), maskAdd]);
  const probs = op('Softmax', [scores], { axis: -1 });
  const context = op('Reshape', [
    op('Transpose', [op('MatMul', [probs, v])], { perm: [0, 2, 1, 3] }),
    'hidden_shape',
  ]);
  const attended = layerNorm(
    op('Add', [dense(context, `${p}.attention.output`, HIDDEN, HIDDEN), x]),
    `${p}.attention.ln`,
  );
  const inner = gelu(dense(attended, `${p}.intermediate`, HIDDEN, INTERMEDIATE));
  const out = dense(inner, `${p}.output`, INTERMEDIATE, HIDDEN);
  return layerNorm(op('Add', [out, attended]), `${p}.output.ln`);
}

function buildGraph(vocabSize) {
  scalar('eps', EPS);
  scalar('one', 1);
  scalar('half', 0.5);
  scalar('inv_sqrt2', Math.SQRT1_2);
  scalar('attn_scale', 1 / Math.sqrt(HEAD_DIM));
  scalar('mask_value', -10000);
  ints('heads_shape', [0, 0, HEADS, HEAD_DIM]); // 0 = keep that dimension (batch, sequence)
  ints('hidden_shape', [0, 0, HIDDEN]);
  ints('mask_axes', [1, 2]);
  ints('zero', [0]);
  ints('one_i', [1]);
  ints('two_i', [2]);

  // Embeddings: word + position (rows 0..S-1 of the table) + token type, then layer norm.
  const words = op('Gather', [
    tensor('embeddings.word', [vocabSize, HIDDEN], noise(vocabSize * HIDDEN, 1)),
    'input_ids',
  ]);
  const seqLen = op('Slice', [op('Shape', ['input_ids']), 'one_i', 'two_i', 'zero']);
  const positionTable = tensor(
    'embeddings.position',
    [MAX_POSITIONS, HIDDEN],
    noise(MAX_POSITIONS * HIDDEN, 0.3),
  );
  const positions = op('Slice', [positionTable, 'zero', seqLen, 'zero']);
  const types = op('Gather', [
    tensor('embeddings.token_type', [TYPE_VOCAB, HIDDEN], noise(TYPE_VOCAB * HIDDEN, 0.3)),
    'token_type_ids',
  ]);
  let x = layerNorm(op('Add', [op('Add', [words, positions]), types]), 'embeddings.ln');

  // Padding never receives attention: (1 − mask) · −10000 added to the scores, shaped (B, 1, 1, S).
  const mask = op('Cast', ['attention_mask'], { to: FLOAT });
  const maskAdd = op('Unsqueeze', [op('Mul', [op('Sub', ['one', mask]), 'mask_value']), 'mask_axes']);

  for (let l = 0; l < LAYERS; l++) x = encoderLayer(x, maskAdd, l);
  op('Identity', [x], {}, 'last_hidden_state');

  const dims = (...names) => ({
    dim: names.map((n) => (typeof n === 'string' ? { dimParam: n } : { dimValue: n })),
  });
  const valueInfo = (name, elemType, shape) =>
    onnx.ValueInfoProto.create({ name, type: { tensorType: { elemType, shape } } });
  return onnx.GraphProto.create({
    name: 'tiny-bert',
    node: nodes,
    initializer: initializers,
    input: ['input_ids', 'attention_mask', 'token_type_ids'].map((n) =>
      valueInfo(n, INT64, dims('batch_size', 'sequence_length')),
    ),
    output: [valueInfo('last_hidden_state', FLOAT, dims('batch_size', 'sequence_length', HIDDEN))],
  });
}

// ---------------------------------------------------------------- files
function tokenizerJson(vocab) {
  const special = (id) => ({ id: vocab[id], type_id: 0 });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL.map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: special(2) },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: special(3) },
      ],
      pair: [
        { SpecialToken: special(2) },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: special(3) },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [2], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [3], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((t, i) => [t, i])),
    },
  };
}

function main() {
  const vocab = buildVocab();
  const model = onnx.ModelProto.create({
    irVersion: 7,
    opsetImport: [{ domain: '', version: 13 }],
    producerName: 'tailor scripts/models/make-tiny-bert.mjs',
    graph: buildGraph(vocab.length),
  });
  const bytes = onnx.ModelProto.encode(model).finish();

  const config = {
    _name_or_path: 'tailor/tiny-bert',
    architectures: ['BertModel'],
    model_type: 'bert',
    vocab_size: vocab.length,
    hidden_size: HIDDEN,
    num_hidden_layers: LAYERS,
    num_attention_heads: HEADS,
    intermediate_size: INTERMEDIATE,
    hidden_act: 'gelu',
    max_position_embeddings: MAX_POSITIONS,
    type_vocab_size: TYPE_VOCAB,
    layer_norm_eps: EPS,
    pad_token_id: 0,
  };
  const tokenizerConfig = {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    strip_accents: null,
    tokenize_chinese_chars: true,
    // Longer inputs are truncated to the position table, or the Slice above would come up short.
    model_max_length: MAX_POSITIONS,
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    mask_token: '[MASK]',
    clean_up_tokenization_spaces: true,
  };

  fs.mkdirSync(path.join(OUT, 'onnx'), { recursive: true });
  // Arrays of scalars on one line, as biome formats JSON, so regenerating leaves `npm run lint` clean.
  const jsonScalar = String.raw`(?:"(?:[^"\\]|\\.)*"|[-\w.]+)`;
  const scalarArray = new RegExp(String.raw`\[\n\s+(${jsonScalar}(?:,\n\s+${jsonScalar})*)\n\s*\]`, 'g');
  const json = (name, value) => {
    const text = JSON.stringify(value, null, 2).replace(
      scalarArray,
      (_, items) => `[${items.split(/,\n\s+/).join(', ')}]`,
    );
    fs.writeFileSync(path.join(OUT, name), `${text}\n`);
  };
  json('config.json', config);
  json('tokenizer_config.json', tokenizerConfig);
  json('tokenizer.json', tokenizerJson(vocab));
  // The same weights under both names: Transformers.js loads `model_quantized.onnx` by default.
  fs.writeFileSync(path.join(OUT, 'onnx/model.onnx'), bytes);
  fs.writeFileSync(path.join(OUT, 'onnx/model_quantized.onnx'), bytes);
  console.log(
    `tiny-bert: ${vocab.length} tokens, ${nodes.length} nodes, ${bytes.length} bytes per ONNX file → ${path.relative(ROOT, OUT)}`,
  );
}

main();
