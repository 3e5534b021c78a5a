/** The reasons the services sign checkpoints for, each with a translation under audit.checkpoints.reasons.*. */
export const checkpointReasons: Readonly<Record<string, string>> = {
  'on demand': 'onDemand',
  export: 'export',
  periodic: 'periodic',
  shutdown: 'shutdown',
  'before key rotation': 'beforeRotation',
  'after key rotation': 'afterRotation',
};
