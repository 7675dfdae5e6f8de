#!/usr/bin/env node
// Writes the tiny GPT-2-shaped test model into lib/ads/testing/models/tailor/tiny-gpt2/, so the
// local ad-copy provider's tests drive the real Transformers.js text-generation path (byte-level
// BPE tokenizer → decoder_model_merged.onnx with a key/value cache → sampling → decoding) on
// machines without a model hub. The weights are seeded noise: what it writes is word salad.
// Deterministic: running it again writes byte-identical files.
//
//   npm run models:tiny-gpt2
//
// The graph is not a transformer. Per layer it projects the new tokens to keys and values,
// appends them to the cache (present.N.* = concat(past_key_values.N.*, new)), and mixes the
// mask-weighted mean of the cached values back into the hidden state, so the next token depends
// on the whole context. Logits use the token embeddings (tied, as in GPT-2) plus a bias that
// favours ASCII letters, spaces and newlines, so the noise decodes to printable text.
// Opset-13 primitives only, all supported by the onnxruntime-node 1.14 of @xenova/transformers 2.17.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, 'lib/ads/testing/models/tailor/tiny-gpt2');

const N_EMBD = 32;
const N_HEAD = 2;
const HEAD_DIM = N_EMBD / N_HEAD;
const N_LAYER = 2;
const N_POSITIONS = 1024;
const MERGES = 240;
const EOS = '<|endoftext|>';

// ---------------------------------------------------------------- byte-level BPE vocabulary
// GPT-2's byte ↔ printable-character table: every byte has a visible stand-in, so any UTF-8
// text (Japanese prompts included) tokenizes without an unknown token.
function bytesToUnicode() {
  const keep = [];
  for (let b = 33; b <= 126; b++) keep.push(b);
  for (let b = 161; b <= 172; b++) keep.push(b);
  for (let b = 174; b <= 255; b++) keep.push(b);
  const map = new Map();
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    map.set(b, String.fromCodePoint(keep.includes(b) ? b : 256 + extra++));
  }
  return map;
}
const BYTE = bytesToUnicode();

// A small corpus of shop words in a few languages: the merges learned from it give the
// vocabulary some whole words, as a real tokenizer has.
const CORPUS = `
new arrivals for you shop now discover the collection free returns limited offer save today
our best linen shirts cotton dresses wool sweaters leather boots for men women and kids
classic fit summer sale winter warm soft gift ideas home kitchen garden coffee tea mugs
neue kollektion jetzt kaufen entdecken hemden aus leinen schuhe taschen für damen und herren
nouvelle collection découvrez nos chemises en lin robes chaussures sacs pour femme et homme
nueva colección descubre camisas de lino vestidos zapatos para mujer y hombre compra ahora
nuova collezione scopri camicie di lino scarpe borse per donna e uomo acquista ora
nieuwe collectie ontdek linnen overhemden schoenen tassen voor dames en heren koop nu
nova coleção descubra camisas de linho sapatos bolsas para mulher e homem compre agora
`;

function learnMerges() {
  // Words as GPT-2 sees them: a leading space becomes part of the word ("Ġshop").
  const words = new Map();
  for (const w of CORPUS.split(/\s+/).filter(Boolean)) {
    const symbols = [...Buffer.from(` ${w}`, 'utf8')].map((b) => BYTE.get(b));
    const key = symbols.join('\u0000');
    words.set(key, { symbols, count: (words.get(key)?.count ?? 0) + 1 });
  }
  const merges = [];
  for (let m = 0; m < MERGES; m++) {
    const pairs = new Map();
    for (const { symbols, count } of words.values()) {
      for (let i = 0; i + 1 < symbols.length; i++) {
        const pair = `${symbols[i]} ${symbols[i + 1]}`;
        pairs.set(pair, (pairs.get(pair) ?? 0) + count);
      }
    }
    // Most frequent pair; ties broken by the pair's text, so the result never depends on Map order.
    let best = null;
    for (const [pair, n] of pairs) {
      if (!best || n > best[1] || (n === best[1] && pair < best[0])) best = [pair, n];
    }
    if (!best || best[1] < 2) break;
    merges.push(best[0]);
    const [a, b] = best[0].split(' ');
    for (const word of words.values()) {
      const next = [];
      for (let i = 0; i < word.symbols.length; i++) {
        if (word.symbols[i] === a && word.symbols[i + 1] === b) {
          next.push(a + b);
          i++;
        } else next.push(word.symbols[i]);
      }
      word.symbols = next;
    }
  }
  return merges;
}

