/**
 * Renders the annex model (shared/annex/model.ts) to DOCX with the `docx` library — the only
 * module that imports it. Accessible as a published document must be (WCAG 2.1 AA): real heading
 * styles (the navigation pane shows areas, tasks, subsections), table header rows marked as headers
 * and repeated on every page, rows that do not break across pages, language pl-PL, title and author
 * in the properties, nothing said by colour alone (header rows are bold; the shading is decoration).
 * A4 landscape, page numbers „Strona X z Y”, numbers and money already in Polish format in the model.
 */
import {
  AlignmentType, Document, Footer, HeadingLevel, LevelFormat, Packer, PageNumber, PageOrientation, Paragraph,
  ShadingType, StringValueElement, Table, TableCell, TableLayoutType, TableProperties, TableRow, TextRun, WidthType,
  type ITableOptions, type ParagraphChild,
} from 'docx';
import { MSG, formatPlNumber, type AnnexModel, type AnnexRow, type AnnexSummary, type AnnexTable } from '@pwr-sync/shared';

const A = MSG.annex;

const FONT = 'Arial';
/** Half-points. */
const SIZE_BODY = 20;
const SIZE_TABLE = 18;
/** A4 in twips; the section turns it to landscape. */
const A4 = { width: 11_906, height: 16_838 };
const MARGIN = 1_134; // 2 cm
const TEXT_WIDTH = A4.height - 2 * MARGIN;
/** Column shares (activity, units, plan, scope[, money]), in twips summing to the text width. */
const WIDTHS_BASIC = [3_600, 2_300, 2_900, 3_570, 2_200];
const WIDTHS_COMPLEMENTARY = [4_100, 2_600, 3_700, 4_170];
const HEADER_SHADING = { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } as const;
const LINKED_LIST = 'linked-to';

/** Cell text as paragraphs: line breaks of a verbatim text stay line breaks. */
function cellParagraphs(text: string, opts: { bold?: boolean; alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]; keepNext?: boolean } = {}): Paragraph[] {
  const lines = text.split(/\r?\n/);
  return lines.map((line) => new Paragraph({
    alignment: opts.alignment,
    keepNext: opts.keepNext,
    spacing: { after: 0 },
    children: [new TextRun({ text: line, bold: opts.bold, size: SIZE_TABLE })],
  }));
}

function cell(children: Paragraph[], width: number, header = false): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    ...(header ? { shading: HEADER_SHADING } : {}),
  });
}

/**
 * A table with its alternative text (Word: Table Properties → Alt Text; w:tblCaption and
 * w:tblDescription, the last children of w:tblPr), which screen readers announce and Word's
 * accessibility checker asks for. The docx library has no option for them, so they are appended to
 * the table properties it built.
 */
class DescribedTable extends Table {
  constructor(options: ITableOptions, caption: string, description: string) {
    super(options);
    const props = this.root.find((c): c is TableProperties => c instanceof TableProperties);
    if (!props) throw new Error('docx: a table without w:tblPr');
    (props as unknown as { root: unknown[] }).root.push(new StringValueElement('w:tblCaption', caption), new StringValueElement('w:tblDescription', description));
  }
}

/** The table's caption for screen readers: „Działania zadania I.2, część 1)” (task codes of any depth). */
function tableCaption(table: AnnexTable): string {
  return A.tableCaption(table.taskCode, table.subsection === null ? undefined : String(table.subsection));
}

function activityTable(table: AnnexTable, columns: AnnexModel['columns']): Table {
  const widths = table.withMoney ? WIDTHS_BASIC : WIDTHS_COMPLEMENTARY;
  const headers = [columns.activity, columns.units, columns.plan, columns.scope, ...(table.withMoney ? [columns.money] : [])];
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: headers.map((h, i) => cell(cellParagraphs(h, { bold: true, alignment: AlignmentType.CENTER }), widths[i]!, true)),
  });
  const body = table.rows.map((row: AnnexRow) => new TableRow({
    cantSplit: true,
    children: [
      cell(cellParagraphs(row.activity), widths[0]!),
      cell(cellParagraphs(row.units), widths[1]!),
      cell(cellParagraphs(row.plan), widths[2]!),
      cell(cellParagraphs(row.scope), widths[3]!),
      ...(table.withMoney
        ? [cell(row.money.length ? row.money.flatMap((m) => cellParagraphs(m, { alignment: AlignmentType.RIGHT })) : cellParagraphs(''), widths[4]!)]
        : []),
    ],
  }));
  return new DescribedTable({
    rows: [header, ...body],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
  }, tableCaption(table), A.tableDescription(headers, table.rows.length));
}

