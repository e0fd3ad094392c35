/**
 * How the activity feed names a record of each audited kind in German: the server's activity text and the web's
 * German messages say it the same way.
 */
export const ACTIVITY_ENTITY_DE = {
  person: 'die Person',
  organization: 'die Organisation',
  event: 'die Veranstaltung',
  interaction: 'den Kontakt',
  node: 'den Knoten',
  network: 'das Netzwerk',
  relation: 'die Beziehung von',
  attendance: 'die Teilnahme',
  event_session: 'den Termin',
  tag: 'das Schlagwort',
  topic: 'das Thema',
  segment: 'das Segment',
  report_snapshot: 'den Bericht',
  consent: 'die Einwilligung',
  export: 'eine Exportdatei',
  import: 'einen Import',
};
