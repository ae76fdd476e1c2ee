import './mail.css';
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { AccountLayout } from '../account/AccountLayout.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { errorText } from '../errorText.ts';
import type { Lang } from '../i18n/strings.ts';
import { Link } from '../Link.tsx';
import {
  type MailPreferences,
  mailPreferences,
  OPTIONAL_MAIL_KINDS,
  type OptionalMailKind,
  saveMailPreferences,
  serverMail,
} from './mailApi.ts';
import { type MailStrings, mailStrings } from './mailStrings.ts';

const KIND_LABEL: Record<OptionalMailKind, keyof MailStrings> = {
  mention: 'kindMention',
  reply: 'kindReply',
  'checkin-reminder': 'kindCheckinReminder',
  digest: 'kindDigest',
};

/** The signed-in person's mail: the language that comes first, and the optional kinds. */
export function MailPreferencesPage({
  lang,
  setLang,
}: {
  lang: Lang;
  setLang: (lang: Lang) => void;
}) {
  const t = mailStrings[lang];
  const id = useId();
  const [prefs, setPrefs] = useState<MailPreferences | null>(null);
  const [configured, setConfigured] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const load = useCallback(() => {
    mailPreferences().then(
      (p) =>
        setPrefs({
          // No choice made yet: the page's language is a good guess.
          lang: p.lang === 'fr' || p.lang === 'en' ? p.lang : lang,
          off: Array.isArray(p.off) ? p.off : [],
          mailConfigured: p.mailConfigured !== false,
        }),
      (e: unknown) => setError(errorText(e, lang)),
    );
    void serverMail().then(setConfigured);
  }, [lang]);
  useEffect(load, [load]);

  const mailOff = prefs?.mailConfigured === false || configured === false;
  const change = (next: Partial<MailPreferences>) => {
    setSaved(false);
    setPrefs((p) => (p ? { ...p, ...next } : p));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!prefs) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const answer = await saveMailPreferences({ lang: prefs.lang, off: prefs.off });
      setPrefs((p) => ({ ...(p ?? prefs), ...answer }));
      setSaved(true);
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AccountLayout lang={lang} setLang={setLang} title={t.prefsTitle}>
      <p>
        <Link href="/">{t.back}</Link>
      </p>
      {mailOff && (
        <p className="fdr-mail-off" role="note" data-testid="mail-not-configured">
          {t.notConfigured}
        </p>
      )}
      <p>{t.prefsIntro}</p>
      {!prefs && !error && <p role="status">{t.loading}</p>}
      {prefs && (
        <form className="fdr-form" onSubmit={submit} data-testid="mail-preferences">
          <fieldset>
            <legend>{t.langLegend}</legend>
            {(['fr', 'en'] as const).map((value) => (
              <label key={value} className="fdr-radio">
                <input
                  type="radio"
                  name={`${id}-lang`}
                  value={value}
                  checked={prefs.lang === value}
                  onChange={() => change({ lang: value })}
                />
                <span lang={value}>{value === 'fr' ? t.langFr : t.langEn}</span>
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t.kindsLegend}</legend>
            {OPTIONAL_MAIL_KINDS.map((kind) => (
              <label key={kind} className="fdr-checkbox">
                <input
                  type="checkbox"
                  name={kind}
                  data-kind={kind}
                  checked={!prefs.off.includes(kind)}
                  onChange={(e) =>
                    change({
                      off: e.target.checked
                        ? prefs.off.filter((k) => k !== kind)
                        : [...prefs.off, kind],
                    })
                  }
                />
                <span>{t[KIND_LABEL[kind]]}</span>
              </label>
            ))}
            <p className="fdr-hint">{t.alwaysSent}</p>
          </fieldset>
          <ErrorAlert message={error} />
          <button type="submit" className="fdr-button fdr-button--primary" disabled={busy}>
            {busy ? t.saving : t.save}
          </button>
          <p role="status" className="fdr-saved" data-testid="mail-saved">
            {saved ? t.saved : ''}
          </p>
        </form>
      )}
      {!prefs && <ErrorAlert message={error} />}
    </AccountLayout>
  );
}