function buildVocab(merges) {
  const tokens = [...BYTE.values()];
  for (const merge of merges) {
    const token = merge.replace(' ', '');
    if (!tokens.includes(token)) tokens.push(token);
  }
  tokens.push(EOS);
  return tokens;
}

// ---------------------------------------------------------------- seeded weights
// mulberry32 and Irwin–Hall sums: integer and +,− arithmetic only, so the weights do not depend
// on a platform's Math.log/Math.cos.
function prng(seed) {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => (uniform() + uniform() + uniform() + uniform() - 2) * Math.sqrt(3);
}
const normal = prng(20261129);
const noise = (n, std, mean = 0) => Float32Array.from({ length: n }, () => mean + normal() * std);

const UNICODE_TO_BYTE = new Map([...BYTE].map(([b, c]) => [c, b]));

/** The logit bias of a token: printable ASCII words are likely, stray bytes and the end token rare. */
function tokenBias(token) {
  if (token === EOS) return -10; // rarely ends early: max_new_tokens ends it
  const bytes = [...token].map((c) => UNICODE_TO_BYTE.get(c) ?? 0);
  // Newlines often, so the local provider's fallback has lines to split into fields.
  if (bytes.length === 1 && bytes[0] === 10) return 5.5;
  if (bytes.every((b) => (b >= 97 && b <= 122) || b === 32)) return 3;
  // Brackets never: an accidental "[5]" or "{}" would read as (useless) JSON instead of lines.
  if (bytes.some((b) => b === 91 || b === 93 || b === 123 || b === 125)) return -12;
  if (bytes.every((b) => b >= 32 && b <= 126)) return 0.5;
  return -6;
}

// ---------------------------------------------------------------- graph helpers
const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;
const initializers = [];
const nodes = [];
let counter = 0;

function tensor(name, dims, data) {
  initializers.push(
    onnx.TensorProto.create({
      name,
      dims,
      dataType: data instanceof BigInt64Array ? INT64 : FLOAT,
      rawData: Buffer.from(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)),
    }),
  );
  return name;
}
const ints = (name, values) => tensor(name, [values.length], BigInt64Array.from(values.map(BigInt)));

