import type {ConsoleAdapter} from './types';
import {textsOf} from './types';

// Kibana Discover's document table is an EuiDataGrid (virtualised): rows are
// `.euiDataGridRow[data-grid-row-index]` inside [data-test-subj="discoverDocTable"], cells are
// `[data-test-subj="dataGridRowCell"][data-gridcell-column-id="<field>"]` with the value in
// `.unifiedDataTable__cellValue` (elastic/eui EuiDataGridCell, Kibana Scout page objects).
// The legacy doc table (`tr[data-test-subj="docTableRow"]`) is covered too.
export const adapter: ConsoleAdapter = {
  id: 'kibana-discover',
  name: 'Kibana Discover',
  hosts: [],
  signature: '[data-test-subj="discoverDocTable"], [data-test-subj="docTable"]',
  rows: '[data-test-subj="discoverDocTable"] .euiDataGridRow, tr[data-test-subj="docTableRow"]',
  message: '[data-gridcell-column-id="message"] .unifiedDataTable__cellValue, [data-gridcell-column-id="_source"] .unifiedDataTable__cellValue, td[data-test-subj="docTableField"]',
  context: (doc) => textsOf(doc, '[data-test-subj^="dataGridHeaderCell-"], [data-test-subj="fieldListGroupedAvailableFields"] [data-test-subj^="field-"]', 80),
  modelledOn: 'elastic/eui EuiDataGridCell (data-test-subj="dataGridRowCell", data-gridcell-column-id); Kibana Scout DataGrid page object',
};
