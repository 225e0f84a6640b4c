/**
 * Every kubectl verb: adding one is a module in this folder calling `registerVerb` (see
 * ../types.ts) and one import line here (docs/kubectl.md, "Adding a verb").
 */
import './get';
import './describe';
import './apply';
import './delete';
import './scale';
import './set';
import './rollout';
import './node';
import './auth';
import './config';
import './exec';
import './logs';
import './top';
import './label';
import './annotate';
