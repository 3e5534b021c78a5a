/**
 * Writes a handwriting score model as ONNX, with the decision models' TreeEnsemble builders: margin = features ·
 * weights + intercept (+ the trees' sum, one `ai.onnx.ml` TreeEnsemble, opset 5, double), score = Sigmoid(margin).
 * Input `features` [N, F] (double, the pair features of features.ts); outputs `score` and `margin`, both [N, 1].
 * The model JSON rides in the metadata under `dalel.model`, so the .onnx file alone defines the model.
 */
import onnxProto from 'onnx-proto';
import { doubles, encodeTreeModel, Forest, onnxNode, treeEnsembleNode, valueInfo, type Ref } from '../ebm/onnx-export.ts';
import type { ScoreModel, ScoreTree } from './score-model.ts';

const { onnx } = onnxProto;

/** Adds one tree to the forest (target 0); a tree that is a single leaf gets an always-true root. */
function addTree(forest: Forest, tree: ScoreTree): void {
  forest.roots.push(forest.featureIds.length);
  const build = (n: number): Ref => {
    if (tree.feature[n]! < 0) return forest.leaf(0, tree.value[n]!);
    const node = forest.node(tree.feature[n]!, tree.threshold[n]!);
    forest.link(node, 'true', build(tree.left[n]!));
    forest.link(node, 'false', build(tree.right[n]!));
    return { leaf: false, id: node };
  };
  if (tree.feature[0]! < 0) {
    const root = forest.node(0, Infinity);
    const leaf = forest.leaf(0, tree.value[0]!);
    forest.link(root, 'true', leaf);
    forest.link(root, 'false', leaf);
  } else build(0);
}

/** The ONNX bytes of a score model (deterministic: the same model always gives the same bytes, hence the same hash). */
export function exportScoreOnnx(model: ScoreModel): Uint8Array {
  const F = model.featureNames.length;
  const initializer = [doubles(model.weights, [F, 1], 'weights'), doubles([model.intercept], [1], 'intercept')];
  const nodes = [onnxNode('MatMul', ['features', 'weights'], ['linear']), onnxNode('Add', ['linear', 'intercept'], [model.trees.length ? 'base' : 'margin'])];
  if (model.trees.length) {
    const forest = new Forest();
    for (const tree of model.trees) addTree(forest, tree);
    nodes.push(
      treeEnsembleNode(forest, 'trees', 1),
      onnxNode('Add', ['base', 'trees'], ['margin']),
    );
  }
  nodes.push(onnxNode('Sigmoid', ['margin'], ['score']));
  const graph = onnx.GraphProto.create({
    name: `handwriting.${model.algorithm}`,
    node: nodes,
    input: [valueInfo('features', ['N', F])],
    output: [valueInfo('score', ['N', 1]), valueInfo('margin', ['N', 1])],
    initializer,
  });
  return encodeTreeModel(
    graph,
    `Handwriting comparison score (${model.algorithm}) on ${model.featureSet} pair features: score = P(same writer) before calibration; the SLR comes from the reference set.`,
    model,
  );
}
