import {
  BOARD_ROLE_LABELS,
  BOARD_ROLES,
  type BoardMembership,
  type BoardRole,
  localize,
} from '@fdr/model';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api.ts';
import type { BoardPageProps } from '../BoardPageProps.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { errorText } from '../errorText.ts';
import { accountStrings } from '../i18n/accountStrings.ts';
import { format, formatDateTime } from '../i18n/format.ts';
import { type Lang, strings } from '../i18n/strings.ts';
import { Link } from '../Link.tsx';
import { plausibleEmail } from '../mail/mailApi.ts';
import { mailStrings } from '../mail/mailStrings.ts';
import { boardPath } from '../router.ts';
import { ScrollRegion } from '../ScrollRegion.tsx';
import { Dialog } from '../table/Dialog.tsx';
import { AccountLayout } from './AccountLayout.tsx';
import {
  boardCards,
  createInvite,
  invites as listInvites,
  members as listMembers,
  removeMember,
  setRole,
} from './accountApi.ts';

type Member = BoardMembership & { email: string; name: string };
type BoardCards = Awaited<ReturnType<typeof boardCards>>;
type Data = {
  members: Member[];
  invites: Awaited<ReturnType<typeof listInvites>>['invites'];
  cards: BoardCards['cards'];
  domains: BoardCards['domains'];
};

/** The task team's cards, one group per domain (lane order), each box with its label beside it. */
function CardPicker(props: {
  lang: Lang;
  legend: string;
  cards: Data['cards'];
  domains: Data['domains'];
  selected: string[];
  onChange: (ids: string[]) => void;
}) {
  const groups = props.domains
    .map((domain) => ({ domain, cards: props.cards.filter((c) => c.domainId === domain.id) }))
    .filter((group) => group.cards.length > 0);
  return (
    <fieldset className="fdr-card-picker" data-testid="card-picker">
      <legend>{props.legend}</legend>
      <div className="fdr-card-picker__groups">
        {groups.map(({ domain, cards }) => (
          <fieldset key={domain.id} className="fdr-card-picker__domain">
            <legend>{localize(domain.label, props.lang)}</legend>
            {cards.map((card) => (
              <label key={card.id} className="fdr-card-picker__card">
                <input
                  type="checkbox"
                  checked={props.selected.includes(card.id)}
                  onChange={(e) =>
                    props.onChange(
                      e.target.checked
                        ? [...props.selected, card.id]
                        : props.selected.filter((id) => id !== card.id),
                    )
                  }
                />
                <span>{localize(card.title, props.lang)}</span>
              </label>
            ))}
          </fieldset>
        ))}
      </div>
    </fieldset>
  );
}

/** The titles of a task-team member's cards, in the UI language. */
function cardTitles(ids: readonly string[], cards: Data['cards'], lang: Lang): string[] {
  return ids.flatMap((id) => {
    const card = cards.find((c) => c.id === id);
    return card ? [localize(card.title, lang)] : [];
  });
}

