import { Component, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Rendering is tried again once this changes (the list of peers, say). */
  resetKey: unknown;
}

interface State {
  failed: boolean;
  /** The `resetKey` the failure happened with. */
  failedWith: unknown;
}

/**
 * Last resort around what draws other people (their names, ghosts): peers are read through
 * `readPeer`, but should one still break a render, the board goes on without that part instead
 * of going blank for everyone on the page.
 */
export class PresenceBoundary extends Component<Props, State> {
  override state: State = { failed: false, failedWith: undefined };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return state.failed && state.failedWith !== undefined && props.resetKey !== state.failedWith
      ? { failed: false, failedWith: undefined }
      : null;
  }

  override componentDidCatch(error: unknown): void {
    console.warn('presence not shown', error);
    this.setState({ failedWith: this.props.resetKey });
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
