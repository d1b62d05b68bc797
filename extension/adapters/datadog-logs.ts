import type {ConsoleAdapter} from './types';
import {textsOf} from './types';

// Datadog's log list renders each event as <tbody class="log-dt-event"> with cells classed
// `dt-event_<column>` (`dt-event_date`, …): the structure a public userscript keys on
// (greasyfork 475326 "Datadog RUM log highlighting": `tbody.log-dt-event`, `.dt-event_date`).
// The message column and the tag chips are modelled on the same naming; the list is
// virtualised (rows are re-used as you scroll) and live tail prepends events.
export const adapter: ConsoleAdapter = {
  id: 'datadog-logs',
  name: 'Datadog Logs',
  hosts: [/^(app|us3|us5|ap1|ap2)\.datadoghq\.(com|eu)$/, /^app\.ddog-gov\.com$/],
  signature: 'tbody.log-dt-event',
  rows: 'tbody.log-dt-event',
  message: '.dt-event_message',
  context: (doc) => textsOf(doc, '.dt-event_host, .dt-event_service, .log-tag, [data-tag]', 80),
  modelledOn: 'greasyfork 475326 (tbody.log-dt-event, .dt-event_date); Datadog Logs explorer columns date/host/service/message',
};
