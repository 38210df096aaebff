/*
 * Stand-in for https://appsforoffice.microsoft.com/lib/1/hosted/office.js in end-to-end tests.
 * Defines `Office` (onReady resolves with host Excel; requirement sets) and an in-memory, recording
 * `Excel` host implementing the subset of the object model the add-in's adapter uses: worksheets
 * (visibility included: the sync record lives on a very hidden sheet),
 * tables (rows add/delete, convertToRange, onChanged), ranges (values, numberFormat, format, data
 * validation, conditional formats, hidden columns), protection and runtime.enableEvents.
 * Writes run in order when context.sync() is called; loads are filled in at that sync; writing a
 * locked cell of a protected sheet fails like Excel does (AccessDenied); a failing command leaves the
 * commands before it applied and drops the rest, as in Excel (runtime.enableEvents stays as left).
 * Tests drive it through `window.__fakeExcel` (user edits, pastes, inspection, the recorded log).
 */
(function () {
  'use strict';
  const MAX_ROW = 1048575;
  const state = { sheets: new Map(), tables: new Map(), names: new Map(), log: [], syncs: 0, active: { sheet: 'Arkusz1', r: 0, c: 0 }, apiVersion: window.__fakeApiVersion || '1.9', eventsFromAddin: 0 };

  const colIndex = (letters) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const colLetter = (i) => { let s = ''; for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s; return s; };
  function parseAddress(address) {
    const a = address.includes('!') ? address.split('!')[1] : address;
    const [p, q] = a.split(':');
    const one = (ref) => { const m = /^([A-Z]+)?(\d+)?$/.exec(ref); return { c: m[1] ? colIndex(m[1]) : null, r: m[2] ? Number(m[2]) - 1 : null }; };
    const s = one(p), e = one(q ?? p);
    return { r0: s.r ?? 0, c0: s.c ?? 0, r1: e.r ?? MAX_ROW, c1: e.c ?? 16383 };
  }
  const fmt = (r) => `${colLetter(r.c0)}${r.r0 + 1}:${colLetter(r.c1)}${r.r1 + 1}`;
  const key = (r, c) => `${r},${c}`;
  const error = (code, message) => Object.assign(new Error(message), { code, name: 'RichApi.Error', debugInfo: { code, message } });

  function newSheet(name) {
    const s = { name, visibility: 'Visible', cells: new Map(), formulas: new Map(), numberFormats: new Map(), fills: new Map(), unlocked: new Set(), hidden: new Set(), protected: false, validations: [], conditionalFormats: [] };
    state.sheets.set(name, s);
    return s;
  }
  function tableAt(sheet, r, c) {
    for (const t of state.tables.values()) if (t.sheet === sheet && r > t.top && r <= t.top + t.rows && c >= t.left && c <= t.left + t.cols - 1) return t;
    return null;
  }
  /** Excel's filter semantics, independently of the add-in: a row shows when every column filter keeps it. */
  function passes(v, f) {
    if (f.kind === 'values') return f.values.includes(String(v ?? ''));
    const test = (c) => {
      const m = /^(<=|>=|<>|<|>|=)?(.*)$/.exec(c); const op = m[1] || '='; const rhs = m[2];
      const num = Number(rhs);
      if (op === '=' || op === '<>') { const eq = String(v ?? '') === rhs; return op === '=' ? eq : !eq; }
      if (typeof v !== 'number' || Number.isNaN(num)) return false;
      return op === '<' ? v < num : op === '>' ? v > num : op === '<=' ? v <= num : v >= num;
    };
    const r = f.criteria.map(test);
    return f.oper === 'Or' ? r.some(Boolean) : r.every(Boolean);
  }
  function visibleBodyRows(t) {
    const out = [];
    for (let i = 0; i < t.rows; i++) {
      const row = Array.from({ length: t.cols }, (_, j) => t.sheet.cells.get(key(t.top + 1 + i, t.left + j)) ?? '');
      if ([...(t.filters ?? new Map()).entries()].every(([j, f]) => passes(row[j], f))) out.push(row);
    }
    return out;
  }
  function shiftRows(sheet, fromRow, delta) {
    for (const map of [sheet.cells, sheet.numberFormats, sheet.fills]) {
      const moved = [...map.entries()].filter(([k]) => Number(k.split(',')[0]) >= fromRow);
      for (const [k] of moved) map.delete(k);
      for (const [k, v] of moved) { const [r, c] = k.split(',').map(Number); if (r + delta >= fromRow || delta > 0) map.set(key(r + delta, c), v); }
    }
    const un = [...sheet.unlocked].map((k) => k.split(',').map(Number));
    sheet.unlocked = new Set(un.map(([r, c]) => (r >= fromRow ? key(r + delta, c) : key(r, c))));
  }

  function makeContext() {
    const queue = [];
    const loads = [];
    let pendingError = null;
    const ctx = { runtime: {}, workbook: {}, trackedObjects: { add() {}, remove() {} } };
    // The flag belongs to the add-in's runtime, not to one Excel.run: it stays as the last applied command left it.
    Object.defineProperty(ctx.runtime, 'enableEvents', { get: () => state.eventsEnabled, set: (v) => queue.push(() => { state.eventsEnabled = v; state.log.push(`enableEvents ${v}`); }) });
    const op = (name, fn) => queue.push(() => {
      if (state.failOn && name.startsWith(state.failOn) && state.failSkip-- <= 0) { state.failOn = null; throw error('GeneralException', `${name} failed`); }
      state.log.push(name); fn();
    });

    function fireChange(sheet, rng) {
      if (!state.eventsEnabled) return;
      const t = tableAt(sheet, rng.r0, rng.c0);
      if (!t || !t.handlers.length) return;
      state.eventsFromAddin++;
      for (const h of t.handlers) setTimeout(() => h({ address: fmt(rng), changeType: 'RangeEdited', source: 'Local', tableId: t.name }), 0);
    }

    function fireSelection(sheet, rng) {
      for (const t of state.tables.values()) {
        if (t.sheet !== sheet || !t.selectionHandlers?.length) continue;
        const inside = !!tableAt(sheet, rng.r0, rng.c0) || rng.r0 === t.top;
        for (const h of t.selectionHandlers) setTimeout(() => h({ address: fmt(rng).split(':')[0], isInsideTable: inside, tableId: t.name, type: 'TableSelectionChanged' }), 0);
      }
    }

    function rangeProxy(getSheet, getRect) {
      const r = {
        load(props) { loads.push(() => {
          const sheet = getSheet(); const rect = getRect();
          const rows = Math.min(rect.r1, sheet ? maxRow(sheet) : 0) - rect.r0 + 1;
          r._loaded = { address: `${sheet.name}!${fmt(rect)}`, rowIndex: rect.r0, rowCount: rect.r1 - rect.r0 + 1, columnCount: rect.c1 - rect.c0 + 1,
            values: Array.from({ length: Math.max(0, Math.min(rows, rect.r1 - rect.r0 + 1)) }, (_, i) => Array.from({ length: rect.c1 - rect.c0 + 1 }, (_, j) => sheet.cells.get(key(rect.r0 + i, rect.c0 + j)) ?? '')) };
          // As Excel's: a cell's formula, or its value where it holds none.
          r._loaded.formulas = r._loaded.values.map((row, i) => row.map((v, j) => sheet.formulas.get(key(rect.r0 + i, rect.c0 + j)) ?? v));
        }); return r; },
        get values() { if (!r._loaded) throw error('PropertyNotLoaded', 'values not loaded'); return r._loaded.values; },
        get formulas() { if (!r._loaded) throw error('PropertyNotLoaded', 'formulas not loaded'); return r._loaded.formulas; },
        set values(v) { op(`values ${fmt(getRect())}`, () => writeCells(getSheet(), getRect(), v, 'cells')); },
        get rowCount() { if (!r._loaded) throw error('PropertyNotLoaded', 'rowCount not loaded'); return r._loaded.rowCount; },
        get rowIndex() { if (!r._loaded) throw error('PropertyNotLoaded', 'rowIndex not loaded'); return r._loaded.rowIndex; },
        get worksheet() { return sheetProxy(getSheet()?.name ?? '', false); },
        get address() { if (!r._loaded) throw error('PropertyNotLoaded', 'address not loaded'); return r._loaded.address; },
        set numberFormat(v) { op(`numberFormat ${fmt(getRect())}`, () => writeCells(getSheet(), getRect(), v, 'numberFormats')); },
        // Formulas are recorded beside the values; a cell's value stays what was written (Excel would
        // compute the same at the year's thresholds). Tests read them with __fakeExcel.formulas().
        set formulas(v) { op(`formulas ${fmt(getRect())}`, () => { const rc = getRect(); const s = getSheet(); v.forEach((row, i) => row.forEach((f, j) => { if (typeof f === 'string' && f.startsWith('=')) s.formulas.set(key(rc.r0 + i, rc.c0 + j), f); else { const k = key(rc.r0 + i, rc.c0 + j); const val = typeof f === 'string' && f.startsWith("'") ? f.slice(1) : f; s.formulas.delete(k); if (val === '' || val === null) s.cells.delete(k); else s.cells.set(k, val); } })); }); },
        set columnHidden(v) { op(`columnHidden ${fmt(getRect())}`, () => { const rc = getRect(); for (let c = rc.c0; c <= rc.c1; c++) v ? getSheet().hidden.add(c) : getSheet().hidden.delete(c); }); },
        clear() { op(`clear ${fmt(getRect())}`, () => { const s = getSheet(), rc = getRect(); for (const m of [s.cells, s.formulas, s.numberFormats, s.fills]) for (const k of [...m.keys()]) { const [rr, cc] = k.split(',').map(Number); if (rr >= rc.r0 && rr <= rc.r1 && cc >= rc.c0 && cc <= rc.c1) m.delete(k); } }); },
        format: {
          font: { set bold(v) { op('font.bold', () => {}); }, set italic(v) { op('font.italic', () => {}); }, set size(v) { op('font.size', () => {}); }, set color(v) { op('font.color', () => {}); } },
          set wrapText(v) { op('wrapText', () => {}); },
          set verticalAlignment(v) { op('verticalAlignment', () => {}); },
          autofitRows() { op('autofitRows', () => {}); },
          set columnWidth(v) { op('columnWidth', () => {}); },
          fill: {
            set color(v) { op(`fill ${fmt(getRect())} ${v}`, () => { const rc = getRect(); for (let i = rc.r0; i <= rc.r1; i++) for (let j = rc.c0; j <= rc.c1; j++) getSheet().fills.set(key(i, j), v); }); },
            clear() { op(`fill.clear ${fmt(getRect())}`, () => { const rc = getRect(); for (const k of [...getSheet().fills.keys()]) { const [i, j] = k.split(',').map(Number); if (i >= rc.r0 && i <= rc.r1 && j >= rc.c0 && j <= rc.c1) getSheet().fills.delete(k); } }); },
          },
          protection: { set locked(v) { op(`locked ${fmt(getRect())} ${v}`, () => { const rc = getRect(); for (let i = rc.r0; i <= Math.min(rc.r1, rc.r0 + 5000); i++) for (let j = rc.c0; j <= rc.c1; j++) v ? getSheet().unlocked.delete(key(i, j)) : getSheet().unlocked.add(key(i, j)); }); } },
        },
        dataValidation: {
          clear() { op(`dataValidation.clear ${fmt(getRect())}`, () => { getSheet().validations = []; }); },
          set rule(v) { op(`dataValidation ${fmt(getRect())}`, () => getSheet().validations.push({ address: fmt(getRect()), rule: v })); },
          set errorAlert(v) { op('dataValidation.errorAlert', () => {}); },
          set prompt(v) { op('dataValidation.prompt', () => {}); },
        },
        conditionalFormats: {
          clearAll() { op('conditionalFormats.clearAll', () => { getSheet().conditionalFormats = []; }); },
          add(type) {
            const cf = { type, custom: { rule: { formula: '' }, format: { fill: { color: '' }, font: { color: '' } } } };
            op(`conditionalFormats.add ${type} ${fmt(getRect())}`, () => getSheet().conditionalFormats.push({ address: fmt(getRect()), cf }));
            return cf;
          },
        },
        _refersTo() { const rc = getRect(); return `${getSheet().name}!$${colLetter(rc.c0)}$${rc.r0 + 1}`; },
        select() { op(`select ${fmt(getRect())}`, () => { const rc = getRect(); state.active = { sheet: getSheet().name, r: rc.r0, c: rc.c0 }; fireSelection(getSheet(), rc); }); },
        getCell: (i, j) => rangeProxy(getSheet, () => { const rc = getRect(); return { r0: rc.r0 + i, c0: rc.c0 + j, r1: rc.r0 + i, c1: rc.c0 + j }; }),
        getRow: (i) => rangeProxy(getSheet, () => { const rc = getRect(); return { r0: rc.r0 + i, c0: rc.c0, r1: rc.r0 + i, c1: rc.c1 }; }),
        getColumn: (j) => rangeProxy(getSheet, () => { const rc = getRect(); return { r0: rc.r0, c0: rc.c0 + j, r1: rc.r1, c1: rc.c0 + j }; }),
        getResizedRange: (di, dj) => rangeProxy(getSheet, () => { const rc = getRect(); return { r0: rc.r0, c0: rc.c0, r1: rc.r1 + di, c1: rc.c1 + dj }; }),
      };
      return r;
    }
    function maxRow(sheet) { let m = -1; for (const k of sheet.cells.keys()) m = Math.max(m, Number(k.split(',')[0])); return m; }
    function writeCells(sheet, rect, v, target) {
      const rows = rect.r1 - rect.r0 + 1, cols = rect.c1 - rect.c0 + 1;
      const grid = Array.isArray(v) ? v : Array.from({ length: rows }, () => Array.from({ length: cols }, () => v));
      if (grid.length !== rows || grid.some((row) => row.length !== cols)) throw error('InvalidArgument', `dimensions ${grid.length}x${grid[0]?.length} do not match ${fmt(rect)}`);
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) {
        if (target === 'cells' && sheet.protected && !sheet.unlocked.has(key(rect.r0 + i, rect.c0 + j))) throw error('AccessDenied', `cell ${colLetter(rect.c0 + j)}${rect.r0 + i + 1} is locked on a protected sheet`);
        // As in Excel, a leading apostrophe is the "this is text" prefix, not part of the value.
        const val = target === 'cells' && typeof grid[i][j] === 'string' && grid[i][j].startsWith("'") ? grid[i][j].slice(1) : grid[i][j];
        if (target === 'cells' && (val === '' || val === null)) sheet.cells.delete(key(rect.r0 + i, rect.c0 + j));
        else sheet[target].set(key(rect.r0 + i, rect.c0 + j), val);
      }
      if (target === 'cells') fireChange(sheet, rect);
    }

    function sheetProxy(name, isNull) {
      const getSheet = () => state.sheets.get(name);
      return {
        isNullObject: isNull, name,
        load() { return this; },
        set visibility(v) { op(`visibility ${name} ${v}`, () => { getSheet().visibility = v; }); },
        getRange: (address) => rangeProxy(getSheet, () => parseAddress(address)),
        protection: {
          protect(options) { op('protect', () => { getSheet().protected = true; getSheet().protectionOptions = options; }); },
          unprotect() { op('unprotect', () => { getSheet().protected = false; }); },
        },
        freezePanes: {
          freezeRows(n) { op(`freezeRows ${n}`, () => { getSheet().frozenRows = n; }); },
          freezeAt(range) { op('freezeAt', () => { getSheet().frozenAt = range; }); },
        },
        pageLayout: {
          set orientation(v) { op(`pageLayout.orientation ${v}`, () => { getSheet().orientation = v; }); },
          set paperSize(v) { op(`pageLayout.paperSize ${v}`, () => { getSheet().paperSize = v; }); },
          set zoom(v) { op('pageLayout.zoom', () => { getSheet().zoom = v; }); },
          setPrintTitleRows(rows) { op(`pageLayout.setPrintTitleRows ${rows}`, () => { getSheet().printTitleRows = rows; }); },
          headersFooters: { defaultForAllPages: {} },
        },
        activate() { op('activate', () => {}); },
        tables: {
          add(address, hasHeaders) {
            const rect = parseAddress(address);
            const t = { name: `Table${state.tables.size + 1}`, sheet: null, top: rect.r0, left: rect.c0, rows: rect.r1 - rect.r0 - (hasHeaders ? 0 : -1), cols: rect.c1 - rect.c0 + 1, handlers: [] };
            const holder = { t };
            op(`tables.add ${address}`, () => { t.sheet = getSheet(); state.tables.set(t.name, t); });
            return tableProxy(() => holder.t, false);
          },
        },
      };
    }
    function tableProxy(getTable, isNull) {
      const getSheet = () => getTable().sheet;
      const body = () => { const t = getTable(); return { r0: t.top + 1, c0: t.left, r1: t.top + t.rows, c1: t.left + t.cols - 1 }; };
      const proxy = {
        isNullObject: isNull,
        load() { return proxy; },
        set name(v) { op(`table.name ${v}`, () => { const t = getTable(); state.tables.delete(t.name); t.name = v; state.tables.set(v, t); }); },
        set style(v) { op(`table.style ${v}`, () => {}); },
        get worksheet() { return sheetProxy(getSheet()?.name ?? '', false); },
        getDataBodyRange: () => rangeProxy(getSheet, body),
        getRange: () => {
          const rng = rangeProxy(getSheet, () => { const b = body(); return { ...b, r0: b.r0 - 1 }; });
          rng.getVisibleView = () => {
            const view = { load() { loads.push(() => { view._rowCount = 1 + visibleBodyRows(getTable()).length; }); return view; }, get rowCount() { if (view._rowCount === undefined) throw error('PropertyNotLoaded', 'rowCount'); return view._rowCount; } };
            return view;
          };
          return rng;
        },
        clearFilters() { op('table.clearFilters', () => { getTable().filters = new Map(); }); },
        columns: {
          getItem(name) {
            const colOf = () => { const t = getTable(); for (let j = 0; j < t.cols; j++) if (t.sheet.cells.get(key(t.top, t.left + j)) === name) return j; throw error('ItemNotFound', `column ${name}`); };
            const setFilter = (f) => op(`filter ${name} ${JSON.stringify(f)}`, () => { const t = getTable(); t.filters = t.filters ?? new Map(); t.filters.set(colOf(), f); });
            return {
              filter: {
                applyValuesFilter(values) { setFilter({ kind: 'values', values: values.map(String) }); },
                applyCustomFilter(criterion1, criterion2, oper) { setFilter({ kind: 'custom', criteria: [criterion1, criterion2].filter(Boolean), oper: oper ?? 'And' }); },
                clear() { op(`filter.clear ${name}`, () => getTable().filters?.delete(colOf())); },
              },
              getDataBodyRange: () => rangeProxy(getSheet, () => { const b = body(); const j = colOf(); return { ...b, c0: b.c0 + j, c1: b.c0 + j }; }),
            };
          },
        },
        getHeaderRowRange: () => rangeProxy(getSheet, () => { const b = body(); return { ...b, r0: b.r0 - 1, r1: b.r0 - 1 }; }),
        convertToRange() { op('convertToRange', () => { getTable().filters = new Map(); state.tables.delete(getTable().name); }); return rangeProxy(getSheet, body); },
        rows: {
          add(index, values) {
            op(`rows.add ${index} ×${values.length}`, () => {
              const t = getTable(); const at = t.top + 1 + (index ?? t.rows);
              const sheet = getSheet();
              if (sheet.protected) throw error('AccessDenied', 'cannot insert rows on a protected sheet');
              shiftRows(sheet, at, values.length); t.rows += values.length;
              // As a range write: a leading apostrophe is Excel's text prefix, not part of the value ("'+warsztat" reads "+warsztat").
              for (let i = 0; i < values.length; i++) for (let j = 0; j < t.cols; j++) {
                const v = typeof values[i][j] === 'string' && values[i][j].startsWith("'") ? values[i][j].slice(1) : values[i][j];
                if (v !== '' && v !== null) sheet.cells.set(key(at + i, t.left + j), v);
              }
            });
          },
          getItemAt(i) { return { delete() { op(`rows.delete ${i}`, () => { const t = getTable(); const sheet = getSheet(); if (sheet.protected) throw error('AccessDenied', 'cannot delete rows on a protected sheet'); const at = t.top + 1 + i; for (const m of [sheet.cells, sheet.numberFormats, sheet.fills]) for (let j = 0; j < t.cols; j++) m.delete(key(at, t.left + j)); shiftRows(sheet, at + 1, -1); t.rows -= 1; }); } }; },
        },
        onSelectionChanged: {
          add(handler) {
            op('onSelectionChanged.add', () => { const t = getTable(); (t.selectionHandlers = t.selectionHandlers ?? []).push(handler); });
            return { context: ctx, remove() { op('onSelectionChanged.remove', () => { const t = getTable(); if (t) t.selectionHandlers = (t.selectionHandlers ?? []).filter((h) => h !== handler); }); } };
          },
        },
        onChanged: {
          add(handler) {
            op('onChanged.add', () => getTable().handlers.push(handler));
            return { context: ctx, remove() { op('onChanged.remove', () => { const t = getTable(); if (t) t.handlers = t.handlers.filter((h) => h !== handler); }); } };
          },
        },
      };
      return proxy;
    }

    ctx.workbook.worksheets = {
      getItemOrNullObject: (name) => sheetProxy(name, !state.sheets.has(name)),
      getItem: (name) => { if (!state.sheets.has(name)) pendingError = error('ItemNotFound', `sheet ${name}`); return sheetProxy(name, false); },
      add: (name) => { op(`worksheets.add ${name}`, () => newSheet(name)); return sheetProxy(name, false); },
    };
    // Defined names (workbook scope): what each refers to, as Excel reports a name's formula.
    ctx.workbook.names = {
      getItemOrNullObject: (name) => {
        const item = { isNullObject: !state.names.has(name), name, load() { loads.push(() => { item.formula = state.names.get(name); }); return item; },
          delete() { op(`names.delete ${name}`, () => state.names.delete(name)); } };
        return item;
      },
      add: (name, range) => {
        op(`names.add ${name}`, () => { if (state.names.has(name)) throw error('InvalidArgument', `name ${name} exists`); state.names.set(name, `=${range._refersTo()}`); });
        return { name };
      },
    };
    const findTable = (name) => state.tables.get(name);
    ctx.workbook.tables = {
      getItemOrNullObject: (name) => { const t = findTable(name); return tableProxy(() => t, !t); },
      getItem: (name) => { const t = findTable(name); if (!t) pendingError = error('ItemNotFound', `The requested resource doesn't exist. (${name})`); return tableProxy(() => t, false); },
    };
    ctx.workbook.getActiveCell = () => rangeProxy(() => state.sheets.get(state.active.sheet), () => ({ r0: state.active.r, c0: state.active.c, r1: state.active.r, c1: state.active.c }));
    ctx.sync = async () => {
      state.syncs++;
      await new Promise((r) => setTimeout(r, 1));
      if (state.cellEditMode) { queue.length = 0; throw error('InvalidOperationInCellEditMode', 'cell edit mode'); }
      if (pendingError) { const e = pendingError; pendingError = null; queue.length = 0; throw e; }
      // As Excel: the commands before a failing one stay applied (enableEvents = false among them), the rest are dropped.
      try { while (queue.length) queue.shift()(); } catch (e) { queue.length = 0; throw e; }
      for (const l of loads.splice(0)) l();
    };
    return ctx;
  }

  state.eventsEnabled = true;
  newSheet('Arkusz1');
  window.Excel = {
    run: async (batch) => { const ctx = makeContext(); const result = await batch(ctx); return result; },
  };
  window.OfficeExtension = { Error: Error };
  const ready = Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' });
  /**
   * The dialog API as Office on the web runs it: a separate window on the add-in's domain whose page
   * (loading office.js itself) talks back with messageParent; closing it raises 12006 to the pane.
   */
  const dialogs = { opened: [] };
  const ui = {
    displayDialogAsync(url, options, callback) {
      const cb = typeof options === 'function' ? options : callback;
      if (new URL(url, location.href).origin !== location.origin) {
        cb?.({ status: 'failed', error: { code: 12004, message: 'The domain of the URL is not included in the AppDomains element in the manifest.' } });
        return;
      }
      const win = window.open(url, '_blank', 'popup,width=480,height=640');
      if (!win) { cb?.({ status: 'failed', error: { code: 12007, message: 'A dialog box is already opened from this host window.' } }); return; }
      dialogs.opened.push(url);
      const handlers = {};
      let closedByAddin = false;
      const onMessage = (ev) => {
        if (ev.source !== win || !ev.data || ev.data.__officeDialog !== true) return;
        handlers.dialogMessageReceived?.({ type: 'dialogMessageReceived', message: ev.data.message, origin: ev.origin });
      };
      window.addEventListener('message', onMessage);
      const watch = setInterval(() => {
        if (!win.closed) return;
        clearInterval(watch);
        window.removeEventListener('message', onMessage);
        if (!closedByAddin) handlers.dialogEventReceived?.({ type: 'dialogEventReceived', error: 12006 });
      }, 100);
      cb?.({ status: 'succeeded', value: {
        addEventHandler(type, handler) { handlers[type] = handler; },
        close() { closedByAddin = true; win.close(); },
        messageChild() {},
      } });
    },
    messageParent(message) {
      if (!window.opener) throw new Error('messageParent: this page is not an Office dialog');
      window.opener.postMessage({ __officeDialog: true, message }, location.origin);
    },
  };
  window.Office = {
    HostType: { Excel: 'Excel', Word: 'Word' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady: (cb) => ready.then((info) => { cb?.(info); return info; }),
    // The Office theme the pane follows (Office.context.officeTheme); tests set __fakeTheme before load.
    context: { ui, officeTheme: window.__fakeTheme || { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000', controlBackgroundColor: '#FFFFFF', controlForegroundColor: '#000000' }, requirements: { isSetSupported: (name, v) => name === 'ExcelApi' && Number(v ?? '1.1') <= Number(state.apiVersion) } },
  };

  /** Test controls: what a user does in Excel, and what the tests inspect. */
  window.__fakeExcel = {
    state,
    /** URLs the add-in opened in Office dialogs. */
    dialogs,
    setApiVersion(v) { state.apiVersion = v; },
    setCellEditMode(on) { state.cellEditMode = on; },
    /** The next command whose log name starts with `prefix` (after `skip` such commands) fails (GeneralException), midway through its batch. */
    failNext(prefix, skip = 0) { state.failOn = prefix; state.failSkip = skip; },
    /** The report table's body values, or null when there is no table. */
    tableValues(name) {
      const t = state.tables.get(name); if (!t) return null;
      return Array.from({ length: t.rows }, (_, i) => Array.from({ length: t.cols }, (_, j) => t.sheet.cells.get(key(t.top + 1 + i, t.left + j)) ?? ''));
    },
    /** Body rows Excel shows under the table's current filters. */
    visibleRows(name) { const t = state.tables.get(name); return t ? visibleBodyRows(t) : null; },
    /** Column filters of a table, by header. */
    filters(name) { const t = state.tables.get(name); if (!t) return null; return Object.fromEntries([...(t.filters ?? new Map()).entries()].map(([j, f]) => [t.sheet.cells.get(key(t.top, t.left + j)), f])); },
    /** The user clicks a cell (review mode reads the active cell). */
    select(sheetName, address) { const p = parseAddress(address); state.active = { sheet: sheetName, r: p.r0, c: p.c0 }; },
    /** The user clicks a cell, and Excel raises the selection event of the table the cell is in. */
    userSelect(sheetName, address) {
      const p = parseAddress(address); state.active = { sheet: sheetName, r: p.r0, c: p.c0 };
      const t = tableAt(state.sheets.get(sheetName), p.r0, p.c0);
      for (const h of t?.selectionHandlers ?? []) setTimeout(() => h({ address: address.split(':')[0], isInsideTable: true, tableId: t.name, type: 'TableSelectionChanged' }), 0);
    },
    /** The selected cell, as "Sheet!A1". */
    activeCell() { return `${state.active.sheet}!${colLetter(state.active.c)}${state.active.r + 1}`; },
    header(name) { const t = state.tables.get(name); return t ? Array.from({ length: t.cols }, (_, j) => t.sheet.cells.get(key(t.top, t.left + j)) ?? '') : null; },
    fillAt(sheetName, address) { const p = parseAddress(address); return state.sheets.get(sheetName)?.fills.get(key(p.r0, p.c0)) ?? null; },
    isProtected(sheetName) { return !!state.sheets.get(sheetName)?.protected; },
    /** 'Visible', 'Hidden' or 'VeryHidden' (not listed in Excel's Unhide dialog); null when there is no such sheet. */
    visibility(sheetName) { return state.sheets.get(sheetName)?.visibility ?? null; },
    /** A block of a sheet's values, as a user (or VBA) would read them. */
    cells(sheetName, address) { const sheet = state.sheets.get(sheetName); if (!sheet) return null; const r = parseAddress(address); return Array.from({ length: r.r1 - r.r0 + 1 }, (_, i) => Array.from({ length: r.c1 - r.c0 + 1 }, (_, j) => sheet.cells.get(key(r.r0 + i, r.c0 + j)) ?? '')); },
    hiddenColumns(sheetName) { return [...(state.sheets.get(sheetName)?.hidden ?? [])].sort((a, b) => a - b).map(colLetter); },
    validations(sheetName) { return state.sheets.get(sheetName)?.validations ?? []; },
    conditionalFormats(sheetName) { return state.sheets.get(sheetName)?.conditionalFormats ?? []; },
    /** A block of a sheet's formulas ('' where a cell holds a plain value). */
    formulas(sheetName, address) { const sheet = state.sheets.get(sheetName); if (!sheet) return null; const r = parseAddress(address); return Array.from({ length: r.r1 - r.r0 + 1 }, (_, i) => Array.from({ length: r.c1 - r.c0 + 1 }, (_, j) => sheet.formulas.get(key(r.r0 + i, r.c0 + j)) ?? '')); },
    /** Defined names and what they refer to. */
    names() { return Object.fromEntries(state.names); },
    /**
     * A user typing or pasting into cells (Excel's validation does not run on paste): refused on
     * locked cells of a protected sheet, then raises the table's onChanged like Excel.
     */
    userEdit(sheetName, address, values) {
      const sheet = state.sheets.get(sheetName); const rect = parseAddress(address);
      for (let i = 0; i < values.length; i++) for (let j = 0; j < values[i].length; j++) {
        if (sheet.protected && !sheet.unlocked.has(key(rect.r0 + i, rect.c0 + j))) return false;
      }
      for (let i = 0; i < values.length; i++) for (let j = 0; j < values[i].length; j++) {
        const v = values[i][j]; if (v === '' || v === null) sheet.cells.delete(key(rect.r0 + i, rect.c0 + j)); else sheet.cells.set(key(rect.r0 + i, rect.c0 + j), v);
        // What the user types replaces the cell's formula, as in Excel.
        sheet.formulas.delete(key(rect.r0 + i, rect.c0 + j));
      }
      const t = tableAt(sheet, rect.r0, rect.c0);
      // With events off (context.runtime.enableEvents = false), Excel raises no event for the user's edits either.
      if (!state.eventsEnabled) return true;
      for (const h of t?.handlers ?? []) setTimeout(() => h({ address, changeType: 'RangeEdited', source: 'Local', tableId: t.name }), 0);
      return true;
    },
  };
})();
