/**
 * How kubectl prints an API error it gets back from a write (`apply`, `create`, `scale`…), from
 * kubectl's `cmdutil.CheckErr` (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go):
 *
 * - an Invalid error (422) is printed from its details, not its message: `The <Kind> "<name>" is
 *   invalid: <field>: <detail>` (`fmt.Sprintf("The %s %q is invalid", details.Kind, details.Name)`
 *   then `MultilineError(s+": ", errs)`, which puts several causes on lines of their own, each after
 *   `* `);
 * - every other API error is `Error from server (<Reason>): <message>` (StandardErrorMessage), where
 *   the message of a create from a file carries `error when creating "<file>": `
 *   (`cmdutil.AddSourceToErr("creating", info.Source, err)` in apply.go).
 */
import type { ApiResponse } from './apiserver';

type Refusal = Extract<ApiResponse, { ok: false }>;

/** metav1.StatusReason for each code the simulated API server answers with. */
const REASONS: Record<Refusal['code'], string> = {
  400: 'BadRequest',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'AlreadyExists',
  422: 'Invalid',
  503: 'ServiceUnavailable',
};

/**
 * The causes of an Invalid message (`<Kind> "<name>" is invalid: <a>` or `… is invalid: [<a>, <b>]`):
 * each cause is `<field>: <field.ErrorType> …`, so a `, ` followed by a field path and an error
 * type starts the next one.
 */
const CAUSE_START = /, (?=[A-Za-z][\w.[\]/-]*: (?:Invalid value|Required value|Forbidden|Duplicate value|Unsupported value|Not found|Too many|Too long|Internal error))/;

export function invalidCauses(message: string): { kind: string; name: string; causes: string[] } | null {
  const m = /^(\S+) "([^"]*)" is invalid: ([\s\S]*)$/.exec(message);
  if (!m) return null;
  const detail = m[3];
  const list = detail.startsWith('[') && detail.endsWith(']') ? detail.slice(1, -1).split(CAUSE_START) : [detail];
  // details.Kind is the kind alone (`Deployment`), where the message names the group (`Deployment.apps`).
  return { kind: m[1].split('.')[0], name: m[2], causes: list };
}

/**
 * kubectl's output for a refused write. `source` is the file the object came from; `creating` says
 * the request created the object (kubectl's `error when creating "<file>"`).
 */
export function kubectlErrorText(r: Refusal, opts: { source?: string; creating?: boolean } = {}): string {
  if (r.code === 422) {
    const inv = invalidCauses(r.message);
    if (inv) {
      const head = `The ${inv.kind} "${inv.name}" is invalid: `;
      return inv.causes.length === 1 ? head + inv.causes[0] : `${head}\n${inv.causes.map((c) => `* ${c}`).join('\n')}`;
    }
  }
  return standardErrorText(r, opts.source && opts.creating ? `error when creating "${opts.source}": ` : '');
}

/**
 * kubectl's StandardErrorMessage for an API error: `Error from server (<Reason>): <context><message>`,
 * also for an Invalid one — how `MultipleErrors` prints each of several errors (apply of a file
 * where more than one object is refused).
 */
export function standardErrorText(r: Refusal, context = ''): string {
  return `Error from server (${REASONS[r.code]}): ${context}${r.message}`;
}
