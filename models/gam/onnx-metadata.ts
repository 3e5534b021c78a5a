/** The ONNX metadata key under which an exported model carries its model JSON (written by training, read by the workstation). */
export const modelMetadataKey = 'dalel.model';