/** The secretariat's page: who has which role, invitations, and the audit log. */
export function MembersPage({ boardId, lang, setLang }: BoardPageProps) {
  const t = accountStrings[lang];
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [inviteRole, setInviteRole] = useState<BoardRole>('council');
  const [inviteCards, setInviteCards] = useState<string[]>([]);
  const [inviteEmail, setInviteEmail] = useState('');
  const [emailError, setEmailError] = useState<string | null>(null);
  const [link, setLink] = useState<{
    url: string;
    expiresAt: number;
    email: string;
    mailed?: boolean;
  } | null>(null);
  const [copied, setCopied] = useState(false);

  const reload = useCallback(() => {
    Promise.all([listMembers(boardId), listInvites(boardId), boardCards(boardId)])
      .then(([m, i, c]) =>
        setData({ members: m.members, invites: i.invites, cards: c.cards, domains: c.domains }),
      )
      .catch((e: unknown) =>
        setError(e instanceof ApiError && e.status === 403 ? t.notAllowed : errorText(e, lang)),
      );
  }, [boardId, lang, t.notAllowed]);
  useEffect(reload, [reload]);

  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    setStatus(null);
    try {
      await work();
      setStatus(t.saved);
      reload();
    } catch (e) {
      setError(errorText(e, lang));
    }
  };

  const invite = (event: FormEvent) => {
    event.preventDefault();
    const email = inviteEmail.trim();
    // A first look here; the server decides.
    if (email !== '' && !plausibleEmail(email)) {
      setEmailError(mailStrings[lang].inviteEmailInvalid);
      return;
    }
    setEmailError(null);
    void act(async () => {
      const created = await createInvite(
        boardId,
        inviteRole,
        inviteRole === 'task-team' ? inviteCards : [],
        email || undefined,
      );
      setLink({ ...created, email });
      if (created.mailed) setInviteEmail('');
      setCopied(false);
    });
  };

  // The member whose removal is being confirmed, and the button that asked.
  const [removing, setRemoving] = useState<Member | null>(null);
  const removeOpener = useRef<HTMLElement | null>(null);
  const membersHeading = useRef<HTMLHeadingElement>(null);
  const closeRemove = (removed: boolean) => {
    setRemoving(null);
    // Back to the button that opened the dialog; its row is gone after a removal.
    const target = removed ? membersHeading.current : removeOpener.current;
    requestAnimationFrame(() => target?.focus());
  };

  const roleLabel = (role: BoardRole) => BOARD_ROLE_LABELS[role][lang];
  return (
    <AccountLayout lang={lang} setLang={setLang} title={t.membersTitle} wide>
      <p>
        <Link href={boardPath(boardId)}>{t.backToBoard}</Link>
      </p>
      <div aria-live="polite">
        {status && <p role="status">{status}</p>}
        <ErrorAlert message={error} />
      </div>
      {!data && !error && <p role="status">{t.loading}</p>}
      {data && (
        <>
          <section aria-labelledby="members-heading">
            <h2 id="members-heading" className="fdr-sr-only" ref={membersHeading} tabIndex={-1}>
              {t.membersTitle}
            </h2>
            {data.members.length === 0 ? (
              <p>{t.membersEmpty}</p>
            ) : (
              <ScrollRegion labelledBy="members-heading">
                <table className="fdr-table">
                  <thead>
                    <tr>
                      <th scope="col">{t.name}</th>
                      <th scope="col">{t.email}</th>
                      <th scope="col">{t.role}</th>
                      <th scope="col">{t.cards}</th>
                      <th scope="col">
                        <span className="fdr-sr-only">{t.remove}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.members.map((m) => (
                      <tr key={m.userId}>
                        <td>{m.name}</td>
                        <td>{m.email}</td>
                        <td>
                          <select
                            aria-label={`${t.role} — ${m.name}`}
                            value={m.role}
                            onChange={(e) => {
                              const role = e.target.value as BoardRole;
                              void act(() =>
                                setRole(
                                  boardId,
                                  m.userId,
                                  role,
                                  role === 'task-team' ? m.cardIds : [],
                                ),
                              );
                            }}
                          >
                            {BOARD_ROLES.map((role) => (
                              <option
                                key={role}
                                value={role}
                                disabled={role === 'task-team' && m.cardIds.length === 0}
                              >
                                {roleLabel(role)}
                              </option>
                            ))}
                          </select>
                        </td>
                        <td data-testid="member-cards">
                          {m.role === 'task-team' &&
                            (m.cardIds.length === 0 ? (
                              <span className="fdr-hint">{t.noCards}</span>
                            ) : (
                              <ul className="fdr-member-cards">
                                {cardTitles(m.cardIds, data.cards, lang).map((title) => (
                                  <li key={title}>{title}</li>
                                ))}
                              </ul>
                            ))}
                        </td>
                        <td>
                          <button
                            type="button"
                            className="fdr-button fdr-button--danger"
                            data-testid="member-remove"
                            onClick={(event) => {
                              removeOpener.current = event.currentTarget;
                              setRemoving(m);
                            }}
                          >
                            {t.remove}
                            <span className="fdr-sr-only"> {m.name}</span>
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            )}
          </section>

          <section aria-labelledby="invite-heading">
            <h2 id="invite-heading">{t.inviteHeading}</h2>
            <form
              className="fdr-form fdr-form--wide"
              onSubmit={invite}
              noValidate
              data-testid="invite-create"
            >
              <label htmlFor="invite-role">{t.inviteRole}</label>
              <select
                id="invite-role"
                value={inviteRole}
                onChange={(e) => setInviteRole(e.target.value as BoardRole)}
              >
                {BOARD_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {roleLabel(role)}
                  </option>
                ))}
              </select>
              {inviteRole === 'task-team' && (
                <CardPicker
                  lang={lang}
                  legend={t.inviteCards}
                  cards={data.cards}
                  domains={data.domains}
                  selected={inviteCards}
                  onChange={setInviteCards}
                />
              )}
              <label htmlFor="invite-email">{mailStrings[lang].inviteEmail}</label>
              <input
                id="invite-email"
                type="email"
                autoComplete="off"
                value={inviteEmail}
                onChange={(e) => {
                  setInviteEmail(e.target.value);
                  setEmailError(null);
                }}
                aria-invalid={emailError !== null}
                aria-describedby={
                  emailError ? 'invite-email-hint invite-email-error' : 'invite-email-hint'
                }
                data-testid="invite-email"
              />
              <p id="invite-email-hint" className="fdr-hint">
                {mailStrings[lang].inviteEmailHint}
              </p>
              {emailError && (
                <p id="invite-email-error" role="alert" className="fdr-error">
                  {emailError}
                </p>
              )}
              <button type="submit" className="fdr-button fdr-button--primary">
                {t.inviteCreate}
              </button>
            </form>
            {link && (
              <div className="fdr-invite-link">
                {link.email !== '' && (
                  <p role="status" data-testid="invite-mail-state">
                    {link.mailed
                      ? format(mailStrings[lang].inviteMailed, { email: link.email })
                      : mailStrings[lang].inviteMailOff}
                  </p>
                )}
                <p>
                  {format(t.inviteLink, {
                    date: formatDateTime(link.expiresAt, lang),
                  })}
                </p>
                <input
                  readOnly
                  value={link.url}
                  aria-label={t.inviteLink}
                  data-testid="invite-url"
                  onFocus={(e) => e.target.select()}
                />
                <button
                  type="button"
                  className="fdr-button"
                  onClick={() =>
                    void navigator.clipboard?.writeText(link.url).then(() => setCopied(true))
                  }
                >
                  {copied ? t.copied : t.copy}
                </button>
              </div>
            )}
            {data.invites.length > 0 && (
              <>
                <h3>{t.invitesHeading}</h3>
                <ul className="fdr-invites" data-testid="invites">
                  {data.invites.map((i) => (
                    <li key={`${i.createdAt}-${i.role}`}>
                      <strong>{roleLabel(i.role)}</strong>
                      {i.role === 'task-team' &&
                        ` (${cardTitles(i.cardIds, data.cards, lang).join(', ')})`}{' '}
                      — {format(t.inviteSent, { date: formatDateTime(i.createdAt, lang) })} —{' '}
                      {i.acceptedBy && i.acceptedAt !== null
                        ? format(t.inviteAcceptedBy, {
                            name: i.acceptedBy.name,
                            email: i.acceptedBy.email,
                            date: formatDateTime(i.acceptedAt, lang),
                          })
                        : t[`inviteStatus_${i.status}`]}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>

          {removing && (
            <Dialog
              heading={format(t.removeConfirm, { name: removing.name })}
              onClose={() => closeRemove(false)}
              testId="remove-dialog"
            >
              <div className="fdr-actions">
                <button
                  type="button"
                  className="fdr-button fdr-button--danger"
                  onClick={() => {
                    const member = removing;
                    closeRemove(true);
                    void act(() => removeMember(boardId, member.userId));
                  }}
                >
                  {t.remove}
                </button>
                <button
                  type="button"
                  className="fdr-button"
                  data-autofocus
                  onClick={() => closeRemove(false)}
                >
                  {strings[lang].cancel}
                </button>
              </div>
            </Dialog>
          )}

          <section aria-labelledby="audit-heading">
            <h2 id="audit-heading">{t.auditHeading}</h2>
            <a href={`/api/boards/${encodeURIComponent(boardId)}/audit?format=csv`} download>
              {t.auditDownload}
            </a>
          </section>
        </>
      )}
    </AccountLayout>
  );
}