/** Two-column figures table of the summary (label | value), header row marked, total row bold; kept on one page. */
function figuresTable(caption: string, headers: [string, string], lines: [string, string][], total: [string, string]): Table {
  const widths = [TEXT_WIDTH - 3_600, 3_600];
  const row = (cells: [string, string], bold: boolean, header = false, keepNext = true) => new TableRow({
    tableHeader: header,
    cantSplit: true,
    children: cells.map((c, i) => cell(cellParagraphs(c, { bold, keepNext, alignment: i === 1 ? AlignmentType.RIGHT : AlignmentType.LEFT }), widths[i]!, header)),
  });
  return new DescribedTable({
    rows: [row(headers, true, true), ...lines.map((l) => row(l, false)), row(total, true, false, false)],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
  }, caption, A.figuresDescription(headers));
}

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading: level });
const body = (text: string, extra: { bold?: boolean; alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]; keepNext?: boolean } = {}) =>
  new Paragraph({ alignment: extra.alignment, keepNext: extra.keepNext, children: [new TextRun({ text, bold: extra.bold })] });

/** „Działania powiązane z:” and its numbered list; each list numbers from 1 (its own instance). */
function linkedList(items: readonly string[], instance: number): Paragraph[] {
  if (items.length === 0) return [];
  return [
    body(A.linkedTo, { keepNext: true }),
    ...items.map((item) => new Paragraph({ text: item, keepNext: true, numbering: { reference: LINKED_LIST, level: 0, instance } })),
  ];
}

function tableOrNote(table: AnnexTable, model: AnnexModel): (Paragraph | Table)[] {
  if (table.rows.length === 0) return [body(A.noActivities(model.year))];
  // a small gap after each table, as between the original's tables
  return [activityTable(table, model.columns), new Paragraph({ spacing: { after: 120 }, children: [] })];
}

function summaryBlocks(s: AnnexSummary, year: number): (Paragraph | Table)[] {
  const S = A.summary;
  return [
    heading(S.title, HeadingLevel.HEADING_1),
    body(S.intro(year)),
    heading(S.money, HeadingLevel.HEADING_2),
    figuresTable(S.money, S.moneyHeaders(year), s.moneyByTask.map((t) => [t.heading, t.money]), [S.total, s.total]),
    heading(S.byStatus, HeadingLevel.HEADING_2),
    figuresTable(S.byStatus, S.byStatusHeaders, s.activitiesByStatus.map((x) => [x.label, formatPlNumber(x.count)]), [S.total, formatPlNumber(s.activities)]),
    heading(S.byBand, HeadingLevel.HEADING_2),
    body(S.byBandNote),
    figuresTable(S.byBand, S.byBandHeaders, s.measuresByBand.map((x) => [x.label, formatPlNumber(x.count)]), [S.total, formatPlNumber(s.measures)]),
  ];
}

/** The document's body in reading order. */
function bodyOf(model: AnnexModel): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    body(model.annexLine, { bold: true, alignment: AlignmentType.RIGHT }),
    body(model.parentReportLine, { alignment: AlignmentType.RIGHT }),
    new Paragraph({ text: model.reportTitle, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
    ...(model.draftNote ? [body(model.draftNote, { bold: true, alignment: AlignmentType.CENTER })] : []),
  ];
  let lists = 0;
  for (const area of model.areas) {
    out.push(heading(area.heading, HeadingLevel.HEADING_1));
    for (const task of area.tasks) {
      out.push(heading(task.heading, HeadingLevel.HEADING_2), ...linkedList(task.linkedTo, ++lists));
      if (task.table) out.push(...tableOrNote(task.table, model));
      for (const sub of task.subsections) {
        out.push(heading(sub.heading, HeadingLevel.HEADING_3), ...linkedList(sub.linkedTo, ++lists), ...tableOrNote(sub.table, model));
      }
    }
  }
  if (model.summary) out.push(...summaryBlocks(model.summary, model.year));
  return out;
}

/** Outline levels make the headings the document's structure in Word's navigation pane and PDF bookmarks. */
const headingStyle = (size: number, outlineLevel: number) => ({
  run: { font: FONT, size, bold: true, color: '000000' },
  paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true, outlineLevel },
});

/** The annex as a DOCX file. */
export async function annexDocxBuffer(model: AnnexModel): Promise<Buffer> {
  const pageNumber: ParagraphChild[] = [new TextRun({ children: [A.page.before, PageNumber.CURRENT, A.page.between, PageNumber.TOTAL_PAGES], size: SIZE_TABLE })];
  const doc = new Document({
    title: model.docTitle,
    creator: model.author,
    lastModifiedBy: model.author,
    subject: A.subject(model.year),
    description: `${model.annexLine} ${model.parentReportLine}`,
    styles: {
      default: {
        document: { run: { font: FONT, size: SIZE_BODY, language: { value: 'pl-PL' } }, paragraph: { spacing: { after: 80 } } },
        title: { run: { font: FONT, size: 28, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 240 } } },
        heading1: headingStyle(26, 0),
        heading2: headingStyle(22, 1),
        heading3: headingStyle(21, 2),
      },
    },
    numbering: {
      config: [{
        reference: LINKED_LIST,
        levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 567, hanging: 340 } } } }],
      }],
    },
    sections: [{
      properties: {
        page: {
          size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
          margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, footer: 567, header: 567 },
        },
      },
      footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: pageNumber })] }) },
      children: bodyOf(model),
    }],
  });
  return Packer.toBuffer(doc);
}
