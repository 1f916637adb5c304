import type { Settings } from '../../../shared/domain/settings';
import { CONSOLE_KEYS, HELP_KEYS, QUESTIONING_KEYS, SHEET_ENTRY_KEYS, markKeyLines } from '../../../shared/live/console-keys';
import { markLabels } from '../../../shared/vote/terms';
import type { OperationCardInput } from '../documents';

/** The card's input: the keys the console acts on, the votes' titles and grade names as the settings give them. */
export function operationCardInput(settings: Pick<Settings, 'organisation' | 'voteTitles' | 'votes'>): OperationCardInput {
  return {
    organ: settings.organisation.fullName,
    voteTitles: settings.voteTitles,
    consoleKeys: CONSOLE_KEYS,
    questioningKeys: QUESTIONING_KEYS.map((k) => ({ keys: [k.key], label: k.label })),
    markKeys: markKeyLines(markLabels(settings.votes.gradeLabels, settings.votes.blankPolicy)),
    sheetKeys: SHEET_ENTRY_KEYS,
    helpKeys: HELP_KEYS,
  };
}
