/**
 * Texts of reviewing a unit's report with the report in front of the reviewer: the report view,
 * comments on activities and the unit's answers, accept with confirmation, reopening with a reason,
 * and MOPS entering figures on a unit's behalf. Part of MSG (catalogue.ts) as MSG.reviewView.
 */
import { counted } from './plural.ts';
import { withCount } from './counted.ts';
import { NOUN, w3 } from './words.ts';

/** „najwyżej 1 uwagę, 2 uwagi, 5 uwag” (a reviewer's comments on activities, accusative). */
const COMMENT_NOUN_ACC = w3('uwagę', 'uwagi', 'uwag');

const q = (s: string | number): string => `„${s}”`;

export const reviewText = {
  // server refusals
  notSeen: (unit: string, version: number) =>
    `Najpierw otwórz sprawozdanie jednostki ${unit} (wersja ${version}) — przyjąć lub zwrócić można tylko sprawozdanie, które zostało obejrzane.`,
  returnEmpty: 'Podaj komentarz dla jednostki — uwagę do co najmniej jednego działania albo uwagę ogólną: napisz, co ma poprawić.',
  reopenReasonMissing: 'Podaj powód ponownego otwarcia zaakceptowanego sprawozdania (pole „comment”).',
  commentTooLong: withCount((n: number) => `uwaga może mieć najwyżej ${counted(n, NOUN.character)}`),
  commentEmpty: 'Wpisz treść uwagi.',
  tooManyComments: withCount((n: number) => `zwrot może zawierać najwyżej ${counted(n, COMMENT_NOUN_ACC)}`),
  unknownActivity: (unit: string, id: string) => `Działanie ${id} nie należy do sprawozdania jednostki ${unit} — uwagę można dodać tylko do jej działania.`,
  unknownMeasure: (id: string, measure: string) => `Działanie ${id} nie ma miary ${q(measure)} w planie ani w wykonaniu.`,
  noComment: (id: number) => `Nie ma uwagi nr ${id} w tym sprawozdaniu.`,
  replyTooLong: withCount((n: number) => `odpowiedź może mieć najwyżej ${counted(n, NOUN.character)}`),
  replyEmpty: 'Wpisz treść odpowiedzi.',
  replyAccess: (unit: string) => `Na uwagi do sprawozdania jednostki ${unit} odpowiada ta jednostka lub MOPS.`,
  onBehalfReasonMissing: (unit: string) =>
    `Podaj powód zmiany w sprawozdaniu jednostki ${unit} (pole „onBehalfReason”), np. „dane przesłane e-mailem 12.01”.`,
  onBehalfReasonTooLong: withCount((n: number) => `powód zmiany może mieć najwyżej ${counted(n, NOUN.character)}`),
  onBehalfOnly: 'Wpisywać dane w imieniu jednostki może tylko MOPS (weryfikator lub administrator).',
  onBehalfAccepted: 'Sprawozdanie jest zaakceptowane — aby wpisać zmiany w imieniu jednostki, najpierw otwórz je ponownie (z powodem).',
} as const;
