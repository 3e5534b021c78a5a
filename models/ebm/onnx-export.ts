/**
 * Writes a glass-box model as ONNX. Every term becomes one tree per score in an `ai.onnx.ml` TreeEnsemble (opset 5):
 * its splits are the term's bin edges (x ≤ edge, as `binIndex` counts), its leaves the term's table values, and it
 * writes to a target of its own, so the ensemble's output is the table of per-term contributions. The graph then
 * sums the terms, adds the intercept and applies the link. TreeEnsemble, unlike the older TreeEnsembleRegressor
 * (float-only output in onnxruntime), computes in double, which is what lets ONNX and TypeScript agree to 1e-6.
 *
 * Missing values: each input's subtree starts with `x ≤ +∞`, which is false only for NaN, so NaN takes the false
 * branch to the missing bin without relying on the runtime's missing-value tracking.
 *
 * Input `features` [N, F] (double): the encoded case (see features.ts). Outputs: `prediction` [N, 1] (value or
 * positive-class probability) or [N, K] (class probabilities), `score` (before the link), `terms` [N, T·K].
 * The model JSON rides along in the metadata under `dalel.model`, so the .onnx file alone defines the model.
 */
import onnxProto from 'onnx-proto';
import { binCount } from '../gam/features.ts';
import { scoreWidth, type GamModel, type GamTerm } from '../gam/gam-model.ts';
import { modelMetadataKey } from '../gam/onnx-metadata.ts';
import { stableJson } from '../../core/canonical-json.ts';
import { appVersion } from '../../core/version.ts';

const { onnx } = onnxProto;
type Attribute = InstanceType<typeof onnx.AttributeProto>;
type Tensor = InstanceType<typeof onnx.TensorProto>;
type Node = InstanceType<typeof onnx.NodeProto>;
type Graph = InstanceType<typeof onnx.GraphProto>;

const DataType = onnx.TensorProto.DataType;
const AttributeType = onnx.AttributeProto.AttributeType;
/** TreeEnsemble's node mode for x ≤ split. */
export const branchLeq = 0;

/** An INTS attribute. */
export const ints = (name: string, values: number[]): Attribute => onnx.AttributeProto.create({ name, type: AttributeType.INTS, ints: values });
/** An INT attribute. */
export const int = (name: string, value: number): Attribute => onnx.AttributeProto.create({ name, type: AttributeType.INT, i: value });
/** A TENSOR attribute. */
export const tensorAttribute = (name: string, t: Tensor): Attribute => onnx.AttributeProto.create({ name, type: AttributeType.TENSOR, t });
/** A double tensor (an initializer when named). */
export const doubles = (values: number[], dims = [values.length], name?: string): Tensor =>
  onnx.TensorProto.create({ ...(name ? { name } : {}), dataType: DataType.DOUBLE, dims, doubleData: values });
/** A named int64 tensor. */
export const int64s = (values: number[], name: string): Tensor => onnx.TensorProto.create({ name, dataType: DataType.INT64, dims: [values.length], int64Data: values });

/** The TreeEnsemble's flat arrays, grown one tree at a time. */
export class Forest {
  readonly roots: number[] = [];
  readonly featureIds: number[] = [];
  readonly splits: number[] = [];
  readonly trueIds: number[] = [];
  readonly trueLeafs: number[] = [];
  readonly falseIds: number[] = [];
  readonly falseLeafs: number[] = [];
  readonly leafTargets: number[] = [];
  readonly leafWeights: number[] = [];

  leaf(target: number, weight: number): { leaf: true; id: number } {
    this.leafTargets.push(target);
    this.leafWeights.push(weight);
    return { leaf: true, id: this.leafWeights.length - 1 };
  }

  /** Adds a node `x[feature] ≤ split`; its branches are set when they are built. */
  node(feature: number, split: number): number {
    this.featureIds.push(feature);
    this.splits.push(split);
    this.trueIds.push(0);
    this.trueLeafs.push(0);
    this.falseIds.push(0);
    this.falseLeafs.push(0);
    return this.featureIds.length - 1;
  }

  link(node: number, branch: 'true' | 'false', child: Ref): void {
    const [ids, leafs] = branch === 'true' ? [this.trueIds, this.trueLeafs] : [this.falseIds, this.falseLeafs];
    ids[node] = child.id;
    leafs[node] = child.leaf ? 1 : 0;
  }
}

/** A tree node or leaf, as Forest.link takes it. */
export type Ref = { leaf: boolean; id: number };

/** Adds the tree of term `term` for score k: input by input, missing first, then a balanced search over the edges. */
function addTermTree(forest: Forest, term: GamTerm, k: number, width: number, target: number): void {
  const dims = term.features.length;
  const cellRef = (d: number, cell: number): Ref => (d === dims - 1 ? forest.leaf(target, term.values[cell * width + k]!) : dimension(d + 1, cell));
  const dimension = (d: number, prefix: number): Ref => {
    const feature = term.features[d]!;
    const edges = term.edges[d]!;
    const base = prefix * binCount(edges);
    const root = forest.node(feature, Infinity);
    const search = (lo: number, hi: number): Ref => {
      if (lo === hi) return cellRef(d, base + 1 + lo);
      const mid = (lo + hi) >>> 1;
      const node = forest.node(feature, edges[mid]!);
      forest.link(node, 'true', search(lo, mid));
      forest.link(node, 'false', search(mid + 1, hi));
      return { leaf: false, id: node };
    };
    forest.link(root, 'true', search(0, edges.length));
    forest.link(root, 'false', cellRef(d, base));
    return { leaf: false, id: root };
  };
  forest.roots.push(forest.featureIds.length);
  dimension(0, 0);
}

