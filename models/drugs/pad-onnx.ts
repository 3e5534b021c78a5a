/**
 * The PAD model as ONNX (opset 21, double throughout), computing exactly what scorePadInputs computes:
 *   features [N, 360] → [features / 255, chromaticity] [N, 720] → (· − mean) / scale → z
 *   identity      = softmax(z · W_id + b_id)                                   [N, D]
 *   concentration = Σ_d identity[:, d] · softmax(z · W_c + b_c)[:, d, :]     [N, C]
 * Outputs `identity`, `concentration` and `inputs` (z, which the out-of-distribution check reads). The model JSON
 * rides in the metadata under `dalel.pad-model`, so the .onnx file alone defines the model.
 */
import onnxProto from 'onnx-proto';
import { int, valueInfo } from '../ebm/onnx-export.ts';
import { stableJson } from '../../core/canonical-json.ts';
import { appVersion } from '../../core/version.ts';
import { padFeatureCount, padRegionCount } from './pad-layout.ts';
import { padDerivedCount, type PadModel } from './pad-model.ts';

const { onnx } = onnxProto;
type Attribute = InstanceType<typeof onnx.AttributeProto>;
const DataType = onnx.TensorProto.DataType;

export const padModelMetadataKey = 'dalel.pad-model';

const doubles = (name: string, values: readonly number[], dims: number[]) => onnx.TensorProto.create({ name, dataType: DataType.DOUBLE, dims, doubleData: values.map((v) => (v === 0 ? 0 : v)) });
const int64s = (name: string, values: number[]) => onnx.TensorProto.create({ name, dataType: DataType.INT64, dims: [values.length], int64Data: values });

/** The ONNX bytes of a PAD model (deterministic: the same model gives the same bytes, hence the same hash). */
export function exportPadOnnx(model: PadModel): Uint8Array {
  const D = model.identity.classes.length;
  const C = model.concentration.classes.length;
  const F = padDerivedCount;
  const node = (opType: string, input: string[], output: string[], attribute: Attribute[] = []) => onnx.NodeProto.create({ opType, input, output, attribute, name: output[0] });
  const nodes = [
    node('Div', ['features', 'full_scale'], ['scaled']),
    node('Reshape', ['features', 'by_region'], ['regions']),
    node('ReduceSum', ['regions', 'channel_axis'], ['region_sum'], [int('keepdims', 1)]),
    node('Add', ['region_sum', 'one'], ['region_total']),
    node('Div', ['regions', 'region_total'], ['chroma_regions']),
    node('Reshape', ['chroma_regions', 'flat'], ['chroma']),
    node('Concat', ['scaled', 'chroma'], ['derived'], [int('axis', 1)]),
    node('Sub', ['derived', 'mean'], ['centred']),
    node('Div', ['centred', 'scale'], ['inputs']),
    node('MatMul', ['inputs', 'identity_weights'], ['identity_product']),
    node('Add', ['identity_product', 'identity_bias'], ['identity_logits']),
    node('Softmax', ['identity_logits'], ['identity'], [int('axis', -1)]),
    node('MatMul', ['inputs', 'concentration_weights'], ['concentration_product']),
    node('Add', ['concentration_product', 'concentration_bias'], ['concentration_logits']),
    node('Reshape', ['concentration_logits', 'by_ingredient'], ['concentration_blocks']),
    node('Softmax', ['concentration_blocks'], ['concentration_given'], [int('axis', -1)]),
    node('Reshape', ['identity', 'identity_column'], ['identity_weights_3d']),
    node('Mul', ['concentration_given', 'identity_weights_3d'], ['concentration_joint']),
    node('ReduceSum', ['concentration_joint', 'ingredient_axis'], ['concentration'], [int('keepdims', 0)]),
  ];
  const initializer = [
    doubles('full_scale', [255], []),
    doubles('one', [1], []),
    int64s('by_region', [0, padRegionCount, 3]),
    int64s('channel_axis', [2]),
    int64s('flat', [0, padFeatureCount]),
    doubles('mean', model.standardise.mean, [F]),
    doubles('scale', model.standardise.scale, [F]),
    doubles('identity_weights', model.identity.layer.weights, [F, D]),
    doubles('identity_bias', model.identity.layer.bias, [D]),
    doubles('concentration_weights', model.concentration.layer.weights, [F, D * C]),
    doubles('concentration_bias', model.concentration.layer.bias, [D * C]),
    int64s('by_ingredient', [0, D, C]),
    int64s('identity_column', [0, D, 1]),
    int64s('ingredient_axis', [1]),
  ];
  const graph = onnx.GraphProto.create({
    name: 'dalel.pad',
    node: nodes,
    input: [valueInfo('features', ['N', padFeatureCount])],
    output: [valueInfo('identity', ['N', D]), valueInfo('concentration', ['N', C]), valueInfo('inputs', ['N', F])],
    initializer,
  });
  const proto = onnx.ModelProto.create({
    irVersion: 10,
    opsetImport: [{ domain: '', version: 21 }],
    producerName: 'dalel',
    producerVersion: appVersion,
    docString: 'PAD card reader: ingredient and Drug % probabilities from 12 lanes × 10 regions × mean RGB. Input: features [N, 360] (CSV order A1-R … L10-B).',
    graph,
    metadataProps: [{ key: padModelMetadataKey, value: stableJson(model) }],
  });
  return onnx.ModelProto.encode(proto).finish();
}

/** The model JSON embedded in PAD ONNX bytes, or null. */
export function embeddedPadModelText(bytes: Uint8Array): string | null {
  return onnx.ModelProto.decode(bytes).metadataProps.find((p) => p.key === padModelMetadataKey)?.value ?? null;
}
