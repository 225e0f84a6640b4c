/** NetworkPolicy: the pods it selects, its policy types, and ingress/egress rules with peers. */
import type { NetworkPolicyPeer, NetworkPolicyPort } from 'kubernetes-types/networking/v1';
import { useTranslation } from 'react-i18next';
import type { ObjectFormProps } from './CommonFields';
import { editObject, getIn, mapEntries, setIn } from './edit';
import { CheckGroup, IconButton, KeyValueEditor, Section, TextField } from './fields';
import { cidr, labelKey, labelValue, portOrName } from './validators';

type Rule = { from?: NetworkPolicyPeer[]; to?: NetworkPolicyPeer[]; ports?: NetworkPolicyPort[] };

export function PolicyFields({ id, object }: ObjectFormProps) {
  const { t } = useTranslation();
  const set = (path: Array<string | number>, v: unknown) => editObject(id, object, (d) => setIn(d, path, v));
  const types = (getIn(object, ['spec', 'policyTypes']) as string[] | undefined) ?? ['Ingress'];
  return (
    <>
      <Section title="NetworkPolicy">
        <KeyValueEditor label={t('inspector.podSelector')} entries={mapEntries(getIn(object, ['spec', 'podSelector', 'matchLabels']))} keyChecks={[labelKey]} valueChecks={[labelValue]} testId="field-policy-selector" onCommit={(m) => set(['spec', 'podSelector'], Object.keys(m).length ? { matchLabels: m } : {})} />
        <CheckGroup label={t('inspector.policyTypes')} options={['Ingress', 'Egress']} value={types} testId="field-policy-types" onCommit={(v) => set(['spec', 'policyTypes'], v)} />
      </Section>
      {types.includes('Ingress') && <RuleList {...{ id, object }} direction="ingress" set={set} />}
      {types.includes('Egress') && <RuleList {...{ id, object }} direction="egress" set={set} />}
    </>
  );
}

function RuleList({ object, direction, set }: ObjectFormProps & { direction: 'ingress' | 'egress'; set: (path: Array<string | number>, v: unknown) => void }) {
  const { t } = useTranslation();
  const rules = (getIn(object, ['spec', direction]) as Rule[] | undefined) ?? [];
  const peerKey = direction === 'ingress' ? 'from' : 'to';
  return (
    <Section
      title={t(direction === 'ingress' ? 'inspector.ingressRules' : 'inspector.egressRules')}
      actions={<IconButton icon="plus" label={t('inspector.addRule')} testId={`field-policy-add-${direction}`} onClick={() => set(['spec', direction, rules.length], { [peerKey]: [{ podSelector: { matchLabels: { app: 'web' } } }] })} />}
    >
      {rules.length === 0 && <p className="muted">{t('inspector.allowAll')}</p>}
      {rules.map((rule, i) => {
        const peers = rule[peerKey] ?? [];
        const base = ['spec', direction, i];
        return (
          <div className="subcard" key={i}>
            <div className="kv-head">
              <span className="field-label">{t('inspector.peers')} {peers.length === 0 ? `· ${t('inspector.anyPeer')}` : ''}</span>
              <span>
                <IconButton icon="plus" label={t('inspector.addPeer')} onClick={() => set([...base, peerKey, peers.length], { podSelector: {} })} />
                <IconButton icon="trash" label={t('inspector.remove')} onClick={() => set(base, undefined)} />
              </span>
            </div>
            {peers.map((peer, j) => (
              <div className="peer" key={j}>
                {peer.ipBlock ? (
                  <TextField label={t('inspector.peerCidr')} value={peer.ipBlock.cidr} mono checks={[cidr]} onCommit={(v) => set([...base, peerKey, j, 'ipBlock', 'cidr'], v)} />
                ) : (
                  <>
                    <KeyValueEditor label={t('inspector.peerPods')} entries={mapEntries(peer.podSelector?.matchLabels)} keyChecks={[labelKey]} valueChecks={[labelValue]} testId={`field-${direction}-${i}-peer-${j}-pods`} onCommit={(m) => set([...base, peerKey, j, 'podSelector'], Object.keys(m).length ? { matchLabels: m } : peer.namespaceSelector ? undefined : {})} />
                    <KeyValueEditor label={t('inspector.peerNamespaces')} entries={mapEntries(peer.namespaceSelector?.matchLabels)} keyChecks={[labelKey]} valueChecks={[labelValue]} onCommit={(m) => set([...base, peerKey, j, 'namespaceSelector'], Object.keys(m).length ? { matchLabels: m } : undefined)} />
                  </>
                )}
                <IconButton icon="close" label={t('inspector.remove')} onClick={() => set([...base, peerKey, j], undefined)} />
              </div>
            ))}
            <div className="row">
              <span className="field-label">{t('inspector.ports')}</span>
              <IconButton icon="plus" label={t('inspector.addPort')} onClick={() => set([...base, 'ports', rule.ports?.length ?? 0], { protocol: 'TCP', port: 80 })} />
            </div>
            {(rule.ports ?? []).map((p, j) => (
              <div className="row" key={j}>
                <TextField compact label={t('inspector.port')} value={String(p.port ?? '')} checks={[portOrName]} onCommit={(v) => set([...base, 'ports', j, 'port'], /^\d+$/.test(v) ? Number(v) : v || undefined)} />
                <TextField compact label={t('inspector.protocol')} value={p.protocol ?? 'TCP'} onCommit={(v) => set([...base, 'ports', j, 'protocol'], v)} />
                <IconButton icon="close" label={t('inspector.remove')} onClick={() => set([...base, 'ports', j], undefined)} />
              </div>
            ))}
          </div>
        );
      })}
    </Section>
  );
}