function attr(name, value) {
  if (Array.isArray(value))
    return onnx.AttributeProto.create({ name, type: onnx.AttributeProto.AttributeType.INTS, ints: value });
  return onnx.AttributeProto.create({ name, type: onnx.AttributeProto.AttributeType.INT, i: value });
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

/** (B, S, E) → (B, H, S, D), the cache layout GPT-2's ONNX export uses. */
function toHeads(x, prefix) {
  const w = tensor(`${prefix}.weight`, [N_EMBD, N_EMBD], noise(N_EMBD * N_EMBD, 0.3));
  return op('Transpose', [op('Reshape', [op('MatMul', [x, w]), 'heads_shape'])], { perm: [0, 2, 1, 3] });
}

function layer(x, maskWeights, maskSum, l) {
  const p = `h.${l}`;
  const key = op(
    'Concat',
    [`past_key_values.${l}.key`, toHeads(x, `${p}.k`)],
    { axis: 2 },
    `present.${l}.key`,
  );
  const value = op(
    'Concat',
    [`past_key_values.${l}.value`, toHeads(x, `${p}.v`)],
    { axis: 2 },
    `present.${l}.value`,
  );
  // Mask-weighted mean over every cached position: (B, H, T, D) → (B, H, 1, D) → (B, 1, E).
  const summed = op('ReduceSum', [op('Mul', [value, maskWeights]), 'axis_2'], { keepdims: 1 });
  const mean = op('Div', [summed, maskSum]);
  const context = op('Reshape', [op('Transpose', [mean], { perm: [0, 2, 1, 3] }), 'hidden_shape']);
  // The keys only feed the cache (a real model attends with them); adding their mean keeps the
  // node used, so onnxruntime does not prune it and the output shapes stay as declared.
  const keyMean = op('Reshape', [
    op(
      'Transpose',
      [op('Div', [op('ReduceSum', [op('Mul', [key, maskWeights]), 'axis_2'], { keepdims: 1 }), maskSum])],
      {
        perm: [0, 2, 1, 3],
      },
    ),
    'hidden_shape',
  ]);
  const mixed = op('Add', [op('Add', [x, context]), op('Mul', [keyMean, 'small'])]);
  const w = tensor(`${p}.mlp.weight`, [N_EMBD, N_EMBD], noise(N_EMBD * N_EMBD, 0.3));
  return op('Tanh', [op('MatMul', [mixed, w])]);
}

function buildGraph(vocab) {
  const V = vocab.length;
  ints('heads_shape', [0, 0, N_HEAD, HEAD_DIM]); // 0 = keep that dimension (batch, sequence)
  ints('hidden_shape', [0, 0, N_EMBD]);
  ints('mask_axes', [1, 3]);
  ints('axis_2', [2]);
  tensor('small', [], Float32Array.of(0.1));
  tensor('logit_scale', [], Float32Array.of(0.35));

  const wte = tensor('wte', [V, N_EMBD], noise(V * N_EMBD, 1));
  let x = op('Gather', [wte, 'input_ids']);
  // attention_mask (B, T) → weights (B, 1, T, 1) and their sum per batch row (B, 1, 1, 1).
  const maskWeights = op('Unsqueeze', [op('Cast', ['attention_mask'], { to: FLOAT }), 'mask_axes']);
  const maskSum = op('ReduceSum', [maskWeights, 'axis_2'], { keepdims: 1 });
  for (let l = 0; l < N_LAYER; l++) x = layer(x, maskWeights, maskSum, l);
  // Scaled down so the bias, not the noise, decides what kind of token comes next.
  const scores = op('Mul', [op('MatMul', [x, op('Transpose', [wte], { perm: [1, 0] })]), 'logit_scale']);
  op('Add', [scores, tensor('lm_bias', [V], Float32Array.from(vocab, tokenBias))], {}, 'logits');

  const dims = (...names) => ({
    dim: names.map((n) => (typeof n === 'string' ? { dimParam: n } : { dimValue: n })),
  });
  const valueInfo = (name, elemType, shape) =>
    onnx.ValueInfoProto.create({ name, type: { tensorType: { elemType, shape } } });
  const cache = (prefix, length) =>
    Array.from({ length: N_LAYER }, (_, l) =>
      ['key', 'value'].map((kind) =>
        valueInfo(`${prefix}.${l}.${kind}`, FLOAT, dims('batch_size', N_HEAD, length, HEAD_DIM)),
      ),
    ).flat();
  return onnx.GraphProto.create({
    name: 'tiny-gpt2',
    node: nodes,
    initializer: initializers,
    input: [
      valueInfo('input_ids', INT64, dims('batch_size', 'sequence_length')),
      valueInfo('attention_mask', INT64, dims('batch_size', 'total_length')),
      ...cache('past_key_values', 'past_length'),
    ],
    output: [
      valueInfo('logits', FLOAT, dims('batch_size', 'sequence_length', V)),
      ...cache('present', 'total_length'),
    ],
  });
}

// ---------------------------------------------------------------- files
function tokenizerJson(vocab, merges) {
  const byteLevel = { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true };
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [
      {
        id: vocab.length - 1,
        content: EOS,
        single_word: false,
        lstrip: false,
        rstrip: false,
        normalized: true,
        special: true,
      },
    ],
    normalizer: null,
    pre_tokenizer: byteLevel,
    post_processor: { ...byteLevel, trim_offsets: false },
    decoder: byteLevel,
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: '',
      end_of_word_suffix: '',
      fuse_unk: false,
      byte_fallback: false,
      vocab: Object.fromEntries(vocab.map((t, i) => [t, i])),
      merges,
    },
  };
}

