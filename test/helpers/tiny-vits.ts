/**
 * A tiny piper-shaped VITS model, made here, for testing the natural-voice engine's real
 * loading and rendering path (sherpa-onnx's own runtime and phonemizer) where no voice model
 * can be installed: a real ONNX file with piper's inputs (phoneme ids, their count, the three
 * scales) and its metadata, whose "voice" is a tone per phoneme id — 2,205 samples
 * (100 ms at 22,050 Hz) per id at 20 Hz × id, silence for the pad id 0. It proves the model
 * was loaded and run on the text's phonemes; it says nothing about how a real voice sounds
 * (that is LOA_TEST_VITS_MODEL's job: a real model dir the operator would install).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import protobuf from 'protobufjs';

// The subset of onnx.proto (ONNX IR 8) this model needs; field numbers as in onnx/onnx.proto.
const ONNX_PROTO = `
syntax = "proto3";
package onnx;
message AttributeProto { string name = 1; float f = 2; int64 i = 3; bytes s = 4; int32 type = 20; }
message NodeProto { repeated string input = 1; repeated string output = 2; string name = 3;
  string op_type = 4; repeated AttributeProto attribute = 5; }
message TensorProto { repeated int64 dims = 1; int32 data_type = 2; repeated float float_data = 4;
  repeated int64 int64_data = 7; string name = 8; }
message Dimension { int64 dim_value = 1; string dim_param = 2; }
message TensorShapeProto { repeated Dimension dim = 1; }
message TypeTensor { int32 elem_type = 1; TensorShapeProto shape = 2; }
message TypeProto { TypeTensor tensor_type = 1; }
message ValueInfoProto { string name = 1; TypeProto type = 2; }
message GraphProto { repeated NodeProto node = 1; string name = 2; repeated TensorProto initializer = 5;
  repeated ValueInfoProto input = 11; repeated ValueInfoProto output = 12; }
message OperatorSetIdProto { string domain = 1; int64 version = 2; }
message StringStringEntryProto { string key = 1; string value = 2; }
message ModelProto { int64 ir_version = 1; string producer_name = 2; GraphProto graph = 7;
  repeated OperatorSetIdProto opset_import = 8; repeated StringStringEntryProto metadata_props = 14; }
`;

const FLOAT = 1;
const INT64 = 7;
const RATE = 22050;
const PER_ID = 2205;

const dims = (...d: Array<number | string>) => ({
  dim: d.map((x) => (typeof x === 'number' ? { dimValue: x } : { dimParam: x })),
});
const io = (name: string, elemType: number, shape: ReturnType<typeof dims>) => ({
  name,
  type: { tensorType: { elemType, shape } },
});
const node = (op: string, input: string[], output: string, attribute: unknown[] = []) => ({
  opType: op,
  input,
  output: [output],
  name: output,
  attribute,
});

function graph() {
  const ramp = Array.from({ length: PER_ID }, (_, k) => (2 * Math.PI * 20 * k) / RATE);
  return {
    name: 'tiny-vits',
    input: [
      io('input', INT64, dims(1, 'n')),
      io('input_lengths', INT64, dims(1)),
      io('scales', FLOAT, dims(3)),
    ],
    output: [io('output', FLOAT, dims(1, 1, 'samples'))],
    initializer: [
      { name: 'axes', dataType: INT64, dims: [1], int64Data: [2] },
      { name: 'ramp', dataType: FLOAT, dims: [1, 1, PER_ID], floatData: ramp },
      { name: 'gain', dataType: FLOAT, dims: [1], floatData: [0.3] },
      { name: 'shape', dataType: INT64, dims: [3], int64Data: [1, 1, -1] },
    ],
    node: [
      node('Cast', ['input'], 'ids', [{ name: 'to', i: FLOAT, type: 2 }]),
      node('Unsqueeze', ['ids', 'axes'], 'col'),
      node('Mul', ['col', 'ramp'], 'phase'),
      node('Sin', ['phase'], 'wave'),
      node('Mul', ['wave', 'gain'], 'quiet'),
      node('Reshape', ['quiet', 'shape'], 'output'),
    ],
  };
}

/** Phoneme symbols (espeak-ng's IPA for Vietnamese) → ids, piper's tokens.txt layout. */
export const TINY_TOKENS = [
  '_',
  '^',
  '$',
  ' ',
  ...'!,.:;?abcdefghijklmnopqrstuvwxyz0123456789ˈˌːɜɔəɛɗŋɲʃʒθðɐɪʊʌæɑɒɨʉɯɤʔɣχ',
];

/** Writes `tiny.onnx` and `tokens.txt` into `dir`; returns the model file. */
export function writeTinyVits(dir: string): string {
  const root = protobuf.parse(ONNX_PROTO, { keepCase: false }).root;
  const Model = root.lookupType('onnx.ModelProto');
  const meta: Record<string, string> = {
    model_type: 'vits',
    comment: 'piper',
    language: 'Vietnamese',
    voice: 'vi',
    has_espeak: '1',
    n_speakers: '1',
    sample_rate: String(RATE),
    add_blank: '1',
    punctuation: ';:,.!?¡¿—…"«»“” ',
  };
  const msg = Model.create({
    irVersion: 8,
    producerName: 'loa-test',
    opsetImport: [{ domain: '', version: 13 }],
    graph: graph(),
    metadataProps: Object.entries(meta).map(([key, value]) => ({ key, value })),
  });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'tiny.onnx');
  writeFileSync(file, Model.encode(msg).finish());
  writeFileSync(join(dir, 'tokens.txt'), `${TINY_TOKENS.map((t, i) => `${t} ${i}`).join('\n')}\n`);
  return file;
}