/** A double tensor's value info with fixed or named dimensions. */
export function valueInfo(name: string, dims: Array<number | string>) {
  return onnx.ValueInfoProto.create({
    name,
    type: onnx.TypeProto.create({
      tensorType: onnx.TypeProto.Tensor.create({
        elemType: DataType.DOUBLE,
        shape: onnx.TensorShapeProto.create({ dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) }),
      }),
    }),
  });
}

/** A graph node named after its first output (`domain` '' is the default operator set). */
export function onnxNode(opType: string, input: string[], output: string[], attribute: Attribute[] = [], domain = ''): Node {
  return onnx.NodeProto.create({ opType, input, output, attribute, domain, name: output[0] });
}

/** One `ai.onnx.ml` TreeEnsemble node (opset 5, double) from input `features` that sums the forest's trees into `targets` outputs. */
export function treeEnsembleNode(forest: Forest, output: string, targets: number): Node {
  return onnxNode(
    'TreeEnsemble',
    ['features'],
    [output],
    [
      int('n_targets', targets),
      int('aggregate_function', 1),
      int('post_transform', 0),
      ints('tree_roots', forest.roots),
      ints('nodes_featureids', forest.featureIds),
      tensorAttribute('nodes_modes', onnx.TensorProto.create({ dataType: DataType.UINT8, dims: [forest.featureIds.length], int32Data: forest.featureIds.map(() => branchLeq) })),
      tensorAttribute('nodes_splits', doubles(forest.splits)),
      ints('nodes_truenodeids', forest.trueIds),
      ints('nodes_trueleafs', forest.trueLeafs),
      ints('nodes_falsenodeids', forest.falseIds),
      ints('nodes_falseleafs', forest.falseLeafs),
      ints('leaf_targetids', forest.leafTargets),
      tensorAttribute('leaf_weights', doubles(forest.leafWeights)),
    ],
    'ai.onnx.ml',
  );
}

/** The bytes of a model file holding `graph` (opsets 21 and ai.onnx.ml 5), with the model's JSON in its metadata. */
export function encodeTreeModel(graph: Graph, docString: string, model: unknown): Uint8Array {
  const proto = onnx.ModelProto.create({
    irVersion: 10,
    opsetImport: [
      { domain: '', version: 21 },
      { domain: 'ai.onnx.ml', version: 5 },
    ],
    producerName: 'dalel',
    producerVersion: appVersion,
    docString,
    graph,
    metadataProps: [{ key: modelMetadataKey, value: stableJson(model) }],
  });
  return onnx.ModelProto.encode(proto).finish();
}

/** The ONNX bytes of a model (deterministic: the same model always gives the same bytes, hence the same hash). */
export function exportOnnx(model: GamModel): Uint8Array {
  const K = scoreWidth(model);
  const T = model.terms.length;
  const forest = new Forest();
  model.terms.forEach((term, t) => {
    for (let k = 0; k < K; k += 1) addTermTree(forest, term, k, K, t * K + k);
  });
  const nodes = [treeEnsembleNode(forest, 'terms', T * K)];
  const initializer = [doubles(model.intercept, [K], 'intercept')];
  if (K === 1) {
    initializer.push(int64s([1], 'term_axis'));
    nodes.push(onnxNode('ReduceSum', ['terms', 'term_axis'], ['term_sum'], [int('keepdims', 1)]));
  } else {
    initializer.push(int64s([0, T, K], 'by_term'), int64s([1], 'term_axis'));
    nodes.push(onnxNode('Reshape', ['terms', 'by_term'], ['terms_3d']));
    nodes.push(onnxNode('ReduceSum', ['terms_3d', 'term_axis'], ['term_sum'], [int('keepdims', 0)]));
  }
  nodes.push(onnxNode('Add', ['term_sum', 'intercept'], ['score']));
  if (model.link === 'identity') nodes.push(onnxNode('Identity', ['score'], ['prediction']));
  else if (model.link === 'logit') nodes.push(onnxNode('Sigmoid', ['score'], ['prediction']));
  else nodes.push(onnxNode('Softmax', ['score'], ['prediction'], [int('axis', -1)]));

  const graph = onnx.GraphProto.create({
    name: `${model.caseType.id}.${model.outcome.name}`,
    node: nodes,
    input: [valueInfo('features', ['N', model.features.length])],
    output: [valueInfo('prediction', ['N', K]), valueInfo('score', ['N', K]), valueInfo('terms', ['N', T * K])],
    initializer,
  });
  return encodeTreeModel(
    graph,
    `Glass-box additive model (EBM-style) for ${model.caseType.id} ${model.caseType.version}, outcome ${model.outcome.name}. Input: encoded case; outputs: prediction, score, per-term contributions.`,
    model,
  );
}
