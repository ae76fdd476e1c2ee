import { useEffect, useId, useState } from 'react';
import { createUserId, type Editor, useValue } from 'tldraw';
import { format } from '../i18n/format.ts';
import { type Lang, strings } from '../i18n/strings.ts';
import { cleanName, type Identity } from '../sync/identity.ts';
import type { BoardView, PeerInfo } from './BoardView.ts';

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters =
    words.length > 1 ? [words[0]?.[0], words[1]?.[0]] : [name.trim()[0], name.trim()[1]];
  return letters.filter(Boolean).join('').toUpperCase() || '?';
}

/**
 * Who is on the board: this user (whose name can be changed here) and each peer, with a button to
 * follow them (their viewport becomes ours: presenter mode for meetings).
 */
export function PeopleBar({
  view,
  editor,
  identity,
  onRename,
  lang,
}: {
  view: BoardView;
  editor: Editor | null;
  identity: Identity;
  /** Null when the name is the signed-in account's: nothing to change here. */
  onRename: ((name: string) => void) | null;
  lang: Lang;
}) {
  const t = strings[lang];
  const id = useId();
  const peers = useValue('peers', () => view.peers.get(), [view]);
  const following = useValue(
    'following',
    () => (editor ? editor.getInstanceState().followingUserId : null),
    [editor],
  );
  const [name, setName] = useState(identity.name);
  useEffect(() => setName(identity.name), [identity.name]);
  const followed = peers.find((p) => createUserId(p.userId) === following);

  const toggle = (peer: PeerInfo) => {
    if (!editor) return;
    const userId = createUserId(peer.userId);
    if (following === userId) editor.stopFollowingUser();
    else editor.startFollowingUser(userId);
  };

  return (
    <section className="fdr-people" aria-label={t.people}>
      {onRename === null ? (
        // Signed in: the account's name, on the avatar (tooltip, screen readers); nothing to edit.
        <span
          className="fdr-avatar"
          style={{ background: identity.color }}
          title={identity.name}
          data-testid="me"
        >
          <span aria-hidden="true">{initials(identity.name)}</span>
          <span className="fdr-sr-only">{format(t.youAre, { name: identity.name })}</span>
        </span>
      ) : (
        <form
          className="fdr-people__me"
          onSubmit={(e) => {
            e.preventDefault();
            const clean = cleanName(name);
            if (clean) onRename(clean);
          }}
        >
          <span className="fdr-avatar" style={{ background: identity.color }} aria-hidden="true">
            {initials(identity.name)}
          </span>
          <label htmlFor={`${id}-name`} className="fdr-sr-only">
            {t.yourName}
          </label>
          <input
            id={`${id}-name`}
            className="fdr-people__name"
            value={name}
            maxLength={60}
            onChange={(e) => setName(e.target.value)}
            onBlur={() => {
              const clean = cleanName(name);
              if (clean && clean !== identity.name) onRename(clean);
              else setName(identity.name);
            }}
          />
        </form>
      )}
      <ul className="fdr-people__list" data-testid="people">
        {peers.length === 0 && <li className="fdr-people__alone">{t.alone}</li>}
        {peers.map((peer) => {
          const isFollowed = following === createUserId(peer.userId);
          return (
            <li key={peer.userId}>
              <button
                type="button"
                className={`fdr-avatar-button ${isFollowed ? 'fdr-avatar-button--on' : ''}`}
                aria-pressed={isFollowed}
                title={format(isFollowed ? t.unfollow : t.follow, { name: peer.name })}
                aria-label={format(isFollowed ? t.unfollow : t.follow, { name: peer.name })}
                data-testid="follow"
                data-peer-name={peer.name}
                disabled={!editor}
                onClick={() => toggle(peer)}
              >
                <span className="fdr-avatar" style={{ background: peer.color }} aria-hidden="true">
                  {initials(peer.name)}
                </span>
                <span className="fdr-people__peer-name">{peer.name}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {followed && (
        <p className="fdr-people__following" role="status" style={{ borderColor: followed.color }}>
          {format(t.following, { name: followed.name })}
        </p>
      )}
    </section>
  );
}
