/** UI texts of the GDPR erasure (Art. 17) on the person page. */
const de = {
  action: 'Art. 17 löschen',
  title: 'Person endgültig löschen (Art. 17 DSGVO)',
  intro:
    'Name, E-Mail, Telefon, Mobilnummer, Notizen, Ämter, Schlagwörter und Funktionen von {{name}} werden unwiderruflich gelöscht. Teilnahmen und Kontakte bleiben anonym für die Auswertungen erhalten.',
  scope: 'Außerdem wird die Person entfernt aus:',
  linked_one: '{{count}} verknüpftem Kontaktlog-Eintrag',
  linked_other: '{{count}} verknüpften Kontaktlog-Einträgen',
  audit_one: '{{count}} weiteren Eintrag im Änderungsprotokoll (z. B. Exporte, Anmeldeversuche)',
  audit_other: '{{count}} weiteren Einträgen im Änderungsprotokoll (z. B. Exporte, Anmeldeversuche)',
  segments_one: '{{count}} gespeicherten Verteiler',
  segments_other: '{{count}} gespeicherten Verteilern',
  searchIndex: 'dem Suchindex und den Sicherungsständen, die später wiederhergestellt werden',
  suppression:
    'Die E-Mail-Adresse kommt (nur als Prüfsumme) auf die Sperrliste, damit sie nicht erneut importiert wird.',
  mergedToo_one: 'Eine mit ihr zusammengeführte Person wird mit gelöscht.',
  mergedToo_other: '{{count}} mit ihr zusammengeführte Personen werden mit gelöscht.',
  mentionsTitle: 'Erwähnungen in anderen Kontaktlog-Einträgen',
  mentionsText:
    'Diese Einträge sind nicht mit der Person verknüpft, nennen sie aber. Wählen Sie, aus welchen Name, E-Mail und Telefonnummer ebenfalls entfernt werden.',
  mentionsNone: 'Kein anderer Eintrag nennt die Person.',
  mentionsMore: '{{shown}} von {{total}} Einträgen angezeigt.',
  lastNameOnly: 'Nur der Nachname passt – vielleicht eine andere Person.',
  deletedEntry: 'im Papierkorb',
  selectAll: 'Alle auswählen',
  matches: {
    fullName: 'Name',
    lastName: 'Nachname',
    firstName: 'Vorname',
    email: 'E-Mail',
    phone: 'Telefon',
  },
  acknowledge: 'Ich habe verstanden, dass die Löschung nicht rückgängig gemacht werden kann.',
  confirm: 'Endgültig löschen',
  done: '{{name}} wurde gelöscht.',
  alreadyErased: 'Diese Person wurde bereits gelöscht.',
  erasedBanner:
    'Diese Person wurde nach Art. 17 DSGVO gelöscht; es sind keine personenbezogenen Daten mehr gespeichert.',
};

const en: typeof de = {
  action: 'Erase (Art. 17)',
  title: 'Erase person for good (Art. 17 GDPR)',
  intro:
    'Name, e-mail, phone, mobile, notes, offices, tags and functions of {{name}} are erased irrevocably. Attendances and contacts stay, anonymous, for the reports.',
  scope: 'The person is also removed from:',
  linked_one: '{{count}} linked contact-log entry',
  linked_other: '{{count}} linked contact-log entries',
  audit_one: '{{count}} further entry in the change log (e.g. exports, login attempts)',
  audit_other: '{{count}} further entries in the change log (e.g. exports, login attempts)',
  segments_one: '{{count}} saved mailing list',
  segments_other: '{{count}} saved mailing lists',
  searchIndex: 'the search index, and backups restored later',
  suppression: 'The e-mail address goes on the suppression list (as a checksum only) so that it is not imported again.',
  mergedToo_one: 'A person merged into this one is erased as well.',
  mergedToo_other: '{{count}} persons merged into this one are erased as well.',
  mentionsTitle: 'Mentions in other contact-log entries',
  mentionsText:
    'These entries are not linked to the person but name them. Choose which ones to remove the name, e-mail and phone number from as well.',
  mentionsNone: 'No other entry names the person.',
  mentionsMore: '{{shown}} of {{total}} entries shown.',
  lastNameOnly: 'Only the last name matches – possibly someone else.',
  deletedEntry: 'in the bin',
  selectAll: 'Select all',
  matches: {
    fullName: 'Name',
    lastName: 'Last name',
    firstName: 'First name',
    email: 'E-mail',
    phone: 'Phone',
  },
  acknowledge: 'I understand that the erasure cannot be undone.',
  confirm: 'Erase for good',
  done: '{{name}} was erased.',
  alreadyErased: 'This person has already been erased.',
  erasedBanner: 'This person was erased under Art. 17 GDPR; no personal data is stored any more.',
};

export const messages = { de, en };
