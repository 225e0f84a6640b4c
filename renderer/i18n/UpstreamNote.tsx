/**
 * The Chinese explanation shown beside a Kubernetes message that stays verbatim in English
 * (problems, events, FailedScheduling). Nothing in English: the message already is English.
 */
import { useTranslation } from 'react-i18next';
import { explainUpstream } from './upstream';

/** The explanation of a message (or, failing that, of the check that produced it) in `lang`. */
export function upstreamExplanation(message: string, lang: string, ruleText?: string): string | undefined {
  if (lang !== 'zh-CN') return undefined;
  return explainUpstream(message) ?? ruleText;
}

export function UpstreamNote({ message, rule }: { message: string; rule?: string }) {
  const { t, i18n } = useTranslation();
  const ruleKey = rule === undefined ? undefined : `problemRules.${rule}`;
  const ruleText = ruleKey && i18n.exists(ruleKey) ? t(ruleKey) : undefined;
  const text = upstreamExplanation(message, i18n.language, ruleText);
  if (!text) return null;
  return (
    <span className="upstream-zh" lang="zh-CN" data-testid="upstream-zh">
      {text}
    </span>
  );
}
