/** The abstention rule ("refer to human review") lives with the models, which evaluate by it too. */
export { decideAbstention, ownRange, supportReasons, type Abstention, type AbstentionInput } from '../../../models/gam/abstention.ts';
