import type { Lang } from '../i18n/strings.ts';
import type { ActionState } from './meetingApi.ts';
import { recordStrings } from './recordStrings.ts';

/** An action's state in words. */
export function actionStateLabel(state: ActionState, lang: Lang): string {
  const t = recordStrings[lang];
  return state === 'open' ? t.stateOpen : state === 'done' ? t.stateDone : t.stateDropped;
}
