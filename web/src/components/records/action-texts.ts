/** What a record's page says about its actions and their outcome, the same for persons and organisations. */
export const recordActionTexts = {
  de: {
    edit: 'Bearbeiten',
    delete: 'Löschen',
    restore: 'Wiederherstellen',
    merge: 'Zusammenführen',
    moreActions: 'Weitere Aktionen',
    created: '{{name}} wurde angelegt.',
    saved: 'Änderungen gespeichert.',
    deletedNotice: '{{name}} wurde gelöscht.',
    undo: 'Rückgängig',
    restored: '{{name}} wurde wiederhergestellt.',
  },
  en: {
    edit: 'Edit',
    delete: 'Delete',
    restore: 'Restore',
    merge: 'Merge',
    moreActions: 'More actions',
    created: '{{name}} has been added.',
    saved: 'Changes saved.',
    deletedNotice: '{{name}} has been deleted.',
    undo: 'Undo',
    restored: '{{name}} has been restored.',
  },
};
