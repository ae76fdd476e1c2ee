import type { Roadmap } from '@fdr/model';
import type { Lang } from '../i18n/strings.ts';
import { meetingStrings } from './meetingStrings.ts';
import { targetChoices } from './targetLabel.ts';

/** A select of the board's cards and items (and domains), grouped, with "nothing" first. */
export function TargetSelect({
  id,
  roadmap,
  lang,
  value,
  onChange,
  withDomains = false,
  testId,
}: {
  id: string;
  roadmap: Roadmap | null;
  lang: Lang;
  value: string;
  onChange: (value: string) => void;
  withDomains?: boolean;
  testId: string;
}) {
  const t = meetingStrings[lang];
  const { cards, items, domains } = targetChoices(roadmap, lang);
  const groups = [
    { label: t.cards, choices: cards },
    { label: t.items, choices: items },
    ...(withDomains ? [{ label: t.domains, choices: domains }] : []),
  ].filter((group) => group.choices.length > 0);
  return (
    <select
      id={id}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      data-testid={testId}
    >
      <option value="">{t.noTarget}</option>
      {groups.map((group) => (
        <optgroup key={group.label} label={group.label}>
          {group.choices.map((choice) => (
            <option key={choice.key} value={choice.key}>
              {choice.label}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