function main() {
  const merges = learnMerges();
  const vocab = buildVocab(merges);
  const eosId = vocab.length - 1;
  const model = onnx.ModelProto.create({
    irVersion: 7,
    opsetImport: [{ domain: '', version: 13 }],
    producerName: 'tailor scripts/models/make-tiny-gpt2.mjs',
    graph: buildGraph(vocab),
  });
  const bytes = onnx.ModelProto.encode(model).finish();

  const config = {
    _name_or_path: 'tailor/tiny-gpt2',
    architectures: ['GPT2LMHeadModel'],
    model_type: 'gpt2',
    vocab_size: vocab.length,
    n_embd: N_EMBD,
    n_head: N_HEAD,
    n_layer: N_LAYER,
    n_positions: N_POSITIONS,
    n_ctx: N_POSITIONS,
    bos_token_id: eosId,
    eos_token_id: eosId,
    tie_word_embeddings: true,
    use_cache: true,
  };
  const generationConfig = { bos_token_id: eosId, eos_token_id: eosId, max_new_tokens: 64 };
  const tokenizerConfig = {
    tokenizer_class: 'GPT2Tokenizer',
    add_prefix_space: false,
    // Without a number here Transformers.js computes the truncation length as NaN.
    model_max_length: N_POSITIONS,
    bos_token: EOS,
    eos_token: EOS,
    unk_token: EOS,
    pad_token: EOS,
    clean_up_tokenization_spaces: true,
  };

  fs.mkdirSync(path.join(OUT, 'onnx'), { recursive: true });
  // Arrays of scalars on one line when they fit in biome's 110 columns, as biome formats JSON, so
  // regenerating leaves `npm run lint` clean (the long merges list stays one item per line).
  const jsonScalar = String.raw`(?:"(?:[^"\\]|\\.)*"|[-\w.]+)`;
  const scalarArray = new RegExp(String.raw`\[\n\s+(${jsonScalar}(?:,\n\s+${jsonScalar})*)\n\s*\]`, 'g');
  const json = (name, value) => {
    const text = JSON.stringify(value, null, 2).replace(scalarArray, (match, items, offset, whole) => {
      const oneLine = `[${items.split(/,\n\s+/).join(', ')}]`;
      const lineStart = whole.lastIndexOf('\n', offset) + 1;
      const comma = whole[offset + match.length] === ',' ? 1 : 0;
      return offset - lineStart + oneLine.length + comma <= 110 ? oneLine : match;
    });
    fs.writeFileSync(path.join(OUT, name), `${text}\n`);
  };
  json('config.json', config);
  json('generation_config.json', generationConfig);
  json('tokenizer_config.json', tokenizerConfig);
  json('tokenizer.json', tokenizerJson(vocab, merges));
  // The same weights under both names: Transformers.js loads the `_quantized` file by default.
  fs.writeFileSync(path.join(OUT, 'onnx/decoder_model_merged.onnx'), bytes);
  fs.writeFileSync(path.join(OUT, 'onnx/decoder_model_merged_quantized.onnx'), bytes);
  console.log(
    `tiny-gpt2: ${vocab.length} tokens (${merges.length} merges), ${nodes.length} nodes, ${bytes.length} bytes per ONNX file → ${path.relative(ROOT, OUT)}`,
  );
}

main();
